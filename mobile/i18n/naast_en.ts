<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AppSession</name>
    <message>
        <source>aangemaakt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>bekeken</source>
        <translation>read</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>gezocht</source>
        <translation>searched</translation>
    </message>
    <message>
        <source>geëxporteerd</source>
        <translation>exported</translation>
    </message>
    <message>
        <source>gewist</source>
        <translation>erased</translation>
    </message>
    <message>
        <source>Er zijn geen gegevens op deze tablet gevonden.</source>
        <translation>No data was found on this tablet.</translation>
    </message>
    <message>
        <source>Pincode onjuist. Nog %1 pogingen voordat de gegevens worden gewist.</source>
        <translation>Wrong PIN. %1 more tries before the data is wiped.</translation>
    </message>
    <message>
        <source>Te veel onjuiste pincodes. Probeer het over %1 seconden opnieuw.</source>
        <translation>Too many wrong PINs. Try again in %1 seconds.</translation>
    </message>
    <message>
        <source>De gegevens op deze tablet zijn gewist. Vraag je teamleider om hulp.</source>
        <translation>The data on this tablet has been wiped. Ask your team leader for help.</translation>
    </message>
    <message>
        <source>De tablet kan de gegevens niet openen. Vraag je teamleider om hulp.</source>
        <translation>The tablet cannot open the data. Ask your team leader for help.</translation>
    </message>
    <message>
        <source>De caseload kan niet worden gelezen.</source>
        <translation>The caseload cannot be read.</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>Zwangerschap</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <source>Eerste jaar</source>
        <translation>First year</translation>
    </message>
    <message>
        <source>Tweede jaar</source>
        <translation>Second year</translation>
    </message>
    <message>
        <source>Nazorg</source>
        <translation>Aftercare</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>week %1</translation>
    </message>
    <message>
        <source>kind 1 maand</source>
        <translation>child 1 month</translation>
    </message>
    <message>
        <source>kind %1 maanden</source>
        <translation>child %1 months</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Zoek op naam</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Bezoek te laat</source>
        <translation>Visit overdue</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>laatste bezoek %1</source>
        <translation>last visit %1</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <source>Opschaling open</source>
        <translation>Escalation open</translation>
    </message>
    <message>
        <source>Doorlooptijd</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <source>volgend bezoek</source>
        <translation>next visit</translation>
    </message>
    <message>
        <source>Geen moeders gevonden.</source>
        <translation>No mothers found.</translation>
    </message>
    <message>
        <source>1 moeder</source>
        <translation>1 mother</translation>
    </message>
    <message>
        <source>%1 moeders</source>
        <translation>%1 mothers</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Voorlezen</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Stop met voorlezen</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Dagboek van %1</source>
        <translation>Diary of %1</translation>
    </message>
    <message>
        <source>Het dagboek van nu</source>
        <translation>The current entry</translation>
    </message>
    <message>
        <source>Een ander moment</source>
        <translation>Another moment</translation>
    </message>
    <message>
        <source>maand %1</source>
        <translation>month %1</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>week %1</translation>
    </message>
    <message>
        <source>Naar het dagboek van nu</source>
        <translation>Go to the current entry</translation>
    </message>
    <message>
        <source>Besproken op %1</source>
        <translation>Discussed on %1</translation>
    </message>
    <message>
        <source>Nog niet besproken</source>
        <translation>Not discussed yet</translation>
    </message>
    <message>
        <source>Wat zegt de moeder zelf? (haar eigen notitie)</source>
        <translation>What does the mother say herself? (her own note)</translation>
    </message>
    <message>
        <source>Besproken</source>
        <translation>Discussed</translation>
    </message>
    <message>
        <source>Laat zien aan de moeder</source>
        <translation>Show to the mother</translation>
    </message>
    <message>
        <source>Terug naar de coach</source>
        <translation>Back to the coach</translation>
    </message>
    <message>
        <source>Pincode van de coach</source>
        <translation>Coach's PIN</translation>
    </message>
    <message>
        <source>Verlaten</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Wie keek in dit dossier</source>
        <translation>Who looked at this file</translation>
    </message>
    <message>
        <source>Dagboek</source>
        <translation>Diary</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Zwangerschap of leeftijd</source>
        <translation>Pregnancy or age</translation>
    </message>
    <message>
        <source>Volgend bezoek</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <source>Laatste bezoek</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>crisis</source>
        <translation>crisis</translation>
    </message>
    <message>
        <source>opschaling wacht op een professional</source>
        <translation>escalation waiting for a professional</translation>
    </message>
    <message>
        <source>doorlooptijd te lang</source>
        <translation>turnaround too long</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Voer je pincode in om de gegevens op deze tablet te openen.</source>
        <translation>Enter your PIN to open the data on this tablet.</translation>
    </message>
    <message>
        <source>Pincode</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tekstgrootte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Normaal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Groot</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Extra groot</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>Zo ziet tekst in de app eruit.</source>
        <translation>This is how text looks in the app.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Wie keek in het dossier van %1</source>
        <translation>Who looked at the file of %1</translation>
    </message>
    <message>
        <source>Nog niemand.</source>
        <translation>No one yet.</translation>
    </message>
</context>
</TS>
