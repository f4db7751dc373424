import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Verwijzingen: the support the mother was referred to, the ones still waiting to start first
// (longest wait first), with how long they wait; the coach holds on (vasthouden) until the other
// care has started. A new referral is added in a popup; a tap on a referral's status saves it at
// once (becoming started records today as its start).
Page {
    id: page
    objectName: "referralsPage"
    property string doc
    property string name
    property var rows: doc ? DossierSections.referrals(doc) : []
    function reload() { rows = doc ? DossierSections.referrals(doc) : [] }
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.reload() }
    }
    readonly property int waiting: rows.filter(r => r.waiting).length
    readonly property var statuses: DossierSections.referralStatuses()

    function setStatus(referral, code) {
        if (DossierSections.setReferralStatus(page.doc, referral, code)) page.reload()
    }

    header: SectionHeader {
        title: qsTr("Verwijzingen van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Button {
            objectName: "newReferral"
            text: qsTr("Nieuwe verwijzing")
            highlighted: true
            Layout.preferredHeight: 52
            onClicked: newReferral.open()
        }
        Label {
            objectName: "summary"
            visible: page.rows.length > 0
            text: page.waiting === 0 ? qsTr("Alle verwijzingen zijn gestart.")
                  : page.waiting === 1 ? qsTr("1 verwijzing wacht nog op de start.")
                  : qsTr("%1 verwijzingen wachten nog op de start.").arg(page.waiting)
            font.bold: true
            color: page.waiting > 0 ? "#e65100" : "#2e7d32"
        }

        ListView {
            id: list
            objectName: "referralList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: page.rows
            ScrollBar.vertical: ScrollBar { }
            delegate: Pane {
                id: card
                required property var modelData
                objectName: "referral_" + modelData.id
                readonly property string status: modelData.statusCode
                readonly property bool waiting: modelData.waiting
                readonly property int waitingDays: modelData.waitingDays
                width: ListView.view.width
                padding: 16
                background: Rectangle {
                    radius: 8
                    color: "white"
                    border.color: card.waiting ? "#ef6c00" : "#cfd8dc"
                    border.width: card.waiting ? 2 : 1
                }
                RowLayout {
                    width: parent.width
                    spacing: 24
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: card.modelData.kind
                            font.bold: true
                            font.pixelSize: Math.round(20 * AppSession.textScale)
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: [card.modelData.status,
                                   card.modelData.referredOn ? qsTr("verwezen op %1").arg(card.modelData.referredOn) : "",
                                   card.modelData.startedOn ? qsTr("gestart op %1").arg(card.modelData.startedOn) : ""]
                                  .filter(s => s).join(" · ")
                            color: "#37474f"
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: card.modelData.note.length > 0
                            text: card.modelData.note
                            color: "#546e7a"
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        // The status, one tap to change it.
                        Flow {
                            Layout.fillWidth: true
                            Layout.topMargin: 4
                            spacing: 8
                            Repeater {
                                model: page.statuses
                                delegate: Button {
                                    required property var modelData
                                    objectName: "status_" + modelData.code
                                    text: modelData.label
                                    highlighted: card.status === modelData.code
                                    font.bold: highlighted
                                    height: Math.round(48 * AppSession.textScale)
                                    width: implicitWidth + 24
                                    onClicked: page.setStatus(card.modelData.id, modelData.code)
                                }
                            }
                        }
                    }
                    ColumnLayout {
                        Layout.alignment: Qt.AlignTop
                        spacing: 4
                        Label {
                            objectName: "waitLabel"
                            visible: card.waiting
                            text: card.waitingDays === 1 ? qsTr("wacht al 1 dag") : qsTr("wacht al %1 dagen").arg(card.waitingDays)
                            font.bold: true
                            color: card.waitingDays > 42 ? "#b71c1c" : "#e65100"
                            Layout.alignment: Qt.AlignRight
                        }
                        Label {
                            visible: card.waiting && card.modelData.held
                            text: qsTr("coach houdt vast tot de start")
                            color: "#00796b"
                            Layout.alignment: Qt.AlignRight
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nog geen verwijzingen.")
                color: "#546e7a"
            }
        }
    }

    // A new referral: to what, its status, when the mother was referred, whether the coach holds
    // on until it has started, and a note.
    Popup {
        id: newReferral
        objectName: "newReferralPopup"
        property string status: "aangemeld"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 64, 720)
        height: Math.min(page.height - 32, referralColumn.implicitHeight + topPadding + bottomPadding)
        modal: true
        padding: 24
        onOpened: {
            kind.currentIndex = -1
            kind.editText = ""
            status = "aangemeld"
            referredOn.iso = AppSession.today
            held.checked = true
            note.text = ""
            referralError.text = ""
        }
        function save() {
            if (DossierSections.addReferral(page.doc, kind.editText, status, referredOn.iso,
                                            held.checked, note.text)) {
                newReferral.close()
                page.reload()
            } else {
                referralError.text = DossierSections.error || qsTr("Opslaan lukte niet.")
            }
        }
        ColumnLayout {
            id: referralColumn
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("Nieuwe verwijzing"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
            Label { text: qsTr("Naar welke ondersteuning?"); color: "#546e7a" }
            ComboBox {
                id: kind
                objectName: "referralKind"
                model: DossierSections.referralKinds()
                editable: true
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: 48
            }
            Label { text: qsTr("Status"); color: "#546e7a" }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                Repeater {
                    model: page.statuses
                    delegate: Button {
                        required property var modelData
                        objectName: "newStatus_" + modelData.code
                        text: modelData.label
                        highlighted: newReferral.status === modelData.code
                        font.bold: highlighted
                        height: 48
                        width: implicitWidth + 24
                        onClicked: newReferral.status = modelData.code
                    }
                }
            }
            Label { text: qsTr("Verwezen op"); color: "#546e7a" }
            DateStepper {
                id: referredOn
                objectName: "referredOn"
                weeks: true
                latest: AppSession.today
                Layout.fillWidth: true
            }
            CheckBox {
                id: held
                objectName: "referralHeld"
                text: qsTr("Coach houdt vast tot de ondersteuning is gestart")
                Layout.preferredHeight: 48
            }
            TextArea {
                id: note
                objectName: "referralNote"
                placeholderText: qsTr("Toelichting (mag leeg), bijvoorbeeld over de wachtlijst")
                wrapMode: TextEdit.Wrap
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(Math.round(80 * AppSession.textScale), implicitHeight)
                background: Rectangle { radius: 6; color: "white"; border.color: note.activeFocus ? "#00796b" : "#cfd8dc" }
            }
            Label {
                id: referralError
                objectName: "referralError"
                visible: text.length > 0
                color: "#b71c1c"
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { objectName: "cancelReferral"; text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: newReferral.close() }
                Button {
                    objectName: "addReferral"
                    text: qsTr("Toevoegen")
                    highlighted: true
                    enabled: kind.editText.trim().length > 0
                    Layout.preferredHeight: 48
                    onClicked: newReferral.save()
                }
            }
        }
    }
}
