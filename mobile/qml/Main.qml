import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Naast

// The window: unlock first; after unlocking, the caseload; a dossier on top of it.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: "Naast"
    Material.theme: Material.Light
    Material.accent: "#00796b"
    Material.primary: "#00796b"
    font.pixelSize: 18

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: unlockPage
    }

    Component { id: unlockPage; UnlockPage {} }
    Component { id: caseloadPage; CaseloadPage { onOpen: doc => window.openDossier(doc) } }
    Component { id: dossierPage; DossierPage {} }

    Connections {
        target: AppSession
        function onUnlockedChanged() {
            if (AppSession.unlocked)
                stack.replace(null, caseloadPage, {}, StackView.Immediate)
            else
                stack.replace(null, unlockPage, {}, StackView.Immediate)
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

    // For --self-test: creates every page once; returns how many loaded.
    function selfTest() {
        let n = 0
        for (const c of [unlockPage, caseloadPage, dossierPage]) {
            const page = c.createObject(window)
            if (page) { n++; page.destroy() }
            else console.error("a page did not load: " + c.errorString())
        }
        return n
    }
}
