import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTextToSpeech
import Naast

// Dagboek: the mother's current entry, chosen from her gestational week or her child's age;
// browsing; marking it discussed with her own note; showing it to her full-screen.
Page {
    id: page
    objectName: "diaryPage"
    property string doc
    property string name
    property string lang: Qt.locale().name.startsWith("en") ? "en" : "nl"
    property var current: doc ? AppSession.currentDiaryEntry(doc) : ({})
    property string kind: current.kind || "pregnancy"
    property int index: current.index || 4
    property var entry: AppSession.diaryEntry(kind, index, lang)
    property int saved: 0  // bumped after saving, so the progress is read again
    property var progress: { saved; return entry.key ? AppSession.diaryProgress(doc, entry.key) : ({}) }
    function showMother() { motherView.open() }

    // Reading aloud, for mothers who read with difficulty: only where the device has a voice
    // for the language shown (otherwise the button is not there).
    TextToSpeech { id: tts }
    readonly property string ttsEngine: tts.engine
    function voiceLocale(l) {
        for (const loc of tts.availableLocales()) {
            if (loc.name.startsWith(l + "_") || loc.name === l)
                return loc
        }
        return null
    }
    readonly property bool canReadAloud: tts.state !== TextToSpeech.Error && voiceLocale(lang) !== null
    function readAloud() {
        const loc = voiceLocale(lang)
        if (!loc) return
        tts.locale = loc
        tts.say([entry.title, entry.growth, entry.healthy_start, entry.parenting, entry.question,
                 entry.this_week].join("\n"))
    }
    readonly property alias motherViewItem: motherView
    readonly property bool isCurrent: current.kind === kind && current.index === index

    header: ToolBar {
        height: Math.round(64 * AppSession.textScale)
        background: Rectangle { color: "#00796b" }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 16
            ToolButton {
                text: "‹ " + qsTr("Dossier")
                palette.buttonText: "white"
                Layout.preferredHeight: 56
                onClicked: page.StackView.view.pop(StackView.Immediate)
            }
            Label {
                text: qsTr("Dagboek van %1").arg(page.name)
                font.pixelSize: Math.round(24 * AppSession.textScale)
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "language"
                text: page.lang === "nl" ? "English" : "Nederlands"
                Layout.preferredHeight: 48
                onClicked: page.lang = page.lang === "nl" ? "en" : "nl"
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 16

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 800
            contentHeight: card.height
            clip: true
            EntryCard {
                id: card
                width: parent.width
                entry: page.entry
                lang: page.lang
                scale: 1.0
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 340
            Layout.maximumWidth: 340
            Layout.fillHeight: true
            spacing: 12
            Label {
                text: page.isCurrent ? qsTr("Het dagboek van nu") : qsTr("Een ander moment")
                font.bold: true
                color: page.isCurrent ? "#00796b" : "#546e7a"
            }
            RowLayout {
                Button {
                    objectName: "previous"
                    text: "‹"
                    enabled: page.index > (page.entry.first || 0)
                    Layout.preferredWidth: 64
                    Layout.preferredHeight: 56
                    onClicked: page.index -= 1
                }
                Label {
                    text: (page.entry.unit === "month" ? qsTr("maand %1") : qsTr("week %1")).arg(page.index)
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "next"
                    text: "›"
                    enabled: page.index < (page.entry.last || 0)
                    Layout.preferredWidth: 64
                    Layout.preferredHeight: 56
                    onClicked: page.index += 1
                }
            }
            Button {
                text: qsTr("Naar het dagboek van nu")
                visible: !page.isCurrent && page.current.kind !== undefined
                Layout.fillWidth: true
                Layout.preferredHeight: 48
                onClicked: { page.kind = page.current.kind; page.index = page.current.index }
            }
            Label {
                objectName: "discussed"
                text: page.progress.discussedOn ? qsTr("Besproken op %1").arg(page.progress.discussedOn)
                                               : qsTr("Nog niet besproken")
                color: page.progress.discussedOn ? "#2e7d32" : "#546e7a"
            }
            TextArea {
                id: note
                objectName: "motherNote"
                placeholderText: qsTr("Wat zegt de moeder zelf? (haar eigen notitie)")
                text: page.progress.motherNote || ""
                wrapMode: TextEdit.Wrap
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
                Layout.fillWidth: true
                Layout.preferredHeight: 160
                background: Rectangle { color: "white"; border.color: "#90a4ae"; radius: 6 }
            }
            Button {
                objectName: "markDiscussed"
                text: qsTr("Besproken")
                highlighted: true
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                onClicked: if (AppSession.markDiscussed(page.doc, page.entry.key, note.text)) page.saved++
            }
            Button {
                objectName: "readAloud"
                text: tts.state === TextToSpeech.Speaking ? qsTr("Stop met voorlezen") : qsTr("Voorlezen")
                visible: page.canReadAloud
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                onClicked: tts.state === TextToSpeech.Speaking ? tts.stop() : page.readAloud()
            }
            Button {
                objectName: "showMother"
                text: qsTr("Laat zien aan de moeder")
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                onClicked: motherView.open()
            }
            Item { Layout.fillHeight: true }
        }
    }

    // The mother's view: the entry alone, in large type and her language. Nothing else of the
    // dossier can be reached from here; going back needs the coach's PIN.
    Popup {
        id: motherView
        objectName: "motherView"
        parent: Overlay.overlay
        x: 0
        y: 0
        width: parent ? parent.width : 1280
        height: parent ? parent.height : 800
        modal: true
        closePolicy: Popup.NoAutoClose
        // No animation: it covers the dossier at once, and leaves at once.
        enter: Transition {}
        exit: Transition {}
        padding: 32
        background: Rectangle { color: "#fffdf7" }
        onOpened: { pinRow.visible = false; pin.text = "" }

        ColumnLayout {
            anchors.fill: parent
            spacing: 16
            RowLayout {
                Layout.fillWidth: true
                Button {
                    objectName: "motherLanguage"
                    text: page.lang === "nl" ? "English" : "Nederlands"
                    Layout.preferredHeight: 56
                    onClicked: page.lang = page.lang === "nl" ? "en" : "nl"
                }
                Button {
                    objectName: "motherReadAloud"
                    text: tts.state === TextToSpeech.Speaking ? qsTr("Stop met voorlezen") : qsTr("Voorlezen")
                    visible: page.canReadAloud
                    Layout.preferredHeight: 56
                    onClicked: tts.state === TextToSpeech.Speaking ? tts.stop() : page.readAloud()
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "backToCoach"
                    text: qsTr("Terug naar de coach")
                    Layout.preferredHeight: 56
                    visible: !pinRow.visible
                    onClicked: { pinRow.visible = true; pin.forceActiveFocus() }
                }
                RowLayout {
                    id: pinRow
                    visible: false
                    TextField {
                        id: pin
                        objectName: "coachPin"
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        placeholderText: qsTr("Pincode van de coach")
                        Layout.preferredWidth: 220
                        Layout.preferredHeight: 56
                        onAccepted: leave.clicked()
                    }
                    Button {
                        id: leave
                        objectName: "leave"
                        text: qsTr("Verlaten")
                        enabled: pin.text.length >= 4
                        Layout.preferredHeight: 56
                        onClicked: { AppSession.checkPin(pin.text); pin.text = "" }
                    }
                }
            }
            Label {
                objectName: "pinError"
                id: pinError
                color: "#b71c1c"
                visible: text.length > 0 && pinRow.visible
                Layout.alignment: Qt.AlignRight
            }
            Flickable {
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentHeight: bigCard.height
                clip: true
                EntryCard {
                    id: bigCard
                    width: parent.width
                    entry: page.entry
                    lang: page.lang
                    large: true
                }
            }
        }
        Connections {
            target: AppSession
            function onPinChecked(ok, message) {
                pinError.text = message
                if (ok) motherView.close()
            }
        }
    }

    component EntryCard: Pane {
        property var entry
        property string lang
        property bool large: false
        readonly property int body: Math.round((large ? 30 : 18) * AppSession.textScale)
        background: Rectangle { radius: 8; color: "white"; border.color: "#cfd8dc" }
        ColumnLayout {
            width: parent.width
            spacing: large ? 20 : 10
            Label {
                objectName: "entryTitle"
                text: entry.title || ""
                font.pixelSize: Math.round((large ? 44 : 28) * AppSession.textScale)
                font.bold: true
                color: "#00796b"
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: [
                    { key: "growth", nl: "Zo groeit je kind", en: "How your child grows" },
                    { key: "healthy_start", nl: "Gezonde start", en: "A healthy start" },
                    { key: "parenting", nl: "Samen opvoeden", en: "Parenting" },
                    { key: "question", nl: "Vraag", en: "Question" },
                    { key: "this_week", nl: "Deze week", en: "This week" }
                ]
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        text: lang === "en" ? modelData.en : modelData.nl
                        font.pixelSize: body - 2
                        font.bold: true
                        color: "#37474f"
                    }
                    Label {
                        text: entry[modelData.key] || ""
                        font.pixelSize: body
                        wrapMode: Text.WordWrap
                        lineHeight: 1.15
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
