#include "naast/domain/team_generator.h"

#include <random>
#include <string>
#include <vector>

#include "naast/domain/codes.h"
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
        const crdt::OpId goal = d.CreateRecord("goal");
        (void)d.Set(goal, "life_domain", Text(RandomCode<LifeDomain>(rng)));
        (void)d.InsertText(goal, "description", 0, NoteText(rng, 60));
        (void)d.Set(goal, "learning_stage", Text(RandomCode<LearningStage>(rng)));
        (void)d.Set(goal, "status", Text(RandomCode<GoalStatus>(rng)));
        (void)d.Set(goal, "due_date",
                    Text((intake + 30 + static_cast<int>(rng() % 200)).ToString()));
        if (Status st = commit(); !st) return st;
      }
      // Visits at the phase's frequency, with notes typed in a few bursts.
      const Date end = closed ? *closed : shape.today - static_cast<int>(rng() % 9);
      for (Date day = intake; day <= end;) {
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
          if (rng() % 2) (void)d.Set(esc, "acknowledged_on", Text((day + 1).ToString()));
          if (Status st = commit(); !st) return st;
        }
        day = day + std::max(1, TeamSettings().For(phase).IntervalDays());
      }
      for (int a = 0; a < 2 + static_cast<int>(rng() % 3); ++a) {
        const crdt::OpId as = d.CreateRecord("assessment");
        (void)d.Set(as, "date", Text((intake + 120 * a).ToString()));
        for (const auto& c : Codes(LifeDomain{})) {
          (void)d.Set(as, std::string(c.code), static_cast<std::int64_t>(1 + rng() % 5));
        }
        if (Status st = commit(); !st) return st;
      }
      static const std::vector<std::string> kinds = {"Stevig Ouderschap", "Voorzorg",
                                                     "Home-Start",        "babystartpakket",
                                                     "schuldhulp",        "Shantala"};
      for (int r = static_cast<int>(rng() % 3); r > 0; --r) {
        const crdt::OpId ref = d.CreateRecord("referral");
        (void)d.Set(ref, "kind", Text(Pick(rng, kinds)));
        (void)d.Set(ref, "status", Text(rng() % 2 ? "gestart" : "aangemeld"));
        (void)d.Set(ref, "referred_on", Text((intake + 14).ToString()));
        if (Status st = commit(); !st) return st;
      }
      if (closed) {
        const crdt::OpId cl = d.CreateRecord("closure");
        (void)d.Set(cl, "closed_on", Text(closed->ToString()));
        (void)d.Set(cl, "reason", Text("doelen bereikt"));
        (void)d.Set(cl, "aftercare_until", Text((*closed + 90).ToString()));
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
