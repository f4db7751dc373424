import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// The header of a dossier's part: back to the dossier, and what this page is.
ToolBar {
    id: bar
    property string title
    signal back()
    height: Math.round(64 * AppSession.textScale)
    background: Rectangle { color: "#00796b" }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 16
        ToolButton {
            objectName: "back"
            text: "‹ " + qsTr("Dossier")
            palette.buttonText: "white"
            Layout.preferredHeight: Math.max(56, Math.round(48 * AppSession.textScale))
            onClicked: bar.back()
        }
        Label {
            text: bar.title
            font.pixelSize: Math.round(24 * AppSession.textScale)
            font.bold: true
            color: "white"
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
