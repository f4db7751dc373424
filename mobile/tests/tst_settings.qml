import QtQuick
import QtTest
import Naast

// Settings: the text size grows every text; the language switches the words at once (Qt
// Linguist) and stays chosen.
TestCase {
    name: "SettingsPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; SettingsPage { width: 1280; height: 800 } }

    function cleanup() {
        AppSession.language = "nl"
        AppSession.textScale = 1.0
    }

    function test_text_size_and_language() {
        const page = createTemporaryObject(pageComponent, this)
        waitForRendering(page)
        const title = findChild(page, "title")
        compare(title.text, "Instellingen")
        const normal = title.font.pixelSize

        mouseClick(findChild(page, "scale1.5"))
        compare(AppSession.textScale, 1.5)
        compare(title.font.pixelSize, Math.round(normal * 1.5))

        mouseClick(findChild(page, "english"))
        compare(AppSession.language, "en")
        tryCompare(title, "text", "Settings")
        mouseClick(findChild(page, "dutch"))
        tryCompare(title, "text", "Instellingen")
    }
}
