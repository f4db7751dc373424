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
    <message>
        <source>Kies een pincode van minstens 4 cijfers.</source>
        <translation>Choose a PIN of at least 4 digits.</translation>
    </message>
    <message>
        <source>De tablet kan geen gegevens aanmaken. Is het geheugen vol?</source>
        <translation>The tablet cannot create its data. Is the storage full?</translation>
    </message>
    <message>
        <source>De gegevens op deze tablet zijn gewist op verzoek van de teamleider.</source>
        <translation>The data on this tablet was wiped at the team leader&apos;s request.</translation>
    </message>
    <message>
        <source>Aanmeldingen dit jaar</source>
        <translation>Registrations this year</translation>
    </message>
    <message>
        <source>Zelfmelders</source>
        <translation>Self-referrals</translation>
    </message>
    <message>
        <source>Kwetsbaarheid bij aanmelding</source>
        <translation>Vulnerability at registration</translation>
    </message>
    <message>
        <source>Zwangerschapsduur bij aanmelding (weken)</source>
        <translation>Weeks of pregnancy at registration</translation>
    </message>
    <message>
        <source>Afgesloten trajecten</source>
        <translation>Closed trajectories</translation>
    </message>
    <message>
        <source>Gemiddelde duur (weken)</source>
        <translation>Mean duration (weeks)</translation>
    </message>
    <message>
        <source>zelf aangemeld</source>
        <translation>self-referred</translation>
    </message>
    <message>
        <source>via een verwijzer</source>
        <translation>via a referrer</translation>
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
    <message>
        <source>%1 (%2×)</source>
        <translation>%1 (%2×)</translation>
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
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Dag van het team</source>
        <translation>The team&apos;s day</translation>
    </message>
    <message>
        <source>afspraak</source>
        <translation>appointment</translation>
    </message>
</context>
<context>
    <name>ConsentsPage</name>
    <message>
        <source>Toestemmingen van %1</source>
        <translation>Consents of %1</translation>
    </message>
    <message>
        <source>Gegeven op %1</source>
        <translation>Given on %1</translation>
    </message>
    <message>
        <source>Geen toestemming sinds %1</source>
        <translation>No consent since %1</translation>
    </message>
    <message>
        <source>Nog niet gevraagd</source>
        <translation>Not asked yet</translation>
    </message>
    <message>
        <source>Gegeven</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Ingetrokken</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>DateStepper</name>
    <message>
        <source>−4 wk</source>
        <translation>−4 wk</translation>
    </message>
    <message>
        <source>Vier weken eerder</source>
        <translation>Four weeks earlier</translation>
    </message>
    <message>
        <source>−1 wk</source>
        <translation>−1 wk</translation>
    </message>
    <message>
        <source>Een week eerder</source>
        <translation>A week earlier</translation>
    </message>
    <message>
        <source>Een dag eerder</source>
        <translation>A day earlier</translation>
    </message>
    <message>
        <source>%1 (vandaag)</source>
        <translation>%1 (today)</translation>
    </message>
    <message>
        <source>Een dag later</source>
        <translation>A day later</translation>
    </message>
    <message>
        <source>+1 wk</source>
        <translation>+1 wk</translation>
    </message>
    <message>
        <source>Een week later</source>
        <translation>A week later</translation>
    </message>
    <message>
        <source>+4 wk</source>
        <translation>+4 wk</translation>
    </message>
    <message>
        <source>Vier weken later</source>
        <translation>Four weeks later</translation>
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
        <translation>Coach&apos;s PIN</translation>
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
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Geboren op</source>
        <translation>Born on</translation>
    </message>
    <message>
        <source>Uitgerekende datum</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Kinderen</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>%1, geboren %2</source>
        <translation>%1, born %2</translation>
    </message>
    <message>
        <source>Huishouden</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Aanmelding</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>Laatste bezoek</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Plan van aanpak</source>
        <translation>Plan of action</translation>
    </message>
    <message>
        <source>Zelfredzaamheid</source>
        <translation>Self-sufficiency</translation>
    </message>
    <message>
        <source>Verwijzingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Veiligheid en meldcode</source>
        <translation>Safety and reporting code</translation>
    </message>
    <message>
        <source>Toestemmingen</source>
        <translation>Consents</translation>
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
    <message>
        <source>Vervangen waarden</source>
        <translation>Replaced values</translation>
    </message>
    <message>
        <source>Volgende afspraak</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Vervolgacties</source>
        <translation>Follow-up tasks</translation>
    </message>
    <message>
        <source>geen open</source>
        <translation>none open</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <source>%1 te laat</source>
        <translation>%1 late</translation>
    </message>
    <message>
        <source>Wie gaat erheen</source>
        <translation>Who visits her</translation>
    </message>
    <message>
        <source>nog niemand</source>
        <translation>no one yet</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Wie gaat erheen?</source>
        <translation>Who visits her?</translation>
    </message>
    <message>
        <source>Andere naam, zoals &apos;Coach 4&apos;</source>
        <translation>Another name, such as &apos;Coach 4&apos;</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>DossierSections</name>
    <message>
        <source>Moeder</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Ketenpartner</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Gegevens vastleggen in het dossier</source>
        <translation>Recording data in the file</translation>
    </message>
    <message>
        <source>Overleg met verloskundige of huisarts</source>
        <translation>Consulting the midwife or GP</translation>
    </message>
    <message>
        <source>Gegevens delen bij een verwijzing</source>
        <translation>Sharing data when referring</translation>
    </message>
    <message>
        <source>Anoniem meetellen in de monitoring</source>
        <translation>Counted anonymously in the monitoring</translation>
    </message>
    <message>
        <source>Signalen in kaart brengen</source>
        <translation>Map the signs</translation>
    </message>
    <message>
        <source>Collegiale consultatie, zo nodig Veilig Thuis raadplegen</source>
        <translation>Consult a colleague and, if needed, Veilig Thuis</translation>
    </message>
    <message>
        <source>Gesprek met de moeder</source>
        <translation>Talk with the mother</translation>
    </message>
    <message>
        <source>Wegen: is er een vermoeden van geweld?</source>
        <translation>Weigh: is violence suspected?</translation>
    </message>
    <message>
        <source>Beslissen: hulp organiseren en/of melden</source>
        <translation>Decide: organise help and/or report</translation>
    </message>
    <message>
        <source>Aangemeld</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Gestart</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Gestopt</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Afsluiting</source>
        <translation>Closure</translation>
    </message>
    <message>
        <source>geen eerdere kinderen</source>
        <translation>no earlier children</translation>
    </message>
    <message>
        <source>1 eerder kind</source>
        <translation>1 earlier child</translation>
    </message>
    <message>
        <source>%1 eerdere kinderen</source>
        <translation>%1 earlier children</translation>
    </message>
    <message>
        <source>Zonder leefgebied</source>
        <translation>No life domain</translation>
    </message>
    <message>
        <source>Tussentijds</source>
        <translation>Interim</translation>
    </message>
    <message>
        <source>Dit doel is niet gevonden.</source>
        <translation>This goal was not found.</translation>
    </message>
    <message>
        <source>Dit deel van een doel kan hier niet worden gewijzigd.</source>
        <translation>This part of a goal cannot be changed here.</translation>
    </message>
    <message>
        <source>Schrijf op wat de moeder wil bereiken.</source>
        <translation>Write down what the mother wants to reach.</translation>
    </message>
    <message>
        <source>Kies wie het doet.</source>
        <translation>Choose who does it.</translation>
    </message>
    <message>
        <source>De streefdatum is geen datum.</source>
        <translation>The target date is not a date.</translation>
    </message>
    <message>
        <source>Opslaan lukte niet.</source>
        <translation>Saving did not work.</translation>
    </message>
    <message>
        <source>Het dossier is niet open.</source>
        <translation>The file is not open.</translation>
    </message>
    <message>
        <source>De datum van de meting is geen datum.</source>
        <translation>The date of the assessment is not a date.</translation>
    </message>
    <message>
        <source>De datum van de meting ligt na vandaag.</source>
        <translation>The date of the assessment is after today.</translation>
    </message>
    <message>
        <source>Kies het moment van de meting.</source>
        <translation>Choose when the assessment is made.</translation>
    </message>
    <message>
        <source>Geef elk van de %1 leefgebieden een score.</source>
        <translation>Give each of the %1 life domains a score.</translation>
    </message>
    <message>
        <source>%1 heeft nog geen score: kies 1 tot 5.</source>
        <translation>%1 has no score yet: choose 1 to 5.</translation>
    </message>
    <message>
        <source>De score voor %1 moet 1, 2, 3, 4 of 5 zijn.</source>
        <translation>The score for %1 must be 1, 2, 3, 4 or 5.</translation>
    </message>
    <message>
        <source>Naar welke ondersteuning is de moeder verwezen?</source>
        <translation>What support was the mother referred to?</translation>
    </message>
    <message>
        <source>Kies de status van de verwijzing.</source>
        <translation>Choose the status of the referral.</translation>
    </message>
    <message>
        <source>De verwijsdatum is geen datum.</source>
        <translation>The referral date is not a date.</translation>
    </message>
    <message>
        <source>De verwijsdatum ligt na vandaag.</source>
        <translation>The referral date is after today.</translation>
    </message>
    <message>
        <source>Deze verwijzing is niet gevonden.</source>
        <translation>This referral was not found.</translation>
    </message>
    <message>
        <source>Kies een stap van 1 tot 5.</source>
        <translation>Choose a step from 1 to 5.</translation>
    </message>
    <message>
        <source>De datum is geen datum.</source>
        <translation>The date is not a date.</translation>
    </message>
    <message>
        <source>De datum ligt na vandaag.</source>
        <translation>The date is after today.</translation>
    </message>
    <message>
        <source>Schrijf op wat er is besloten.</source>
        <translation>Write down what was decided.</translation>
    </message>
    <message>
        <source>Samen</source>
        <translation>Together</translation>
    </message>
    <message>
        <source>Geef de naam van een coach of student.</source>
        <translation>Give the name of a coach or student.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Koppelen aan een team</source>
        <translation>Join a team</translation>
    </message>
    <message>
        <source>Laat je teamleider deze code scannen of overtypen. Synchroniseer daarna.</source>
        <translation>Let your team leader scan or type this code. Then sync.</translation>
    </message>
    <message>
        <source>Deze tablet hoort bij het team als %1 (%2).</source>
        <translation>This tablet is in the team as %1 (%2).</translation>
    </message>
    <message>
        <source>Code van deze tablet</source>
        <translation>This tablet&apos;s code</translation>
    </message>
    <message>
        <source>Server van het team</source>
        <translation>The team&apos;s server</translation>
    </message>
    <message>
        <source>Opslaan en synchroniseren</source>
        <translation>Save and sync</translation>
    </message>
    <message>
        <source>Nieuw team beginnen (teamleider)</source>
        <translation>Start a new team (team leader)</translation>
    </message>
    <message>
        <source>tablet teamleider</source>
        <translation>team leader&apos;s tablet</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Plan van aanpak van %1</source>
        <translation>Plan of action of %1</translation>
    </message>
    <message>
        <source>Nog geen doelen in het plan van aanpak.</source>
        <translation>No goals in the plan of action yet.</translation>
    </message>
    <message>
        <source>(geen omschrijving)</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <source>Wie: %1</source>
        <translation>Who: %1</translation>
    </message>
    <message>
        <source>Streefdatum %1 (verstreken)</source>
        <translation>Due %1 (passed)</translation>
    </message>
    <message>
        <source>Streefdatum %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Hulpvraag</source>
        <translation>Help question</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Evaluatie</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Leerfase</source>
        <translation>Learning stage</translation>
    </message>
    <message>
        <source>Nieuw doel</source>
        <translation>New goal</translation>
    </message>
    <message>
        <source>Wat wil de moeder bereiken?</source>
        <translation>What does the mother want to reach?</translation>
    </message>
    <message>
        <source>Haar hulpvraag, in haar woorden (mag leeg)</source>
        <translation>Her help question, in her words (may be empty)</translation>
    </message>
    <message>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Moeder</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Ketenpartner</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>Streefdatum over</source>
        <translation>Target date in</translation>
    </message>
    <message>
        <source>weken</source>
        <translation>weeks</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Bewerken</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Opslaan lukte niet.</source>
        <translation>Saving did not work.</translation>
    </message>
    <message>
        <source>Doel bewerken</source>
        <translation>Edit goal</translation>
    </message>
    <message>
        <source>Doel: wat wil de moeder bereiken?</source>
        <translation>Goal: what does the mother want to reach?</translation>
    </message>
    <message>
        <source>Hulpvraag, in haar woorden</source>
        <translation>Help question, in her words</translation>
    </message>
    <message>
        <source>Acties: wat gebeurt er?</source>
        <translation>Actions: what is being done?</translation>
    </message>
    <message>
        <source>Streefdatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Evaluatie: hoe ging het?</source>
        <translation>Evaluation: how did it go?</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Verwijzingen van %1</source>
        <translation>Referrals of %1</translation>
    </message>
    <message>
        <source>Alle verwijzingen zijn gestart.</source>
        <translation>All referrals have started.</translation>
    </message>
    <message>
        <source>1 verwijzing wacht nog op de start.</source>
        <translation>1 referral is still waiting to start.</translation>
    </message>
    <message>
        <source>%1 verwijzingen wachten nog op de start.</source>
        <translation>%1 referrals are still waiting to start.</translation>
    </message>
    <message>
        <source>verwezen op %1</source>
        <translation>referred on %1</translation>
    </message>
    <message>
        <source>gestart op %1</source>
        <translation>started on %1</translation>
    </message>
    <message>
        <source>wacht al 1 dag</source>
        <translation>waiting for 1 day</translation>
    </message>
    <message>
        <source>wacht al %1 dagen</source>
        <translation>waiting for %1 days</translation>
    </message>
    <message>
        <source>coach houdt vast tot de start</source>
        <translation>coach holds on until it starts</translation>
    </message>
    <message>
        <source>Nog geen verwijzingen.</source>
        <translation>No referrals yet.</translation>
    </message>
    <message>
        <source>Nieuwe verwijzing</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Opslaan lukte niet.</source>
        <translation>Saving did not work.</translation>
    </message>
    <message>
        <source>Naar welke ondersteuning?</source>
        <translation>To what support?</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verwezen op</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Coach houdt vast tot de ondersteuning is gestart</source>
        <translation>Coach holds on until the support has started</translation>
    </message>
    <message>
        <source>Toelichting (mag leeg), bijvoorbeeld over de wachtlijst</source>
        <translation>Note (may be empty), for instance about the waiting list</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>ReplacedPage</name>
    <message>
        <source>Vervangen waarden bij %1</source>
        <translation>Replaced values of %1</translation>
    </message>
    <message>
        <source>Twee tablets wijzigden hetzelfde terwijl ze offline waren. De nieuwste waarde geldt; de andere staan hieronder.</source>
        <translation>Two tablets changed the same thing while offline. The newest value holds; the others are below.</translation>
    </message>
    <message>
        <source>Nu: %1 (%2, %3)</source>
        <translation>Now: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Vervangen: %1</source>
        <translation>Replaced: %1</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Er is niets vervangen.</source>
        <translation>Nothing was replaced.</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Veiligheid en meldcode van %1</source>
        <translation>Safety and reporting code of %1</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Wat zag of hoorde je? (vandaag)</source>
        <translation>What did you see or hear? (today)</translation>
    </message>
    <message>
        <source>Signaal vastleggen</source>
        <translation>Record signal</translation>
    </message>
    <message>
        <source>Geen signalen vastgelegd.</source>
        <translation>No signals recorded.</translation>
    </message>
    <message>
        <source>Meldcode</source>
        <translation>Reporting code</translation>
    </message>
    <message>
        <source>Stap %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <source>gedaan op %1</source>
        <translation>done on %1</translation>
    </message>
    <message>
        <source>nog niet gedaan</source>
        <translation>not done yet</translation>
    </message>
    <message>
        <source>Stap vastleggen</source>
        <translation>Record a step</translation>
    </message>
    <message>
        <source>Opslaan lukte niet.</source>
        <translation>Saving did not work.</translation>
    </message>
    <message>
        <source>Stap van de meldcode vastleggen</source>
        <translation>Record a step of the reporting code</translation>
    </message>
    <message>
        <source>Stap</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>%1 (al gedaan op %2; dit wordt een nieuwe vastlegging)</source>
        <translation>%1 (already done on %2; this is recorded as a new entry)</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Besluit: wat is er besloten en met wie?</source>
        <translation>Decision: what was decided, and with whom?</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>SectionHeader</name>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>SelfSufficiencyPage</name>
    <message>
        <source>acute problematiek</source>
        <translation>acute problems</translation>
    </message>
    <message>
        <source>niet zelfredzaam</source>
        <translation>not self-sufficient</translation>
    </message>
    <message>
        <source>beperkt zelfredzaam</source>
        <translation>limited self-sufficiency</translation>
    </message>
    <message>
        <source>voldoende zelfredzaam</source>
        <translation>sufficiently self-sufficient</translation>
    </message>
    <message>
        <source>volledig zelfredzaam</source>
        <translation>fully self-sufficient</translation>
    </message>
    <message>
        <source>Zelfredzaamheid van %1</source>
        <translation>Self-sufficiency of %1</translation>
    </message>
    <message>
        <source>Nog geen zelfredzaamheidsmeting.</source>
        <translation>No self-sufficiency assessment yet.</translation>
    </message>
    <message>
        <source>Laatste meting: %1 (%2)</source>
        <translation>Latest assessment: %1 (%2)</translation>
    </message>
    <message>
        <source>Leefgebied</source>
        <translation>Life domain</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Nu</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>%1 door de tijd</source>
        <translation>%1 over time</translation>
    </message>
    <message>
        <source>Tik op een leefgebied in de tabel om het hier te zien.</source>
        <translation>Tap a life domain in the table to see it here.</translation>
    </message>
    <message>
        <source>Laatste meting: %1</source>
        <translation>Latest assessment: %1</translation>
    </message>
    <message>
        <source>Nieuwe meting</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>Opslaan lukte niet.</source>
        <translation>Saving did not work.</translation>
    </message>
    <message>
        <source>Nieuwe zelfredzaamheidsmeting</source>
        <translation>New self-sufficiency assessment</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Ingevuld met de meting van %1: verander alleen wat er veranderd is.</source>
        <translation>Filled in from the assessment of %1: change only what has changed.</translation>
    </message>
    <message>
        <source>Kies voor elk leefgebied een score van 1 tot 5.</source>
        <translation>Choose a score from 1 to 5 for each life domain.</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>was %1</translation>
    </message>
    <message>
        <source>Nog %1 leefgebieden zonder score.</source>
        <translation>%1 life domains still without a score.</translation>
    </message>
    <message>
        <source>Niets veranderd sinds de vorige meting.</source>
        <translation>Nothing changed since the previous assessment.</translation>
    </message>
    <message>
        <source>1 leefgebied veranderd.</source>
        <translation>1 life domain changed.</translation>
    </message>
    <message>
        <source>%1 leefgebieden veranderd.</source>
        <translation>%1 life domains changed.</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Nog 1 leefgebied zonder score.</source>
        <translation>1 life domain still without a score.</translation>
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
    <name>SetupPage</name>
    <message>
        <source>Nieuwe tablet. Kies een pincode van minstens 4 cijfers: daarmee open je voortaan de gegevens op deze tablet.</source>
        <translation>New tablet. Choose a PIN of at least 4 digits: from now on it opens the data on this tablet.</translation>
    </message>
    <message>
        <source>Nieuwe pincode</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Nog een keer</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>De twee pincodes zijn niet gelijk.</source>
        <translation>The two PINs are not the same.</translation>
    </message>
    <message>
        <source>Tablet instellen</source>
        <translation>Set up tablet</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Deze tablet hoort nog niet bij een team: er wordt niets gesynchroniseerd.</source>
        <translation>This tablet is not in a team yet: nothing is synced.</translation>
    </message>
    <message>
        <source>Bezig met synchroniseren…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Alles is verstuurd.</source>
        <translation>Everything has been sent.</translation>
    </message>
    <message>
        <source>1 wijziging wacht op synchronisatie.</source>
        <translation>1 change is waiting to be synced.</translation>
    </message>
    <message>
        <source>%1 wijzigingen wachten op synchronisatie.</source>
        <translation>%1 changes are waiting to be synced.</translation>
    </message>
    <message>
        <source>Laatst gesynchroniseerd: %1.</source>
        <translation>Last synced: %1.</translation>
    </message>
    <message>
        <source>Nog niet gesynchroniseerd sinds het openen.</source>
        <translation>Not synced since opening.</translation>
    </message>
    <message>
        <source>Koppelen aan team</source>
        <translation>Join team</translation>
    </message>
    <message>
        <source>Synchroniseren</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <source>De server kon niet worden vertrouwd (certificaat). Vraag je teamleider om hulp.</source>
        <translation>The server could not be trusted (certificate). Ask your team leader for help.</translation>
    </message>
    <message>
        <source>Geen verbinding met de server. Je werk blijft op de tablet bewaard; probeer het later opnieuw.</source>
        <translation>No connection to the server. Your work stays saved on the tablet; try again later.</translation>
    </message>
    <message>
        <source>Deze tablet hoort niet meer bij het team. Vraag je teamleider om hulp.</source>
        <translation>This tablet is no longer part of the team. Ask your team leader for help.</translation>
    </message>
    <message>
        <source>Deze tablet is nog niet goedgekeurd door de teamleider.</source>
        <translation>This tablet has not been approved by the team leader yet.</translation>
    </message>
    <message>
        <source>De server heeft een storing. Je werk blijft op de tablet bewaard; probeer het later opnieuw.</source>
        <translation>The server has a fault. Your work stays saved on the tablet; try again later.</translation>
    </message>
    <message>
        <source>De synchronisatie is mislukt. Je werk blijft op de tablet bewaard. Vraag je teamleider om hulp als dit blijft gebeuren.</source>
        <translation>The sync failed. Your work stays saved on the tablet. Ask your team leader for help if this keeps happening.</translation>
    </message>
    <message>
        <source>De tablet kan haar sleutels niet lezen. Vraag je teamleider om hulp.</source>
        <translation>The tablet cannot read its keys. Ask your team leader for help.</translation>
    </message>
    <message>
        <source>Er is nog geen server ingesteld.</source>
        <translation>No server has been set up yet.</translation>
    </message>
    <message>
        <source>De tablet is vergrendeld.</source>
        <translation>The tablet is locked.</translation>
    </message>
    <message>
        <source>Dit is geen code van een Naast-tablet. Scan de QR-code opnieuw.</source>
        <translation>This is not a Naast tablet&apos;s code. Scan the QR code again.</translation>
    </message>
    <message>
        <source>Geef de tablet een naam, zoals &apos;tablet 4&apos;.</source>
        <translation>Give the tablet a name, such as &apos;tablet 4&apos;.</translation>
    </message>
    <message>
        <source>De code hoort niet bij deze QR-code. Kijk nog eens op de nieuwe tablet.</source>
        <translation>The code does not belong to this QR code. Look at the new tablet again.</translation>
    </message>
    <message>
        <source>Deze tablet hoort al bij een team.</source>
        <translation>This tablet is already in a team.</translation>
    </message>
    <message>
        <source>Alleen de tablet van een teamleider kan dit doen.</source>
        <translation>Only a team leader&apos;s tablet can do this.</translation>
    </message>
    <message>
        <source>Die tablet hoort al bij het team.</source>
        <translation>That tablet is already in the team.</translation>
    </message>
    <message>
        <source>Die tablet is al uit het team verwijderd.</source>
        <translation>That tablet has already been removed from the team.</translation>
    </message>
    <message>
        <source>Dossiers toewijzen kan alleen aan een student.</source>
        <translation>Dossiers can only be assigned to a student.</translation>
    </message>
    <message>
        <source>Dit dossier bestaat niet.</source>
        <translation>This dossier does not exist.</translation>
    </message>
    <message>
        <source>Dat lukte niet. Probeer het nog eens, of vraag de beheerder om hulp.</source>
        <translation>That did not work. Try again, or ask the administrator for help.</translation>
    </message>
</context>
<context>
    <name>TeamDayPage</name>
    <message>
        <source>1 dag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 dagen</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Dag van het team</source>
        <translation>The team&apos;s day</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>bezoeken vandaag</source>
        <translation>visits today</translation>
    </message>
    <message>
        <source>waarvan %1 te laat</source>
        <translation>%1 of them overdue</translation>
    </message>
    <message>
        <source>verslagen vandaag</source>
        <translation>reports today</translation>
    </message>
    <message>
        <source>%1 sinds %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message>
        <source>taken open</source>
        <translation>tasks open</translation>
    </message>
    <message>
        <source>%1 nieuw sinds %2</source>
        <translation>%1 new since %2</translation>
    </message>
    <message>
        <source>nieuwe signalen</source>
        <translation>new signals</translation>
    </message>
    <message>
        <source>afgelopen 7 dagen</source>
        <translation>last 7 days</translation>
    </message>
    <message>
        <source>opschalingen</source>
        <translation>escalations</translation>
    </message>
    <message>
        <source>wachten op een professional</source>
        <translation>waiting for a professional</translation>
    </message>
    <message>
        <source>Wie gaat naar wie</source>
        <translation>Who visits whom</translation>
    </message>
    <message>
        <source>Niet toegewezen</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <source>Vandaag niemand</source>
        <translation>No one today</translation>
    </message>
    <message>
        <source>%1 te laat</source>
        <translation>%1 late</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>met %1</source>
        <translation>with %1</translation>
    </message>
    <message>
        <source>Vandaag hoeft niemand bezocht te worden.</source>
        <translation>No one needs a visit today.</translation>
    </message>
    <message>
        <source>Wat kwam terug sinds %1</source>
        <translation>What came back since %1</translation>
    </message>
    <message>
        <source>Wat kwam terug</source>
        <translation>What came back</translation>
    </message>
    <message>
        <source>Opschalingen die wachten op een professional</source>
        <translation>Escalations waiting for a professional</translation>
    </message>
    <message>
        <source>wacht %1</source>
        <translation>waiting %1</translation>
    </message>
    <message>
        <source>datum onbekend</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>gemeld %1</source>
        <translation>raised %1</translation>
    </message>
    <message>
        <source>door %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Nieuwe veiligheidssignalen</source>
        <translation>New safety signals</translation>
    </message>
    <message>
        <source>Verslagen geschreven</source>
        <translation>Reports written</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>vervolg: %1</source>
        <translation>follow-up: %1</translation>
    </message>
    <message>
        <source>Vervolgactie: </source>
        <translation>Follow-up: </translation>
    </message>
    <message>
        <source>Doel: </source>
        <translation>Goal: </translation>
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
        <source>1 vervolgactie</source>
        <translation>1 follow-up task</translation>
    </message>
    <message>
        <source>%1 vervolgacties</source>
        <translation>%1 follow-up tasks</translation>
    </message>
    <message>
        <source>Vervolgacties en doelen die nu af moeten zijn</source>
        <translation>Follow-up tasks and goals that are due</translation>
    </message>
    <message>
        <source>afspraak vandaag</source>
        <translation>appointment today</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Tablets in het team</source>
        <translation>Tablets in the team</translation>
    </message>
    <message>
        <source>deze tablet</source>
        <translation>this tablet</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>%1 dossier(s)</source>
        <translation>%1 file(s)</translation>
    </message>
    <message>
        <source>Dossier toewijzen</source>
        <translation>Assign a file</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Nieuwe tablet goedkeuren</source>
        <translation>Approve a new tablet</translation>
    </message>
    <message>
        <source>Scan de QR-code op de nieuwe tablet en typ de code die eronder staat.</source>
        <translation>Scan the QR code on the new tablet and type the code below it.</translation>
    </message>
    <message>
        <source>QR-code (gescand)</source>
        <translation>QR code (scanned)</translation>
    </message>
    <message>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <source>student</source>
        <translation>student</translation>
    </message>
    <message>
        <source>teamleider</source>
        <translation>team leader</translation>
    </message>
    <message>
        <source>naam van de tablet, bv. tablet 4</source>
        <translation>the tablet&apos;s name, e.g. tablet 4</translation>
    </message>
    <message>
        <source>Goedkeuren</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Cijfers van dit jaar</source>
        <translation>This year&apos;s figures</translation>
    </message>
    <message>
        <source>%1 uit het team verwijderen?</source>
        <translation>Remove %1 from the team?</translation>
    </message>
    <message>
        <source>De tablet kan daarna niets meer ophalen of versturen en wist zijn gegevens bij de volgende synchronisatie.</source>
        <translation>The tablet can then no longer fetch or send anything, and wipes its data at its next sync.</translation>
    </message>
    <message>
        <source>Welk dossier krijgt %1?</source>
        <translation>Which file does %1 get?</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Toewijzen</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Deze tablet hoort nog niet bij een team.</source>
        <translation>This tablet is not in a team yet.</translation>
    </message>
    <message>
        <source>Scannen</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Geen camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Houd de QR-code van de nieuwe tablet voor de camera.</source>
        <translation>Hold the new tablet&apos;s QR code in front of the camera.</translation>
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
    <name>VisitEditor</name>
    <message>
        <source>deze tablet</source>
        <translation>this tablet</translation>
    </message>
    <message>
        <source>een andere tablet</source>
        <translation>another tablet</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Schrijf eerst op wat er moet gebeuren.</source>
        <translation>First write down what needs to be done.</translation>
    </message>
    <message>
        <source>Opslaan lukte niet (is het geheugen vol?). Wat je typte blijft staan en wordt bewaard zodra het weer kan.</source>
        <translation>Saving failed (is the storage full?). What you typed stays here and is saved as soon as it can be.</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Bezoek bij %1</source>
        <translation>Visit to %1</translation>
    </message>
    <message>
        <source>Wordt meteen bewaard</source>
        <translation>Saved as you go</translation>
    </message>
    <message>
        <source>Een collega wijzigde tegelijk:</source>
        <translation>A colleague changed at the same time:</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <source>Duur (minuten)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>Leefgebieden</source>
        <translation>Life domains</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Afspraken</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Vervolgacties</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>%1: vervangen waarden</source>
        <translation>%1: replaced values</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dagboek</source>
        <translation>Diary</translation>
    </message>
    <message>
        <source>Besproken: %1</source>
        <translation>Discussed: %1</translation>
    </message>
    <message>
        <source>Besproken? %1</source>
        <translation>Discussed? %1</translation>
    </message>
    <message>
        <source>Vervolgacties (tekst)</source>
        <translation>Follow-up (text)</translation>
    </message>
    <message>
        <source>Nieuwe vervolgactie: wat moet er gebeuren?</source>
        <translation>New follow-up task: what needs to be done?</translation>
    </message>
    <message>
        <source>Moeder</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>Samen</source>
        <translation>Together</translation>
    </message>
    <message>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Ketenpartner</source>
        <translation>Partner organisation</translation>
    </message>
    <message>
        <source>morgen</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>over een week</source>
        <translation>in a week</translation>
    </message>
    <message>
        <source>over twee weken</source>
        <translation>in two weeks</translation>
    </message>
    <message>
        <source>over vier weken</source>
        <translation>in four weeks</translation>
    </message>
    <message>
        <source>geen datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Nog open van eerdere bezoeken</source>
        <translation>Still open from earlier visits</translation>
    </message>
    <message>
        <source>gedaan %1</source>
        <translation>done %1</translation>
    </message>
    <message>
        <source>uiterlijk %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>afgesproken %1</source>
        <translation>agreed %1</translation>
    </message>
    <message>
        <source>Vervolgactie weghalen</source>
        <translation>Remove follow-up task</translation>
    </message>
    <message>
        <source>Volgende afspraak</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <source>Afspraak maken</source>
        <translation>Make an appointment</translation>
    </message>
    <message>
        <source>Geen afspraak</source>
        <translation>No appointment</translation>
    </message>
    <message>
        <source>Vervolgactie wijzigen</source>
        <translation>Change follow-up task</translation>
    </message>
    <message>
        <source>Uiterlijk op</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Geen datum</source>
        <translation>No date</translation>
    </message>
    <message>
        <source>Datum kiezen</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <source>1 leefgebied</source>
        <translation>1 life domain</translation>
    </message>
    <message>
        <source>%1 leefgebieden</source>
        <translation>%1 life domains</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Dossier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Bezoeken van %1</source>
        <translation>Visits of %1</translation>
    </message>
    <message>
        <source>Nieuw bezoek</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>(nog geen verslag)</source>
        <translation>(no notes yet)</translation>
    </message>
    <message>
        <source>Nog geen bezoeken.</source>
        <translation>No visits yet.</translation>
    </message>
</context>
</TS>
