import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// A mother's dossier: the overview (phase, gestational week or the child's age, visits, flags).
// Opening it is logged in the audit log ("who looked at this file").
Page {
    id: page
    objectName: "dossierPage"
    property string doc
    property var info: doc ? AppSession.dossier(doc) : ({})
    Connections {
        target: AppSession
        function onDataChanged() { page.info = page.doc ? AppSession.dossier(page.doc) : ({}) }
    }

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            ToolButton {
                text: "‹ " + qsTr("Caseload")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: page.info.name || ""
                font.pixelSize: Math.round(26 * AppSession.textScale)
                font.bold: true
                color: "white"
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: 24
        columns: 2
        columnSpacing: 24
        rowSpacing: 16

        Fact { label: qsTr("Fase"); value: page.info.phase || "" }
        Fact { label: qsTr("Zwangerschap of leeftijd"); value: page.info.stage || "–" }
        Fact {
            label: qsTr("Volgend bezoek")
            value: page.info.nextVisit || ""
            alert: page.info.overdue === true
        }
        Fact { label: qsTr("Laatste bezoek"); value: page.info.lastVisit || qsTr("nog geen") }
        Fact { label: qsTr("Bezoeken"); value: String(page.info.visits || 0) }
        Fact {
            label: qsTr("Signalen")
            value: [page.info.crisis ? qsTr("crisis") : "",
                    page.info.escalations > 0 ? qsTr("opschaling wacht op een professional") : "",
                    page.info.late ? qsTr("doorlooptijd te lang") : ""].filter(s => s).join(", ")
                   || qsTr("geen")
            alert: page.info.crisis === true
        }
        // The dossier's parts, one button each (48 px and more: a finger in a hurry).
        Flow {
            objectName: "sections"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            spacing: 12
            Repeater {
                model: page.sections
                delegate: Button {
                    required property var modelData
                    objectName: modelData.name
                    text: modelData.label
                    highlighted: modelData.name === "openDiary"
                    height: Math.round(56 * AppSession.textScale)
                    width: Math.max(implicitWidth + 32, Math.round(200 * AppSession.textScale))
                    onClicked: page[modelData.name]()
                }
            }
        }
        Item { Layout.fillHeight: true; Layout.columnSpan: 2 }
    }

    // Each part: the function that opens it (also called by --screenshots) and its label.
    readonly property var sections: [
        { name: "openVisits", label: qsTr("Bezoeken") },
        { name: "openDiary", label: qsTr("Dagboek") },
        { name: "openAudit", label: qsTr("Wie keek in dit dossier") }
    ]

    Component { id: diaryPage; DiaryPage {} }
    Component { id: auditPage; AuditPage {} }
    Component { id: visitsPage; VisitsPage {} }
    function openVisits() {
        page.StackView.view.push(visitsPage, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }
    function openAudit() {
        page.StackView.view.push(auditPage, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }
    function openDiary() {
        page.StackView.view.push(diaryPage, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }

    component Fact: Pane {
        property string label
        property string value
        property bool alert: false
        // Two equal columns, whatever the text size.
        Layout.preferredWidth: (page.width - 72) / 2
        Layout.maximumWidth: (page.width - 72) / 2
        Layout.minimumWidth: 0
        Layout.preferredHeight: Math.max(Math.round(96 * AppSession.textScale), implicitHeight)
        background: Rectangle { radius: 8; color: "white"; border.color: alert ? "#b71c1c" : "#cfd8dc" }
        ColumnLayout {
            width: parent.width
            Label { text: label; color: "#546e7a"; font.pixelSize: Math.round(16 * AppSession.textScale) }
            Label {
                text: value
                font.pixelSize: Math.round(22 * AppSession.textScale)
                font.bold: true
                color: alert ? "#b71c1c" : "#263238"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
