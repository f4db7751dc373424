import QtQuick
import QtTest
import Naast

// Plan van aanpak: the goals grouped by life domain, one card per goal in the store; a tap on a
// status or a learning stage saves it at once, and the page shows the new value.
TestCase {
    name: "PlanPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; PlanPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
    }

    // The visual items under `item` (Flickable content included) that `match`, in tree order.
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
    function goalCard(page, id) {
        return collect(page, o => o.objectName === "goal_" + id)[0]
    }
    function storedGoal(doc, id) {
        for (const g of DossierSections.goalGroups(doc))
            for (const goal of g.goals)
                if (goal.id === id) return goal
        return null
    }

    function test_grouped_by_domain() {
        const doc = docs.itemAt(0).doc
        const groups = DossierSections.goalGroups(doc)
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const headers = collect(page, o => o.objectName === "domainHeader")
        compare(headers.length, groups.length)
        const seen = {}
        for (let i = 0; i < groups.length; ++i) {
            compare(headers[i].text, groups[i].label)
            verify(!seen[groups[i].domain], "a domain twice: " + groups[i].domain)
            seen[groups[i].domain] = true
        }
        // One card per goal, each in its own domain's group.
        const cards = collect(page, o => o.objectName.startsWith("goal_"))
        const total = groups.reduce((n, g) => n + g.goals.length, 0)
        verify(total >= 3, "goals: " + total)
        compare(cards.length, total)
        compare(page.goalCount, total)
        for (const g of groups) {
            const group = collect(page, o => o.objectName === "group_" + g.domain)[0]
            verify(group, g.domain)
            compare(collect(group, o => o.objectName.startsWith("goal_")).length, g.goals.length)
        }
    }

    function test_status_and_stage_saved_at_once() {
        const doc = docs.itemAt(0).doc
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        let card = collect(page, o => o.objectName.startsWith("goal_"))[0]
        const id = card.objectName.substring("goal_".length)
        const status = card.status === "bereikt" ? "bezig" : "bereikt"
        mouseClick(collect(card, o => o.objectName === "status_" + status)[0])
        // Saved: read back from the store, and shown.
        compare(storedGoal(doc, id).status, status)
        card = goalCard(page, id)
        compare(card.status, status)
        verify(collect(card, o => o.objectName === "status_" + status)[0].highlighted)

        waitForRendering(page)
        const stage = card.learningStage === "zelf_doen" ? "voordoen" : "zelf_doen"
        mouseClick(collect(card, o => o.objectName === "stage_" + stage)[0])
        compare(storedGoal(doc, id).learningStage, stage)
        compare(storedGoal(doc, id).status, status)
        compare(goalCard(page, id).learningStage, stage)

        // A fresh page (as after going back and in again) shows the same.
        const again = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        compare(goalCard(again, id).status, status)
        compare(goalCard(again, id).learningStage, stage)
    }

    function test_new_goal() {
        const doc = docs.itemAt(0).doc
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        const before = page.goalCount
        mouseClick(findChild(page, "newGoal"))
        const popup = findChild(page, "newGoalPopup")
        tryCompare(popup, "opened", true)
        const add = findChild(popup.contentItem, "addGoal")
        verify(!add.enabled)  // nothing written yet
        findChild(popup.contentItem, "goalText").text = "Elke week de post samen openen."
        verify(add.enabled)
        mouseClick(add)
        tryCompare(popup, "visible", false)
        compare(page.goalCount, before + 1)
        let found = null
        for (const g of DossierSections.goalGroups(doc))
            for (const goal of g.goals)
                if (goal.description === "Elke week de post samen openen.") found = goal
        verify(found !== null)
        compare(found.status, "open")
    }
}
