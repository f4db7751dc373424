import QtQuick
import QtTest
import Naast

// Toestemmingen: one row per kind; a tap on "Ingetrokken" or "Gegeven" saves at once, dated
// today, and the row shows the new state.
TestCase {
    name: "ConsentsPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; ConsentsPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 2)
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
    function row(page, kind) { return collect(page, o => o.objectName === "consent_" + kind)[0] }
    function stored(doc, kind) { return DossierSections.consents(doc).find(c => c.kind === kind) }

    function test_withdraw_and_give() {
        const doc = docs.itemAt(2).doc
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        compare(findChild(page, "consentList").count, DossierSections.consents(doc).length)
        verify(findChild(page, "consentList").count >= 4)

        mouseClick(collect(row(page, "delen_verwijzing"), o => o.objectName === "withdraw")[0])
        compare(stored(doc, "delen_verwijzing").state, "withdrawn")
        let r = row(page, "delen_verwijzing")
        compare(r.consent, "withdrawn")
        const label = collect(r, o => o.objectName === "stateLabel")[0]
        verify(label.text.indexOf(stored(doc, "delen_verwijzing").date) >= 0, label.text)
        verify(collect(r, o => o.objectName === "withdraw")[0].highlighted)
        verify(!collect(r, o => o.objectName === "give")[0].highlighted)

        waitForRendering(page)
        mouseClick(collect(r, o => o.objectName === "give")[0])
        compare(stored(doc, "delen_verwijzing").state, "given")
        r = row(page, "delen_verwijzing")
        compare(r.consent, "given")
        verify(collect(r, o => o.objectName === "give")[0].highlighted)
        // The other kinds did not change.
        compare(DossierSections.consents(doc).length, findChild(page, "consentList").count)
    }
}
