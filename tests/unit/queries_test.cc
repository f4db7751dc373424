// The caseload, the timeline and search, on hand-made dossiers with known answers and on a
// generated team.
#include "naast/domain/queries.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/domain/team_generator.h"

using namespace naast;
using namespace naast::domain;

namespace {

struct TempStore {
  std::filesystem::path dir;
  crdt::HybridClock clock{[] { return std::uint64_t{1'790'000'000'000}; }};
  std::unique_ptr<store::Store> store;
  TempStore() {
    char tmpl[] = "/tmp/naast-queries-XXXXXX";
    dir = mkdtemp(tmpl);
    store = store::Store::Open(dir / "s.db", crypto::RandomKey(), 1, &clock).value();
  }
  ~TempStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
  // A dossier: a mother with the given name, due date and optional child and last visit.
  store::DocumentId Dossier(const std::string& name, const char* due, const char* born,
                            const char* last_visit, const char* registered = "2026-01-05",
                            const char* first_contact = "2026-01-06") {
    auto id = store->CreateDocument("dossier").value();
    crdt::Document& d = *store->Get(id).value();
    auto mother = d.CreateRecord("mother");
    REQUIRE(d.Set(mother, "name", name).ok());
    REQUIRE(d.Set(mother, "due_date", std::string(due)).ok());
    auto reg = d.CreateRecord("registration");
    REQUIRE(d.Set(reg, "registered_on", std::string(registered)).ok());
    if (first_contact) REQUIRE(d.Set(reg, "first_contact_on", std::string(first_contact)).ok());
    REQUIRE(d.Set(reg, "intake_on", std::string("2026-01-10")).ok());
    if (born) {
      auto child = d.CreateRecord("child");
      REQUIRE(d.Set(child, "birth_date", std::string(born)).ok());
    }
    if (last_visit) {
      auto visit = d.CreateRecord("visit");
      REQUIRE(d.Set(visit, "date", std::string(last_visit)).ok());
    }
    REQUIRE(store->Commit(id).ok());
    return id;
  }
};

Date D(const char* s) {
  return *Date::Parse(s);
}

}  // namespace

TEST_CASE("the caseload: phase, due visits, flags, overdue first", "[queries]") {
  TempStore t;
  const Date today = D("2026-11-24");
  // Pregnant (phase 1, every 3 days): last visit 4 days ago -> overdue.
  auto pregnant = t.Dossier("Salin Vandokar", "2027-02-01", nullptr, "2026-11-20");
  // Baby of 3 months (phase 2, weekly): last visit 7 days ago -> due today.
  auto baby = t.Dossier("Mora Elsema", "2026-08-20", "2026-08-24", "2026-11-17");
  // Toddler of 15 months (phase 3, every 2 weeks): visited 2 days ago -> due in 12 days.
  auto toddler = t.Dossier("Kane Brolind", "2025-08-01", "2025-08-10", "2026-11-22");
  // No contact yet, registered 10 days ago: first contact late, due at once.
  auto fresh = t.Dossier("Vira Tulveer", "2027-04-01", nullptr, nullptr, "2026-11-14", nullptr);
  // Closed and nazorg over: not on the caseload.
  auto closed = t.Dossier("Tadi Kesbrook", "2025-01-01", "2025-01-02", "2026-05-01");
  {
    crdt::Document& d = *t.store->Get(closed).value();
    auto c = d.CreateRecord("closure");
    REQUIRE(d.Set(c, "closed_on", std::string("2026-06-01")).ok());
    REQUIRE(d.Set(c, "aftercare_until", std::string("2026-09-01")).ok());
    crdt::Document& p = *t.store->Get(pregnant).value();
    auto mother = p.Records().front();
    REQUIRE(p.Set(mother, "crisis", true).ok());
    auto esc = p.CreateRecord("escalation");
    REQUIRE(p.Set(esc, "raised_on", std::string("2026-11-23")).ok());
    REQUIRE(t.store->Commit(closed).ok());
    REQUIRE(t.store->Commit(pregnant).ok());
  }
  auto caseload = Caseload(*t.store, TeamSettings{}, today);
  REQUIRE(caseload.ok());
  REQUIRE(caseload->size() == 4);
  const auto& c = *caseload;
  REQUIRE(c[0].doc == pregnant);  // due 2026-11-23: overdue, first
  REQUIRE(c[0].overdue);
  REQUIRE(c[0].phase == Phase::kPregnancy);
  REQUIRE(c[0].pregnancy_week == 30);
  REQUIRE(c[0].crisis);
  REQUIRE(c[0].open_escalations == 1);
  REQUIRE(c[1].doc == baby);  // due today; by name before the next one
  REQUIRE(c[1].due_today);
  REQUIRE(c[1].phase == Phase::kFirstYear);
  REQUIRE(c[1].child_age_months == 3);
  REQUIRE(c[1].late_turnaround.empty());
  REQUIRE(c[2].doc == fresh);  // due today (never visited)
  REQUIRE(c[2].due_today);
  REQUIRE(c[2].late_turnaround == std::vector{LateStep::kFirstContact});
  REQUIRE(c[3].doc == toddler);
  REQUIRE(c[3].phase == Phase::kSecondYear);
  REQUIRE(c[3].next_visit_due == D("2026-12-06"));
  REQUIRE_FALSE(c[3].overdue);
}

TEST_CASE("a mother's timeline and search by name", "[queries]") {
  TempStore t;
  auto id = t.Dossier("Ruvel Marlind", "2026-03-01", "2026-03-03", "2026-05-05");
  t.Dossier("Feki Ordokar", "2026-09-01", nullptr, nullptr);
  auto timeline = Timeline(*t.store, id);
  REQUIRE(timeline.ok());
  std::vector<std::string> types;
  for (const auto& item : *timeline) types.push_back(item.type);
  REQUIRE(types == std::vector<std::string>{"registration", "child", "visit"});
  REQUIRE(timeline->front().date == D("2026-01-05"));
  auto hits = SearchByName(*t.store, "marL");  // case-insensitive, part of a name
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  REQUIRE(hits->front().doc == id);
  REQUIRE(SearchByName(*t.store, "%")->empty());  // the pattern's own % is literal
  // Both were logged: the timeline as a read of the dossier, the search without its text.
  auto trail = t.store->AuditTrail(id).value();
  REQUIRE(trail.back().action == "read");
  auto all = t.store->Query("SELECT action, detail FROM audit WHERE action = 'search'").value();
  REQUIRE(all.size() == 2);
  REQUIRE(std::get<std::string>(all[0][1]) == "1 results");
}

TEST_CASE("a generated team has active mothers in every phase", "[queries][generator]") {
  TempStore t;
  TeamShape shape;
  shape.active_mothers = 12;
  shape.closed_mothers = 4;
  shape.note_chars = 120;
  auto stats = GenerateTeam(*t.store, shape);
  REQUIRE(stats.ok());
  REQUIRE(stats->dossiers == 16);
  REQUIRE(stats->visits > 12 * 20);
  auto caseload = Caseload(*t.store, TeamSettings{}, shape.today).value();
  REQUIRE(caseload.size() >= 12);
  std::set<Phase> phases;
  for (const auto& e : caseload) phases.insert(e.phase);
  REQUIRE(phases.size() >= 3);
  // The tables are exactly what the log says.
  const std::string tables = t.store->DumpTables().value();
  REQUIRE(t.store->RebuildTables().ok());
  REQUIRE(t.store->DumpTables().value() == tables);
}
