import QtQuick
import QtQuick.Controls
import Naast

// The window: unlock first; after unlocking, the caseload; a dossier on top of it.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: "Naast"
    font.pixelSize: Math.round(18 * AppSession.textScale)
    // One style (Basic) in the programme's colours; it renders the same on every device.
    palette.window: "#fafafa"
    palette.base: "white"
    palette.button: "#e0f2f1"
    palette.buttonText: "#004d40"
    palette.highlight: "#00796b"
    palette.highlightedText: "white"
    palette.dark: "#00796b"
    palette.mid: "#b2dfdb"

    readonly property var currentPage: stack.currentItem  // for --drive

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: AppSession.hasData ? unlockPage : setupPage
    }

    Component { id: unlockPage; UnlockPage {} }
    Component { id: setupPage; SetupPage { onSettingUp: window.newTablet = true } }
    property bool newTablet: false
    Component { id: joinPage; JoinPage {} }
    Component { id: visitsPage; VisitsPage {} }
    Component { id: teamPage; TeamPage {} }
    Component { id: replacedPage; ReplacedPage {} }
    Component { id: visitPage; VisitPage {} }
    Component {
        id: caseloadPage
        CaseloadPage {
            onOpen: doc => window.openDossier(doc)
            onSettings: stack.push(settingsPage, {}, StackView.Immediate)
            onJoin: window.openJoin()
            onTeam: stack.push(teamPage, {}, StackView.Immediate)
            onTeamDay: window.openTeamDay()
        }
    }
    Component { id: settingsPage; SettingsPage {} }
    Component { id: auditPage; AuditPage {} }
    Component { id: dossierPage; DossierPage {} }
    Component { id: diaryPage; DiaryPage {} }
    Component { id: planPage; PlanPage {} }
    Component { id: selfSufficiencyPage; SelfSufficiencyPage {} }
    Component { id: referralsPage; ReferralsPage {} }
    Component { id: safetyPage; SafetyPage {} }
    Component { id: consentsPage; ConsentsPage {} }
    Component { id: teamDayPage; TeamDayPage { onOpen: doc => window.openDossier(doc) } }

    Connections {
        target: AppSession
        function onUnlockedChanged() {
            if (AppSession.unlocked) {
                stack.replace(null, caseloadPage, {}, StackView.Immediate)
                if (stack.get(0) && stack.get(0).objectName === "caseloadPage" && window.newTablet)
                    window.openJoin()  // a new tablet: join a team first
                window.newTablet = false
            } else {
                stack.replace(null, unlockPage, {}, StackView.Immediate)
            }
        }
    }

    function openDossier(doc) {
        stack.push(dossierPage, { doc: doc }, StackView.Immediate)
    }

    // For --screenshots: the first dossier of the caseload.
    function openFirstDossier() {
        if (stack.currentItem && stack.currentItem.firstDoc)
            openDossier(stack.currentItem.firstDoc())
    }

    function openJoin() { stack.push(joinPage, {}, StackView.Immediate) }

    // The team's day (dag van het team), from the caseload and for --screenshots.
    function openTeamDay() { stack.push(teamDayPage, {}, StackView.Immediate) }

    // For --screenshots: the settings page on top.
    function openSettings() { stack.push(settingsPage, {}, StackView.Immediate) }
    function back() { stack.pop(StackView.Immediate) }

    // For --screenshots: calls a function of the page on top (openDiary, showMother).
    function callPage(name) {
        if (stack.currentItem && typeof stack.currentItem[name] === "function")
            stack.currentItem[name]()
    }

    // For --self-test: creates every page once; returns how many loaded.
    function selfTest() {
        let n = 0
        for (const c of [unlockPage, setupPage, joinPage, caseloadPage, dossierPage, visitsPage,
                         visitPage, diaryPage, settingsPage, auditPage, planPage,
                         selfSufficiencyPage, referralsPage, safetyPage, consentsPage, teamPage,
                         replacedPage, teamDayPage]) {
            const page = c.createObject(window)
            if (page) { n++; page.destroy() }
            else console.error("a page did not load: " + c.errorString())
        }
        return n
    }
}
