import QtQuick
import QtTest
import Naast

// The caseload page: every active dossier listed, overdue ones first; search by name narrows
// the list; tapping a row opens that dossier.
TestCase {
    name: "CaseloadPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; CaseloadPage { width: 1280; height: 800 } }
    SignalSpy { id: opened; signalName: "open" }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
    }

    function test_list_search_and_open() {
        const page = createTemporaryObject(pageComponent, this)
        waitForRendering(page)
        const list = findChild(page, "caseloadList")
        const search = findChild(page, "search")
        verify(list && search)
        const all = AppSession.caseload.count
        verify(all >= 3, "a caseload of " + all)
        tryCompare(list, "count", all)

        // Overdue rows come first.
        let seenLater = false
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            if (!item) break
            if (!item.overdue) seenLater = true
            else verify(!seenLater, "an overdue row after a row that is not overdue")
        }

        // Search by part of the first name.
        const name = list.itemAtIndex(0).name
        const part = name.substring(name.length - 4)
        search.text = part
        verify(list.count >= 1 && list.count <= all)
        for (let j = 0; j < list.count; ++j)
            verify(list.itemAtIndex(j).name.toLowerCase().indexOf(part.toLowerCase()) >= 0)
        search.text = "zzzz-geen-moeder"
        compare(list.count, 0)
        search.text = ""
        compare(list.count, all)

        opened.target = page
        tryVerify(() => list.itemAtIndex(0) !== null)
        waitForRendering(list)
        mouseClick(list.itemAtIndex(0))
        compare(opened.count, 1)
        compare(opened.signalArguments[0][0], list.itemAtIndex(0).doc)
    }
}
