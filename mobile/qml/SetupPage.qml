import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// A new tablet: the coach chooses a PIN; the data on this tablet is encrypted with it. Then the
// tablet can join a team (JoinPage).
Page {
    id: page
    objectName: "setupPage"
    signal settingUp()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 460)
        spacing: 20

        Label {
            text: "Naast"
            font.pixelSize: Math.round(44 * AppSession.textScale)
            font.bold: true
            color: "#00796b"
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: qsTr("Nieuwe tablet. Kies een pincode van minstens 4 cijfers: daarmee open je voortaan de gegevens op deze tablet.")
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        TextField {
            id: pin
            objectName: "newPin"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Nieuwe pincode")
            horizontalAlignment: TextInput.AlignHCenter
            enabled: !AppSession.busy
        }
        TextField {
            id: again
            objectName: "newPinAgain"
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            placeholderText: qsTr("Nog een keer")
            horizontalAlignment: TextInput.AlignHCenter
            enabled: !AppSession.busy
            onAccepted: setUp.clicked()
        }
        Label {
            objectName: "mismatch"
            visible: again.text.length >= pin.text.length && again.text.length > 0 && again.text !== pin.text
            text: qsTr("De twee pincodes zijn niet gelijk.")
            color: "#b71c1c"
        }
        Button {
            id: setUp
            objectName: "setUp"
            text: qsTr("Tablet instellen")
            highlighted: true
            Layout.fillWidth: true
            Layout.preferredHeight: 56
            enabled: pin.text.length >= 4 && again.text === pin.text && !AppSession.busy
            onClicked: {
                page.settingUp()
                AppSession.setUp(pin.text)
                pin.text = ""
                again.text = ""
            }
        }
        BusyIndicator {
            running: AppSession.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: AppSession.error
            visible: text.length > 0
            color: "#b71c1c"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}
