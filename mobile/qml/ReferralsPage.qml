import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Verwijzingen: the support the mother was referred to, the ones still waiting to start first
// (longest wait first), with how long they wait; the coach holds on (vasthouden) until the other
// care has started.
Page {
    id: page
    objectName: "referralsPage"
    property string doc
    property string name
    property var rows: doc ? DossierSections.referrals(doc) : []
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.rows = page.doc ? DossierSections.referrals(page.doc) : [] }
    }
    readonly property int waiting: rows.filter(r => r.waiting).length

    header: SectionHeader {
        title: qsTr("Verwijzingen van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Label {
            objectName: "summary"
            visible: page.rows.length > 0
            text: page.waiting === 0 ? qsTr("Alle verwijzingen zijn gestart.")
                  : page.waiting === 1 ? qsTr("1 verwijzing wacht nog op de start.")
                  : qsTr("%1 verwijzingen wachten nog op de start.").arg(page.waiting)
            font.bold: true
            color: page.waiting > 0 ? "#e65100" : "#2e7d32"
        }

        ListView {
            id: list
            objectName: "referralList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: page.rows
            ScrollBar.vertical: ScrollBar { }
            delegate: Pane {
                id: card
                required property var modelData
                readonly property bool waiting: modelData.waiting
                readonly property int waitingDays: modelData.waitingDays
                width: ListView.view.width
                padding: 16
                background: Rectangle {
                    radius: 8
                    color: "white"
                    border.color: card.waiting ? "#ef6c00" : "#cfd8dc"
                    border.width: card.waiting ? 2 : 1
                }
                RowLayout {
                    width: parent.width
                    spacing: 24
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: card.modelData.kind
                            font.bold: true
                            font.pixelSize: Math.round(20 * AppSession.textScale)
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: [card.modelData.status,
                                   card.modelData.referredOn ? qsTr("verwezen op %1").arg(card.modelData.referredOn) : "",
                                   card.modelData.startedOn ? qsTr("gestart op %1").arg(card.modelData.startedOn) : ""]
                                  .filter(s => s).join(" · ")
                            color: "#37474f"
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: card.modelData.note.length > 0
                            text: card.modelData.note
                            color: "#546e7a"
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                    ColumnLayout {
                        Layout.alignment: Qt.AlignTop
                        spacing: 4
                        Label {
                            objectName: "waitLabel"
                            visible: card.waiting
                            text: card.waitingDays === 1 ? qsTr("wacht al 1 dag") : qsTr("wacht al %1 dagen").arg(card.waitingDays)
                            font.bold: true
                            color: card.waitingDays > 42 ? "#b71c1c" : "#e65100"
                            Layout.alignment: Qt.AlignRight
                        }
                        Label {
                            visible: card.waiting && card.modelData.held
                            text: qsTr("coach houdt vast tot de start")
                            color: "#00796b"
                            Layout.alignment: Qt.AlignRight
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nog geen verwijzingen.")
                color: "#546e7a"
            }
        }
    }
}
