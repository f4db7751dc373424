// The caseload, the timeline and search, on hand-made dossiers with known answers and on a
// generated team.
#include "naast/domain/queries.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
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

TEST_CASE("the caseload: an appointment made (volgende afspraak) makes a visit due sooner",
          "[queries]") {
  TempStore t;
  const Date today = D("2026-11-24");
  // Toddlers (every 2 weeks), all visited 2 days ago: by the rules due on 2026-12-06.
  auto appointment = [&](const store::DocumentId& id, const char* on, const char* visited) {
    crdt::Document& d = *t.store->Get(id).value();
    auto v = d.CreateRecord("visit");
    REQUIRE(d.Set(v, "date", std::string(visited)).ok());
    REQUIRE(d.Set(v, "next_appointment", std::string(on)).ok());
    REQUIRE(t.store->Commit(id).ok());
  };
  auto today_one = t.Dossier("Kane Brolind", "2025-08-01", "2025-08-10", nullptr);
  appointment(today_one, "2026-11-24", "2026-11-22");  // agreed for today
  auto soon = t.Dossier("Ruvel Marlind", "2025-08-01", "2025-08-10", nullptr);
  appointment(soon, "2026-11-27", "2026-11-22");  // Friday: due then
  auto later = t.Dossier("Feki Ordokar", "2025-08-01", "2025-08-10", nullptr);
  appointment(later, "2026-12-20", "2026-11-22");  // after the rules' date: the rules count
  auto kept = t.Dossier("Lisa Keslind", "2025-08-01", "2025-08-10", nullptr);
  appointment(kept, "2026-11-24", "2026-11-10");  // made then for today...
  {
    crdt::Document& d = *t.store->Get(kept).value();  // ...and visited today: no longer due
    auto v = d.CreateRecord("visit");
    REQUIRE(d.Set(v, "date", std::string("2026-11-24")).ok());
    REQUIRE(t.store->Commit(kept).ok());
  }
  auto past = t.Dossier("Mora Elsema", "2025-08-01", "2025-08-10", nullptr);
  appointment(past, "2026-11-23", "2026-11-22");  // yesterday, missed: the rules count
  // Agreed on the 18th for the 25th, then moved at the visit of the 22nd to the 1st of December:
  // the later visit's appointment counts, not the earlier (and earlier in time) one.
  auto moved = t.Dossier("Tadi Kesbrook", "2025-08-01", "2025-08-10", nullptr);
  appointment(moved, "2026-11-25", "2026-11-18");
  appointment(moved, "2026-12-01", "2026-11-22");

  auto caseload = Caseload(*t.store, TeamSettings{}, today);
  REQUIRE(caseload.ok());
  std::map<std::string, CaseloadEntry> by;
  for (const auto& e : *caseload) by[e.doc] = e;
  REQUIRE(caseload->front().doc == today_one);  // today's first
  REQUIRE(by[today_one].due_today);
  REQUIRE(by[today_one].appointment == D("2026-11-24"));
  REQUIRE(by[soon].next_visit_due == D("2026-11-27"));
  REQUIRE(by[soon].appointment == D("2026-11-27"));
  REQUIRE(by[later].next_visit_due == D("2026-12-06"));
  REQUIRE(by[later].appointment == D("2026-12-20"));
  REQUIRE_FALSE(by[kept].due_today);
  REQUIRE_FALSE(by[kept].appointment.has_value());
  REQUIRE(by[kept].next_visit_due == D("2026-12-08"));
  REQUIRE_FALSE(by[past].appointment.has_value());
  REQUIRE(by[past].next_visit_due == D("2026-12-06"));
  REQUIRE(by[moved].appointment == D("2026-12-01"));
  REQUIRE(by[moved].next_visit_due == D("2026-12-01"));
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

TEST_CASE("the last working day is the debriefing before today", "[queries]") {
  REQUIRE(LastWorkingDay(D("2026-11-24")) == D("2026-11-23"));  // Tuesday -> Monday
  REQUIRE(LastWorkingDay(D("2026-11-23")) == D("2026-11-20"));  // Monday -> Friday
  REQUIRE(LastWorkingDay(D("2026-11-22")) == D("2026-11-20"));  // Sunday -> Friday
  REQUIRE(LastWorkingDay(D("2026-11-21")) == D("2026-11-20"));  // Saturday -> Friday
  REQUIRE(LastWorkingDay(D("1970-01-05")) == D("1970-01-02"));  // a Monday near the epoch
}

TEST_CASE("the team's day: rounds, visits written, tasks, signals, escalations", "[queries]") {
  TempStore t;
  const Date today = D("2026-11-24");  // a Tuesday: the last working day is Monday the 23rd
  auto edit = [&](const store::DocumentId& id, auto&& f) {
    crdt::Document& d = *t.store->Get(id).value();
    f(d);
    REQUIRE(t.store->Commit(id).ok());
  };
  auto mother_of = [](crdt::Document& d) {
    for (const auto& r : d.Records()) {
      if (d.TypeOf(r) == "mother") return r;
    }
    return crdt::OpId{};
  };
  auto visit = [](crdt::Document& d, const char* date, const char* follow_up) {
    auto v = d.CreateRecord("visit");
    REQUIRE(d.Set(v, "date", std::string(date)).ok());
    REQUIRE(d.Set(v, "kind", std::string("huisbezoek")).ok());
    REQUIRE(d.Set(v, "duration_min", std::int64_t{45}).ok());
    if (follow_up) {  // a task agreed in the visit, due the same day
      auto t = d.CreateRecord("task");
      REQUIRE(d.Set(t, "what", std::string(follow_up)).ok());
      REQUIRE(d.Set(t, "owner", std::string("moeder")).ok());
      REQUIRE(d.Set(t, "due_date", std::string(date)).ok());
      REQUIRE(d.Set(t, "visit", crdt::ToString(v)).ok());
    }
    return v;
  };
  // A task with a due date, done or not, linked to no visit.
  auto task = [](crdt::Document& d, const char* due, const char* done, const char* what) {
    auto t = d.CreateRecord("task");
    REQUIRE(d.Set(t, "what", std::string(what)).ok());
    REQUIRE(d.Set(t, "due_date", std::string(due)).ok());
    if (done) REQUIRE(d.Set(t, "done_on", std::string(done)).ok());
  };
  auto goal = [](crdt::Document& d, const char* due, const char* status, const char* what) {
    auto g = d.CreateRecord("goal");
    REQUIRE(d.Set(g, "due_date", std::string(due)).ok());
    REQUIRE(d.Set(g, "status", std::string(status)).ok());
    REQUIRE(d.InsertText(g, "description", 0, what).ok());
  };
  // Pregnant, last visit on Friday: overdue. A coach and a student go; an escalation waits
  // since Saturday (3 days), an older one was acknowledged.
  auto salin = t.Dossier("Salin Vandokar", "2027-02-01", nullptr, "2026-11-20");
  edit(salin, [&](crdt::Document& d) {
    REQUIRE(d.AddToSet(mother_of(d), "assigned", std::string("Coach 1")).ok());
    REQUIRE(d.AddToSet(mother_of(d), "assigned", std::string("Student 1")).ok());
    auto open = d.CreateRecord("escalation");
    REQUIRE(d.Set(open, "raised_on", std::string("2026-11-21")).ok());
    REQUIRE(d.Set(open, "raised_by", std::string("Student 1")).ok());
    auto done = d.CreateRecord("escalation");
    REQUIRE(d.Set(done, "raised_on", std::string("2026-11-01")).ok());
    REQUIRE(d.Set(done, "acknowledged_on", std::string("2026-11-02")).ok());
    goal(d, "2026-11-24", "open", "Huurachterstand besproken met de corporatie.");  // due today
    goal(d, "2026-11-10", "bezig", "Zorgverzekering geregeld.");                    // 14 days late
    goal(d, "2026-11-01", "bereikt", "Kinderbijslag aangevraagd.");                 // reached
    goal(d, "2026-12-01", "open", "Babyspullen geregeld.");                         // not yet due
    auto signal = d.CreateRecord("safety_signal");
    REQUIRE(d.Set(signal, "date", std::string("2026-11-18")).ok());  // 6 days ago: new
    REQUIRE(d.InsertText(signal, "description", 0, "Harde ruzie thuis.").ok());
    auto old = d.CreateRecord("safety_signal");
    REQUIRE(d.Set(old, "date", std::string("2026-11-17")).ok());  // 7 days ago: not new
  });
  // Baby, assigned to Coach 1, visited today with a follow-up task (vervolgactie).
  auto mora = t.Dossier("Mora Elsema", "2026-08-20", "2026-08-24", "2026-11-17");
  edit(mora, [&](crdt::Document& d) {
    REQUIRE(d.AddToSet(mother_of(d), "assigned", std::string("Coach 1")).ok());
    visit(d, "2026-11-24", "Bellen met de woningcorporatie.");
    task(d, "2026-11-20", "2026-11-21", "Al gedaan.");  // done: not listed
    task(d, "2026-11-25", nullptr, "Morgen pas.");      // not due yet
  });
  // Not assigned, visited today, so not due; visited on Monday too.
  auto kane = t.Dossier("Kane Brolind", "2025-08-01", "2025-08-10", "2026-11-22");
  edit(kane, [&](crdt::Document& d) {
    REQUIRE(d.AddToSet(mother_of(d), "assigned", std::string("Coach 9")).ok());
    visit(d, "2026-11-24", nullptr);
    visit(d, "2026-11-23", nullptr);
    visit(d, "2026-11-20", nullptr);  // Friday: before the last working day
  });
  // Never visited, not assigned: due today.
  auto vira = t.Dossier("Vira Tulveer", "2027-04-01", nullptr, nullptr, "2026-11-14", nullptr);
  // Closed, nazorg over: its open escalation, late goal and recent visit do not count.
  auto closed = t.Dossier("Tadi Kesbrook", "2025-01-01", "2025-01-02", "2026-05-01");
  edit(closed, [&](crdt::Document& d) {
    auto c = d.CreateRecord("closure");
    REQUIRE(d.Set(c, "closed_on", std::string("2026-06-01")).ok());
    REQUIRE(d.Set(c, "aftercare_until", std::string("2026-09-01")).ok());
    auto e = d.CreateRecord("escalation");
    REQUIRE(d.Set(e, "raised_on", std::string("2026-05-20")).ok());
    goal(d, "2026-05-01", "open", "Nooit afgemaakt.");
    visit(d, "2026-11-24", "Niet van het team.");
    task(d, "2026-11-01", nullptr, "Ook niet van het team.");
  });

  auto got = ReadTeamDay(*t.store, TeamSettings{}, today);
  REQUIRE(got.ok());
  const TeamDay& day = *got;
  REQUIRE(day.since == D("2026-11-23"));

  // Rounds: Coach 1 (Salin overdue; Mora was visited today), Coach 9 (Kane, visited today: no
  // one), Student 1 (Salin), then not assigned (Vira, never visited).
  REQUIRE(day.mothers_due == 2);
  REQUIRE(day.overdue == 1);
  REQUIRE(day.rounds.size() == 4);
  REQUIRE(day.rounds[0].assigned == "Coach 1");
  REQUIRE(day.rounds[0].mothers.size() == 1);  // Mora was visited today: no longer due
  REQUIRE(day.rounds[0].mothers[0].entry.doc == salin);
  REQUIRE(day.rounds[0].mothers[0].entry.overdue);
  REQUIRE(day.rounds[0].mothers[0].entry.open_escalations == 1);
  REQUIRE(day.rounds[0].mothers[0].assigned == std::vector<std::string>{"Coach 1", "Student 1"});
  REQUIRE(day.rounds[1].assigned == "Coach 9");  // no one due: a round of her own, empty
  REQUIRE(day.rounds[1].mothers.empty());
  REQUIRE(day.rounds[2].assigned == "Student 1");
  REQUIRE(day.rounds[2].mothers.size() == 1);
  REQUIRE(day.rounds[3].assigned.empty());
  REQUIRE(day.rounds[3].mothers.size() == 1);
  REQUIRE(day.rounds[3].mothers[0].entry.doc == vira);
  REQUIRE(day.rounds[3].mothers[0].entry.due_today);

  // Visits written: 2 today (Mora, Kane) and 1 on Monday (Kane), newest first; the closed
  // dossier's and Friday's are not there.
  REQUIRE(day.visits_today == 2);
  REQUIRE(day.visits.size() == 3);
  REQUIRE(day.visits[0].date == today);
  REQUIRE(day.visits[1].date == today);
  REQUIRE(day.visits[2].date == D("2026-11-23"));
  REQUIRE(day.visits[2].doc == kane);
  REQUIRE(day.visits[0].kind == "huisbezoek");
  REQUIRE(day.visits[0].duration_min == 45);
  // Mora's visit of today agreed one task, Kane's none.
  for (const auto& v : day.visits) REQUIRE(v.tasks == (v.doc == mora ? 1 : 0));

  // Tasks: Salin's goal 14 days late, Salin's goal due today and Mora's vervolgacties of today.
  REQUIRE(day.tasks.size() == 3);
  REQUIRE(day.tasks_new == 2);  // due today; the one 14 days late is not new
  REQUIRE(day.tasks[0].what == "Zorgverzekering geregeld.");
  REQUIRE(day.tasks[0].days_late == 14);
  REQUIRE_FALSE(day.tasks[0].from_visit);
  REQUIRE(day.tasks[1].doc == mora);  // due today, by name: Mora before Salin
  REQUIRE(day.tasks[1].from_visit);
  REQUIRE(day.tasks[1].what == "Bellen met de woningcorporatie.");
  REQUIRE(day.tasks[1].owner == "moeder");
  REQUIRE(day.tasks[2].doc == salin);
  REQUIRE(day.tasks[2].days_late == 0);

  // New safety signals: the one of 6 days ago, not the one of 7.
  REQUIRE(day.safety_signals.size() == 1);
  REQUIRE(day.safety_signals[0].date == D("2026-11-18"));
  REQUIRE(day.safety_signals[0].description == "Harde ruzie thuis.");

  // Escalations waiting: Salin's, 3 days; the acknowledged one and the closed dossier's not.
  REQUIRE(day.escalations.size() == 1);
  REQUIRE(day.escalations[0].doc == salin);
  REQUIRE(day.escalations[0].days_waiting == 3);
  REQUIRE(day.escalations[0].raised_by == "Student 1");

  // The read is in the audit log, without naming a dossier.
  auto logged =
      t.store->Query("SELECT detail FROM audit WHERE action = 'read' AND detail LIKE 'team%'")
          .value();
  REQUIRE(logged.size() == 1);
  REQUIRE(std::get<std::string>(logged[0][0]) == "team day: 4 dossiers");
  for (const auto& id : {salin, mora, kane, vira}) {
    for (const auto& entry : t.store->AuditTrail(id).value()) REQUIRE(entry.action != "read");
  }
}
