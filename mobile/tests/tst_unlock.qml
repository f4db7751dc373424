import QtQuick
import QtTest
import Naast

// The unlock page: nothing to press without a PIN; a wrong PIN is refused in plain words and
// not kept in the field; the right one opens the store.
TestCase {
    name: "UnlockPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; UnlockPage { width: 1280; height: 800 } }

    function test_wrong_then_right_pin() {
        if (AppSession.unlocked)
            AppSession.lock()
        const page = createTemporaryObject(pageComponent, this)
        waitForRendering(page)
        const pin = findChild(page, "pin")
        const button = findChild(page, "unlock")
        const error = findChild(page, "error")
        verify(pin && button && error)
        verify(!button.enabled)
        compare(pin.echoMode, TextInput.Password)
        verify(pin.inputMethodHints & Qt.ImhNoPredictiveText)
        verify(button.height >= 48)

        pin.text = "9999"
        verify(button.enabled)
        mouseClick(button)
        tryCompare(AppSession, "busy", false, 10000)
        verify(!AppSession.unlocked)
        verify(error.visible)
        verify(error.text.indexOf("onjuist") >= 0, error.text)
        compare(pin.text, "")

        pin.text = "1234"
        mouseClick(button)
        tryCompare(AppSession, "unlocked", true, 10000)
        compare(AppSession.error, "")
    }
}
