import QtQuick
import QtTest
import Naast

// Auto-lock: an unlocked tablet left alone locks itself after the configured time; a touch
// before then starts the time again.
TestCase {
    name: "AutoLock"
    when: windowShown
    visible: true
    width: 400
    height: 300

    function cleanup() { AppSession.autoLockSeconds = 300 }

    function test_locks_when_left_alone() {
        AppSession.autoLockSeconds = 2
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        const unlockedAt = Date.now()
        // A touch restarts the two seconds.
        wait(1000)
        mouseClick(this, 10, 10)
        const touchedAt = Date.now()
        verify(AppSession.unlocked)
        tryCompare(AppSession, "unlocked", false, 10000)
        // Locked no sooner than two seconds after the last touch.
        verify(Date.now() - touchedAt >= 1900, "locked after " + (Date.now() - touchedAt) + " ms")
        verify(Date.now() - unlockedAt >= 2900)
    }
}
