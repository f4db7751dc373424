import QtQuick
import QtTest
import Naast

// Zelfredzaamheid: the latest scores as a table, and a chart with one point per assessment for
// the domain tapped in the table; readable at text size 1.5. A new assessment starts from the
// latest scores; the chart shows it once saved; a score outside 1-5 is refused with a reason.
TestCase {
    name: "SelfSufficiencyPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; SelfSufficiencyPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
    }
    function cleanup() { AppSession.textScale = 1.0 }

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

    function test_table_and_chart() {
        const doc = docs.itemAt(0).doc
        const rows = DossierSections.assessments(doc)
        verify(rows.length >= 2, "assessments: " + rows.length)
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const table = findChild(page, "latestTable")
        compare(table.count, 13)
        // The table's scores are the latest assessment's.
        const latest = rows[rows.length - 1]
        for (let i = 0; i < 13; ++i) {
            const row = table.itemAtIndex(i)
            if (!row) continue  // scrolled out of view
            compare(row.score, latest.scores[i])
        }
        // The chart: one point per assessment, at that assessment's score.
        const chart = findChild(page, "chart")
        let points = collect(chart, o => o.objectName === "point")
        compare(points.length, rows.length)
        for (let i = 0; i < rows.length; ++i)
            compare(points[i].score, rows[i].scores[0])
        // Later assessments lie further right.
        for (let i = 1; i < points.length; ++i)
            verify(points[i].x > points[i - 1].x)

        // Tapping a domain in the table shows it in the chart.
        mouseClick(table.itemAtIndex(3))
        compare(page.selected, 3)
        verify(findChild(page, "chartTitle").text.indexOf(page.domains[3].label) >= 0)
        points = collect(chart, o => o.objectName === "point")
        compare(points.length, rows.length)
        for (let i = 0; i < rows.length; ++i)
            compare(points[i].score, rows[i].scores[3])
    }

    function test_readable_at_text_size_one_and_a_half() {
        AppSession.textScale = 1.5
        const doc = docs.itemAt(0).doc
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const chart = findChild(page, "chart")
        const points = collect(chart, o => o.objectName === "point")
        compare(points.length, DossierSections.assessments(doc).length)
        // Every point inside the chart, the levels far enough apart for their labels.
        for (const p of points) {
            verify(p.x >= 0 && p.x + p.width <= chart.width, "x " + p.x)
            verify(p.y >= 0 && p.y + p.height <= chart.height, "y " + p.y)
        }
        verify(chart.yOf(4) - chart.yOf(5) > points[0].height * 1.5)
        // Table rows a finger can hit.
        verify(findChild(page, "latestTable").itemAtIndex(0).height >= 48)
    }

    function openPopup(page) {
        mouseClick(findChild(page, "newAssessment"))
        const popup = findChild(page, "newAssessmentPopup")
        tryCompare(popup, "opened", true)
        return popup
    }
    function levelButton(popup, code, level) {
        return findChild(findChild(popup.contentItem, "scoreRow_" + code), "level_" + level)
    }

    function test_new_assessment() {
        const doc = docs.itemAt(2).doc
        const rows = DossierSections.assessments(doc)
        const latest = rows[rows.length - 1]
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const popup = openPopup(page)
        // Today, between times, every score as the latest assessment had it.
        compare(findChild(popup.contentItem, "assessmentDate").iso, AppSession.today)
        compare(popup.moment, "fase")
        compare(popup.scores, latest.scores)
        for (let i = 0; i < 13; ++i)
            verify(levelButton(popup, page.domains[i].code, latest.scores[i]).chosen, page.domains[i].code)
        // One domain moved; the row shows where it was.
        const code = page.domains[2].code
        const now = latest.scores[2] === 5 ? 4 : latest.scores[2] + 1
        mouseClick(levelButton(popup, code, now))
        verify(levelButton(popup, code, now).chosen)
        verify(!levelButton(popup, code, latest.scores[2]).chosen)
        verify(findChild(findChild(popup.contentItem, "scoreRow_" + code), "was").visible)
        compare(popup.moved, 1)
        // Yesterday's date; the date cannot go past today.
        const date = findChild(popup.contentItem, "assessmentDate")
        verify(!findChild(date, "dayOn").enabled)
        mouseClick(findChild(date, "dayBack"))
        verify(date.iso < AppSession.today)
        mouseClick(findChild(popup.contentItem, "saveAssessment"))
        tryCompare(popup, "visible", false)

        const after = DossierSections.assessments(doc)
        compare(after.length, rows.length + 1)
        const saved = after.find(a => a.date === date.iso && a.scores[2] === now)
        verify(saved, "the new assessment is not stored")
        compare(saved.moment, DossierSections.assessmentMoments()[1].label)
        // The chart has a point for it.
        compare(page.rows.length, rows.length + 1)
        page.selected = 2
        waitForRendering(page)
        const points = collect(findChild(page, "chart"), o => o.objectName === "point")
        compare(points.length, rows.length + 1)
        verify(points.some(p => p.score === now))
    }

    function test_score_outside_one_to_five_is_refused() {
        const doc = docs.itemAt(2).doc
        const count = DossierSections.assessments(doc).length
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const popup = openPopup(page)
        // A domain left without a score (as in a dossier with no assessment yet).
        popup.choose(0, 0)
        compare(popup.missing, 1)
        mouseClick(findChild(popup.contentItem, "saveAssessment"))
        verify(popup.opened)
        const error = findChild(popup.contentItem, "assessmentError")
        verify(error.visible)
        verify(error.text.indexOf(page.domains[0].label) >= 0, error.text)
        // A score the scale does not have.
        popup.choose(0, 3)
        popup.choose(4, 7)
        mouseClick(findChild(popup.contentItem, "saveAssessment"))
        verify(error.text.indexOf(page.domains[4].label) >= 0, error.text)
        verify(error.text.indexOf("1, 2, 3, 4") >= 0, error.text)
        compare(DossierSections.assessments(doc).length, count)
        mouseClick(findChild(popup.contentItem, "cancelAssessment"))
        tryCompare(popup, "visible", false)
        compare(DossierSections.assessments(doc).length, count)
    }
}
