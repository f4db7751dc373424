import QtQuick
import QtTest
import Naast

// The team's day: the big numbers agree with the lists beneath them and with the caseload;
// tapping a mother opens her dossier; the caseload's header opens the page.
TestCase {
    name: "TeamDayPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; TeamDayPage { width: 1280; height: 800 } }
    Component { id: caseloadComponent; CaseloadPage { width: 1280; height: 800 } }
    SignalSpy { id: opened; signalName: "open" }
    SignalSpy { id: teamDayAsked; signalName: "teamDay" }
    Repeater {
        id: caseload
        model: AppSession.caseload
        delegate: Item {
            required property string doc
            required property bool overdue
            required property bool dueToday
            required property int escalations
        }
    }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => caseload.count > 1)
    }

    function figure(page, name) {
        const f = findChild(page, name)
        verify(f, name)
        return Number(findChild(f, "value").text)
    }

    function test_figures_lists_and_opening_a_dossier() {
        const page = createTemporaryObject(pageComponent, this)
        // Read off the UI thread: the page fills in when the read is done.
        tryCompare(TeamDay, "loading", false, 10000)
        waitForRendering(page)
        const day = page.day
        verify(day.counts !== undefined, "the team's day was read")

        // The numbers at the top are the lengths of the lists beneath them.
        compare(figure(page, "figureEscalations"), day.escalations.length)
        compare(figure(page, "figureSignals"), day.signals.length)
        compare(figure(page, "figureTasks"), day.tasks.length)
        compare(figure(page, "figureVisits"), day.visits.filter(v => v.today).length)

        // ... and agree with the caseload: mothers due today or overdue, open escalations.
        let due = 0, open = 0
        const docs = []
        for (let i = 0; i < caseload.count; ++i) {
            const row = caseload.itemAt(i)
            if (row.overdue || row.dueToday) due++
            open += row.escalations
            docs.push(row.doc)
        }
        verify(due > 0, "someone to visit in the demo team")
        compare(figure(page, "figureDue"), due)
        verify(open > 0, "an escalation waits in the demo team")
        compare(figure(page, "figureEscalations"), open)
        // The longest waiting first.
        for (let j = 1; j < day.escalations.length; ++j)
            verify(day.escalations[j - 1].daysWaiting >= day.escalations[j].daysWaiting)

        // Every mother due is in a round; the rounds' rows are on the screen.
        const inRounds = new Set()
        for (const r of day.rounds)
            for (const m of r.mothers) inRounds.add(m.doc)
        compare(inRounds.size, due)
        const rounds = findChild(page, "roundsList")
        compare(rounds.count, day.rounds.length)

        // Tapping a mother opens her dossier.
        opened.target = page
        const row = findChild(rounds, "motherRow")
        verify(row, "a mother's row in the rounds")
        verify(row.height >= 48, "a touch target of " + row.height)
        mouseClick(row)
        compare(opened.count, 1)
        compare(opened.signalArguments[0][0], row.doc)
        verify(docs.indexOf(row.doc) >= 0)
    }

    function test_a_figure_shows_its_block() {
        const page = createTemporaryObject(pageComponent, this)
        verify(TeamDay.loading, "the page reads the team's day when it opens")
        tryCompare(TeamDay, "loading", false, 10000)
        waitForRendering(page)
        const back = findChild(page, "cameBack")
        verify(back.contentHeight > back.height, "the blocks need scrolling in the demo team")
        compare(back.contentY, 0)
        mouseClick(findChild(page, "figureTasks"))
        verify(back.contentY > 0, "tapping the tasks scrolls to them")
        mouseClick(findChild(page, "figureEscalations"))
        compare(back.contentY, 0)  // the escalations are the first block
    }

    function test_caseload_opens_the_team_day() {
        const page = createTemporaryObject(caseloadComponent, this)
        waitForRendering(page)
        teamDayAsked.target = page
        const button = findChild(page, "openTeamDay")
        verify(button)
        mouseClick(button)
        compare(teamDayAsked.count, 1)
    }
}
