import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Naast

// A mother's dossier: the overview (phase, gestational week or the child's age, visits, flags,
// contacts, household, children, registration) and its parts.
// Opening it is logged in the audit log ("who looked at this file").
Page {
    id: page
    objectName: "dossierPage"
    property string doc
    property var info: doc ? AppSession.dossier(doc) : ({})
    // Contacts, household, children, registration.
    property var facts: doc ? DossierSections.overview(doc) : ({})
    // Who goes to her: the team's day groups its rounds by these names.
    property var assigned: doc ? DossierSections.assigned(doc) : []
    Connections {
        target: DossierSections
        function onChanged(changed) {
            if (changed === page.doc) page.assigned = DossierSections.assigned(page.doc)
        }
    }
    Connections {
        target: AppSession
        function onDataChanged() {  // a sync brought changes
            page.info = page.doc ? AppSession.dossier(page.doc) : ({})
            page.facts = page.doc ? DossierSections.overview(page.doc) : ({})
            page.replacedCount = page.doc ? ReplacedValues.list(page.doc).length : 0
            page.assigned = page.doc ? DossierSections.assigned(page.doc) : []
        }
    }

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            ToolButton {
                text: "‹ " + qsTr("Caseload")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: page.info.name || ""
                font.pixelSize: Math.round(26 * AppSession.textScale)
                font.bold: true
                color: "white"
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
        }
    }

    // The dossier's parts, one button each (48 px and more: a finger in a hurry), always in reach
    // below the facts.
    footer: Pane {
        padding: 16
        background: Rectangle { color: "#eceff1"; Rectangle { width: parent.width; height: 1; color: "#cfd8dc" } }
        Flow {
            objectName: "sections"
            width: parent.width
            spacing: 12
            Repeater {
                model: page.sections.filter(s => s.name !== "openReplaced" || page.replacedCount > 0)
                delegate: Button {
                    required property var modelData
                    objectName: modelData.name
                    text: modelData.label
                    highlighted: modelData.name === "openDiary"
                    height: Math.round(56 * AppSession.textScale)
                    width: Math.max(implicitWidth + 32, 200)
                    onClicked: page[modelData.name]()
                }
            }
        }
    }

    Flickable {
        id: factsView
        objectName: "facts"
        anchors.fill: parent
        contentHeight: grid.implicitHeight + 48
        clip: true
        ScrollBar.vertical: ScrollBar { }

        GridLayout {
            id: grid
            x: 24
            y: 24
            width: factsView.width - 48
            columns: 2
            columnSpacing: 24
            rowSpacing: 12

            Fact { label: qsTr("Fase"); value: page.info.phase || "" }
            Fact { label: qsTr("Zwangerschap of leeftijd"); value: page.info.stage || "–" }
            Fact {
                label: qsTr("Volgend bezoek")
                value: page.info.nextVisit || ""
                alert: page.info.overdue === true
            }
            Fact {
                label: qsTr("Volgende afspraak")
                value: page.info.appointment || qsTr("geen")
            }
            Fact {
                objectName: "tasks"
                label: qsTr("Vervolgacties")
                value: !page.info.openTasks ? qsTr("geen open")
                       : [qsTr("%1 open").arg(page.info.openTasks),
                          page.info.lateTasks > 0 ? qsTr("%1 te laat").arg(page.info.lateTasks) : ""]
                         .filter(s => s).join(" · ")
                alert: page.info.lateTasks > 0
            }
            Fact {
                label: qsTr("Signalen")
                value: [page.info.crisis ? qsTr("crisis") : "",
                        page.info.escalations > 0 ? qsTr("opschaling wacht op een professional") : "",
                        page.info.late ? qsTr("doorlooptijd te lang") : ""].filter(s => s).join(", ")
                       || qsTr("geen")
                alert: page.info.crisis === true
            }
            Fact {
                objectName: "assignedFact"
                label: qsTr("Wie gaat erheen")
                value: page.assigned.join(", ") || qsTr("nog niemand")
                actionText: qsTr("Wijzigen")
                onAct: assignPopup.open()
            }
            Fact { objectName: "phone"; label: qsTr("Telefoon"); value: page.facts.phone || "–" }
            Fact { objectName: "address"; label: qsTr("Adres"); value: page.facts.address || "–" }
            Fact {
                label: page.facts.childBorn ? qsTr("Geboren op") : qsTr("Uitgerekende datum")
                value: page.facts.childBorn || page.facts.dueDate || "–"
            }
            Fact {
                objectName: "children"
                label: qsTr("Kinderen")
                value: (page.facts.children || [])
                       .map(c => c.born ? qsTr("%1, geboren %2").arg(c.name).arg(c.born) : c.name)
                       .join("\n") || qsTr("nog geen")
            }
            Fact { label: qsTr("Huishouden"); value: page.facts.household || "–" }
            Fact {
                label: qsTr("Aanmelding")
                value: [page.facts.registered && page.facts.referrer
                            ? qsTr("%1 via %2").arg(page.facts.registered).arg(page.facts.referrer)
                            : (page.facts.registered || ""),
                        (page.facts.reasons || []).join(", ")].filter(s => s).join("\n") || "–"
            }
            Fact { label: qsTr("Laatste bezoek"); value: page.info.lastVisit || qsTr("nog geen") }
            Fact { label: qsTr("Bezoeken"); value: String(page.info.visits || 0) }
        }
    }

    // Each part: the function that opens it (also called by --screenshots) and its label.
    readonly property var sections: [
        { name: "openVisits", label: qsTr("Bezoeken") },
        { name: "openPlan", label: qsTr("Plan van aanpak") },
        { name: "openSelfSufficiency", label: qsTr("Zelfredzaamheid") },
        { name: "openReferrals", label: qsTr("Verwijzingen") },
        { name: "openSafety", label: qsTr("Veiligheid en meldcode") },
        { name: "openConsents", label: qsTr("Toestemmingen") },
        { name: "openDiary", label: qsTr("Dagboek") },
        { name: "openAudit", label: qsTr("Wie keek in dit dossier") },
        { name: "openReplaced", label: qsTr("Vervangen waarden") }
    ]

    Component { id: diaryPage; DiaryPage {} }
    Component { id: auditPage; AuditPage {} }
    Component { id: planPage; PlanPage {} }
    Component { id: selfSufficiencyPage; SelfSufficiencyPage {} }
    Component { id: referralsPage; ReferralsPage {} }
    Component { id: safetyPage; SafetyPage {} }
    Component { id: consentsPage; ConsentsPage {} }
    function open(component) {
        page.StackView.view.push(component, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }
    function openPlan() { open(planPage) }
    function openSelfSufficiency() { open(selfSufficiencyPage) }
    function openReferrals() { open(referralsPage) }
    function openSafety() { open(safetyPage) }
    function openConsents() { open(consentsPage) }
    Component { id: visitsPage; VisitsPage {} }
    function openVisits() { open(visitsPage) }
    Component { id: replacedPage; ReplacedPage {} }
    function openReplaced() { open(replacedPage) }
    // Only shown when a merge replaced something in this dossier.
    property int replacedCount: doc ? ReplacedValues.list(doc).length : 0
    function openAudit() {
        page.StackView.view.push(auditPage, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }
    function openDiary() {
        page.StackView.view.push(diaryPage, { doc: page.doc, name: page.info.name || "" },
                                 StackView.Immediate)
    }

    // Who goes to her: the team's coaches and students by their names in the team, ticked on or
    // off; a name can be added too (a team without tablets' names yet).
    Popup {
        id: assignPopup
        objectName: "assignPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 96, 640)
        modal: true
        padding: 24
        // The team's active coaches and students, and whoever is assigned already.
        readonly property var names: {
            const out = page.assigned.slice()
            for (const m of Sync.members())
                if (m.active && (m.role === "coach" || m.role === "student") && out.indexOf(m.label) < 0)
                    out.push(m.label)
            return out.sort()
        }
        ColumnLayout {
            width: parent.width
            spacing: 8
            Label {
                text: qsTr("Wie gaat erheen?")
                font.bold: true
                font.pixelSize: Math.round(22 * AppSession.textScale)
            }
            Repeater {
                model: assignPopup.names
                delegate: CheckBox {
                    required property string modelData
                    objectName: "assign_" + modelData
                    text: modelData
                    checked: page.assigned.indexOf(modelData) >= 0
                    Layout.preferredHeight: 48
                    onToggled: DossierSections.setAssigned(page.doc, modelData, checked)
                }
            }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: newName
                    objectName: "assignName"
                    placeholderText: qsTr("Andere naam, zoals 'Coach 4'")
                    inputMethodHints: Qt.ImhNoPredictiveText
                    Layout.fillWidth: true
                    Layout.preferredHeight: 48
                }
                Button {
                    objectName: "assignAdd"
                    text: qsTr("Toevoegen")
                    enabled: newName.text.trim().length > 0
                    Layout.preferredHeight: 48
                    onClicked: if (DossierSections.setAssigned(page.doc, newName.text, true)) newName.text = ""
                }
            }
            Label {
                visible: DossierSections.error.length > 0
                text: DossierSections.error
                color: "#b71c1c"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "assignClose"
                text: qsTr("Klaar")
                Layout.alignment: Qt.AlignRight
                Layout.preferredHeight: 48
                onClicked: assignPopup.close()
            }
        }
    }

    component Fact: Pane {
        property string label
        property string value
        property bool alert: false
        id: fact
        // A button beside the label (e.g. "Wijzigen"), and what it does.
        property string actionText: ""
        signal act()
        // Two equal columns, whatever the text size.
        Layout.preferredWidth: (page.width - 72) / 2
        Layout.maximumWidth: (page.width - 72) / 2
        Layout.minimumWidth: 0
        Layout.preferredHeight: Math.max(Math.round(80 * AppSession.textScale), implicitHeight)
        Layout.fillHeight: true  // as tall as the other fact in its row
        background: Rectangle { radius: 8; color: "white"; border.color: alert ? "#b71c1c" : "#cfd8dc" }
        ColumnLayout {
            width: parent.width
            RowLayout {
                Layout.fillWidth: true
                Label { text: label; color: "#546e7a"; font.pixelSize: Math.round(16 * AppSession.textScale); Layout.fillWidth: true }
                Button {
                    visible: fact.actionText.length > 0
                    objectName: fact.objectName + "Action"
                    text: fact.actionText
                    Layout.preferredHeight: 48
                    onClicked: fact.act()
                }
            }
            Label {
                text: value
                font.pixelSize: Math.round(22 * AppSession.textScale)
                font.bold: true
                color: alert ? "#b71c1c" : "#263238"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
        }
    }
}
