import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Een bezoek (contactmoment): every change is saved on the tablet at once, no network needed.
// Where a colleague's concurrent edit replaced a value, a banner says so; the replaced value
// can be put back with a tap.
Page {
    id: page
    objectName: "visitPage"
    property alias doc: editor.doc
    property alias record: editor.record
    property string name
    readonly property bool landscape: width > height
    // The mother's current dagboek entry (from her due date or her child's birth date).
    readonly property var diary: {
        const at = doc ? AppSession.currentDiaryEntry(doc) : ({})
        return at.kind ? AppSession.diaryEntry(at.kind, at.index, AppSession.language) : ({})
    }

    // Who does a follow-up task: the usual words, stored as codes.
    readonly property var owners: [{ value: "moeder", text: qsTr("Moeder") }, { value: "coach", text: qsTr("Coach") },
                                   { value: "samen", text: qsTr("Samen") }, { value: "netwerk", text: qsTr("Netwerk") },
                                   { value: "ketenpartner", text: qsTr("Ketenpartner") }]
    function createNew() { return editor.createNew() }
    function diaryKey() { return editor.diaryEntry }
    Component.onDestruction: editor.save()

    VisitEditor {
        id: editor
        objectName: "editor"
        onFailed: message => saveError.text = message
    }

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            ToolButton {
                text: "‹ " + qsTr("Bezoeken")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: qsTr("Bezoek bij %1").arg(page.name)
                font.pixelSize: Math.round(24 * AppSession.textScale)
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Wordt meteen bewaard")
                color: "white"
                opacity: 0.85
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        // Values a merge replaced: which fields, and the way to look and restore.
        Pane {
            objectName: "conflicts"
            visible: editor.conflicts.length > 0
            Layout.fillWidth: true
            background: Rectangle { radius: 8; color: "#fff8e1"; border.color: "#ffb300" }
            RowLayout {
                width: parent.width
                spacing: 12
                Label {
                    text: qsTr("Een collega wijzigde tegelijk:")
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: editor.conflicts
                    delegate: Button {
                        required property var modelData
                        objectName: "conflict_" + modelData.field
                        text: modelData.label
                        Layout.preferredHeight: 48
                        onClicked: overwrittenPopup.show(modelData.field, modelData.label)
                    }
                }
                Item { Layout.fillWidth: true }
            }
        }
        Label {
            id: saveError
            visible: text.length > 0
            color: "#b71c1c"
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }

        // Landscape: the facts beside the notes; upright: the notes below the facts.
        ScrollView {
            id: body
            objectName: "body"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            GridLayout {
            width: body.availableWidth
            columns: page.landscape ? 2 : 1
            columnSpacing: 24
            rowSpacing: 16

            // The facts of the visit.
            ColumnLayout {
                Layout.preferredWidth: page.landscape ? Math.round(420 * Math.min(AppSession.textScale, 1.25)) : body.availableWidth
                Layout.maximumWidth: Layout.preferredWidth
                Layout.alignment: Qt.AlignTop
                spacing: 8
                Label { text: qsTr("Datum"); color: "#546e7a" }
                RowLayout {
                    Button {
                        text: "‹"
                        Layout.preferredWidth: 48; Layout.preferredHeight: 48
                        onClicked: editor.setField("date", page.shift(editor.date, -1))
                    }
                    Label {
                        objectName: "date"
                        text: editor.dateText
                        font.bold: true
                        horizontalAlignment: Text.AlignHCenter
                        Layout.fillWidth: true
                    }
                    Button {
                        text: "›"
                        Layout.preferredWidth: 48; Layout.preferredHeight: 48
                        onClicked: editor.setField("date", page.shift(editor.date, 1))
                    }
                }
                Label { text: qsTr("Soort contact"); color: "#546e7a" }
                ComboBox {
                    objectName: "kind"
                    model: editor.kinds
                    textRole: "label"
                    valueRole: "code"
                    currentIndex: editor.kinds.findIndex(k => k.code === editor.kind)
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                    onActivated: editor.setField("kind", currentValue)
                }
                Label { text: qsTr("Duur (minuten)"); color: "#546e7a" }
                SpinBox {
                    objectName: "duration"
                    from: 0; to: 480; stepSize: 15
                    value: editor.durationMin
                    editable: true
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                    onValueModified: editor.setField("duration_min", value)
                }
                // The dagboek entry of the mother's week or month, discussed during this visit.
                Label { text: qsTr("Dagboek"); color: "#546e7a"; visible: diaryButton.visible }
                Button {
                    id: diaryButton
                    objectName: "diaryDiscussed"
                    visible: page.diary.key !== undefined
                    checkable: true
                    checked: page.diary.key !== undefined && editor.diaryEntry === page.diary.key
                    text: checked ? qsTr("Besproken: %1").arg(page.diary.title || "")
                                  : qsTr("Besproken? %1").arg(page.diary.title || "")
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(48, implicitHeight)
                    contentItem: Label {
                        text: diaryButton.text
                        wrapMode: Text.WordWrap
                        color: diaryButton.checked ? "white" : "#004d40"
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    onClicked: editor.setField("diary_entry", checked ? page.diary.key : "")
                }
                // The next visit agreed with the mother: the caseload and the team's day count on it.
                Label { text: qsTr("Volgende afspraak"); color: "#546e7a" }
                Button {
                    objectName: "makeAppointment"
                    visible: editor.nextAppointment === ""
                    text: qsTr("Afspraak maken")
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                    onClicked: editor.setField("next_appointment", page.shift(editor.date > AppSession.today ? editor.date : AppSession.today, 7))
                }
                RowLayout {
                    visible: editor.nextAppointment !== ""
                    Layout.fillWidth: true
                    spacing: 4
                    DateStepper {
                        objectName: "appointment"
                        iso: editor.nextAppointment
                        Layout.fillWidth: true
                        onEdited: editor.setField("next_appointment", iso)
                    }
                    ToolButton {
                        objectName: "noAppointment"
                        text: "✕"
                        Accessible.name: qsTr("Geen afspraak")
                        Layout.preferredWidth: 48
                        Layout.preferredHeight: 48
                        onClicked: editor.setField("next_appointment", "")
                    }
                }
                Label { text: qsTr("Leefgebieden"); color: "#546e7a" }
                Flow {
                    objectName: "domains"
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: editor.domains
                        delegate: Button {
                            required property var modelData
                            text: modelData.label.replace("&", "&&")  // not a mnemonic
                            checkable: true
                            checked: editor.lifeDomains.indexOf(modelData.code) >= 0
                            height: 48
                            font.pixelSize: Math.round(15 * AppSession.textScale)
                            onClicked: editor.setDomain(modelData.code, checked)
                        }
                    }
                }
            }

            // What was said and agreed: notes that colleagues may edit at the same time.
            ColumnLayout {
                Layout.fillWidth: true
                // The column takes the room left, whatever its texts' own widths: wrapped
                // text would otherwise change the grid's columns while it lays them out.
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: 8
                Note { field: "notes"; label: qsTr("Verslag"); value: editor.notes; lines: 8 }
                Note { field: "agreements"; label: qsTr("Afspraken"); value: editor.agreements; lines: 3 }
                // Vervolgacties written as text before tasks existed: still readable.
                Note { field: "follow_up"; label: qsTr("Vervolgacties (tekst)"); value: editor.followUp; lines: 2; visible: editor.followUp.length > 0 }

                // Vervolgacties: who does what, by when; the team's day lists them when due.
                Label { text: qsTr("Vervolgacties"); color: "#546e7a" }
                Repeater {
                    objectName: "tasks"
                    model: editor.tasks
                    delegate: TaskRow { own: true }
                }
                Pane {
                    Layout.fillWidth: true
                    padding: 8
                    background: Rectangle { radius: 6; color: "#f5f7f8"; border.color: "#cfd8dc" }
                    GridLayout {
                        width: parent.width
                        columns: 3  // what on a line of its own; who, by when and Add below
                        columnSpacing: 8
                        rowSpacing: 8
                        TextField {
                            id: taskWhat
                            objectName: "taskWhat"
                            placeholderText: qsTr("Nieuwe vervolgactie: wat moet er gebeuren?")
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Layout.fillWidth: true
                            Layout.columnSpan: 3
                            Layout.preferredHeight: 48
                            onAccepted: addTaskButton.clicked()
                        }
                        ComboBox {
                            id: taskOwner
                            objectName: "taskOwner"
                            model: page.owners
                            textRole: "text"
                            valueRole: "value"
                            Layout.fillWidth: true
                            Layout.preferredHeight: 48
                        }
                        ComboBox {
                            id: taskDue
                            objectName: "taskDue"
                            model: [{ value: 1, text: qsTr("morgen") }, { value: 7, text: qsTr("over een week") },
                                    { value: 14, text: qsTr("over twee weken") }, { value: 28, text: qsTr("over vier weken") },
                                    { value: -1, text: qsTr("geen datum") }]
                            textRole: "text"
                            valueRole: "value"
                            currentIndex: 1
                            Layout.fillWidth: true
                            Layout.preferredHeight: 48
                        }
                        Button {
                            id: addTaskButton
                            objectName: "addTask"
                            text: qsTr("Toevoegen")
                            enabled: taskWhat.text.trim().length > 0
                            Layout.preferredHeight: 48
                            onClicked: if (editor.addTask(taskWhat.text, taskOwner.currentValue, taskDue.currentValue)) taskWhat.text = ""
                        }
                    }
                }
                Label {
                    visible: editor.openTasks.length > 0
                    text: qsTr("Nog open van eerdere bezoeken")
                    color: "#546e7a"
                    Layout.topMargin: 8
                }
                Repeater {
                    objectName: "openTasks"
                    model: editor.openTasks
                    delegate: TaskRow { own: false }
                }
            }
            }
        }
    }

    // A follow-up task: done or not with a tap; who and by when beneath; this visit's own
    // tasks can be removed (an earlier visit's are marked done instead).
    component TaskRow: RowLayout {
        id: task
        required property var modelData
        property bool own
        Layout.fillWidth: true
        spacing: 8
        CheckBox {
            objectName: "task_" + task.modelData.what
            checked: task.modelData.done
            Layout.preferredHeight: 48
            Layout.alignment: Qt.AlignTop
            onToggled: editor.setTaskDone(task.modelData.id, checked)
        }
        ColumnLayout {
            objectName: "taskText_" + task.modelData.what
            Layout.fillWidth: true
            TapHandler { onTapped: taskPopup.show(task.modelData) }  // to change it
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 2
            spacing: 0
            Label {
                text: task.modelData.what
                wrapMode: Text.WordWrap
                font.strikeout: task.modelData.done
                Layout.fillWidth: true
            }
            Label {
                text: [task.modelData.ownerLabel,
                       task.modelData.done ? qsTr("gedaan %1").arg(task.modelData.doneText)
                                           : task.modelData.due ? qsTr("uiterlijk %1").arg(task.modelData.dueText) : "",
                       task.own || !task.modelData.visitDate ? "" : qsTr("afgesproken %1").arg(task.modelData.visitDate)]
                      .filter(s => s).join("  ·  ")
                color: task.modelData.late ? "#b71c1c" : "#546e7a"
                font.bold: task.modelData.late
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
        ToolButton {
            objectName: "editTask_" + task.modelData.what
            text: "✎"
            Accessible.name: qsTr("Vervolgactie wijzigen")
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            onClicked: taskPopup.show(task.modelData)
        }
        ToolButton {
            visible: task.own
            objectName: "removeTask_" + task.modelData.what
            text: "✕"
            Accessible.name: qsTr("Vervolgactie weghalen")
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 48
            Layout.preferredHeight: 48
            onClicked: editor.removeTask(task.modelData.id)
        }
    }

    component Note: ColumnLayout {
        id: note
        property string field
        property string label
        property string value
        property int lines: 3
        Layout.fillWidth: true
        Label { text: note.label; color: "#546e7a" }
        TextArea {
            objectName: note.field
            text: note.value
            wrapMode: TextEdit.Wrap
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(implicitHeight, note.lines * font.pixelSize * 1.6 + 16)
            background: Rectangle { radius: 6; color: "white"; border.color: parent.activeFocus ? "#00796b" : "#cfd8dc" }
            onTextChanged: if (text !== note.value) editor.editText(note.field, text)
        }
    }

    // A follow-up task changed: what, who, by when (or no date).
    Popup {
        id: taskPopup
        objectName: "taskPopup"
        property string task
        property string due
        property var ownerChoices: page.owners
        function show(t) {
            task = t.id
            due = t.due
            taskEditWhat.text = t.what
            // A name written in, not one of the usual words, stays a choice.
            ownerChoices = page.owners.some(o => o.value === t.owner) || !t.owner
                    ? page.owners : page.owners.concat([{ value: t.owner, text: t.owner }])
            taskEditOwner.currentIndex = Math.max(0, ownerChoices.findIndex(o => o.value === t.owner))
            open()
        }
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 48, 820)
        modal: true
        padding: 24
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label {
                text: qsTr("Vervolgactie wijzigen")
                font.bold: true
                font.pixelSize: Math.round(22 * AppSession.textScale)
            }
            TextField {
                id: taskEditWhat
                objectName: "taskEditWhat"
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: 48
            }
            ComboBox {
                id: taskEditOwner
                objectName: "taskEditOwner"
                model: taskPopup.ownerChoices
                textRole: "text"
                valueRole: "value"
                Layout.preferredWidth: 260
                Layout.preferredHeight: 48
            }
            Label { text: qsTr("Uiterlijk op"); color: "#546e7a" }
            DateStepper {
                objectName: "taskEditDue"
                visible: taskPopup.due !== ""
                iso: taskPopup.due
                weeks: true
                Layout.fillWidth: true
                onEdited: taskPopup.due = iso
            }
            Button {
                objectName: "taskEditNoDate"
                text: taskPopup.due ? qsTr("Geen datum") : qsTr("Datum kiezen")
                Layout.preferredHeight: 48
                onClicked: taskPopup.due = taskPopup.due ? "" : page.shift(AppSession.today, 7)
            }
            RowLayout {
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "taskEditCancel"
                    text: qsTr("Annuleren")
                    Layout.preferredHeight: 48
                    onClicked: taskPopup.close()
                }
                Button {
                    objectName: "taskEditSave"
                    text: qsTr("Opslaan")
                    highlighted: true
                    Layout.preferredHeight: 48
                    onClicked: if (editor.editTask(taskPopup.task, taskEditWhat.text, taskEditOwner.currentValue, taskPopup.due)) taskPopup.close()
                }
            }
        }
    }

    // The values a concurrent edit replaced, newest first, each with who and when.
    Popup {
        id: overwrittenPopup
        objectName: "overwrittenPopup"
        property string field
        property string label
        property var rows: []
        function show(f, l) { field = f; label = l; rows = editor.overwritten(f); open() }
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 96, 720)
        modal: true
        padding: 24
        ColumnLayout {
            width: parent.width
            spacing: 12
            Label {
                text: qsTr("%1: vervangen waarden").arg(overwrittenPopup.label)
                font.bold: true
                font.pixelSize: Math.round(22 * AppSession.textScale)
            }
            Repeater {
                model: overwrittenPopup.rows
                delegate: RowLayout {
                    required property var modelData
                    required property int index
                    spacing: 12
                    Layout.fillWidth: true
                    Label { text: modelData.value; font.bold: true; Layout.preferredWidth: 200; elide: Text.ElideRight }
                    Label { text: modelData.who + " · " + modelData.when; color: "#546e7a"; Layout.fillWidth: true; elide: Text.ElideRight }
                    Button {
                        objectName: "restore" + index
                        text: qsTr("Terugzetten")
                        Layout.preferredHeight: 48
                        onClicked: { editor.restore(overwrittenPopup.field, index); overwrittenPopup.close() }
                    }
                }
            }
            Button {
                text: qsTr("Sluiten")
                Layout.alignment: Qt.AlignRight
                Layout.preferredHeight: 48
                onClicked: overwrittenPopup.close()
            }
        }
    }

    function shift(iso, days) {
        const d = new Date(iso + "T12:00:00Z")
        d.setUTCDate(d.getUTCDate() + days)
        return d.toISOString().substring(0, 10)
    }
    // For --drive: the note field's text as shown.
    function noteText(field) {
        const item = findArea(page, field)
        return item ? item.text : ""
    }
    function findArea(item, name) {
        if (item.objectName === name && item.text !== undefined) return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findArea(item.children[i], name)
            if (found) return found
        }
        if (item.contentItem && item.contentItem !== item) {
            const found = findArea(item.contentItem, name)
            if (found) return found
        }
        return null
    }
}
