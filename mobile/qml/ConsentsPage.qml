import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Toestemmingen: what the mother agreed to (or withdrew), one row per kind, with the date. A tap
// on "Gegeven" or "Ingetrokken" records it at once, dated today.
Page {
    id: page
    objectName: "consentsPage"
    property string doc
    property string name
    // Read when the page opens and again after each change saved here.
    property var rows: []
    function reload() { rows = doc ? DossierSections.consents(doc) : [] }
    Component.onCompleted: reload()
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.reload() }
    }
    onDocChanged: reload()

    function record(kind, given) {
        if (DossierSections.setConsent(page.doc, kind, given)) page.reload()
    }

    header: SectionHeader {
        title: qsTr("Toestemmingen van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    ListView {
        id: list
        objectName: "consentList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        spacing: 12
        model: page.rows
        ScrollBar.vertical: ScrollBar { }
        delegate: Pane {
            id: row
            required property var modelData
            objectName: "consent_" + modelData.kind
            readonly property string consent: modelData.state
            width: ListView.view.width
            padding: 16
            background: Rectangle {
                radius: 8
                color: "white"
                border.color: row.consent === "withdrawn" ? "#b71c1c" : "#cfd8dc"
            }
            GridLayout {
                width: parent.width
                columns: AppSession.textScale > 1.3 ? 1 : 2
                columnSpacing: 24
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        text: row.modelData.label
                        font.bold: true
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "stateLabel"
                        text: row.consent === "given" ? qsTr("Gegeven op %1").arg(row.modelData.date)
                              : row.consent === "withdrawn" ? qsTr("Geen toestemming sinds %1").arg(row.modelData.date)
                              : qsTr("Nog niet gevraagd")
                        color: row.consent === "given" ? "#2e7d32" : row.consent === "withdrawn" ? "#b71c1c" : "#546e7a"
                    }
                }
                RowLayout {
                    spacing: 8
                    Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
                    Button {
                        objectName: "give"
                        text: qsTr("Gegeven")
                        highlighted: row.consent === "given"
                        font.bold: highlighted
                        Layout.preferredHeight: Math.round(48 * AppSession.textScale)
                        Layout.preferredWidth: implicitWidth + 24
                        onClicked: page.record(row.modelData.kind, true)
                    }
                    Button {
                        objectName: "withdraw"
                        text: qsTr("Ingetrokken")
                        highlighted: row.consent === "withdrawn"
                        font.bold: highlighted
                        Layout.preferredHeight: Math.round(48 * AppSession.textScale)
                        Layout.preferredWidth: implicitWidth + 24
                        onClicked: page.record(row.modelData.kind, false)
                    }
                }
            }
        }
    }
}
