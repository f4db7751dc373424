import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Zelfredzaamheid: the 13 life domains scored 1-5 at the intake, at phase changes and at the
// close. Left the latest scores as a table (with the one before); right a chart over time of the
// domain chosen in the table, one point per assessment. "Nieuwe meting" records one, starting
// from the latest scores.
Page {
    id: page
    objectName: "selfSufficiencyPage"
    property string doc
    property string name
    readonly property var domains: DossierSections.lifeDomains()
    property var rows: doc ? DossierSections.assessments(doc) : []
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.rows = page.doc ? DossierSections.assessments(page.doc) : [] }
    }
    property int selected: 0  // the domain in the chart
    readonly property var latest: rows.length > 0 ? rows[rows.length - 1] : null
    readonly property var previous: rows.length > 1 ? rows[rows.length - 2] : null
    // The scale's words (the Zelfredzaamheid-Matrix's five levels).
    readonly property var levels: [qsTr("acute problematiek"), qsTr("niet zelfredzaam"),
                                   qsTr("beperkt zelfredzaam"), qsTr("voldoende zelfredzaam"),
                                   qsTr("volledig zelfredzaam")]
    readonly property var colors: ["#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"]

    header: SectionHeader {
        title: qsTr("Zelfredzaamheid van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    Label {
        anchors.centerIn: parent
        visible: page.rows.length === 0
        text: qsTr("Nog geen zelfredzaamheidsmeting.")
        color: "#546e7a"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Button {
            objectName: "newAssessment"
            text: qsTr("Nieuwe meting")
            highlighted: true
            Layout.preferredHeight: 52
            onClicked: newAssessment.open()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 24
            visible: page.rows.length > 0

            // The latest scores, one row per domain; a tap shows that domain in the chart.
            ColumnLayout {
                readonly property real share: Math.round(page.width * (AppSession.textScale > 1.3 ? 0.5 : 0.42))
                Layout.fillWidth: false
                Layout.preferredWidth: share
                Layout.maximumWidth: share
                Layout.fillHeight: true
                spacing: 4
                Label {
                    objectName: "latestTitle"
                    text: !page.latest ? ""
                          : page.latest.moment ? qsTr("Laatste meting: %1 (%2)").arg(page.latest.dateLabel).arg(page.latest.moment)
                          : qsTr("Laatste meting: %1").arg(page.latest.dateLabel)
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.rightMargin: 12
                    Label { text: qsTr("Leefgebied"); color: "#546e7a"; Layout.fillWidth: true }
                    Label {
                        text: qsTr("Vorige")
                        color: "#546e7a"
                        horizontalAlignment: Text.AlignHCenter
                        Layout.preferredWidth: Math.round(72 * AppSession.textScale)
                    }
                    Label {
                        text: qsTr("Nu")
                        color: "#546e7a"
                        horizontalAlignment: Text.AlignHCenter
                        Layout.preferredWidth: Math.round(56 * AppSession.textScale)
                    }
                }
                ListView {
                    id: table
                    objectName: "latestTable"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: page.domains
                    ScrollBar.vertical: ScrollBar { }
                    delegate: ItemDelegate {
                        id: row
                        required property var modelData
                        required property int index
                        readonly property int score: page.latest ? page.latest.scores[index] : 0
                        readonly property int before: page.previous ? page.previous.scores[index] : 0
                        width: ListView.view.width
                        height: Math.max(48, Math.round(44 * AppSession.textScale))
                        highlighted: index === page.selected
                        onClicked: page.selected = index
                        contentItem: RowLayout {
                            spacing: 8
                            Label {
                                text: row.modelData.label
                                font.bold: row.highlighted
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: row.before > 0 ? String(row.before) + (row.score > row.before ? "  ▲" : row.score < row.before ? "  ▼" : "  =") : "–"
                                color: row.score > row.before ? "#2e7d32" : row.score < row.before ? "#c62828" : "#546e7a"
                                horizontalAlignment: Text.AlignHCenter
                                Layout.preferredWidth: Math.round(72 * AppSession.textScale)
                            }
                            Rectangle {
                                Layout.preferredWidth: Math.round(56 * AppSession.textScale)
                                Layout.preferredHeight: Math.round(32 * AppSession.textScale)
                                radius: 6
                                color: row.score > 0 ? page.colors[row.score - 1] : "#eceff1"
                                Label {
                                    objectName: "score"
                                    anchors.centerIn: parent
                                    text: row.score > 0 ? String(row.score) : "–"
                                    font.bold: true
                                    color: row.score === 3 || row.score === 0 ? "#263238" : "white"
                                }
                            }
                        }
                    }
                }
            }

            // The chosen domain over time: what the table leaves.
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 100
                Layout.fillHeight: true
                spacing: 8
                Label {
                    objectName: "chartTitle"
                    text: page.domains[page.selected] ? qsTr("%1 door de tijd").arg(page.domains[page.selected].label) : ""
                    font.pixelSize: Math.round(22 * AppSession.textScale)
                    font.bold: true
                    color: "#00796b"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Tik op een leefgebied in de tabel om het hier te zien.")
                    color: "#546e7a"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                // The chart: the scale's five levels as lines, the assessments' dates below, the
                // domain's scores as points joined by a line (plain items: no QtCharts, no Shapes).
                Item {
                    id: chart
                    objectName: "chart"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    // One point per assessment that scored this domain: where, what, when.
                    readonly property var points: page.rows
                        .map((a, i) => ({ index: i, score: a.scores[page.selected], date: a.dateLabel }))
                        .filter(p => p.score > 0)
                    readonly property int n: page.rows.length
                    // Where the scale's words do not fit beside the chart (large text), the levels
                    // show their number only and the words go in the legend below.
                    readonly property real wordsWidth: levelWords.implicitWidth + 40
                    readonly property bool compact: wordsWidth > width * 0.4
                    readonly property real levelWidth: compact ? levelNumber.implicitWidth + 40 : wordsWidth
                    readonly property real dateHalf: dateWords.implicitWidth / 2 + 12
                    readonly property real plotLeft: Math.max(levelWidth, dateHalf)
                    readonly property real plotRight: width - dateHalf
                    readonly property real plotTop: (compact ? legend.height + 8 : 0) + fm.height + 24
                    readonly property real plotBottom: height - 2 * fm.height - 28
                    // Dates far enough apart to be read: every k-th one, counted back from the latest.
                    readonly property int labelEvery: n <= 1 ? 1
                        : Math.max(1, Math.ceil(2 * dateHalf / ((plotRight - plotLeft) / (n - 1))))
                    function xOf(i) {
                        return n <= 1 ? (plotLeft + plotRight) / 2
                                      : plotLeft + (plotRight - plotLeft) * i / (n - 1)
                    }
                    function yOf(score) { return plotTop + (plotBottom - plotTop) * (5 - score) / 4 }
                    FontMetrics { id: fm; font.pixelSize: Math.round(16 * AppSession.textScale) }
                    // Unseen: how wide the scale's words and the dates are in this font (a Column is
                    // as wide as its widest line, and follows the font and the language).
                    Column {
                        id: levelWords
                        visible: false
                        Repeater { model: page.levels; Label { required property var modelData; required property int index; text: (index + 1) + " " + modelData; font.pixelSize: fm.font.pixelSize } }
                    }
                    Label { id: levelNumber; visible: false; text: "5"; font.pixelSize: fm.font.pixelSize }
                    Column {
                        id: dateWords
                        visible: false
                        Repeater {
                            model: page.rows
                            Column {
                                required property var modelData
                                Label { text: modelData.dateLabel; font.pixelSize: fm.font.pixelSize }
                                Label { text: modelData.moment; font.pixelSize: fm.font.pixelSize }
                            }
                        }
                    }

                    Rectangle { anchors.fill: parent; color: "white"; radius: 8; border.color: "#cfd8dc" }
                    Label {
                        id: legend
                        objectName: "legend"
                        visible: chart.compact
                        x: 12
                        y: 8
                        width: chart.width - 24
                        text: page.levels.map((l, i) => (i + 1) + " " + l).join(" · ")
                        font.pixelSize: fm.font.pixelSize
                        color: "#37474f"
                        wrapMode: Text.WordWrap
                    }
                    Repeater {
                        model: 5
                        delegate: Item {
                            required property int index
                            readonly property int level: index + 1
                            Rectangle {
                                x: chart.plotLeft - 8
                                y: chart.yOf(parent.level)
                                width: chart.plotRight - chart.plotLeft + 16
                                height: 1
                                color: "#cfd8dc"
                            }
                            Rectangle {
                                x: 12
                                y: chart.yOf(parent.level) - height / 2
                                width: 8
                                height: fm.height
                                color: page.colors[parent.level - 1]
                            }
                            Label {
                                x: 28
                                y: chart.yOf(parent.level) - height / 2
                                text: chart.compact ? String(parent.level)
                                                    : parent.level + " " + page.levels[parent.level - 1]
                                font.pixelSize: fm.font.pixelSize
                                color: "#37474f"
                            }
                        }
                    }
                    Repeater {
                        model: page.rows
                        delegate: Column {
                            required property var modelData
                            required property int index
                            objectName: "dateLabel"
                            visible: (chart.n - 1 - index) % chart.labelEvery === 0
                            x: chart.xOf(index) - width / 2
                            y: chart.plotBottom + 12
                            Label {
                                anchors.horizontalCenter: parent.horizontalCenter
                                text: modelData.dateLabel
                                font.pixelSize: fm.font.pixelSize
                                color: "#37474f"
                            }
                            Label {
                                anchors.horizontalCenter: parent.horizontalCenter
                                text: modelData.moment
                                font.pixelSize: fm.font.pixelSize
                                color: "#546e7a"
                            }
                        }
                    }
                    // The line: a segment from each point to the next.
                    Repeater {
                        model: chart.points.length > 1 ? chart.points.length - 1 : 0
                        delegate: Rectangle {
                            required property int index
                            readonly property real x1: chart.xOf(chart.points[index].index)
                            readonly property real y1: chart.yOf(chart.points[index].score)
                            readonly property real x2: chart.xOf(chart.points[index + 1].index)
                            readonly property real y2: chart.yOf(chart.points[index + 1].score)
                            x: x1
                            y: y1 - height / 2
                            width: Math.sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1))
                            height: 4
                            color: "#00796b"
                            antialiasing: true
                            transformOrigin: Item.Left
                            rotation: Math.atan2(y2 - y1, x2 - x1) * 180 / Math.PI
                        }
                    }
                    Repeater {
                        id: pointRepeater
                        objectName: "chartPoints"
                        model: chart.points
                        delegate: Rectangle {
                            required property var modelData
                            objectName: "point"
                            readonly property int score: modelData.score
                            width: Math.round(22 * AppSession.textScale)
                            height: width
                            radius: width / 2
                            x: chart.xOf(modelData.index) - width / 2
                            y: chart.yOf(modelData.score) - height / 2
                            color: page.colors[modelData.score - 1]
                            border.color: "white"
                            border.width: 3
                            Label {
                                anchors.bottom: parent.top
                                anchors.horizontalCenter: parent.horizontalCenter
                                text: String(parent.score)
                                font.pixelSize: fm.font.pixelSize
                                font.bold: true
                                color: "#263238"
                            }
                        }
                    }
                }
            }
        }
    }

    // A new assessment: its date (today unless changed), the moment, and a score per domain,
    // filled in with the latest assessment's so the coach changes only what moved. A domain the
    // mother moved on shows where it was.
    Popup {
        id: newAssessment
        objectName: "newAssessmentPopup"
        property var scores: []  // one per domain, 0 = not chosen yet
        property var before: []  // the latest assessment's, where the scores started
        property string moment: "fase"
        readonly property int missing: scores.filter(s => s < 1).length
        readonly property int moved: scores.filter((s, i) => before[i] > 0 && s !== before[i]).length
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 48, 1100)
        height: Math.min(page.height - 32, assessmentColumn.implicitHeight + topPadding + bottomPadding)
        modal: true
        padding: 24
        onOpened: {
            before = page.latest ? page.latest.scores.slice() : page.domains.map(() => 0)
            scores = before.slice()
            moment = page.rows.length === 0 ? "intake" : "fase"
            assessmentDate.iso = AppSession.today
            assessmentError.text = ""
        }
        function choose(index, level) {
            const s = scores.slice()
            s[index] = level
            scores = s
        }
        function save() {
            if (DossierSections.addAssessment(page.doc, assessmentDate.iso, moment, scores)) {
                newAssessment.close()
                page.rows = DossierSections.assessments(page.doc)
            } else {
                assessmentError.text = DossierSections.error || qsTr("Opslaan lukte niet.")
            }
        }

        ColumnLayout {
            id: assessmentColumn
            anchors.fill: parent
            spacing: 8
            Label {
                text: qsTr("Nieuwe zelfredzaamheidsmeting")
                font.bold: true
                font.pixelSize: Math.round(22 * AppSession.textScale)
            }
            Flow {
                Layout.fillWidth: true
                spacing: 16
                RowLayout {
                    spacing: 8
                    Label { text: qsTr("Datum") }
                    DateStepper {
                        id: assessmentDate
                        objectName: "assessmentDate"
                        latest: AppSession.today
                    }
                }
                Row {
                    spacing: 8
                    Label {
                        text: qsTr("Moment")
                        height: 48
                        verticalAlignment: Text.AlignVCenter
                    }
                    Repeater {
                        model: DossierSections.assessmentMoments()
                        delegate: Button {
                            required property var modelData
                            objectName: "moment_" + modelData.code
                            text: modelData.label
                            highlighted: newAssessment.moment === modelData.code
                            font.bold: highlighted
                            height: 48
                            onClicked: newAssessment.moment = modelData.code
                        }
                    }
                }
            }
            Label {
                objectName: "assessmentHint"
                text: page.latest ? qsTr("Ingevuld met de meting van %1: verander alleen wat er veranderd is.").arg(page.latest.dateLabel)
                                  : qsTr("Kies voor elk leefgebied een score van 1 tot 5.")
                color: "#37474f"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: page.levels.map((l, i) => (i + 1) + " " + l).join(" · ")
                color: "#546e7a"
                font.pixelSize: Math.round(15 * AppSession.textScale)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            ScrollView {
                id: scoreScroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: scoreGrid.implicitHeight
                contentWidth: availableWidth
                clip: true
                GridLayout {
                    id: scoreGrid
                    width: scoreScroll.availableWidth
                    columns: width > Math.round(900 * AppSession.textScale) ? 2 : 1
                    columnSpacing: 32
                    rowSpacing: 4
                    Repeater {
                        model: page.domains
                        delegate: RowLayout {
                            id: scoreRow
                            required property var modelData
                            required property int index
                            objectName: "scoreRow_" + modelData.code
                            readonly property int score: newAssessment.scores[index] || 0
                            readonly property int was: newAssessment.before[index] || 0
                            Layout.fillWidth: true
                            spacing: 6
                            Label {
                                text: scoreRow.modelData.label
                                font.bold: scoreRow.was > 0 && scoreRow.score !== scoreRow.was
                                wrapMode: Text.WordWrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "was"
                                visible: scoreRow.was > 0 && scoreRow.score !== scoreRow.was
                                text: qsTr("was %1").arg(scoreRow.was)
                                color: "#546e7a"
                            }
                            Repeater {
                                model: 5
                                delegate: Button {
                                    required property int index
                                    readonly property int level: index + 1
                                    readonly property bool chosen: scoreRow.score === level
                                    objectName: "level_" + level
                                    text: String(level)
                                    font.bold: chosen
                                    Accessible.name: page.levels[index]
                                    Layout.preferredWidth: 48
                                    Layout.preferredHeight: 48
                                    onClicked: newAssessment.choose(scoreRow.index, level)
                                    contentItem: Label {
                                        text: parent.text
                                        font: parent.font
                                        horizontalAlignment: Text.AlignHCenter
                                        verticalAlignment: Text.AlignVCenter
                                        color: parent.chosen && parent.level !== 3 ? "white" : "#263238"
                                    }
                                    background: Rectangle {
                                        radius: 6
                                        color: parent.chosen ? page.colors[parent.level - 1] : "white"
                                        border.color: parent.chosen ? page.colors[parent.level - 1] : "#b0bec5"
                                        border.width: parent.chosen ? 2 : 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Label {
                id: assessmentError
                objectName: "assessmentError"
                visible: text.length > 0
                color: "#b71c1c"
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "assessmentSummary"
                    text: newAssessment.missing === 1 ? qsTr("Nog 1 leefgebied zonder score.")
                          : newAssessment.missing > 1 ? qsTr("Nog %1 leefgebieden zonder score.").arg(newAssessment.missing)
                          : newAssessment.moved === 0 ? qsTr("Niets veranderd sinds de vorige meting.")
                          : newAssessment.moved === 1 ? qsTr("1 leefgebied veranderd.")
                          : qsTr("%1 leefgebieden veranderd.").arg(newAssessment.moved)
                    color: "#546e7a"
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button { objectName: "cancelAssessment"; text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: newAssessment.close() }
                Button {
                    objectName: "saveAssessment"
                    text: qsTr("Opslaan")
                    highlighted: true
                    Layout.preferredHeight: 48
                    onClicked: newAssessment.save()
                }
            }
        }
    }
}
