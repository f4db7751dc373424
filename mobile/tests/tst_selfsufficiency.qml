import QtQuick
import QtTest
import Naast

// Zelfredzaamheid: the latest scores as a table, and a chart with one point per assessment for
// the domain tapped in the table; readable at text size 1.5.
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
}
