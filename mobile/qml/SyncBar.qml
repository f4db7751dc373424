import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// The strip at the bottom of the caseload: changes waiting, the last sync, a progress bar while
// syncing, errors in plain words; or, on a tablet not in a team yet, the way to join one.
ToolBar {
    id: bar
    objectName: "syncBar"
    signal join()
    height: Math.max(Math.round(64 * AppSession.textScale), row.implicitHeight + 16)
    background: Rectangle { color: Sync.error.length > 0 ? "#ffebee" : "#e0f2f1" }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 24
        anchors.rightMargin: 16
        spacing: 16
        Label {
            objectName: "syncStatus"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Sync.error.length > 0 ? "#b71c1c" : "#263238"
            text: {
                if (Sync.error.length > 0) return Sync.error
                if (!Sync.member) return qsTr("Deze tablet hoort nog niet bij een team: er wordt niets gesynchroniseerd.")
                if (Sync.syncing) return qsTr("Bezig met synchroniseren…")
                const waiting = Sync.waiting === 0 ? qsTr("Alles is verstuurd.")
                              : Sync.waiting === 1 ? qsTr("1 wijziging wacht op synchronisatie.")
                              : qsTr("%1 wijzigingen wachten op synchronisatie.").arg(Sync.waiting)
                return Sync.lastSync.length > 0
                        ? waiting + " " + qsTr("Laatst gesynchroniseerd: %1.").arg(Sync.lastSync)
                        : waiting + " " + qsTr("Nog niet gesynchroniseerd sinds het openen.")
            }
        }
        ProgressBar {
            objectName: "syncProgress"
            visible: Sync.syncing
            value: Sync.progress
            Layout.preferredWidth: 240
        }
        Button {
            objectName: "join"
            visible: !Sync.member
            text: qsTr("Koppelen aan team")
            Layout.preferredHeight: 48
            onClicked: bar.join()
        }
        Button {
            objectName: "syncNow"
            visible: Sync.member
            enabled: !Sync.syncing
            text: qsTr("Synchroniseren")
            highlighted: Sync.waiting > 0
            Layout.preferredHeight: 48
            onClicked: Sync.syncNow()
        }
    }
}
