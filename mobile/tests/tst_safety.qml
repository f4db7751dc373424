import QtQuick
import QtTest
import Naast

// Veiligheid en meldcode: signals newest first; a new signal is saved at once, dated today, and
// shown first; the meldcode's five steps show which are done; a step is recorded in its popup,
// the one after the last recorded by default.
TestCase {
    name: "SafetyPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; SafetyPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 1)
    }

    function collect(item, match, out) {
        out = out || []
        if (!item || !item.children) return out
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (match(child)) out.push(child)
            collect(child, match, out)
        }
        return out
    }

    function test_add_a_signal() {
        const doc = docs.itemAt(1).doc
        const before = DossierSections.safetySignals(doc).length
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const list = findChild(page, "signalList")
        compare(list.count, before)
        const add = findChild(page, "addSignal")
        verify(!add.enabled)  // nothing written yet
        findChild(page, "newSignal").text = "Moeder durft niet naar huis."
        verify(add.enabled)
        mouseClick(add)
        compare(list.count, before + 1)
        compare(findChild(page, "newSignal").text, "")
        // Stored, newest first, dated today.
        const stored = DossierSections.safetySignals(doc)
        compare(stored.length, before + 1)
        compare(stored[0].description, "Moeder durft niet naar huis.")
        const today = new Date(AppSession.today + "T12:00:00")
        verify(stored[0].date.indexOf(String(today.getFullYear())) >= 0, stored[0].date)
        verify(stored[0].date.indexOf(String(today.getDate())) === 0, stored[0].date)
        list.positionViewAtBeginning()
        const first = list.itemAtIndex(0)
        compare(collect(first, o => o.objectName === "signalText")[0].text, "Moeder durft niet naar huis.")
    }

    function test_meldcode_steps() {
        let doc = ""
        for (let i = 0; i < docs.count && !doc; ++i) {
            if (DossierSections.meldcodeSteps(docs.itemAt(i).doc).some(s => s.done))
                doc = docs.itemAt(i).doc
        }
        verify(doc, "no dossier with a meldcode step")
        const steps = DossierSections.meldcodeSteps(doc)
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        for (let n = 1; n <= 5; ++n) {
            const step = collect(page, o => o.objectName === "step_" + n)[0]
            verify(step, "step " + n)
            compare(step.done, steps[n - 1].done)
        }
        compare(collect(page, o => o.objectName.startsWith("step_")).length, 5)
    }

    function test_record_a_meldcode_step() {
        let doc = ""
        for (let i = 0; i < docs.count && !doc; ++i) {
            if (DossierSections.nextMeldcodeStep(docs.itemAt(i).doc) < 5)
                doc = docs.itemAt(i).doc
        }
        verify(doc, "no dossier with a step still to take")
        const next = DossierSections.nextMeldcodeStep(doc)
        const done = DossierSections.meldcodeSteps(doc).filter(s => s.done).length
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        mouseClick(findChild(page, "newStep"))
        const popup = findChild(page, "newStepPopup")
        tryCompare(popup, "opened", true)
        const field = name => findChild(popup.contentItem, name)
        // The next step, today.
        compare(popup.step, next)
        verify(field("stepChoice_" + next).highlighted)
        compare(field("stepDate").iso, AppSession.today)
        verify(field("stepLabel").text.indexOf(DossierSections.meldcodeSteps(doc)[next - 1].label) === 0)
        const add = field("addStep")
        verify(!add.enabled)  // no decision yet
        field("stepDecision").text = "Besproken met de werkbegeleider; Veilig Thuis gebeld."
        verify(add.enabled)
        mouseClick(add)
        tryCompare(popup, "visible", false)

        const steps = DossierSections.meldcodeSteps(doc)
        verify(steps[next - 1].done)
        compare(steps[next - 1].decision, "Besproken met de werkbegeleider; Veilig Thuis gebeld.")
        compare(steps.filter(s => s.done).length, done + 1)
        // The page shows it done.
        compare(collect(page, o => o.objectName === "step_" + next)[0].done, true)
        compare(DossierSections.nextMeldcodeStep(doc), next + 1)
    }
}
