import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// De dag van het team: one screen the team looks at together at the morning briefing and the
// afternoon debriefing. At the top the figures as big numbers; on the left who visits whom
// today (per coach or student, "not assigned" last); on the right what came back since the
// last working day: escalations waiting for a professional, new safety signals, visits written
// and follow-up tasks due. Tapping a figure shows its block; tapping a mother opens her dossier.
Page {
    id: page
    objectName: "teamDayPage"
    signal open(string doc)

    // Read off the UI thread: what was read last shows until the new read is there.
    readonly property var day: TeamDay.day
    readonly property var counts: day.counts || ({})
    function reload() { TeamDay.load() }
    Component.onCompleted: reload()
    Connections {
        target: AppSession
        function onDataChanged() { page.reload() }
        function onLanguageChanged() { page.reload() }
    }

    function px(n) { return Math.round(n * AppSession.textScale) }
    // A tile tapped: its block in "what came back" scrolled to the top.
    function showBlock(block) {
        cameBack.contentY = Math.max(0, Math.min(block.y, cameBack.contentHeight - cameBack.height))
    }
    function daysText(n) { return n === 1 ? qsTr("1 dag") : qsTr("%1 dagen").arg(n) }

    header: ToolBar {
        height: page.px(64)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            spacing: 16
            ToolButton {
                objectName: "back"
                text: "‹ " + qsTr("Caseload")
                palette.buttonText: "white"
                Layout.preferredHeight: Math.max(56, page.px(48))
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: qsTr("Dag van het team") + (page.day.today ? " · " + page.day.today : "")
                font.pixelSize: page.px(26)
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            BusyIndicator {
                objectName: "loading"
                running: TeamDay.loading
                visible: running
                palette.dark: "white"
                Layout.preferredWidth: 40
                Layout.preferredHeight: 40
            }
            Button {
                objectName: "refresh"
                text: qsTr("Vernieuwen")
                Layout.preferredHeight: Math.max(48, page.px(44))
                onClicked: page.reload()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // The figures, big: the team reads them from across the table.
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: false  // the lists below take the rest
            spacing: 12
            Figure {
                objectName: "figureDue"
                value: page.counts.due || 0
                label: qsTr("bezoeken vandaag")
                note: (page.counts.overdue || 0) > 0 ? qsTr("waarvan %1 te laat").arg(page.counts.overdue) : ""
                tint: (page.counts.overdue || 0) > 0 ? "#b71c1c" : "#00796b"
            }
            Figure {
                objectName: "figureVisits"
                onTapped: page.showBlock(visitsBlock)
                value: page.counts.visitsToday || 0
                label: qsTr("verslagen vandaag")
                note: page.day.since ? qsTr("%1 sinds %2").arg(page.counts.visitsSince || 0).arg(page.day.since) : ""
                tint: "#00796b"
            }
            Figure {
                objectName: "figureTasks"
                onTapped: page.showBlock(tasksBlock)
                value: page.counts.tasks || 0
                label: qsTr("taken open")
                note: page.day.since ? qsTr("%1 nieuw sinds %2").arg(page.counts.tasksNew || 0).arg(page.day.since) : ""
                tint: "#37474f"
            }
            Figure {
                objectName: "figureSignals"
                onTapped: page.showBlock(signalsBlock)
                value: page.counts.signals || 0
                label: qsTr("nieuwe signalen")
                note: qsTr("afgelopen 7 dagen")
                tint: (page.counts.signals || 0) > 0 ? "#6a1b9a" : "#37474f"
            }
            Figure {
                objectName: "figureEscalations"
                onTapped: page.showBlock(escalationsBlock)
                value: page.counts.escalations || 0
                label: qsTr("opschalingen")
                note: qsTr("wachten op een professional")
                tint: (page.counts.escalations || 0) > 0 ? "#e65100" : "#37474f"
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            // Wie gaat naar wie.
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                padding: 12
                background: Rectangle { radius: 8; color: "#eceff1" }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    Heading { text: qsTr("Wie gaat naar wie") }
                    ListView {
                        id: rounds
                        objectName: "roundsList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 12
                        model: page.day.rounds || []
                        ScrollBar.vertical: ScrollBar { }
                        delegate: ColumnLayout {
                            id: round
                            required property var modelData
                            width: ListView.view.width - 12
                            spacing: 6
                            Label {
                                text: (round.modelData.who || qsTr("Niet toegewezen")) + "  ·  "
                                      + round.modelData.mothers.length
                                font.pixelSize: page.px(22)
                                font.bold: true
                                color: round.modelData.who ? "#004d40" : "#b71c1c"
                                Layout.fillWidth: true
                                elide: Text.ElideRight
                            }
                            Label {
                                visible: round.modelData.mothers.length === 0
                                text: qsTr("Vandaag niemand")
                                color: "#546e7a"
                                font.pixelSize: page.px(16)
                                leftPadding: 12
                            }
                            Repeater {
                                model: round.modelData.mothers
                                delegate: MotherRow {
                                    required property var modelData
                                    doc: modelData.doc
                                    name: modelData.name
                                    detail: [modelData.stage || modelData.phase,
                                             modelData.overdue ? qsTr("%1 te laat").arg(page.daysText(modelData.daysLate))
                                                               : modelData.appointment ? qsTr("afspraak vandaag") : qsTr("vandaag"),
                                             modelData["with"] ? qsTr("met %1").arg(modelData["with"]) : ""]
                                            .filter(s => s).join("  ·  ")
                                    detailColor: modelData.overdue ? "#b71c1c" : "#546e7a"
                                    crisis: modelData.crisis
                                    escalation: modelData.escalations > 0
                                }
                            }
                        }
                        Label {
                            anchors.centerIn: parent
                            width: parent.width - 32
                            visible: rounds.count === 0
                            wrapMode: Text.WordWrap
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("Vandaag hoeft niemand bezocht te worden.")
                            color: "#546e7a"
                        }
                    }
                }
            }

            // Wat kwam terug.
            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                padding: 12
                background: Rectangle { radius: 8; color: "#eceff1" }
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    Heading {
                        text: page.day.since ? qsTr("Wat kwam terug sinds %1").arg(page.day.since)
                                             : qsTr("Wat kwam terug")
                    }
                    Flickable {
                        id: cameBack
                        objectName: "cameBack"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        contentHeight: blocks.implicitHeight
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar { }
                        ColumnLayout {
                            id: blocks
                            width: cameBack.width - 12
                            spacing: 6

                            Block {
                                id: escalationsBlock
                                text: qsTr("Opschalingen die wachten op een professional")
                                count: page.counts.escalations || 0
                                tint: "#e65100"
                            }
                            Repeater {
                                objectName: "escalations"
                                model: page.day.escalations || []
                                delegate: MotherRow {
                                    required property var modelData
                                    doc: modelData.doc
                                    name: modelData.name
                                    badge: modelData.raisedOn ? qsTr("wacht %1").arg(page.daysText(modelData.daysWaiting))
                                                              : qsTr("datum onbekend")
                                    badgeTint: modelData.daysWaiting >= 2 ? "#b71c1c" : "#e65100"
                                    detail: [modelData.raisedOn ? qsTr("gemeld %1").arg(modelData.raisedOn) : "",
                                             modelData.raisedBy ? qsTr("door %1").arg(modelData.raisedBy) : "",
                                             modelData.reason].filter(s => s).join("  ·  ")
                                }
                            }

                            Block {
                                id: signalsBlock
                                text: qsTr("Nieuwe veiligheidssignalen")
                                count: page.counts.signals || 0
                                tint: "#6a1b9a"
                            }
                            Repeater {
                                objectName: "signals"
                                model: page.day.signals || []
                                delegate: MotherRow {
                                    required property var modelData
                                    doc: modelData.doc
                                    name: modelData.name
                                    badge: modelData.date
                                    badgeTint: "#6a1b9a"
                                    detail: modelData.description
                                }
                            }

                            Block {
                                id: visitsBlock
                                text: qsTr("Verslagen geschreven")
                                count: page.counts.visitsSince || 0
                                tint: "#00796b"
                            }
                            Repeater {
                                objectName: "visits"
                                model: page.day.visits || []
                                delegate: MotherRow {
                                    required property var modelData
                                    doc: modelData.doc
                                    name: modelData.name
                                    badge: modelData.today ? qsTr("vandaag") : modelData.date
                                    badgeTint: modelData.today ? "#00796b" : "#546e7a"
                                    detail: [modelData.kind,
                                             modelData.minutes > 0 ? qsTr("%1 min").arg(modelData.minutes) : "",
                                             modelData.tasks === 1 ? qsTr("1 vervolgactie") : modelData.tasks > 1 ? qsTr("%1 vervolgacties").arg(modelData.tasks) : "",
                                             modelData.followUp ? qsTr("vervolg: %1").arg(modelData.followUp) : ""]
                                            .filter(s => s).join("  ·  ")
                                }
                            }

                            Block {
                                id: tasksBlock
                                text: qsTr("Vervolgacties en doelen die nu af moeten zijn")
                                count: page.counts.tasks || 0
                                tint: "#37474f"
                            }
                            Repeater {
                                objectName: "tasks"
                                model: page.day.tasks || []
                                delegate: MotherRow {
                                    required property var modelData
                                    doc: modelData.doc
                                    name: modelData.name
                                    badge: modelData.daysLate > 0 ? qsTr("%1 te laat").arg(page.daysText(modelData.daysLate))
                                                                  : qsTr("vandaag")
                                    badgeTint: modelData.daysLate > 30 ? "#b71c1c" : "#37474f"
                                    detail: (modelData.fromVisit ? qsTr("Vervolgactie: ") : qsTr("Doel: "))
                                            + modelData.what + (modelData.owner ? "  ·  " + modelData.owner : "")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // A figure for the team: a big number, what it counts, and a line beneath.
    component Figure: Pane {
        id: figure
        signal tapped()
        property int value
        property string label
        property string note
        property color tint: "#00796b"
        Layout.fillWidth: true
        Layout.fillHeight: true  // the tiles as tall as the tallest
        Layout.preferredWidth: 1
        padding: 10
        background: Rectangle { radius: 8; color: "white"; border.color: tint; border.width: 2 }
        contentItem: ColumnLayout {
            spacing: 0
            Label {
                objectName: "value"
                text: value
                font.pixelSize: page.px(60)
                font.bold: true
                color: tint
                Layout.fillWidth: true
            }
            Label {
                text: label
                font.pixelSize: page.px(19)
                font.bold: true
                color: "#263238"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: note
                visible: note.length > 0
                font.pixelSize: page.px(15)
                color: "#546e7a"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Item { Layout.fillHeight: true }  // the text at the top of a taller tile
        }
        TapHandler { onTapped: figure.tapped() }
    }

    component Heading: Label {
        font.pixelSize: page.px(22)
        font.bold: true
        color: "#00796b"
        elide: Text.ElideRight
        Layout.fillWidth: true
    }

    // A block's title in "what came back", with its count.
    component Block: Label {
        property int count
        property color tint
        text: ""
        topPadding: 10
        font.pixelSize: page.px(20)
        font.bold: true
        color: tint
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Label {
            // the count, right-aligned with the rows
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            text: parent.count
            font: parent.font
            color: parent.color
        }
        rightPadding: page.px(48)
    }

    // A mother in a list: her name big, a line beneath, flags; tapping opens her dossier.
    component MotherRow: ItemDelegate {
        id: row
        objectName: "motherRow"
        property string doc
        property string name
        property string detail
        property color detailColor: "#546e7a"
        property string badge
        property color badgeTint: "#546e7a"
        property bool crisis: false
        property bool escalation: false
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(56, implicitHeight)
        topPadding: 8
        bottomPadding: 8
        onClicked: page.open(doc)
        background: Rectangle {
            radius: 8
            color: row.down ? "#e0f2f1" : "white"
            border.color: row.crisis ? "#b71c1c" : "#cfd8dc"
            border.width: row.crisis ? 2 : 1
        }
        contentItem: RowLayout {
            spacing: 12
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label {
                    text: row.name
                    font.pixelSize: page.px(22)
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: row.detail
                    visible: text.length > 0
                    color: row.detailColor
                    font.pixelSize: page.px(16)
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            Tag { visible: row.crisis; text: qsTr("Crisis"); tint: "#b71c1c" }
            Tag { visible: row.escalation; text: qsTr("Opschaling open"); tint: "#e65100" }
            Tag { visible: row.badge.length > 0; text: row.badge; tint: row.badgeTint }
        }
    }

    component Tag: Label {
        property color tint: "#b71c1c"
        padding: 6
        leftPadding: 10
        rightPadding: 10
        font.pixelSize: page.px(15)
        font.bold: true
        color: "white"
        background: Rectangle { radius: 12; color: parent.tint }
    }
}
