import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Naast

// Het team, for the teamleider: the team's tablets (remove a lost one: it wipes itself at its
// next sync; give a student a dossier), approving a new tablet from its QR code and the code on
// its screen, and this year's monitoring figures.
Page {
    id: page
    objectName: "teamPage"
    property var members: Sync.members()
    property var figures: AppSession.monitoring()
    function reload() { members = Sync.members() }
    Connections {
        target: Sync
        function onDeviceChanged() { page.reload() }
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
                text: qsTr("Team")
                font.pixelSize: Math.round(26 * AppSession.textScale)
                font.bold: true
                color: "white"
                Layout.fillWidth: true
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 24

        // The team's tablets.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            Label { text: qsTr("Tablets in het team"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
            ListView {
                id: list
                objectName: "members"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 6
                model: page.members
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: qsTr("Deze tablet hoort nog niet bij een team.")
                    color: "#546e7a"
                }
                delegate: Pane {
                    required property var modelData
                    width: ListView.view.width
                    background: Rectangle { radius: 8; color: modelData.active ? "white" : "#eceff1"; border.color: "#cfd8dc" }
                    RowLayout {
                        width: parent.width
                        spacing: 12
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                text: modelData.label + (modelData.me ? " · " + qsTr("deze tablet") : "")
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                color: "#546e7a"
                                text: modelData.role + (modelData.active ? "" : " · " + qsTr("verwijderd"))
                                      + (modelData.role === "student" ? " · " + qsTr("%1 dossier(s)").arg(modelData.assigned) : "")
                            }
                        }
                        Button {
                            visible: modelData.active && modelData.role === "student"
                            text: qsTr("Dossier toewijzen")
                            Layout.preferredHeight: 48
                            onClicked: assignPopup.show(modelData.id, modelData.label)
                        }
                        Button {
                            objectName: "revoke_" + modelData.label
                            visible: modelData.active && !modelData.me
                            text: qsTr("Verwijderen")
                            palette.buttonText: "#b71c1c"
                            Layout.preferredHeight: 48
                            onClicked: revokePopup.show(modelData.id, modelData.label)
                        }
                    }
                }
            }
            Label {
                objectName: "teamError"
                text: Sync.teamError
                visible: text.length > 0
                color: "#b71c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }

        // Approve a new tablet; the figures.
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            contentWidth: availableWidth
            ColumnLayout {
                width: parent.width
                spacing: 8
                Label { text: qsTr("Nieuwe tablet goedkeuren"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
                Label {
                    text: qsTr("Scan de QR-code op de nieuwe tablet en typ de code die eronder staat.")
                    wrapMode: Text.WordWrap
                    color: "#546e7a"
                    Layout.fillWidth: true
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: payload
                        objectName: "approvePayload"
                        placeholderText: qsTr("QR-code (gescand)")
                        inputMethodHints: Qt.ImhNoPredictiveText
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                    }
                    Button {
                        objectName: "scan"
                        enabled: devices.videoInputs.length > 0
                        text: enabled ? qsTr("Scannen") : qsTr("Geen camera")
                        Layout.preferredHeight: 48
                        onClicked: scanPopup.open()
                    }
                }
                TextField {
                    id: code
                    objectName: "approveCode"
                    placeholderText: "XXXX-XXXX"
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                    font.family: "monospace"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                }
                RowLayout {
                    Layout.fillWidth: true
                    ComboBox {
                        id: role
                        objectName: "approveRole"
                        model: [{ value: "coach", text: qsTr("coach") }, { value: "student", text: qsTr("student") },
                                { value: "teamleider", text: qsTr("teamleider") }]
                        textRole: "text"
                        valueRole: "value"
                        Layout.preferredHeight: 48
                        Layout.preferredWidth: 180
                    }
                    TextField {
                        id: nameField
                        objectName: "approveLabel"
                        placeholderText: qsTr("naam van de tablet, bv. tablet 4")
                        inputMethodHints: Qt.ImhNoPredictiveText
                        Layout.fillWidth: true
                        Layout.preferredHeight: 48
                    }
                }
                Button {
                    objectName: "approve"
                    text: qsTr("Goedkeuren")
                    highlighted: true
                    enabled: payload.text.length > 20 && code.text.length >= 8 && nameField.text.length > 0
                    Layout.preferredHeight: 52
                    onClicked: {
                        if (Sync.approve(payload.text, code.text, role.currentValue, nameField.text)) {
                            payload.text = ""; code.text = ""; nameField.text = ""
                        }
                    }
                }

                Label { text: qsTr("Cijfers van dit jaar"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale); Layout.topMargin: 24 }
                Repeater {
                    model: page.figures
                    delegate: ColumnLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: modelData.title; color: "#00796b"; font.bold: true; Layout.topMargin: 8 }
                        Repeater {
                            model: modelData.rows
                            delegate: RowLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                Label { text: modelData.category; Layout.fillWidth: true; elide: Text.ElideRight }
                                Label { text: modelData.value; font.bold: true }
                            }
                        }
                    }
                }
            }
        }
    }

    // The camera, while scanning a new tablet's QR code.
    MediaDevices { id: devices }
    Popup {
        id: scanPopup
        objectName: "scanPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 96, 720)
        height: Math.min(page.height - 96, 600)
        modal: true
        padding: 16
        // The camera exists only while scanning.
        Loader {
            anchors.fill: parent
            active: scanPopup.visible
            sourceComponent: ColumnLayout {
                Label {
                    text: qsTr("Houd de QR-code van de nieuwe tablet voor de camera.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                VideoOutput {
                    id: viewfinder
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
                Button {
                    text: qsTr("Annuleren")
                    Layout.alignment: Qt.AlignRight
                    Layout.preferredHeight: 48
                    onClicked: scanPopup.close()
                }
                CaptureSession {
                    camera: Camera { active: true }
                    videoOutput: viewfinder
                }
                QrScanner {
                    videoSink: viewfinder.videoSink
                    onFound: code => { payload.text = code; scanPopup.close() }
                }
            }
        }
    }

    // Removing a tablet cannot be undone: ask once.
    Dialog {
        id: revokePopup
        objectName: "revokeDialog"
        property string deviceId
        property string deviceLabel
        function show(i, l) { deviceId = i; deviceLabel = l; open() }
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 96, 640)
        modal: true
        title: qsTr("%1 uit het team verwijderen?").arg(deviceLabel)
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            text: qsTr("De tablet kan daarna niets meer ophalen of versturen en wist zijn gegevens bij de volgende synchronisatie.")
            wrapMode: Text.WordWrap
            width: revokePopup.availableWidth
        }
        onAccepted: Sync.revoke(deviceId)
    }

    // A student gets one dossier at a time.
    Popup {
        id: assignPopup
        property string deviceId
        property string deviceLabel
        function show(i, l) { deviceId = i; deviceLabel = l; open() }
        anchors.centerIn: Overlay.overlay
        modal: true
        padding: 24
        width: Math.min(page.width - 96, 640)
        ColumnLayout {
            width: parent.width
            spacing: 12
            Label { text: qsTr("Welk dossier krijgt %1?").arg(assignPopup.deviceLabel); font.bold: true }
            ComboBox {
                id: dossier
                model: AppSession.caseload
                textRole: "name"
                valueRole: "doc"
                Layout.fillWidth: true
                Layout.preferredHeight: 48
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: assignPopup.close() }
                Button {
                    text: qsTr("Toewijzen")
                    highlighted: true
                    Layout.preferredHeight: 48
                    onClicked: { Sync.assign(assignPopup.deviceId, dossier.currentValue); assignPopup.close() }
                }
            }
        }
    }
}
