import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Instellingen: the language of the app and the size of the text. Kept on this tablet.
Page {
    id: page
    objectName: "settingsPage"

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            ToolButton {
                text: "‹ " + qsTr("Caseload")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                objectName: "title"
                text: qsTr("Instellingen")
                font.pixelSize: Math.round(26 * AppSession.textScale)
                font.bold: true
                color: "white"
                Layout.fillWidth: true
            }
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: 32
        spacing: 24

        Label { text: qsTr("Taal"); font.bold: true }
        RowLayout {
            spacing: 16
            RadioButton {
                objectName: "dutch"
                text: "Nederlands"
                checked: AppSession.language === "nl"
                Layout.preferredHeight: 48
                onClicked: AppSession.language = "nl"
            }
            RadioButton {
                objectName: "english"
                text: "English"
                checked: AppSession.language === "en"
                Layout.preferredHeight: 48
                onClicked: AppSession.language = "en"
            }
        }

        Label { text: qsTr("Tekstgrootte"); font.bold: true }
        RowLayout {
            spacing: 16
            Repeater {
                model: [
                    { scale: 1.0, label: qsTr("Normaal") },
                    { scale: 1.25, label: qsTr("Groot") },
                    { scale: 1.5, label: qsTr("Extra groot") }
                ]
                delegate: RadioButton {
                    required property var modelData
                    objectName: "scale" + modelData.scale
                    text: modelData.label
                    checked: Math.abs(AppSession.textScale - modelData.scale) < 0.01
                    Layout.preferredHeight: 48
                    onClicked: AppSession.textScale = modelData.scale
                }
            }
        }
        Label {
            objectName: "sample"
            text: qsTr("Zo ziet tekst in de app eruit.")
            color: "#546e7a"
        }
    }
}
