import QtQuick
import QtTest
import Naast

// The dagboek page: the mother's current entry from her dates; browsing; marking it discussed
// with her own note (stored in her dossier); the full-screen view for the mother, which nothing
// but the coach's PIN leaves.
TestCase {
    name: "DiaryPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; DiaryPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
    }

    function test_current_browse_discuss_and_show() {
        const doc = docs.itemAt(0).doc
        const current = AppSession.currentDiaryEntry(doc)
        verify(current.kind !== undefined, "no current entry")
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const title = findChild(page, "entryTitle")
        verify(title.text.indexOf(String(current.index)) >= 0, title.text)
        verify(page.isCurrent)

        // Browse to the next entry and back.
        const next = findChild(page, "next")
        const before = title.text
        if (next.enabled) {
            mouseClick(next)
            compare(page.index, current.index + 1)
            verify(!page.isCurrent)
            verify(title.text !== before)
            mouseClick(findChild(page, "previous"))
            compare(title.text, before)
        }

        // The English text, then Dutch again.
        mouseClick(findChild(page, "language"))
        compare(page.lang, "en")
        verify(title.text !== before)
        mouseClick(findChild(page, "language"))
        compare(title.text, before)

        // Reading aloud: the button is there exactly when the device has a voice for the
        // language. With the flite engine (English voices only, as scripts/test installs) that
        // means English yes, Dutch no.
        const read = findChild(page, "readAloud")
        compare(read.visible, page.voiceLocale("nl") !== null)
        if (page.ttsEngine === "flite") {
            verify(!read.visible)
            page.lang = "en"
            verify(read.visible)
            page.lang = "nl"
        }

        // Discussed, with the mother's own words.
        const note = findChild(page, "motherNote")
        note.text = "Ze wil meer voorlezen."
        mouseClick(findChild(page, "markDiscussed"))
        const progress = AppSession.diaryProgress(doc, page.entry.key)
        verify(progress.discussedOn.length > 0)
        compare(progress.motherNote, "Ze wil meer voorlezen.")
        verify(findChild(page, "discussed").text.indexOf(progress.discussedOn) >= 0)

        // Shown to the mother: Escape and taps outside do nothing; a wrong PIN does not let
        // anyone out; the coach's PIN does.
        page.showMother()
        keyClick(Qt.Key_Escape)
        const popup = page.motherViewItem
        verify(popup.opened)
        mouseClick(page, 1200, 780)
        verify(popup.opened)
        const back = findChild(popup.contentItem, "backToCoach")
        mouseClick(back)
        const pin = findChild(popup.contentItem, "coachPin")
        verify(pin.visible)
        pin.text = "9999"
        mouseClick(findChild(popup.contentItem, "leave"))
        tryVerify(() => findChild(popup.contentItem, "pinError").text.length > 0, 10000)
        verify(popup.opened)
        pin.text = "1234"
        mouseClick(findChild(popup.contentItem, "leave"))
        tryVerify(() => !popup.opened, 10000)
    }
}
