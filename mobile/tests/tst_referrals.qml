import QtQuick
import QtTest
import Naast

// Verwijzingen: every referral listed, the ones not started first with how long they wait; a new
// one added in its popup; a tap on "gestart" records today as the start.
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

    function test_add_a_referral_and_start_it() {
        const doc = docs.itemAt(3).doc
        const before = DossierSections.referrals(doc).length
        const page = createTemporaryObject(pageComponent, this, { doc: doc, name: "Test" })
        waitForRendering(page)
        mouseClick(findChild(page, "newReferral"))
        const popup = findChild(page, "newReferralPopup")
        tryCompare(popup, "opened", true)
        const field = name => findChild(popup.contentItem, name)
        const add = field("addReferral")
        verify(!add.enabled)  // to what, not said yet
        compare(popup.status, "aangemeld")
        verify(field("newStatus_aangemeld").highlighted)
        verify(field("referralHeld").checked)
        compare(field("referredOn").iso, AppSession.today)
        field("referralKind").editText = "Stevig Ouderschap (test)"
        verify(add.enabled)
        mouseClick(findChild(field("referredOn"), "dayBack"))
        mouseClick(findChild(field("referredOn"), "dayBack"))
        field("referralNote").text = "Intake gepland."
        mouseClick(add)
        tryCompare(popup, "visible", false)

        // Stored and listed, waiting two days, the coach holding on.
        const list = findChild(page, "referralList")
        compare(list.count, before + 1)
        const rows = DossierSections.referrals(doc)
        const index = rows.findIndex(r => r.kind === "Stevig Ouderschap (test)")
        verify(index >= 0)
        const ref = rows[index]
        compare(ref.statusCode, "aangemeld")
        compare(ref.note, "Intake gepland.")
        verify(ref.held)
        verify(ref.waiting)
        compare(ref.waitingDays, 2)

        // It has started: one tap on its card.
        list.positionViewAtIndex(index, ListView.Contain)
        waitForRendering(list)
        const card = list.itemAtIndex(index)
        compare(card.objectName, "referral_" + ref.id)
        verify(collect(card, o => o.objectName === "status_aangemeld")[0].highlighted)
        mouseClick(collect(card, o => o.objectName === "status_gestart")[0])
        const started = DossierSections.referrals(doc).find(r => r.id === ref.id)
        compare(started.statusCode, "gestart")
        verify(!started.waiting)
        compare(started.startedOn, DossierSections.dateLabel(AppSession.today))
        compare(page.rows.find(r => r.id === ref.id).statusCode, "gestart")
        compare(page.waiting, DossierSections.referrals(doc).filter(r => r.waiting).length)
    }
}
