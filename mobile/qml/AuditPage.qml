import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Wie heeft dit dossier bekeken: every read, change and export of this dossier (NEN 7513),
// newest first: when, who, on which tablet, what.
Page {
    id: page
    objectName: "auditPage"
    property string doc
    property string name
    property var rows: doc ? AppSession.auditTrail(doc) : []

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            ToolButton {
                text: "‹ " + qsTr("Dossier")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: qsTr("Wie keek in het dossier van %1").arg(page.name)
                font.pixelSize: Math.round(24 * AppSession.textScale)
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    ListView {
        id: list
        objectName: "auditList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        model: page.rows
        delegate: ItemDelegate {
            required property var modelData
            width: ListView.view.width
            height: Math.round(56 * AppSession.textScale)
            contentItem: RowLayout {
                spacing: 16
                Label { text: modelData.when; Layout.preferredWidth: Math.round(260 * AppSession.textScale) }
                Label {
                    objectName: "action"
                    text: modelData.times > 1 ? qsTr("%1 (%2×)").arg(modelData.action).arg(modelData.times) : modelData.action
                    font.bold: true
                    Layout.preferredWidth: Math.round(190 * AppSession.textScale)
                }
                Label { text: [modelData.user, modelData.device].filter(s => s).join(" · "); Layout.preferredWidth: Math.round(260 * AppSession.textScale); elide: Text.ElideRight }
                Label { text: modelData.detail; color: "#546e7a"; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("Nog niemand.")
            color: "#546e7a"
        }
    }
}
