import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Caseload: overdue and today's visits first, with the flags a coach scans for; search by name.
Page {
    id: page
    objectName: "caseloadPage"
    signal open(string doc)
    signal settings()
    signal join()
    signal team()
    signal teamDay()

    footer: SyncBar { onJoin: page.join() }
    function firstDoc() { return list.count > 0 ? list.itemAtIndex(0).doc : "" }

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 24
            anchors.rightMargin: 16
            spacing: 16
            Label {
                text: qsTr("Caseload")
                font.pixelSize: Math.round(26 * AppSession.textScale)
                font.bold: true
                color: "white"
            }
            Label {
                visible: page.width > 900  // upright, the buttons need the room
                text: AppSession.caseload.count === 1 ? qsTr("1 moeder")
                                                       : qsTr("%1 moeders").arg(AppSession.caseload.count)
                color: "white"
                opacity: 0.85
            }
            Item { Layout.fillWidth: true }
            Button {
                objectName: "openTeam"
                visible: Sync.role === "teamleider"
                text: qsTr("Team")
                Layout.preferredHeight: 48
                onClicked: page.team()
            }
            Button {
                objectName: "openTeamDay"
                text: qsTr("Dag van het team")
                Layout.preferredHeight: 48
                onClicked: page.teamDay()
            }
            Button {
                objectName: "openSettings"
                text: qsTr("Instellingen")
                Layout.preferredHeight: 48
                onClicked: page.settings()
            }
            Button {
                text: qsTr("Vergrendelen")
                Layout.preferredHeight: 48
                onClicked: AppSession.lock()
            }
        }
    }

    // Search by name, above the list: room for it in both orientations.
    TextField {
        id: search
        objectName: "search"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: 16
        anchors.bottomMargin: 0
        placeholderText: qsTr("Zoek op naam")
        placeholderTextColor: "#78909c"  // readable on the field's white background
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        height: Math.max(48, implicitHeight)
        onTextChanged: AppSession.caseload.filter = text
    }

    ListView {
        id: list
        objectName: "caseloadList"
        anchors.top: search.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        anchors.topMargin: 8
        clip: true
        spacing: 8
        model: AppSession.caseload
        section.property: "group"
        section.delegate: Label {
            required property string section
            text: section === "overdue" ? qsTr("Bezoek te laat")
                : section === "today" ? qsTr("Vandaag") : qsTr("Later")
            font.pixelSize: Math.round(20 * AppSession.textScale)
            font.bold: true
            color: section === "overdue" ? "#b71c1c" : "#37474f"
            topPadding: 12
            bottomPadding: 4
        }
        delegate: ItemDelegate {
            id: row
            required property string doc
            required property string name
            required property string phase
            required property string stage
            required property string nextVisit
            required property string lastVisit
            required property bool overdue
            required property bool dueToday
            required property bool crisis
            required property int escalations
            required property bool late
            required property string appointment
            width: ListView.view.width
            height: Math.round(76 * AppSession.textScale)
            onClicked: page.open(doc)
            background: Rectangle {
                radius: 8
                color: row.down ? "#e0f2f1" : "white"
                border.color: row.crisis ? "#b71c1c" : "#cfd8dc"
                border.width: row.crisis ? 2 : 1
            }
            contentItem: RowLayout {
                spacing: 16
                ColumnLayout {
                    spacing: 2
                    Layout.fillWidth: true
                    Label {
                        text: row.name
                        font.pixelSize: Math.round(20 * AppSession.textScale)
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.phase + (row.stage ? " · " + row.stage : "")
                              + (row.lastVisit ? " · " + qsTr("laatste bezoek %1").arg(row.lastVisit) : "")
                        color: "#546e7a"
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Flag { visible: row.crisis; text: qsTr("Crisis"); tint: "#b71c1c" }
                Flag { visible: row.escalations > 0; text: qsTr("Opschaling open"); tint: "#e65100" }
                Flag { visible: row.late; text: qsTr("Doorlooptijd"); tint: "#6a1b9a" }
                Label {
                    text: (row.appointment ? qsTr("afspraak") : qsTr("volgend bezoek")) + "\n" + row.nextVisit
                    horizontalAlignment: Text.AlignRight
                    color: row.overdue ? "#b71c1c" : "#37474f"
                    font.bold: row.overdue || row.dueToday
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("Geen moeders gevonden.")
            color: "#546e7a"
        }
    }

    component Flag: Label {
        padding: 6
        leftPadding: 10
        rightPadding: 10
        font.pixelSize: Math.round(15 * AppSession.textScale)
        font.bold: true
        color: "white"
        property color tint: "#b71c1c"
        background: Rectangle { radius: 12; color: tint }
    }
}
