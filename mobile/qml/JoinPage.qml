import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Join a team (koppelen): this tablet shows its code and QR code; the teamleider approves it on
// her tablet, then a sync brings the team's dossiers.
Page {
    id: page
    objectName: "joinPage"

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            ToolButton {
                text: "‹ " + qsTr("Terug")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: Sync.member ? qsTr("Team") : qsTr("Koppelen aan een team")
                font.pixelSize: Math.round(24 * AppSession.textScale)
                font.bold: true
                color: "white"
                Layout.fillWidth: true
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 40

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: 16
            Label {
                visible: !Sync.member
                text: qsTr("Laat je teamleider deze code scannen of overtypen. Synchroniseer daarna.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                visible: Sync.member
                text: qsTr("Deze tablet hoort bij het team als %1 (%2).").arg(Sync.label).arg(Sync.role)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label { text: qsTr("Code van deze tablet"); color: "#546e7a" }
            Label {
                objectName: "enrolmentCode"
                text: Sync.enrolmentCode
                font.pixelSize: Math.round(40 * AppSession.textScale)
                font.family: "monospace"
                font.letterSpacing: 4
                color: "#004d40"
            }
            Label { text: qsTr("Server van het team"); color: "#546e7a"; Layout.topMargin: 16 }
            TextField {
                id: server
                objectName: "server"
                text: Sync.server
                placeholderText: "https://sync.example.org:8443"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: 52
            }
            RowLayout {
                spacing: 12
                Button {
                    objectName: "joinSync"
                    text: qsTr("Opslaan en synchroniseren")
                    highlighted: true
                    Layout.preferredHeight: 56
                    enabled: server.text.length > 8 && !Sync.syncing
                    onClicked: {
                        if (server.text !== Sync.server)
                            Sync.setServer(server.text, "")
                        Sync.syncNow()
                    }
                }
                BusyIndicator { running: Sync.syncing; visible: running }
            }
            // The first teamleider's tablet starts the team instead of joining one.
            Button {
                objectName: "createTeam"
                visible: Sync.canCreateTeam
                text: qsTr("Nieuw team beginnen (teamleider)")
                Layout.preferredHeight: 56
                enabled: server.text.length > 8 && !Sync.syncing
                onClicked: {
                    if (server.text !== Sync.server)
                        Sync.setServer(server.text, "")
                    Sync.createTeam(qsTr("tablet teamleider"))
                }
            }
            Label {
                text: Sync.teamError
                visible: text.length > 0
                color: "#b71c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Label {
                text: Sync.error
                visible: text.length > 0
                color: "#b71c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        Image {
            objectName: "qr"
            visible: !Sync.member && Sync.enrolmentPayload.length > 0
            source: visible ? "image://enrolment/" + Sync.enrolmentPayload : ""
            sourceSize.width: 360
            sourceSize.height: 360
            Layout.preferredWidth: 360
            Layout.preferredHeight: 360
            Layout.alignment: Qt.AlignTop
            smooth: false
        }
    }
}
