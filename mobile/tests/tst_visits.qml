import QtQuick
import QtQuick.Controls
import QtTest
import Naast

// Visits: the list shows the dossier's visits; "Nieuw bezoek" opens an empty visit of today;
// what is typed is kept without pressing save, and is there when the visit is opened again.
TestCase {
    name: "VisitsPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: stackComponent
        StackView { width: 1280; height: 800 }
    }
    Component { id: visitsComponent; VisitsPage {} }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
    }

    function test_new_visit_keeps_what_is_typed() {
        const stack = createTemporaryObject(stackComponent, this)
        stack.push(visitsComponent, { doc: docs.itemAt(0).doc, name: "Test" }, StackView.Immediate)
        const page = stack.currentItem
        const list = findChild(page, "visitsList")
        verify(list.count > 0)
        const before = list.count

        mouseClick(findChild(page, "newVisit"))
        const editor = stack.currentItem
        compare(editor.objectName, "visitPage")
        const notes = findChild(editor, "notes")
        verify(notes.inputMethodHints & Qt.ImhNoPredictiveText)
        compare(notes.text, "")
        notes.forceActiveFocus()
        keyClick("H"); keyClick("o"); keyClick("i")
        compare(notes.text, "Hoi")
        verify(!findChild(editor, "conflicts").visible)
        // The mother's dagboek entry of this week, marked discussed in this visit with a tap.
        const diary = findChild(editor, "diaryDiscussed")
        verify(diary.visible)
        verify(!diary.checked)
        mouseClick(diary)
        verify(diary.checked)
        compare(editor.diaryKey(), AppSession.diaryEntry(AppSession.currentDiaryEntry(editor.doc).kind,
                                                        AppSession.currentDiaryEntry(editor.doc).index, "nl").key)

        stack.pop(StackView.Immediate)  // back to the list: the editor saves on closing
        tryCompare(list, "count", before + 1)
        page.openLatest()
        compare(findChild(stack.currentItem, "notes").text, "Hoi")
        // An appointment for the next visit: a week on with a tap, moved a day, or none.
        const visit = stack.currentItem
        const make = findChild(visit, "makeAppointment")
        verify(make.visible)
        mouseClick(make)
        tryCompare(make, "visible", false)
        const stepper = findChild(visit, "appointment")
        verify(stepper.visible)
        const first = stepper.iso
        verify(first > AppSession.today)
        mouseClick(findChild(stepper, "dayOn"))
        tryVerify(() => findChild(visit, "appointment").iso > first)
        mouseClick(findChild(visit, "noAppointment"))
        tryCompare(findChild(visit, "makeAppointment"), "visible", true)
        // Every control a finger needs is at least 48 px high.
        verify(findChild(stack.currentItem, "kind").height >= 48)
        verify(findChild(stack.currentItem, "duration").height >= 48)
    }

    // Vervolgacties: typed with who and by when, added with a tap, ticked off with a tap; the
    // next visit lists the ones still open.
    function test_follow_up_tasks() {
        const stack = createTemporaryObject(stackComponent, this)
        stack.push(visitsComponent, { doc: docs.itemAt(1).doc, name: "Test" }, StackView.Immediate)
        mouseClick(findChild(stack.currentItem, "newVisit"))
        const editor = stack.currentItem
        const what = findChild(editor, "taskWhat")
        const add = findChild(editor, "addTask")
        verify(what.inputMethodHints & Qt.ImhNoPredictiveText)
        verify(!add.enabled)  // nothing typed: nothing to add
        what.text = "Huurtoeslag aanvragen"
        verify(add.enabled)
        const owner = findChild(editor, "taskOwner")
        owner.currentIndex = 0  // moeder
        mouseClick(add)
        compare(what.text, "")  // ready for the next one
        const tasks = findChild(editor, "tasks")
        tryCompare(tasks, "count", 1)
        const box = findChild(editor, "task_Huurtoeslag aanvragen")
        verify(box)
        verify(!box.checked)
        verify(box.height >= 48)
        verify(findChild(editor, "removeTask_Huurtoeslag aanvragen").width >= 48)

        // Tapping its text opens it to change: what, and no date any more. (Scrolled down to
        // it first, as a finger would.)
        const flick = findChild(editor, "body").contentItem
        flick.contentY = Math.max(0, flick.contentHeight - flick.height)
        waitForRendering(editor)
        mouseClick(findChild(editor, "taskText_Huurtoeslag aanvragen"))
        const popup = findChild(editor, "taskPopup")
        tryCompare(popup, "opened", true)
        const whatField = findChild(popup.contentItem, "taskEditWhat")
        compare(whatField.text, "Huurtoeslag aanvragen")
        whatField.text = "Huurtoeslag samen aanvragen"
        mouseClick(findChild(popup.contentItem, "taskEditNoDate"))
        mouseClick(findChild(popup.contentItem, "taskEditSave"))
        tryCompare(popup, "opened", false)
        tryVerify(() => findChild(editor, "task_Huurtoeslag samen aanvragen") !== null)
        flick.contentY = Math.max(0, flick.contentHeight - flick.height)
        waitForRendering(editor)
        mouseClick(findChild(editor, "taskText_Huurtoeslag samen aanvragen"))
        tryCompare(popup, "opened", true)
        findChild(popup.contentItem, "taskEditWhat").text = "Huurtoeslag aanvragen"
        mouseClick(findChild(popup.contentItem, "taskEditSave"))
        tryCompare(popup, "opened", false)
        tryVerify(() => findChild(editor, "task_Huurtoeslag aanvragen") !== null)

        // The next visit: the task is open, from the visit before; ticked off there.
        stack.pop(StackView.Immediate)
        mouseClick(findChild(stack.currentItem, "newVisit"))
        const next = stack.currentItem
        compare(findChild(next, "tasks").count, 0)
        const open = findChild(next, "task_Huurtoeslag aanvragen")
        verify(open)
        verify(!findChild(next, "removeTask_Huurtoeslag aanvragen").visible)
        mouseClick(open)
        tryVerify(() => findChild(next, "task_Huurtoeslag aanvragen").checked)
    }
}
