import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Veiligheid en meldcode: the safety signals, newest first, with a field to write down a new one
// (dated today, saved at once); beside them the meldcode's five steps (meldcode huiselijk geweld
// en kindermishandeling) and which are done, when, with what decision.
Page {
    id: page
    objectName: "safetyPage"
    property string doc
    property string name
    // Read when the page opens and again after each change saved here.
    property var signalRows: []
    function reload() { signalRows = doc ? DossierSections.safetySignals(doc) : [] }
    Component.onCompleted: reload()
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.reload() }
    }
    onDocChanged: reload()
    readonly property var steps: doc ? DossierSections.meldcodeSteps(doc) : []

    function addSignal(text) {
        if (!DossierSections.addSafetySignal(page.doc, text)) return false
        page.reload()
        return true
    }

    header: SectionHeader {
        title: qsTr("Veiligheid en meldcode van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 24

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: 8
            Label {
                text: qsTr("Signalen")
                font.pixelSize: Math.round(22 * AppSession.textScale)
                font.bold: true
                color: "#00796b"
            }
            TextArea {
                id: newSignal
                objectName: "newSignal"
                placeholderText: qsTr("Wat zag of hoorde je? (vandaag)")
                wrapMode: TextEdit.Wrap
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
                Layout.fillWidth: true
                Layout.preferredHeight: Math.round(96 * AppSession.textScale)
                background: Rectangle { color: "white"; border.color: "#90a4ae"; radius: 6 }
            }
            Button {
                objectName: "addSignal"
                text: qsTr("Signaal vastleggen")
                highlighted: true
                enabled: newSignal.text.trim().length > 0
                Layout.preferredHeight: Math.max(48, Math.round(48 * AppSession.textScale))
                Layout.alignment: Qt.AlignRight
                onClicked: if (page.addSignal(newSignal.text)) newSignal.text = ""
            }
            ListView {
                id: list
                objectName: "signalList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: page.signalRows
                ScrollBar.vertical: ScrollBar { }
                delegate: Pane {
                    required property var modelData
                    width: ListView.view.width
                    padding: 12
                    background: Rectangle { radius: 8; color: "white"; border.color: "#cfd8dc" }
                    ColumnLayout {
                        width: parent.width
                        spacing: 2
                        Label { text: modelData.date; color: "#546e7a" }
                        Label {
                            objectName: "signalText"
                            text: modelData.description
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: qsTr("Geen signalen vastgelegd.")
                    color: "#546e7a"
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: 8
            Label {
                text: qsTr("Meldcode")
                font.pixelSize: Math.round(22 * AppSession.textScale)
                font.bold: true
                color: "#00796b"
            }
            Flickable {
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentHeight: stepColumn.height
                clip: true
                ColumnLayout {
                    id: stepColumn
                    width: parent.width
                    spacing: 8
                    Repeater {
                        model: page.steps
                        delegate: Pane {
                            id: step
                            required property var modelData
                            objectName: "step_" + modelData.step
                            readonly property bool done: modelData.done
                            Layout.fillWidth: true
                            padding: 12
                            background: Rectangle {
                                radius: 8
                                color: step.done ? "#e0f2f1" : "white"
                                border.color: step.done ? "#00796b" : "#cfd8dc"
                            }
                            RowLayout {
                                width: parent.width
                                spacing: 12
                                Rectangle {
                                    Layout.alignment: Qt.AlignTop
                                    Layout.preferredWidth: Math.round(36 * AppSession.textScale)
                                    Layout.preferredHeight: Math.round(36 * AppSession.textScale)
                                    radius: width / 2
                                    color: step.done ? "#00796b" : "white"
                                    border.color: "#00796b"
                                    border.width: 2
                                    Label {
                                        anchors.centerIn: parent
                                        text: step.done ? "✓" : String(step.modelData.step)
                                        color: step.done ? "white" : "#00796b"
                                        font.bold: true
                                    }
                                }
                                // A Column, not a layout: wrapped lines push the next down at once.
                                Column {
                                    Layout.fillWidth: true
                                    spacing: 2
                                    Label {
                                        width: parent.width
                                        text: qsTr("Stap %1: %2").arg(step.modelData.step).arg(step.modelData.label)
                                        font.bold: true
                                        wrapMode: Text.WordWrap
                                    }
                                    Label {
                                        width: parent.width
                                        text: step.done ? qsTr("gedaan op %1").arg(step.modelData.date) : qsTr("nog niet gedaan")
                                        color: step.done ? "#00796b" : "#546e7a"
                                    }
                                    Label {
                                        width: parent.width
                                        visible: step.modelData.decision.length > 0
                                        text: step.modelData.decision
                                        wrapMode: Text.WordWrap
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
