import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Vervangen waarden: where two tablets changed the same thing while offline, one value won; the
// others are kept here, with who and when, and one tap makes one of them the value again.
Page {
    id: page
    objectName: "replacedPage"
    property string doc
    property string name
    property var rows: doc ? ReplacedValues.list(doc) : []
    Connections {
        target: AppSession
        function onDataChanged() { page.rows = page.doc ? ReplacedValues.list(page.doc) : [] }
    }

    header: SectionHeader {
        title: qsTr("Vervangen waarden bij %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    ListView {
        id: list
        objectName: "replacedList"
        anchors.fill: parent
        anchors.margins: 16
        clip: true
        spacing: 12
        model: page.rows
        header: Label {
            width: list.width
            bottomPadding: 12
            wrapMode: Text.WordWrap
            color: "#546e7a"
            text: qsTr("Twee tablets wijzigden hetzelfde terwijl ze offline waren. De nieuwste waarde geldt; de andere staan hieronder.")
        }
        delegate: Pane {
            id: card
            required property var modelData
            width: ListView.view.width
            background: Rectangle { radius: 8; color: "white"; border.color: "#ffb300" }
            ColumnLayout {
                width: parent.width
                spacing: 6
                Label {
                    text: card.modelData.what + " · " + card.modelData.fieldLabel
                    font.bold: true
                    color: "#00796b"
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    text: card.modelData.current
                          ? qsTr("Nu: %1 (%2, %3)").arg(card.modelData.current.value)
                                .arg(card.modelData.current.who).arg(card.modelData.current.when)
                          : ""
                }
                Repeater {
                    model: card.modelData.replaced
                    delegate: RowLayout {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        spacing: 12
                        Label {
                            text: qsTr("Vervangen: %1").arg(modelData.value)
                            font.bold: true
                            Layout.preferredWidth: Math.round(280 * AppSession.textScale)
                            elide: Text.ElideRight
                        }
                        Label {
                            text: modelData.who + " · " + modelData.when
                            color: "#546e7a"
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Button {
                            objectName: "restore_" + card.modelData.field + "_" + index
                            text: qsTr("Terugzetten")
                            Layout.preferredHeight: 48
                            onClicked: ReplacedValues.restore(page.doc, card.modelData.record,
                                                              card.modelData.field, index)
                        }
                    }
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: list.count === 0
            text: qsTr("Er is niets vervangen.")
            color: "#546e7a"
        }
    }
}
