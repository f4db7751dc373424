import QtQuick
import QtTest
import Naast

// "Who looked at this file": opening a dossier is in its audit trail at once, newest first.
TestCase {
    name: "AuditPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; AuditPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 1)
    }

    function test_opening_a_dossier_is_logged() {
        const doc = docs.itemAt(1).doc
        // Rows may stand for several entries (the same person again and again): count entries.
        const entries = rows => rows.reduce((n, r) => n + r.times, 0)
        const before = entries(AppSession.auditTrail(doc))
        verify(AppSession.dossier(doc).name.length > 0)
        const trail = AppSession.auditTrail(doc)
        compare(entries(trail), before + 1)
        compare(trail[0].action, "bekeken")
        verify(trail[0].when.length > 0 && trail[0].user.length > 0)

        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        const list = findChild(page, "auditList")
        compare(list.count, trail.length)
        // Reading it again at once: the same row, twice (the log keeps both entries).
        AppSession.dossier(doc)
        const again = AppSession.auditTrail(doc)
        compare(again.length, trail.length)
        compare(again[0].action, "bekeken")
        compare(again[0].times, trail[0].times + 1)
        // Another dossier's trail does not grow by this read.
        const otherDoc = docs.itemAt(0).doc
        const otherBefore = entries(AppSession.auditTrail(otherDoc))
        AppSession.dossier(doc)
        compare(entries(AppSession.auditTrail(otherDoc)), otherBefore)
    }
}
