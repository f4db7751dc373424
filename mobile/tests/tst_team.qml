import QtQuick
import QtTest
import Naast

// The team page: this year's figures from the dossiers; approving needs the scanned code, the
// code on the new tablet's screen and a name; a scan that is not a Naast code is refused in
// words. (Approving, removing and the wipe that follows: app_e2e_two_tablets.)
TestCase {
    name: "TeamPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; TeamPage { width: 1280; height: 800 } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
    }

    function test_figures_and_approving() {
        const figures = AppSession.monitoring()
        verify(figures.length >= 2)
        compare(figures[0].title, "Aanmeldingen dit jaar")
        verify(Number(figures[0].rows[0].value) > 0)

        const page = createTemporaryObject(pageComponent, this)
        const approve = findChild(page, "approve")
        verify(!approve.enabled)
        findChild(page, "approvePayload").text = "NAAST-ENROL:1:not-a-real-code-at-all"
        findChild(page, "approveCode").text = "ABCD-EFGH"
        verify(!approve.enabled)  // no name yet
        findChild(page, "approveLabel").text = "tablet 9"
        verify(approve.enabled)
        verify(approve.height >= 48)
        mouseClick(approve)
        verify(findChild(page, "teamError").text.indexOf("geen code van een Naast-tablet") >= 0)
        // A real tablet's code, but this tablet is no teamleider's: refused in plain words,
        // not in the core's English.
        findChild(page, "approvePayload").text = Sync.enrolmentPayload
        findChild(page, "approveCode").text = Sync.enrolmentCode
        mouseClick(approve)
        compare(findChild(page, "teamError").text, "Alleen de tablet van een teamleider kan dit doen.")
        // This demo tablet is in no team: no members, and no team button for it.
        compare(findChild(page, "members").count, 0)
    }
}
