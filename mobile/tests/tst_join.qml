import QtQuick
import QtTest
import Naast

// Joining a team: a tablet that is in no team says so in the sync bar and offers to join; the
// join page shows the tablet's code (XXXX-XXXX) and its QR code.
TestCase {
    name: "JoinPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: barComponent; SyncBar { width: 1280 } }
    Component { id: joinComponent; JoinPage { width: 1280; height: 800 } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
    }

    function test_not_in_a_team() {
        verify(!Sync.member)
        const bar = createTemporaryObject(barComponent, this)
        verify(findChild(bar, "join").visible)
        verify(!findChild(bar, "syncNow").visible)
        verify(findChild(bar, "syncStatus").text.indexOf("nog niet bij een team") >= 0)
        verify(findChild(bar, "join").height >= 48)
    }

    function test_code_and_qr() {
        const page = createTemporaryObject(joinComponent, this)
        const code = findChild(page, "enrolmentCode")
        verify(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code.text), code.text)
        compare(code.text, Sync.enrolmentCode)
        const qr = findChild(page, "qr")
        verify(qr.visible)
        tryCompare(qr, "status", Image.Ready)
        verify(qr.sourceSize.width >= 300)
        verify(Sync.enrolmentPayload.indexOf("NAAST-ENROL:1:") === 0)
    }

    function test_sync_without_a_server_says_so() {
        Sync.setServer("", "")
        Sync.syncNow()
        verify(!Sync.syncing)
        verify(Sync.error.indexOf("server") >= 0, Sync.error)
    }
}
