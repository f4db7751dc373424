#include "naast/domain/team_generator.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "naast/domain/codes.h"
#include "naast/domain/queries.h"
#include "naast/domain/rules.h"

namespace naast::domain {
namespace {

using Rng = std::mt19937_64;

std::string Pick(Rng& rng, const std::vector<std::string>& v) {
  return v[rng() % v.size()];
}

std::string MadeUpName(Rng& rng) {
  static const std::vector<std::string> a = {"Sa", "Li", "Mo", "Ka", "Fe",
                                             "Ru", "Ne", "Ta", "Zo", "Vi"};
  static const std::vector<std::string> b = {"lin", "ra", "mi", "sa", "ne", "dor", "vel", "ki"};
  static const std::vector<std::string> c = {"Van", "Or", "El", "Bro", "Kes", "Mar", "Tul"};
  static const std::vector<std::string> d = {"dokar", "sema", "lind", "veer", "tasi", "brook"};
  return Pick(rng, a) + Pick(rng, b) + " " + Pick(rng, c) + Pick(rng, d);
}

std::string NoteText(Rng& rng, int chars) {
  static const std::vector<std::string> sentences = {
      "Samen de post doorgenomen. ",
      "Moeder was moe maar blij met het bezoek. ",
      "Brief van de schuldhulp besproken. ",
      "Baby slaapt beter in het eigen bedje. ",
      "Afspraak bij de verloskundige samen voorbereid. ",
      "Huur is deze maand op tijd betaald. ",
      "Dagboek van deze week samen gelezen. ",
      "Partner was er ook bij. ",
      "Formulier zorgtoeslag ingevuld. ",
      "Gesproken over slapen en huilen. "};
  std::string s;
  while (static_cast<int>(s.size()) < chars) s += Pick(rng, sentences);
  return s;
}

template <typename E>
std::string RandomCode(Rng& rng) {
  auto codes = Codes(E{});
  return std::string(codes[rng() % codes.size()].code);
}

crdt::Value Text(std::string s) {
  return crdt::Value{std::move(s)};
}

// A number no one has: 06-00 is not issued to subscribers.
std::string MadeUpPhone(Rng& rng) {
  std::string s = "06-00";
  for (int i = 0; i < 6; ++i) s += static_cast<char>('0' + rng() % 10);
  return s;
}

std::string MadeUpAddress(Rng& rng) {
  static const std::vector<std::string> a = {"Kes", "Vel", "Bro", "Tul", "Mar", "Or", "Lin"};
  static const std::vector<std::string> b = {"dor", "sema", "veer", "kin", "tasi", "ra"};
  static const std::vector<std::string> c = {"straat", "laan", "weg", "plein", "hof"};
  return Pick(rng, a) + Pick(rng, b) + Pick(rng, c) + " " + std::to_string(1 + rng() % 180) +
         ", Rotterdam";
}

// A help question per life domain (hulpvraag), in the mother's words, and a goal that answers it.
struct GoalText {
  std::string_view domain;
  const char* question;
  const char* goal;
};
const GoalText& GoalTextFor(std::string_view domain) {
  static const GoalText kTexts[] = {
      {"financien", "Hoe krijg ik overzicht over mijn rekeningen?",
       "Een overzicht van inkomsten en vaste lasten, elke maand bijgewerkt."},
      {"werk_opleiding", "Hoe kan ik mijn opleiding afmaken?",
       "Ingeschreven bij een opleiding die past bij de zorg voor de baby."},
      {"tijdsbesteding", "Hoe vul ik mijn dagen met de baby?",
       "Een weekritme met vaste momenten voor buiten zijn en rust."},
      {"huisvesting", "Hoe vind ik een veilige plek voor mij en de baby?",
       "Een vaste woonplek met een veilig bedje voor de baby."},
      {"huiselijke_relaties", "Hoe praat ik met mijn partner zonder ruzie?",
       "Afspraken met de partner over taken en over rustig praten."},
      {"geestelijke_gezondheid", "Waar kan ik terecht als ik me somber voel?",
       "Moeder weet bij wie ze terechtkan en heeft een eerste gesprek gehad."},
      {"lichamelijke_gezondheid", "Hoe houd ik mijn afspraken bij de verloskundige bij?",
       "Alle controles bij de verloskundige bezocht."},
      {"middelengebruik", "Hoe kan ik stoppen met roken?",
       "Minder roken, en nooit in huis bij de baby."},
      {"basale_adl", "Hoe zorg ik dat ik genoeg eet en slaap?",
       "Elke dag drie maaltijden en een vaste slaaptijd."},
      {"instrumentele_adl", "Hoe houd ik mijn post en formulieren bij?",
       "Moeder opent en sorteert haar post zelf, elke week."},
      {"sociaal_netwerk", "Wie kan mij helpen als het even niet lukt?",
       "Twee mensen in de buurt die moeder kan bellen."},
      {"maatschappelijke_participatie", "Hoe vind ik een moedergroep in de wijk?",
       "Moeder gaat naar een moedergroep in de wijk."},
      {"justitie", "Wat moet ik doen met de brief van de rechtbank?",
       "De zaak bij de rechtbank is geregeld, met hulp van een advocaat."}};
  for (const auto& t : kTexts) {
    if (t.domain == domain) return t;
  }
  return kTexts[0];
}

// The kinds of consent the app asks for (toestemming); the app has their labels.
const std::vector<std::string>& ConsentKinds() {
  static const std::vector<std::string> kinds = {"dossier", "overleg_zorg", "delen_verwijzing",
                                                 "monitoring"};
  return kinds;
}

// The team's day for an active mother (m counts the mothers), by her number so every team has
// some of each: who is assigned to her (a coach, now and then a student, a few no one), a visit
// written today or on the last working day when one was due, and now and then a recent safety
// signal a student escalated that waits for a professional. Labels are pseudonymous.
Status TeamRound(crdt::Document& d, int m, std::optional<Date> born, std::optional<Date> last_visit,
                 Date today, TeamStats& stats) {
  crdt::OpId mother{};
  for (const crdt::OpId& r : d.Records()) {
    if (d.TypeOf(r) == "mother") mother = r;
  }
  const std::string student = "Student " + std::to_string(1 + (m / 4) % 2);
  if (m % 11 != 10) {
    (void)d.AddToSet(mother, "assigned", Text("Coach " + std::to_string(1 + m % 3)));
    if (m % 4 == 2) (void)d.AddToSet(mother, "assigned", Text(student));
  }
  static const std::vector<std::string> follow_ups = {
      "Samen de woningcorporatie bellen over de huurachterstand.",
      "Afspraak bij het consultatiebureau nagaan.", "Formulier kinderbijslag afmaken.", ""};
  // A follow-up task (vervolgactie) agreed in a visit.
  auto task = [&](crdt::OpId visit, const std::string& what, const std::string& owner, Date due,
                  std::optional<Date> done) {
    const crdt::OpId t = d.CreateRecord("task");
    (void)d.Set(t, "what", Text(what));
    (void)d.Set(t, "owner", Text(owner));
    (void)d.Set(t, "due_date", Text(due.ToString()));
    if (done) (void)d.Set(t, "done_on", Text(done->ToString()));
    (void)d.Set(t, "visit", Text(crdt::ToString(visit)));
  };
  // Now and then a task from the last visit that is due today or late, or already done.
  if (last_visit && m % 5 != 4) {
    crdt::OpId last{};
    for (const crdt::OpId& r : d.Records()) {
      if (d.TypeOf(r) != "visit") continue;
      auto date = d.Get(r, "date");
      if (date && date->value == crdt::Value{last_visit->ToString()}) last = r;
    }
    // Now and then the next visit was agreed then for today, or for a day this week.
    if (last.valid() && *last_visit < today && m % 6 == 5) {
      (void)d.Set(last, "next_appointment", Text((today + (m / 6) % 3).ToString()));
    }
    const Date due = std::min(today, *last_visit + 7 + m % 4);
    if (last.valid() && m % 5 == 1)
      task(last, "Brief van de Belastingdienst uitzoeken.", "moeder", due, std::nullopt);
    if (last.valid() && m % 5 == 2)
      task(last, "Zorgverzekeraar bellen over de premie.", "coach", *last_visit + 2,
           std::min(today, *last_visit + 3));
  }
  const Phase phase = PhaseOn(PhaseInput{born, std::nullopt, std::nullopt}, today);
  const int interval = std::max(1, TeamSettings().For(phase).IntervalDays());
  const Date since = LastWorkingDay(today);
  std::optional<Date> visit_on;
  if (last_visit && *last_visit + interval <= today && m % 3 == 0) visit_on = today;
  if (last_visit && *last_visit < since && *last_visit + interval <= since && m % 3 == 1) {
    visit_on = since;
  }
  if (visit_on) {
    const crdt::OpId visit = d.CreateRecord("visit");
    (void)d.Set(visit, "date", Text(visit_on->ToString()));
    (void)d.Set(visit, "duration_min", std::int64_t{60});
    (void)d.Set(visit, "kind", Text(m % 2 ? "telefonisch" : "huisbezoek"));
    (void)d.InsertText(visit, "notes", 0, "Samen de post doorgenomen. Moeder was moe maar blij.");
    const std::string& follow_up = follow_ups[static_cast<std::size_t>(m / 3) % follow_ups.size()];
    if (!follow_up.empty()) task(visit, follow_up, m % 2 ? "coach" : "moeder", *visit_on + 7, {});
    if (m % 2 == 0) (void)d.Set(visit, "next_appointment", Text((*visit_on + 7).ToString()));
    ++stats.visits;
  }
  if (m % 8 == 3) {
    const Date raised = today - m % 5;
    const crdt::OpId signal = d.CreateRecord("safety_signal");
    (void)d.Set(signal, "date", Text(raised.ToString()));
    (void)d.InsertText(signal, "description", 0, "Partner was boos en dreigend aanwezig.");
    const crdt::OpId esc = d.CreateRecord("escalation");
    (void)d.Set(esc, "raised_on", Text(raised.ToString()));
    (void)d.Set(esc, "raised_by", Text(student));
    (void)d.InsertText(esc, "reason", 0, "Zorgen over de veiligheid thuis; graag meekijken.");
  }
  return Status::Ok();
}

}  // namespace

Result<TeamStats> GenerateTeam(store::Store& store, const TeamShape& shape) {
  Rng rng(shape.seed);
  TeamStats stats;
  const Date first_day = shape.today - 365 * shape.years;
  const int total = shape.active_mothers + shape.closed_mothers;
  for (int m = 0; m < total; ++m) {
    const bool active = m < shape.active_mothers;
    // Active mothers registered in the last two years, so they spread over the phases; closed
    // ones anywhere in the history and closed 1-2.5 years later (or before today).
    const int span = active ? 2 * 365 - 60 : 365 * shape.years - 120;
    const Date registered = active ? shape.today - 30 - static_cast<int>(rng() % span)
                                   : first_day + static_cast<int>(rng() % span);
    const Date due = registered + 280 - 7 * (8 + static_cast<int>(rng() % 28));  // 8-35 weeks
    const std::optional<Date> born =
        due <= shape.today ? std::optional<Date>(due - 7 + static_cast<int>(rng() % 14))
                           : std::nullopt;
    std::optional<Date> closed;
    if (!active)
      closed = std::min(shape.today - 10, registered + 365 + static_cast<int>(rng() % 540));
    const Date intake = registered + 2 + static_cast<int>(rng() % 14);
    // Contacts, help questions, consents, the meldcode and the like come from a generator of
    // their own, so a seed gives the same registrations, visits and notes as it always did.
    Rng more(shape.seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(m) + 1);

    Status s = store.Atomically([&]() -> Status {
      auto id = store.CreateDocument("dossier");
      if (!id) return id.error();
      auto got = store.Get(*id);
      if (!got) return got.error();
      crdt::Document& d = **got;
      auto commit = [&]() -> Status {
        auto c = store.Commit(*id);
        if (!c) return c.error();
        ++stats.changes;
        return Status::Ok();
      };
      const crdt::OpId mother = d.CreateRecord("mother");
      (void)d.Set(mother, "name", Text(MadeUpName(rng)));
      (void)d.Set(mother, "birth_date",
                  Text((registered - 365 * (17 + static_cast<int>(rng() % 22))).ToString()));
      (void)d.Set(mother, "due_date", Text(due.ToString()));
      (void)d.Set(mother, "household", Text(RandomCode<Household>(rng)));
      (void)d.Set(mother, "language", Text(RandomCode<LanguageSkill>(rng)));
      (void)d.Set(mother, "housing", Text(RandomCode<Housing>(rng)));
      (void)d.Set(mother, "children_before", static_cast<std::int64_t>(rng() % 5));
      (void)d.Set(mother, "crisis", rng() % 12 == 0);
      (void)d.Set(mother, "phone", Text(MadeUpPhone(more)));
      (void)d.Set(mother, "address", Text(MadeUpAddress(more)));
      // Toestemmingen, asked at the intake: most given, the odd one not (yet).
      for (const std::string& kind : ConsentKinds()) {
        if (more() % 6 == 0) continue;
        const crdt::OpId consent = d.CreateRecord("consent");
        (void)d.Set(consent, "kind", Text(kind));
        (void)d.Set(consent, "given", more() % 8 != 0);
        (void)d.Set(consent, "date", Text(intake.ToString()));
      }
      const crdt::OpId reg = d.CreateRecord("registration");
      (void)d.Set(reg, "registration_id",
                  Text("GEN-" + std::to_string(shape.seed) + "-" + std::to_string(m)));
      (void)d.Set(reg, "registered_on", Text(registered.ToString()));
      (void)d.Set(reg, "referrer", Text(RandomCode<Referrer>(rng)));
      (void)d.Set(reg, "vulnerability", Text(RandomCode<Vulnerability>(rng)));
      (void)d.Set(reg, "gestational_week", std::int64_t{GestationalWeek(due, registered)});
      (void)d.Set(reg, "delivered", false);
      (void)d.Set(reg, "first_contact_on",
                  Text((registered + 1 + static_cast<int>(rng() % 6)).ToString()));
      (void)d.Set(reg, "intake_on", Text(intake.ToString()));
      for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) {
        (void)d.AddToSet(reg, "reasons", Text(RandomCode<RegistrationReason>(rng)));
      }
      if (Status st = commit(); !st) return st;
      if (born) {
        const crdt::OpId child = d.CreateRecord("child");
        (void)d.Set(child, "name", Text(MadeUpName(rng)));
        (void)d.Set(child, "birth_date", Text(born->ToString()));
        (void)d.Set(child, "birth_weight_g", static_cast<std::int64_t>(2200 + rng() % 2200));
        if (Status st = commit(); !st) return st;
      }
      for (int g = 0; g < 3 + static_cast<int>(rng() % 4); ++g) {
        static const std::vector<std::string> owners = {"moeder", "coach", "netwerk",
                                                        "ketenpartner"};
        static const std::vector<std::string> actions = {
            "Coach doet het eerste telefoontje voor, moeder belt de volgende keer zelf.",
            "Samen een lijstje maken en elke week doornemen.",
            "Moeder zoekt de papieren op; samen het formulier invullen.",
            "Afspraak maken en samen erheen gaan."};
        const crdt::OpId goal = d.CreateRecord("goal");
        const std::string domain = RandomCode<LifeDomain>(rng);
        (void)d.Set(goal, "life_domain", Text(domain));
        (void)NoteText(rng, 60);  // drawn still: the same seed gives the same team as before
        (void)d.InsertText(goal, "description", 0, GoalTextFor(domain).goal);
        (void)d.Set(goal, "learning_stage", Text(RandomCode<LearningStage>(rng)));
        const std::string status = RandomCode<GoalStatus>(rng);
        (void)d.Set(goal, "status", Text(status));
        (void)d.InsertText(goal, "help_question", 0, GoalTextFor(domain).question);
        (void)d.InsertText(goal, "actions", 0, Pick(more, actions));
        (void)d.Set(goal, "owner", Text(Pick(more, owners)));
        if (status == "bereikt" || status == "gestopt") {
          (void)d.InsertText(goal, "evaluation", 0,
                             status == "bereikt" ? "Gelukt, moeder doet dit nu zelf."
                                                 : "Gestopt: past nu niet, later opnieuw.");
        }
        Date goal_due = intake + 30 + static_cast<int>(rng() % 200);
        // A goal still open long past its date is mostly planned again (from `more`, so the
        // main draws stay as they were): a few are left late, for the team's day.
        if (active && (status == "open" || status == "bezig") && goal_due < shape.today - 21 &&
            more() % 4 != 0) {
          goal_due = shape.today - 10 + static_cast<int>(more() % 100);
        }
        (void)d.Set(goal, "due_date", Text(goal_due.ToString()));
        if (Status st = commit(); !st) return st;
      }
      // Visits at the phase's frequency, with notes typed in a few bursts.
      const Date end = closed ? *closed : shape.today - static_cast<int>(rng() % 9);
      std::optional<Date> last_visit;
      for (Date day = intake; day <= end;) {
        last_visit = day;
        const Phase phase = PhaseOn(PhaseInput{born, closed, std::nullopt}, day);
        const crdt::OpId visit = d.CreateRecord("visit");
        (void)d.Set(visit, "date", Text(day.ToString()));
        (void)d.Set(visit, "duration_min", static_cast<std::int64_t>(30 + 15 * (rng() % 5)));
        (void)d.Set(visit, "kind", Text(RandomCode<VisitKind>(rng)));
        (void)d.AddToSet(visit, "life_domains", Text(RandomCode<LifeDomain>(rng)));
        const std::string note = NoteText(rng, shape.note_chars);
        for (std::size_t at = 0; at < note.size(); at += 97) {
          (void)d.InsertText(visit, "notes", d.TextLength(visit, "notes"), note.substr(at, 97));
        }
        if (rng() % 3 == 0) (void)d.DeleteText(visit, "notes", 5, 10);  // a correction
        if (Status st = commit(); !st) return st;
        ++stats.visits;
        if (rng() % 40 == 0) {
          const crdt::OpId signal = d.CreateRecord("safety_signal");
          (void)d.Set(signal, "date", Text(day.ToString()));
          (void)d.InsertText(signal, "description", 0, "Zorgen over de veiligheid thuis.");
          const crdt::OpId esc = d.CreateRecord("escalation");
          (void)d.Set(esc, "raised_on", Text(day.ToString()));
          // A professional acknowledged it the next day, or (half of them) has not yet; one
          // older than two weeks has always been acknowledged by now.
          const bool acknowledged = rng() % 2 != 0;
          if (acknowledged || day < shape.today - 14) {
            (void)d.Set(esc, "acknowledged_on", Text((day + 1).ToString()));
          }
          if (Status st = commit(); !st) return st;
        }
        day = day + std::max(1, TeamSettings().For(phase).IntervalDays());
      }
      // Zelfredzaamheid: at the intake, then every four months up to today; each domain starts
      // low and mostly climbs (the main generator's draws are still made, see `more`).
      std::vector<std::int64_t> score;
      for (std::size_t i = 0; i < Codes(LifeDomain{}).size(); ++i) {
        score.push_back(1 + static_cast<std::int64_t>(more() % 3));
      }
      for (int a = 0; a < 2 + static_cast<int>(rng() % 3); ++a) {
        const Date on = intake + 120 * a;
        const bool write = on <= end;
        const crdt::OpId as = write ? d.CreateRecord("assessment") : crdt::OpId{};
        if (write) {
          (void)d.Set(as, "date", Text(on.ToString()));
          (void)d.Set(as, "moment", Text(a == 0 ? "intake" : "fase"));
        }
        std::size_t i = 0;
        for (const auto& c : Codes(LifeDomain{})) {
          (void)rng();
          if (a > 0) {
            const auto step = more() % 6;  // mostly up, now and then down
            score[i] = std::clamp<std::int64_t>(score[i] + (step >= 3   ? 1
                                                            : step == 0 ? -1
                                                                        : 0),
                                                1, 5);
          }
          if (write) (void)d.Set(as, std::string(c.code), score[i]);
          ++i;
        }
        if (Status st = commit(); !st) return st;
      }
      if (closed) {
        const crdt::OpId as = d.CreateRecord("assessment");
        (void)d.Set(as, "date", Text(closed->ToString()));
        (void)d.Set(as, "moment", Text("afsluiting"));
        std::size_t i = 0;
        for (const auto& c : Codes(LifeDomain{})) {
          (void)d.Set(as, std::string(c.code), std::min<std::int64_t>(5, score[i++] + 1));
        }
        if (Status st = commit(); !st) return st;
      }
      static const std::vector<std::string> kinds = {"Stevig Ouderschap", "Voorzorg",
                                                     "Home-Start",        "babystartpakket",
                                                     "schuldhulp",        "Shantala"};
      for (int r = static_cast<int>(rng() % 3); r > 0; --r) {
        const crdt::OpId ref = d.CreateRecord("referral");
        (void)d.Set(ref, "kind", Text(Pick(rng, kinds)));
        const bool started = rng() % 2;
        (void)d.Set(ref, "status", Text(started ? "gestart" : "aangemeld"));
        const Date referred = std::min(end, intake + 14 + static_cast<int>(more() % 90));
        (void)d.Set(ref, "referred_on", Text(referred.ToString()));
        if (started) {
          (void)d.Set(ref, "started_on",
                      Text(std::min(end, referred + 7 + static_cast<int>(more() % 30)).ToString()));
        } else {
          // The coach holds on until the other care has started (vasthouden).
          (void)d.Set(ref, "held", more() % 3 != 0);
          if (more() % 2) (void)d.InsertText(ref, "note", 0, "Wachtlijst; moeder is gebeld.");
        }
        if (Status st = commit(); !st) return st;
      }
      // Every mother is referred to something more (the programme's own offers).
      static const std::vector<std::string> offers = {"Centering Pregnancy",
                                                      "zwangerschapsgesprek",
                                                      "borstvoedingssupport",
                                                      "Opstapje",
                                                      "Instapje",
                                                      "Home-Start"};
      for (int r = 1 + static_cast<int>(more() % 2); r > 0; --r) {
        const crdt::OpId ref = d.CreateRecord("referral");
        (void)d.Set(ref, "kind", Text(Pick(more, offers)));
        const Date referred = std::min(end, intake + 7 + static_cast<int>(more() % 150));
        (void)d.Set(ref, "referred_on", Text(referred.ToString()));
        if (more() % 3 == 0) {
          (void)d.Set(ref, "status", Text("aangemeld"));
          (void)d.Set(ref, "held", true);
        } else {
          (void)d.Set(ref, "status", Text("gestart"));
          (void)d.Set(ref, "started_on",
                      Text(std::min(end, referred + 5 + static_cast<int>(more() % 40)).ToString()));
        }
        if (Status st = commit(); !st) return st;
      }
      // Now and then worries about safety at home, and the meldcode's steps taken so far.
      if (more() % 3 == 0 && end > intake) {
        static const std::vector<std::string> signals = {
            "Moeder vertelt over harde ruzies thuis.", "Blauwe plek op de arm van moeder.",
            "Baby slaapt in een onveilige omgeving.", "Partner was boos en dreigend aanwezig."};
        static const std::vector<std::string> decisions = {
            "Signalen vastgelegd.", "Besproken met de werkbegeleider; Veilig Thuis geraadpleegd.",
            "Gesprek met moeder gevoerd.", "Afgewogen: hulp is mogelijk.",
            "Hulp georganiseerd en vervolg afgesproken."};
        const Date first =
            intake + static_cast<int>(more() % static_cast<std::uint64_t>(end - intake));
        const int signal_count = 1 + static_cast<int>(more() % 2);
        for (int k = 0; k < signal_count; ++k) {
          const crdt::OpId signal = d.CreateRecord("safety_signal");
          (void)d.Set(signal, "date", Text(std::min(end, first + 9 * k).ToString()));
          (void)d.InsertText(signal, "description", 0, Pick(more, signals));
        }
        const int steps = 1 + static_cast<int>(more() % 5);
        for (int step = 1; step <= steps; ++step) {
          const crdt::OpId ms = d.CreateRecord("meldcode_step");
          (void)d.Set(ms, "step", std::int64_t{step});
          (void)d.Set(ms, "date", Text(std::min(end, first + 3 * step).ToString()));
          (void)d.InsertText(ms, "decision", 0, decisions[static_cast<std::size_t>(step - 1)]);
        }
        if (Status st = commit(); !st) return st;
      }
      if (closed) {
        const crdt::OpId cl = d.CreateRecord("closure");
        (void)d.Set(cl, "closed_on", Text(closed->ToString()));
        (void)d.Set(cl, "reason", Text("doelen bereikt"));
        (void)d.Set(cl, "aftercare_until", Text((*closed + 90).ToString()));
        if (Status st = commit(); !st) return st;
      }
      if (active) {
        if (Status st = TeamRound(d, m, born, last_visit, shape.today, stats); !st) return st;
        if (Status st = commit(); !st) return st;
      }
      ++stats.dossiers;
      return Status::Ok();
    });
    if (!s) return s.error();
  }
  return stats;
}

}  // namespace naast::domain
