import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Veiligheid en meldcode: the safety signals, newest first, with a field to write down a new one
// (dated today, saved at once); beside them the meldcode's five steps (meldcode huiselijk geweld
// en kindermishandeling) and which are done, when, with what decision. A step taken is recorded
// in a popup: by default the one after the last recorded, today.
Page {
    id: page
    objectName: "safetyPage"
    property string doc
    property string name
    // Read when the page opens and again after each change saved here.
    property var signalRows: []
    property var steps: []
    function reload() {
        signalRows = doc ? DossierSections.safetySignals(doc) : []
        steps = doc ? DossierSections.meldcodeSteps(doc) : []
    }
    Component.onCompleted: reload()
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.reload() }
    }
    onDocChanged: reload()

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
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: qsTr("Meldcode")
                    font.pixelSize: Math.round(22 * AppSession.textScale)
                    font.bold: true
                    color: "#00796b"
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "newStep"
                    text: qsTr("Stap vastleggen")
                    highlighted: true
                    Layout.preferredHeight: Math.max(48, Math.round(48 * AppSession.textScale))
                    onClicked: newStep.open()
                }
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

    // A meldcode step taken: which one (the one after the last recorded unless changed), when,
    // and what was decided.
    Popup {
        id: newStep
        objectName: "newStepPopup"
        property int step: 1
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 64, 720)
        height: Math.min(page.height - 32, stepColumnPopup.implicitHeight + topPadding + bottomPadding)
        modal: true
        padding: 24
        onOpened: {
            step = DossierSections.nextMeldcodeStep(page.doc)
            stepDate.iso = AppSession.today
            decision.text = ""
            stepError.text = ""
        }
        function save() {
            if (DossierSections.addMeldcodeStep(page.doc, step, stepDate.iso, decision.text)) {
                newStep.close()
                page.reload()
            } else {
                stepError.text = DossierSections.error || qsTr("Opslaan lukte niet.")
            }
        }
        ColumnLayout {
            id: stepColumnPopup
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("Stap van de meldcode vastleggen"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
            Label { text: qsTr("Stap"); color: "#546e7a" }
            Row {
                spacing: 8
                Repeater {
                    model: 5
                    delegate: Button {
                        required property int index
                        objectName: "stepChoice_" + (index + 1)
                        text: String(index + 1)
                        highlighted: newStep.step === index + 1
                        font.bold: highlighted
                        width: 56
                        height: 48
                        onClicked: newStep.step = index + 1
                    }
                }
            }
            Label {
                objectName: "stepLabel"
                text: page.steps.length >= newStep.step
                      ? (page.steps[newStep.step - 1].done
                         ? qsTr("%1 (al gedaan op %2; dit wordt een nieuwe vastlegging)").arg(page.steps[newStep.step - 1].label).arg(page.steps[newStep.step - 1].date)
                         : page.steps[newStep.step - 1].label)
                      : ""
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Datum"); color: "#546e7a"; Layout.topMargin: 4 }
            DateStepper {
                id: stepDate
                objectName: "stepDate"
                weeks: true
                latest: AppSession.today
                Layout.fillWidth: true
            }
            Label { text: qsTr("Besluit: wat is er besloten en met wie?"); color: "#546e7a"; Layout.topMargin: 4 }
            TextArea {
                id: decision
                objectName: "stepDecision"
                wrapMode: TextEdit.Wrap
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Math.round(96 * AppSession.textScale), implicitHeight)
                background: Rectangle { radius: 6; color: "white"; border.color: decision.activeFocus ? "#00796b" : "#cfd8dc" }
            }
            Label {
                id: stepError
                objectName: "stepError"
                visible: text.length > 0
                color: "#b71c1c"
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { objectName: "cancelStep"; text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: newStep.close() }
                Button {
                    objectName: "addStep"
                    text: qsTr("Vastleggen")
                    highlighted: true
                    enabled: decision.text.trim().length > 0
                    Layout.preferredHeight: 48
                    onClicked: newStep.save()
                }
            }
        }
    }
}
