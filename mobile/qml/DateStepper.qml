import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// A date chosen with the fingers, as on the visit page: a day (and, with `weeks`, one or four
// weeks) back or on, the date in words between. `iso` is yyyy-MM-dd; `latest` (when set) is the last date
// allowed, today for what has already happened. `edited` tells that the coach moved it.
RowLayout {
    id: stepper
    property string iso
    property string latest: ""
    property bool weeks: false
    signal edited()
    spacing: 4

    function shift(days) {
        const d = new Date(stepper.iso + "T12:00:00Z")
        d.setUTCDate(d.getUTCDate() + days)
        let next = d.toISOString().substring(0, 10)
        if (stepper.latest && next > stepper.latest) next = stepper.latest
        if (next === stepper.iso) return
        stepper.iso = next
        stepper.edited()
    }

    Button {
        objectName: "fourWeeksBack"
        visible: stepper.weeks
        text: qsTr("−4 wk")
        Accessible.name: qsTr("Vier weken eerder")
        Layout.preferredHeight: 48
        onClicked: stepper.shift(-28)
    }
    Button {
        objectName: "weekBack"
        visible: stepper.weeks
        text: qsTr("−1 wk")
        Accessible.name: qsTr("Een week eerder")
        Layout.preferredHeight: 48
        onClicked: stepper.shift(-7)
    }
    Button {
        objectName: "dayBack"
        text: "‹"
        Accessible.name: qsTr("Een dag eerder")
        Layout.preferredWidth: 48; Layout.preferredHeight: 48
        onClicked: stepper.shift(-1)
    }
    Label {
        objectName: "dateText"
        text: stepper.iso === AppSession.today ? qsTr("%1 (vandaag)").arg(DossierSections.dateLabel(stepper.iso))
                                               : DossierSections.dateLabel(stepper.iso)
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
        Layout.minimumWidth: Math.round(150 * AppSession.textScale)
    }
    Button {
        objectName: "dayOn"
        text: "›"
        Accessible.name: qsTr("Een dag later")
        enabled: !stepper.latest || stepper.iso < stepper.latest
        Layout.preferredWidth: 48; Layout.preferredHeight: 48
        onClicked: stepper.shift(1)
    }
    Button {
        objectName: "weekOn"
        visible: stepper.weeks
        text: qsTr("+1 wk")
        Accessible.name: qsTr("Een week later")
        enabled: !stepper.latest || stepper.iso < stepper.latest
        Layout.preferredHeight: 48
        onClicked: stepper.shift(7)
    }
    Button {
        objectName: "fourWeeksOn"
        visible: stepper.weeks
        text: qsTr("+4 wk")
        Accessible.name: qsTr("Vier weken later")
        enabled: !stepper.latest || stepper.iso < stepper.latest
        Layout.preferredHeight: 48
        onClicked: stepper.shift(28)
    }
}
