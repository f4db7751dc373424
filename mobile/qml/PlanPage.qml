import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// Plan van aanpak: the goals per life domain (leefgebied), each with the mother's help question,
// the actions, who does it, the due date and, once done, the evaluation. The coach changes a
// goal's status or learning stage (voordoen, samendoen, zelf doen) with one tap; it is saved at
// once. "Bewerken" opens the goal's texts, who and the due date, filled in; only what the coach
// changed is saved.
Page {
    id: page
    objectName: "planPage"
    property string doc
    property string name
    // Read when the page opens and again after each change saved here.
    property var groups: []
    function reload() { groups = doc ? DossierSections.goalGroups(doc) : [] }
    Component.onCompleted: reload()
    Connections {  // a sync brought changes
        target: AppSession
        function onDataChanged() { page.reload() }
    }
    onDocChanged: reload()
    readonly property var statuses: DossierSections.goalStatuses()
    readonly property var stages: DossierSections.learningStages()
    readonly property int goalCount: groups.reduce((n, g) => n + g.goals.length, 0)

    function setStatus(goal, code) {
        if (DossierSections.setGoalStatus(page.doc, goal, code)) page.reload()
    }
    function edit(goal) {
        editGoal.goal = goal
        editGoal.open()
    }
    function setStage(goal, code) {
        if (DossierSections.setGoalLearningStage(page.doc, goal, code)) page.reload()
    }

    header: SectionHeader {
        title: qsTr("Plan van aanpak van %1").arg(page.name)
        onBack: page.StackView.view.pop(StackView.Immediate)
    }

    Flickable {
        id: flick
        objectName: "planList"
        anchors.fill: parent
        contentHeight: column.height + 32
        clip: true
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            x: 16
            y: 16
            width: flick.width - 32
            spacing: 12

            Button {
                objectName: "newGoal"
                text: qsTr("Nieuw doel")
                highlighted: true
                Layout.preferredHeight: 52
                onClicked: newGoal.open()
            }
            Label {
                visible: page.goalCount === 0
                text: qsTr("Nog geen doelen in het plan van aanpak.")
                color: "#546e7a"
                Layout.topMargin: 32
                Layout.alignment: Qt.AlignHCenter
            }

            Repeater {
                model: page.groups
                delegate: ColumnLayout {
                    id: group
                    required property var modelData
                    objectName: "group_" + modelData.domain
                    readonly property int goals: modelData.goals.length
                    Layout.fillWidth: true
                    spacing: 8
                    Label {
                        objectName: "domainHeader"
                        text: group.modelData.label
                        font.pixelSize: Math.round(22 * AppSession.textScale)
                        font.bold: true
                        color: "#00796b"
                        Layout.topMargin: 8
                    }
                    Repeater {
                        model: group.modelData.goals
                        delegate: GoalCard {}
                    }
                }
            }
        }
    }

    component GoalCard: Pane {
        id: card
        required property var modelData
        objectName: "goal_" + modelData.id
        readonly property string status: modelData.status
        readonly property string learningStage: modelData.learningStage
        Layout.fillWidth: true
        padding: 16
        background: Rectangle { radius: 8; color: "white"; border.color: "#cfd8dc" }
        ColumnLayout {
            width: parent.width
            spacing: 8
            RowLayout {
                Layout.fillWidth: true
                spacing: 16
                Label {
                    text: card.modelData.description || qsTr("(geen omschrijving)")
                    font.bold: true
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Column {
                    Layout.alignment: Qt.AlignTop
                    Label {
                        anchors.right: parent.right
                        visible: card.modelData.owner.length > 0
                        text: qsTr("Wie: %1").arg(card.modelData.owner)
                        color: "#37474f"
                    }
                    Label {
                        objectName: "dueDate"
                        anchors.right: parent.right
                        visible: card.modelData.dueDate.length > 0
                        text: card.modelData.overdue ? qsTr("Streefdatum %1 (verstreken)").arg(card.modelData.dueDate)
                                                     : qsTr("Streefdatum %1").arg(card.modelData.dueDate)
                        color: card.modelData.overdue ? "#b71c1c" : "#37474f"
                        font.bold: card.modelData.overdue
                    }
                }
            }
            Fact { label: qsTr("Hulpvraag"); value: card.modelData.helpQuestion }
            Fact { label: qsTr("Acties"); value: card.modelData.actions }
            Fact { label: qsTr("Evaluatie"); value: card.modelData.evaluation }
            // Status and learning stage: each a row of its own choices; the rows wrap as a whole.
            Flow {
                Layout.fillWidth: true
                spacing: 24
                Row {
                    spacing: 8
                    Label {
                        text: qsTr("Status")
                        color: "#546e7a"
                        width: Math.round(90 * AppSession.textScale)
                        height: Math.round(48 * AppSession.textScale)
                        verticalAlignment: Text.AlignVCenter
                    }
                    Repeater {
                        model: page.statuses
                        delegate: Choice {
                            required property var modelData
                            objectName: "status_" + modelData.code
                            text: modelData.label
                            chosen: card.status === modelData.code
                            onClicked: page.setStatus(card.modelData.id, modelData.code)
                        }
                    }
                }
                Row {
                    spacing: 8
                    Label {
                        text: qsTr("Leerfase")
                        color: "#546e7a"
                        width: Math.round(90 * AppSession.textScale)
                        height: Math.round(48 * AppSession.textScale)
                        verticalAlignment: Text.AlignVCenter
                    }
                    Repeater {
                        model: page.stages
                        delegate: Choice {
                            required property var modelData
                            objectName: "stage_" + modelData.code
                            text: modelData.label
                            chosen: card.learningStage === modelData.code
                            onClicked: page.setStage(card.modelData.id, modelData.code)
                        }
                    }
                }
                // The goal's texts, who and when: in a popup.
                Button {
                    objectName: "editGoal"
                    text: qsTr("Bewerken")
                    height: Math.round(48 * AppSession.textScale)
                    width: implicitWidth + 24
                    onClicked: page.edit(card.modelData)
                }
            }
        }
    }

    // A line of the goal: what it is, then the text (hidden when empty).
    component Fact: ColumnLayout {
        property string label
        property string value
        visible: value.length > 0
        spacing: 0
        Layout.fillWidth: true
        Label { text: label; color: "#546e7a"; font.pixelSize: Math.round(15 * AppSession.textScale) }
        Label { text: value; wrapMode: Text.WordWrap; Layout.fillWidth: true }
    }

    // One choice of a row: the chosen one filled in the programme's colour.
    component Choice: Button {
        property bool chosen: false
        highlighted: chosen
        height: Math.round(48 * AppSession.textScale)
        width: implicitWidth + 24
        font.bold: chosen
    }

    // A new goal: the life domain, what the mother wants to reach, her question, who does it,
    // and when it should be reached.
    Popup {
        id: newGoal
        objectName: "newGoalPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 64, 720)
        modal: true
        padding: 24
        onOpened: { goalText.text = ""; question.text = "" }
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label { text: qsTr("Nieuw doel"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
            ComboBox {
                id: domain
                objectName: "goalDomain"
                model: DossierSections.lifeDomains()
                textRole: "label"
                valueRole: "code"
                Layout.fillWidth: true
                Layout.preferredHeight: 48
            }
            TextArea {
                id: goalText
                objectName: "goalText"
                placeholderText: qsTr("Wat wil de moeder bereiken?")
                wrapMode: TextEdit.Wrap
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(96, implicitHeight)
                background: Rectangle { radius: 6; color: "white"; border.color: goalText.activeFocus ? "#00796b" : "#cfd8dc" }
            }
            TextField {
                id: question
                objectName: "goalQuestion"
                placeholderText: qsTr("Haar hulpvraag, in haar woorden (mag leeg)")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: 48
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label { text: qsTr("Wie") }
                ComboBox {
                    id: owner
                    objectName: "goalOwner"
                    model: [{ value: "moeder", text: qsTr("Moeder") }, { value: "coach", text: qsTr("Coach") },
                            { value: "netwerk", text: qsTr("Netwerk") }, { value: "ketenpartner", text: qsTr("Ketenpartner") }]
                    textRole: "text"
                    valueRole: "value"
                    Layout.preferredHeight: 48
                    Layout.preferredWidth: 200
                }
                Label { text: qsTr("Streefdatum over") }
                SpinBox {
                    id: weeks
                    objectName: "goalWeeks"
                    from: 1; to: 52; value: 8
                    Layout.preferredHeight: 48
                }
                Label { text: qsTr("weken") }
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: newGoal.close() }
                Button {
                    objectName: "addGoal"
                    text: qsTr("Toevoegen")
                    highlighted: true
                    enabled: goalText.text.trim().length > 0
                    Layout.preferredHeight: 48
                    onClicked: {
                        if (DossierSections.addGoal(page.doc, domain.currentValue, goalText.text,
                                                    question.text, owner.currentValue, weeks.value)) {
                            newGoal.close()
                            page.reload()
                        }
                    }
                }
            }
        }
    }

    // A goal changed: its texts, who does it and the due date, filled in with what is stored.
    // Only the fields the coach changed go to the store (the dossier merges field by field, so
    // an unchanged field written again would overrule a colleague's edit of it made meanwhile).
    Popup {
        id: editGoal
        objectName: "editGoalPopup"
        property var goal: ({})
        property bool ownerTouched: false
        property bool dueTouched: false
        readonly property var owners: {
            const list = [{ value: "moeder", text: qsTr("Moeder") }, { value: "coach", text: qsTr("Coach") },
                          { value: "netwerk", text: qsTr("Netwerk") }, { value: "ketenpartner", text: qsTr("Ketenpartner") }]
            // Someone else named as the owner (imported, or typed elsewhere) stays a choice.
            const code = goal.ownerCode || ""
            if (code && !list.some(o => o.value === code)) list.push({ value: code, text: goal.owner })
            return list
        }
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 64, 760)
        height: Math.min(page.height - 32, editColumn.implicitHeight + topPadding + bottomPadding)
        modal: true
        padding: 24
        onOpened: {
            editDescription.text = goal.description
            editQuestion.text = goal.helpQuestion
            editActions.text = goal.actions
            editEvaluation.text = goal.evaluation
            const at = owners.findIndex(o => o.value === goal.ownerCode)
            editOwner.currentIndex = Math.max(0, at)
            editDue.iso = goal.dueDateIso || AppSession.today
            ownerTouched = false
            dueTouched = false
            editError.text = ""
        }
        // What the coach changed, as editGoal() takes it.
        function changes() {
            const out = {}
            const text = (key, now, was) => { if (now.trim() !== (was || "").trim()) out[key] = now.trim() }
            text("description", editDescription.text, goal.description)
            text("helpQuestion", editQuestion.text, goal.helpQuestion)
            text("actions", editActions.text, goal.actions)
            text("evaluation", editEvaluation.text, goal.evaluation)
            if (ownerTouched && editOwner.currentValue !== goal.ownerCode) out.owner = editOwner.currentValue
            if (dueTouched && editDue.iso !== goal.dueDateIso) out.dueDate = editDue.iso
            return out
        }
        function save() {
            const fields = changes()
            if (Object.keys(fields).length > 0 && !DossierSections.editGoal(page.doc, goal.id, fields)) {
                editError.text = DossierSections.error || qsTr("Opslaan lukte niet.")
                return
            }
            editGoal.close()
            page.reload()
        }

        ColumnLayout {
            id: editColumn
            anchors.fill: parent
            spacing: 8
            Label { text: qsTr("Doel bewerken"); font.bold: true; font.pixelSize: Math.round(22 * AppSession.textScale) }
            ScrollView {
                id: editScroll
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: editFields.implicitHeight
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    id: editFields
                    width: editScroll.availableWidth
                    spacing: 4
                    Label { text: qsTr("Doel: wat wil de moeder bereiken?"); color: "#546e7a" }
                    NoteArea { id: editDescription; objectName: "editDescription" }
                    Label { text: qsTr("Hulpvraag, in haar woorden"); color: "#546e7a"; Layout.topMargin: 4 }
                    NoteArea { id: editQuestion; objectName: "editQuestion" }
                    Label { text: qsTr("Acties: wat gebeurt er?"); color: "#546e7a"; Layout.topMargin: 4 }
                    NoteArea { id: editActions; objectName: "editActions" }
                    RowLayout {
                        spacing: 12
                        Layout.topMargin: 4
                        Label { text: qsTr("Wie") }
                        ComboBox {
                            id: editOwner
                            objectName: "editOwner"
                            model: editGoal.owners
                            textRole: "text"
                            valueRole: "value"
                            Layout.preferredHeight: 48
                            Layout.preferredWidth: 200
                            onActivated: editGoal.ownerTouched = true
                        }
                    }
                    Label { text: qsTr("Streefdatum"); color: "#546e7a"; Layout.topMargin: 4 }
                    DateStepper {
                        id: editDue
                        objectName: "editDue"
                        weeks: true
                        Layout.fillWidth: true
                        onEdited: editGoal.dueTouched = true
                    }
                    Label { text: qsTr("Evaluatie: hoe ging het?"); color: "#546e7a"; Layout.topMargin: 4 }
                    NoteArea { id: editEvaluation; objectName: "editEvaluation" }
                }
            }
            Label {
                id: editError
                objectName: "editGoalError"
                visible: text.length > 0
                color: "#b71c1c"
                font.bold: true
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { objectName: "cancelEdit"; text: qsTr("Annuleren"); Layout.preferredHeight: 48; onClicked: editGoal.close() }
                Button {
                    objectName: "saveGoal"
                    text: qsTr("Opslaan")
                    highlighted: true
                    enabled: editDescription.text.trim().length > 0
                    Layout.preferredHeight: 48
                    onClicked: editGoal.save()
                }
            }
        }
    }

    // A text of the goal in the edit popup: sensitive, no predictive text, grows with its lines.
    component NoteArea: TextArea {
        id: area
        wrapMode: TextEdit.Wrap
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        Layout.preferredHeight: Math.max(Math.round(64 * AppSession.textScale), implicitHeight)
        background: Rectangle { radius: 6; color: "white"; border.color: area.activeFocus ? "#00796b" : "#cfd8dc" }
    }
}
