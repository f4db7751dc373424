import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Ontgrendelen: the coach's PIN opens the encrypted data on this tablet.
Page {
    id: page
    objectName: "unlockPage"
    property alias pinField: pin

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 420)
        spacing: 20

        Label {
            text: "Naast"
            font.pixelSize: Math.round(44 * AppSession.textScale)
            font.bold: true
            color: "#00796b"
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Voer je pincode in om de gegevens op deze tablet te openen.")
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        TextField {
            id: pin
            objectName: "pin"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Pincode")
            font.pixelSize: Math.round(24 * AppSession.textScale)
            horizontalAlignment: TextInput.AlignHCenter
            enabled: !AppSession.busy
            onAccepted: unlockButton.clicked()
        }
        Button {
            id: unlockButton
            objectName: "unlock"
            text: qsTr("Ontgrendelen")
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            highlighted: true
            enabled: pin.text.length >= 4 && !AppSession.busy
            onClicked: {
                AppSession.unlock(pin.text)
                pin.text = ""
            }
        }
        BusyIndicator {
            running: AppSession.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "error"
            text: AppSession.error
            visible: text.length > 0
            color: "#b71c1c"
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
