import QtQuick
import QtTest
import Naast

// Plan van aanpak: the goals grouped by life domain, one card per goal in the store; a tap on a
// status or a learning stage saves it at once, and the page shows the new value; a goal edited
// in its popup saves only what changed.
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

    function test_edit_goal() {
        const doc = docs.itemAt(1).doc
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const card = collect(page, o => o.objectName.startsWith("goal_"))[0]
        const id = card.objectName.substring("goal_".length)
        const goal = storedGoal(doc, id)
        verify(goal.dueDateIso.length === 10, goal.dueDateIso)
        mouseClick(collect(card, o => o.objectName === "editGoal")[0])
        const popup = findChild(page, "editGoalPopup")
        tryCompare(popup, "opened", true)
        const field = name => findChild(popup.contentItem, name)
        // Filled in with what is stored; nothing changed yet.
        compare(field("editDescription").text, goal.description)
        compare(field("editQuestion").text, goal.helpQuestion)
        compare(field("editActions").text, goal.actions)
        compare(field("editEvaluation").text, goal.evaluation)
        compare(field("editOwner").currentValue, goal.ownerCode)
        compare(findChild(field("editDue"), "dateText").text.indexOf(DossierSections.dateLabel(goal.dueDateIso)), 0)
        compare(Object.keys(popup.changes()).length, 0)

        // The coach writes the actions and an evaluation and moves the date a week on.
        field("editActions").text = "Samen de huurtoeslag aanvragen."
        field("editEvaluation").text = "De aanvraag is verstuurd."
        const weekOn = findChild(field("editDue"), "weekOn")
        mouseClick(weekOn)
        compare(Object.keys(popup.changes()).sort(), ["actions", "dueDate", "evaluation"])
        // No description: cannot be saved.
        const save = field("saveGoal")
        const description = field("editDescription").text
        field("editDescription").text = "  "
        verify(!save.enabled)
        field("editDescription").text = description
        verify(save.enabled)
        mouseClick(save)
        tryCompare(popup, "visible", false)

        const stored = storedGoal(doc, id)
        compare(stored.actions, "Samen de huurtoeslag aanvragen.")
        compare(stored.evaluation, "De aanvraag is verstuurd.")
        const due = new Date(goal.dueDateIso + "T12:00:00Z")
        due.setUTCDate(due.getUTCDate() + 7)
        compare(stored.dueDateIso, due.toISOString().substring(0, 10))
        compare(stored.description, goal.description)
        compare(stored.helpQuestion, goal.helpQuestion)
        compare(stored.ownerCode, goal.ownerCode)
        // The page shows it (the cards are made again: let the old ones go first).
        wait(0)
        const again = goalCard(page, id)
        compare(collect(page, o => o.objectName === "goal_" + id).length, 1)
        compare(collect(again, o => o.text === "De aanvraag is verstuurd.").length, 1)

        // Another owner, chosen in the list, is saved alone.
        const list = findChild(page, "planList")
        const button = collect(again, o => o.objectName === "editGoal")[0]
        list.contentY = Math.max(0, Math.min(button.mapToItem(list.contentItem, 0, 0).y - 200,
                                             list.contentHeight - list.height))
        waitForRendering(page)
        mouseClick(button)
        tryCompare(popup, "opened", true)
        compare(popup.goal.id, id)
        const owner = field("editOwner")
        const other = owner.currentIndex === 1 ? 2 : 1
        owner.currentIndex = other
        owner.activated(other)
        compare(Object.keys(popup.changes()), ["owner"])
        mouseClick(field("saveGoal"))
        tryCompare(popup, "visible", false)
        compare(storedGoal(doc, id).ownerCode, other === 1 ? "coach" : "netwerk")
    }
}
