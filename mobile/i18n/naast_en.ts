<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>AppSession</name>
    <message>
        <location filename="../src/app_session.cc" line="255"/>
        <source>aangemaakt</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="256"/>
        <source>bekeken</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="257"/>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="258"/>
        <source>verwijderd</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="259"/>
        <source>gezocht</source>
        <translation>searched</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="260"/>
        <source>geëxporteerd</source>
        <translation>exported</translation>
    </message>
    <message>
        <location filename="../src/app_session.cc" line="261"/>
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
    <name>AuditPage</name>
    <message>
        <location filename="../qml/AuditPage.qml" line="22"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="28"/>
        <source>Wie keek in het dossier van %1</source>
        <translation>Who looked at the file of %1</translation>
    </message>
    <message>
        <location filename="../qml/AuditPage.qml" line="60"/>
        <source>Nog niemand.</source>
        <translation>No one yet.</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <location filename="../src/caseload_model.cc" line="14"/>
        <source>Zwangerschap</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="16"/>
        <source>Eerste jaar</source>
        <translation>First year</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="18"/>
        <source>Tweede jaar</source>
        <translation>Second year</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="20"/>
        <source>Nazorg</source>
        <translation>Aftercare</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="27"/>
        <source>week %1</source>
        <translation>week %1</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="31"/>
        <source>kind 1 maand</source>
        <translation>child 1 month</translation>
    </message>
    <message>
        <location filename="../src/caseload_model.cc" line="32"/>
        <source>kind %1 maanden</source>
        <translation>child %1 months</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="47"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="23"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="38"/>
        <source>Zoek op naam</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="52"/>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="70"/>
        <source>Bezoek te laat</source>
        <translation>Visit overdue</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="71"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="71"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="114"/>
        <source>laatste bezoek %1</source>
        <translation>last visit %1</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="120"/>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="121"/>
        <source>Opschaling open</source>
        <translation>Escalation open</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="122"/>
        <source>Doorlooptijd</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="124"/>
        <source>volgend bezoek</source>
        <translation>next visit</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="134"/>
        <source>Geen moeders gevonden.</source>
        <translation>No mothers found.</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="29"/>
        <source>1 moeder</source>
        <translation>1 mother</translation>
    </message>
    <message>
        <location filename="../qml/CaseloadPage.qml" line="30"/>
        <source>%1 moeders</source>
        <translation>%1 mothers</translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="24"/>
        <source>Toestemmingen van %1</source>
        <translation>Consents of %1</translation>
    </message>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="64"/>
        <source>Gegeven op %1</source>
        <translation>Given on %1</translation>
    </message>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="65"/>
        <source>Geen toestemming sinds %1</source>
        <translation>No consent since %1</translation>
    </message>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="66"/>
        <source>Nog niet gevraagd</source>
        <translation>Not asked yet</translation>
    </message>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="75"/>
        <source>Gegeven</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../qml/ConsentsPage.qml" line="84"/>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <location filename="../qml/DiaryPage.qml" line="162"/>
        <location filename="../qml/DiaryPage.qml" line="211"/>
        <source>Voorlezen</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="162"/>
        <location filename="../qml/DiaryPage.qml" line="211"/>
        <source>Stop met voorlezen</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="53"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="59"/>
        <source>Dagboek van %1</source>
        <translation>Diary of %1</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="101"/>
        <source>Het dagboek van nu</source>
        <translation>The current entry</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="101"/>
        <source>Een ander moment</source>
        <translation>Another moment</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="115"/>
        <source>maand %1</source>
        <translation>month %1</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="115"/>
        <source>week %1</source>
        <translation>week %1</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="129"/>
        <source>Naar het dagboek van nu</source>
        <translation>Go to the current entry</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="137"/>
        <source>Besproken op %1</source>
        <translation>Discussed on %1</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="138"/>
        <source>Nog niet besproken</source>
        <translation>Not discussed yet</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="144"/>
        <source>Wat zegt de moeder zelf? (haar eigen notitie)</source>
        <translation>What does the mother say herself? (her own note)</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="154"/>
        <source>Besproken</source>
        <translation>Discussed</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="170"/>
        <source>Laat zien aan de moeder</source>
        <translation>Show to the mother</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="219"/>
        <source>Terug naar de coach</source>
        <translation>Back to the coach</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="232"/>
        <source>Pincode van de coach</source>
        <translation>Coach&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../qml/DiaryPage.qml" line="240"/>
        <source>Verlaten</source>
        <translation>Leave</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <location filename="../qml/DossierPage.qml" line="131"/>
        <source>Wie keek in dit dossier</source>
        <translation>Who looked at this file</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="130"/>
        <source>Dagboek</source>
        <translation>Diary</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="25"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="82"/>
        <source>Fase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="83"/>
        <source>Zwangerschap of leeftijd</source>
        <translation>Pregnancy or age</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="85"/>
        <source>Volgend bezoek</source>
        <translation>Next visit</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="97"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="98"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="100"/>
        <source>Geboren op</source>
        <translation>Born on</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="100"/>
        <source>Uitgerekende datum</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="105"/>
        <source>Kinderen</source>
        <translation>Children</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="107"/>
        <source>%1, geboren %2</source>
        <translation>%1, born %2</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="110"/>
        <source>Huishouden</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="112"/>
        <source>Aanmelding</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="114"/>
        <source>%1 via %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="118"/>
        <source>Laatste bezoek</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="125"/>
        <source>Plan van aanpak</source>
        <translation>Plan of action</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="126"/>
        <source>Zelfredzaamheid</source>
        <translation>Self-sufficiency</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="127"/>
        <source>Verwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="128"/>
        <source>Veiligheid en meldcode</source>
        <translation>Safety and reporting code</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="129"/>
        <source>Toestemmingen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="108"/>
        <location filename="../qml/DossierPage.qml" line="118"/>
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="119"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="90"/>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="91"/>
        <source>crisis</source>
        <translation>crisis</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="92"/>
        <source>opschaling wacht op een professional</source>
        <translation>escalation waiting for a professional</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="93"/>
        <source>doorlooptijd te lang</source>
        <translation>turnaround too long</translation>
    </message>
    <message>
        <location filename="../qml/DossierPage.qml" line="94"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>DossierSections</name>
    <message>
        <location filename="../src/dossier_sections.cc" line="99"/>
        <source>Moeder</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="100"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="101"/>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="102"/>
        <source>Ketenpartner</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="113"/>
        <source>Gegevens vastleggen in het dossier</source>
        <translation>Recording data in the file</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="114"/>
        <source>Overleg met verloskundige of huisarts</source>
        <translation>Consulting the midwife or GP</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="115"/>
        <source>Gegevens delen bij een verwijzing</source>
        <translation>Sharing data when referring</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="116"/>
        <source>Anoniem meetellen in de monitoring</source>
        <translation>Counted anonymously in the monitoring</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="121"/>
        <source>Signalen in kaart brengen</source>
        <translation>Map the signs</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="122"/>
        <source>Collegiale consultatie, zo nodig Veilig Thuis raadplegen</source>
        <translation>Consult a colleague and, if needed, Veilig Thuis</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="124"/>
        <source>Gesprek met de moeder</source>
        <translation>Talk with the mother</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="125"/>
        <source>Wegen: is er een vermoeden van geweld?</source>
        <translation>Weigh: is violence suspected?</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="126"/>
        <source>Beslissen: hulp organiseren en/of melden</source>
        <translation>Decide: organise help and/or report</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="132"/>
        <source>Aangemeld</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="133"/>
        <source>Gestart</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="134"/>
        <source>Afgerond</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="135"/>
        <source>Gestopt</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="142"/>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="143"/>
        <source>Nieuwe fase</source>
        <translation>New phase</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="144"/>
        <source>Afsluiting</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="184"/>
        <source>geen eerdere kinderen</source>
        <translation>no earlier children</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="186"/>
        <source>1 eerder kind</source>
        <translation>1 earlier child</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="187"/>
        <source>%1 eerdere kinderen</source>
        <translation>%1 earlier children</translation>
    </message>
    <message>
        <location filename="../src/dossier_sections.cc" line="260"/>
        <source>Zonder leefgebied</source>
        <translation>No life domain</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../qml/PlanPage.qml" line="32"/>
        <source>Plan van aanpak van %1</source>
        <translation>Plan of action of %1</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="53"/>
        <source>Nog geen doelen in het plan van aanpak.</source>
        <translation>No goals in the plan of action yet.</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="101"/>
        <source>(geen omschrijving)</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="111"/>
        <source>Wie: %1</source>
        <translation>Who: %1</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="118"/>
        <source>Streefdatum %1 (verstreken)</source>
        <translation>Due %1 (passed)</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="119"/>
        <source>Streefdatum %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="125"/>
        <source>Hulpvraag</source>
        <translation>Help question</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="126"/>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="127"/>
        <source>Evaluatie</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="135"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/PlanPage.qml" line="155"/>
        <source>Leerfase</source>
        <translation>Learning stage</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="18"/>
        <source>Verwijzingen van %1</source>
        <translation>Referrals of %1</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="30"/>
        <source>Alle verwijzingen zijn gestart.</source>
        <translation>All referrals have started.</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="31"/>
        <source>1 verwijzing wacht nog op de start.</source>
        <translation>1 referral is still waiting to start.</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="32"/>
        <source>%1 verwijzingen wachten nog op de start.</source>
        <translation>%1 referrals are still waiting to start.</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="74"/>
        <source>verwezen op %1</source>
        <translation>referred on %1</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="75"/>
        <source>gestart op %1</source>
        <translation>started on %1</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="95"/>
        <source>wacht al 1 dag</source>
        <translation>waiting for 1 day</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="95"/>
        <source>wacht al %1 dagen</source>
        <translation>waiting for %1 days</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="102"/>
        <source>coach houdt vast tot de start</source>
        <translation>coach holds on until it starts</translation>
    </message>
    <message>
        <location filename="../qml/ReferralsPage.qml" line="112"/>
        <source>Nog geen verwijzingen.</source>
        <translation>No referrals yet.</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <location filename="../qml/SafetyPage.qml" line="28"/>
        <source>Veiligheid en meldcode van %1</source>
        <translation>Safety and reporting code of %1</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="43"/>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="51"/>
        <source>Wat zag of hoorde je? (vandaag)</source>
        <translation>What did you see or hear? (today)</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="60"/>
        <source>Signaal vastleggen</source>
        <translation>Record signal</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="96"/>
        <source>Geen signalen vastgelegd.</source>
        <translation>No signals recorded.</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="108"/>
        <source>Meldcode</source>
        <translation>Reporting code</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="160"/>
        <source>Stap %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="166"/>
        <source>gedaan op %1</source>
        <translation>done on %1</translation>
    </message>
    <message>
        <location filename="../qml/SafetyPage.qml" line="166"/>
        <source>nog niet gedaan</source>
        <translation>not done yet</translation>
    </message>
</context>
<context>
    <name>SectionHeader</name>
    <message>
        <location filename="../qml/SectionHeader.qml" line="19"/>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>SelfSufficiencyPage</name>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="20"/>
        <source>acute problematiek</source>
        <translation>acute problems</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="20"/>
        <source>niet zelfredzaam</source>
        <translation>not self-sufficient</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="21"/>
        <source>beperkt zelfredzaam</source>
        <translation>limited self-sufficiency</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="21"/>
        <source>voldoende zelfredzaam</source>
        <translation>sufficiently self-sufficient</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="22"/>
        <source>volledig zelfredzaam</source>
        <translation>fully self-sufficient</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="26"/>
        <source>Zelfredzaamheid van %1</source>
        <translation>Self-sufficiency of %1</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="33"/>
        <source>Nog geen zelfredzaamheidsmeting.</source>
        <translation>No self-sufficiency assessment yet.</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="53"/>
        <source>Laatste meting: %1 (%2)</source>
        <translation>Latest assessment: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="61"/>
        <source>Leefgebied</source>
        <translation>Life domain</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="63"/>
        <source>Vorige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="69"/>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="133"/>
        <source>%1 door de tijd</source>
        <translation>%1 over time</translation>
    </message>
    <message>
        <location filename="../qml/SelfSufficiencyPage.qml" line="141"/>
        <source>Tik op een leefgebied in de tabel om het hier te zien.</source>
        <translation>Tap a life domain in the table to see it here.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="18"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="40"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="59"/>
        <source>Tekstgrootte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="64"/>
        <source>Normaal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="65"/>
        <source>Groot</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="66"/>
        <source>Extra groot</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="80"/>
        <source>Zo ziet tekst in de app eruit.</source>
        <translation>This is how text looks in the app.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="25"/>
        <source>Voer je pincode in om de gegevens op deze tablet te openen.</source>
        <translation>Enter your PIN to open the data on this tablet.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="37"/>
        <source>Pincode</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="46"/>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
</context>
</TS>
