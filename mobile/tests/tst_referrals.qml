import QtQuick
import QtTest
import Naast

// Verwijzingen: every referral listed, the ones not started first with how long they wait.
TestCase {
    name: "ReferralsPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component { id: pageComponent; ReferralsPage { width: 1280; height: 800 } }
    Repeater { id: docs; model: AppSession.caseload; delegate: Item { required property string doc } }

    function initTestCase() {
        if (!AppSession.unlocked)
            AppSession.unlock("1234")
        tryCompare(AppSession, "unlocked", true, 10000)
        tryVerify(() => docs.count > 0)
    }

    function collect(item, match, out) {
        out = out || []
        if (!item || !item.children) return out
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (match(child)) out.push(child)
            collect(child, match, out)
        }
        return out
    }

    function test_waiting_first_with_days() {
        let doc = ""
        for (let i = 0; i < docs.count && !doc; ++i) {
            if (DossierSections.referrals(docs.itemAt(i).doc).some(r => r.waiting))
                doc = docs.itemAt(i).doc
        }
        verify(doc, "no dossier with a referral waiting to start")
        const rows = DossierSections.referrals(doc)
        const waiting = rows.filter(r => r.waiting)
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        const list = findChild(page, "referralList")
        compare(list.count, rows.length)
        compare(page.waiting, waiting.length)
        verify(findChild(page, "summary").text.indexOf(String(waiting.length)) >= 0)
        // The waiting ones first, longest wait first, each saying how long.
        let longest = Infinity
        for (let i = 0; i < list.count; ++i) {
            list.positionViewAtIndex(i, ListView.Contain)
            const item = list.itemAtIndex(i)
            verify(item)
            compare(item.waiting, i < waiting.length)
            const label = collect(item, o => o.objectName === "waitLabel")[0]
            compare(label.visible, item.waiting)
            if (item.waiting) {
                verify(item.waitingDays <= longest)
                longest = item.waitingDays
                verify(item.waitingDays > 0)
                verify(label.text.indexOf(String(item.waitingDays)) >= 0, label.text)
            }
        }
    }
}
