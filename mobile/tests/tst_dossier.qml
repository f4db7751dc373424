import QtQuick
import QtQuick.Controls
import QtTest
import Naast

// The dossier's overview: contacts and children from the store; the parts in a fixed order
// (plan, zelfredzaamheid, verwijzingen, veiligheid, toestemmingen before dagboek and wie keek),
// each opening its page and back.
TestCase {
    name: "DossierPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: stackComponent; StackView { width: 1280; height: 800 } }
    Component { id: dossierComponent; DossierPage {} }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
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

    function test_facts_and_parts() {
        const doc = docs.itemAt(0).doc
        const facts = DossierSections.overview(doc)
        verify(facts.phone.length > 0 && facts.address.length > 0)
        const stack = createTemporaryObject(stackComponent, this)
        stack.push(dossierComponent, { doc: doc }, StackView.Immediate)
        const page = stack.currentItem
        waitForRendering(page)
        compare(collect(page, o => o.objectName === "phone")[0].value, facts.phone)
        compare(collect(page, o => o.objectName === "address")[0].value, facts.address)
        for (const child of facts.children)
            verify(collect(page, o => o.objectName === "children")[0].value.indexOf(child.name) >= 0)

        const order = page.sections.map(s => s.name)
        const expected = ["openPlan", "openSelfSufficiency", "openReferrals", "openSafety",
                          "openConsents", "openDiary", "openAudit"]
        for (let i = 1; i < expected.length; ++i)
            verify(order.indexOf(expected[i - 1]) < order.indexOf(expected[i]), expected[i])
        const pages = { openPlan: "planPage", openSelfSufficiency: "selfSufficiencyPage",
                        openReferrals: "referralsPage", openSafety: "safetyPage",
                        openConsents: "consentsPage" }
        for (const name in pages) {
            const button = collect(page, o => o.objectName === name)[0]
            verify(button, name)
            verify(button.height >= 48 && button.width >= 48)
            mouseClick(button)
            compare(stack.currentItem.objectName, pages[name])
            compare(stack.currentItem.doc, doc)
            waitForRendering(stack.currentItem)
            mouseClick(collect(stack.currentItem, o => o.objectName === "back")[0])
            compare(stack.currentItem, page)
        }
    }

    // Who goes to her: a name added in the popup shows in the overview; ticked off, it goes.
    function test_who_goes_to_her() {
        const doc = docs.itemAt(2).doc
        const stack = createTemporaryObject(stackComponent, this)
        stack.push(dossierComponent, { doc: doc }, StackView.Immediate)
        const page = stack.currentItem
        waitForRendering(page)
        const fact = collect(page, o => o.objectName === "assignedFact")[0]
        verify(fact)
        const change = collect(fact, o => o.objectName === "assignedFactAction")[0]
        verify(change.height >= 48)
        mouseClick(change)
        const popup = findChild(page, "assignPopup")
        tryCompare(popup, "opened", true)
        const field = findChild(popup.contentItem, "assignName")
        field.text = "Coach Testnaam"
        mouseClick(findChild(popup.contentItem, "assignAdd"))
        tryVerify(() => fact.value.indexOf("Coach Testnaam") >= 0)
        compare(field.text, "")
        const box = findChild(popup.contentItem, "assign_Coach Testnaam")
        verify(box && box.checked)
        mouseClick(box)
        tryVerify(() => fact.value.indexOf("Coach Testnaam") < 0)
        mouseClick(findChild(popup.contentItem, "assignClose"))
        tryCompare(popup, "opened", false)
    }
}
