import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Bezoeken: a dossier's visits (contactmomenten), newest first; a new one with one tap.
Page {
    id: page
    objectName: "visitsPage"
    property string doc
    property string name

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            ToolButton {
                text: "‹ " + qsTr("Dossier")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: qsTr("Bezoeken van %1").arg(page.name)
                font.pixelSize: Math.round(24 * AppSession.textScale)
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "newVisit"
                text: qsTr("Nieuw bezoek")
                Layout.preferredHeight: 48
                onClicked: page.newVisit()
            }
        }
    }

    VisitsModel { id: visits; doc: page.doc }
    StackView.onActivated: visits.reload()  // back from a visit: what changed in it

    ListView {
        id: list
        objectName: "visitsList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        spacing: 8
        model: visits
        reuseItems: true
        delegate: ItemDelegate {
            required property string record
            required property string date
            required property string kind
            required property int duration
            required property string summary
            required property string domains
            width: ListView.view.width
            height: Math.round(88 * AppSession.textScale)
            background: Rectangle { radius: 8; color: "white"; border.color: "#cfd8dc" }
            onClicked: page.openVisit(record)
            contentItem: ColumnLayout {
                spacing: 2
                RowLayout {
                    spacing: 16
                    Label { text: date; font.bold: true; Layout.preferredWidth: Math.round(220 * AppSession.textScale) }
                    Label { text: kind + (duration > 0 ? " · " + qsTr("%1 min").arg(duration) : "") }
                    Label { text: domains; color: "#546e7a"; Layout.fillWidth: true; elide: Text.ElideRight }
                }
                Label {
                    text: summary || qsTr("(nog geen verslag)")
                    color: summary ? "#37474f" : "#90a4ae"
                    elide: Text.ElideRight
                    maximumLineCount: 1
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("Nog geen bezoeken.")
            color: "#546e7a"
        }
    }

    Component { id: visitPage; VisitPage {} }
    function openVisit(record) {
        page.StackView.view.push(visitPage, { doc: page.doc, record: record, name: page.name },
                                 StackView.Immediate)
    }
    function newVisit() {
        page.StackView.view.push(visitPage, { doc: page.doc, record: "", name: page.name },
                                 StackView.Immediate)
        page.StackView.view.currentItem.createNew()
    }
    // For --drive and the screenshots: the newest visit.
    function openLatest() {
        if (visits.count > 0) openVisit(visits.recordAt(0))
    }
}
