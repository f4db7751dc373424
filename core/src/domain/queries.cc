#include "naast/domain/queries.h"

#include <algorithm>
#include <map>
#include <set>

#include "naast/domain/schema.h"

namespace naast::domain {
namespace {

std::string Str(const crdt::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return {};
}
std::optional<Date> DateOf(const crdt::Value& v) {
  return Date::Parse(Str(v));
}

crdt::OpId IdOf(const crdt::Value& replica, const crdt::Value& counter) {
  auto number = [](const crdt::Value& v) -> std::int64_t {
    auto* i = std::get_if<std::int64_t>(&v);
    return i ? *i : 0;
  };
  return crdt::OpId{static_cast<crdt::ReplicaId>(number(replica)),
                    static_cast<std::uint64_t>(number(counter))};
}

// Runs `sql` and hands each row to `f`.
template <typename F>
Status Each(store::Store& store, const char* sql, F f) {
  auto rows = store.Query(sql);
  if (!rows) return rows.error();
  for (const auto& r : *rows) f(r);
  return Status::Ok();
}

}  // namespace

Result<std::vector<CaseloadEntry>> Caseload(store::Store& store, const TeamSettings& team,
                                            Date today) {
  struct Facts {
    CaseloadEntry entry;
    std::optional<Date> due_date, birth, closed_on, aftercare_until;
    std::optional<Phase> manual;
    std::optional<TurnaroundInput> turnaround;
  };
  std::map<std::string, Facts> by_doc;
  Status s = Each(store,
                  "SELECT doc, name, due_date, crisis, phase_override FROM e_mother "
                  "WHERE deleted = 0",
                  [&](const store::Store::Row& r) {
                    Facts& f = by_doc[Str(r[0])];
                    f.entry.doc = Str(r[0]);
                    f.entry.name = Str(r[1]);
                    f.due_date = DateOf(r[2]);
                    f.entry.crisis = Str(r[3]) == "1";
                    if (auto p = FromCode<Phase>(Str(r[4]))) f.manual = p;
                  });
  if (!s) return s.error();
  auto known = [&](const store::Store::Row& r) -> Facts* {
    auto it = by_doc.find(Str(r[0]));
    return it == by_doc.end() ? nullptr : &it->second;
  };
  const struct {
    const char* sql;
    void (*apply)(Facts&, const store::Store::Row&);
  } facts[] = {
      {"SELECT doc, max(birth_date) FROM e_child WHERE deleted = 0 GROUP BY doc",
       [](Facts& f, const store::Store::Row& r) { f.birth = DateOf(r[1]); }},
      {"SELECT doc, max(date) FROM e_visit WHERE deleted = 0 GROUP BY doc",
       [](Facts& f, const store::Store::Row& r) { f.entry.last_visit = DateOf(r[1]); }},
      {"SELECT doc, max(closed_on), max(aftercare_until) FROM e_closure WHERE deleted = 0 "
       "GROUP BY doc",
       [](Facts& f, const store::Store::Row& r) {
         f.closed_on = DateOf(r[1]);
         f.aftercare_until = DateOf(r[2]);
       }},
      {"SELECT doc, count(*) FROM e_escalation WHERE deleted = 0 AND acknowledged_on IS NULL "
       "GROUP BY doc",
       [](Facts& f, const store::Store::Row& r) {
         f.entry.open_escalations = static_cast<int>(std::get<std::int64_t>(r[1]));
       }},
      {"SELECT doc, registered_on, first_contact_on, intake_on FROM e_registration "
       "WHERE deleted = 0",
       [](Facts& f, const store::Store::Row& r) {
         if (auto reg = DateOf(r[1]))
           f.turnaround = TurnaroundInput{*reg, DateOf(r[2]), DateOf(r[3])};
       }},
  };
  for (const auto& q : facts) {
    s = Each(store, q.sql, [&](const store::Store::Row& r) {
      if (Facts* f = known(r)) q.apply(*f, r);
    });
    if (!s) return s.error();
  }
  // The appointment made (volgende afspraak) at the latest visit that made one: a later visit's
  // appointment replaces an earlier one (moved, or agreed again). Counted from today on.
  s = Each(store,
           "SELECT doc, next_appointment FROM e_visit WHERE deleted = 0 AND "
           "next_appointment IS NOT NULL ORDER BY doc, date, replica, counter",
           [&](const store::Store::Row& r) {
             if (Facts* f = known(r)) f->entry.appointment = DateOf(r[1]);
           });
  if (!s) return s.error();

  std::vector<CaseloadEntry> out;
  for (auto& [doc, f] : by_doc) {
    if (f.closed_on && *f.closed_on <= today &&
        (!f.aftercare_until || *f.aftercare_until < today)) {
      continue;  // closed, and nazorg over: not on the caseload
    }
    CaseloadEntry& e = f.entry;
    e.phase = PhaseOn(PhaseInput{f.birth, f.closed_on, f.manual}, today);
    if (f.birth && *f.birth <= today) {
      e.child_age_months = MonthsBetween(*f.birth, today);
    } else if (f.due_date) {
      e.pregnancy_week = GestationalWeek(*f.due_date, today);
    }
    e.next_visit_due = NextVisitDue(e.last_visit, e.phase, team, today);
    if (e.appointment &&
        (*e.appointment < today || (e.last_visit && *e.appointment <= *e.last_visit))) {
      e.appointment.reset();  // past, or the visit took place (or a later one did)
    }
    if (e.appointment && *e.appointment < e.next_visit_due) e.next_visit_due = *e.appointment;
    e.overdue = e.next_visit_due < today;
    e.due_today = e.next_visit_due == today;
    if (f.turnaround) e.late_turnaround = LateTurnaround(*f.turnaround, team, today);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const CaseloadEntry& a, const CaseloadEntry& b) {
    return std::tie(a.next_visit_due, a.name, a.doc) < std::tie(b.next_visit_due, b.name, b.doc);
  });
  return out;
}

Date LastWorkingDay(Date today) {
  // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
  const int weekday = ((today.days() + 3) % 7 + 7) % 7;  // 0 Monday .. 6 Sunday
  const int back = weekday == 0 ? 3 : weekday == 6 ? 2 : 1;
  return today - back;
}

Result<TeamDay> ReadTeamDay(store::Store& store, const TeamSettings& team, Date today) {
  TeamDay day;
  day.today = today;
  day.since = LastWorkingDay(today);
  auto caseload = Caseload(store, team, today);
  if (!caseload) return caseload.error();
  std::map<std::string, const CaseloadEntry*> active;
  for (const auto& e : *caseload) active[e.doc] = &e;
  auto name_of = [&](const std::string& doc) -> const std::string* {
    auto it = active.find(doc);
    return it == active.end() ? nullptr : &it->second->name;
  };

  // Who visits whom: the `assigned` set of each mother due today or overdue.
  std::map<std::string, std::set<std::string>> assigned;
  Status s = Each(store,
                  "SELECT a.doc, a.value FROM e_mother_assigned a JOIN e_mother m ON "
                  "m.doc = a.doc AND m.replica = a.replica AND m.counter = a.counter "
                  "WHERE m.deleted = 0",
                  [&](const store::Store::Row& r) {
                    const std::string label = Str(r[1]);
                    if (!label.empty()) assigned[Str(r[0])].insert(label);
                  });
  if (!s) return s.error();
  std::map<std::string, TeamDayRound> rounds;
  for (const auto& [doc, labels] : assigned) {
    if (!active.contains(doc)) continue;
    for (const auto& label : labels) rounds[label].assigned = label;
  }
  TeamDayRound unassigned;
  for (const auto& e : *caseload) {
    if (!e.overdue && !e.due_today) continue;
    ++day.mothers_due;
    if (e.overdue) ++day.overdue;
    TeamDayMother m{e, {}};
    if (auto it = assigned.find(e.doc); it != assigned.end()) {
      m.assigned.assign(it->second.begin(), it->second.end());
    }
    if (m.assigned.empty()) unassigned.mothers.push_back(m);
    for (const auto& label : m.assigned) {
      rounds[label].mothers.push_back(m);
    }
  }
  for (auto& [label, round] : rounds) day.rounds.push_back(std::move(round));
  if (!unassigned.mothers.empty()) day.rounds.push_back(std::move(unassigned));

  // What came back: visits dated since the last working day, with the follow-up tasks
  // (vervolgacties) agreed in them.
  const std::vector<crdt::Value> window{crdt::Value{day.since.ToString()},
                                        crdt::Value{today.ToString()}};
  std::map<std::pair<std::string, std::string>, int> tasks_of_visit;  // (doc, visit id) -> count
  s = Each(store,
           "SELECT doc, visit, count(*) FROM e_task WHERE deleted = 0 AND visit IS NOT NULL "
           "GROUP BY doc, visit",
           [&](const store::Store::Row& r) {
             if (const auto* n = std::get_if<std::int64_t>(&r[2]))
               tasks_of_visit[{Str(r[0]), Str(r[1])}] = static_cast<int>(*n);
           });
  if (!s) return s.error();
  auto visits = store.Query(
      "SELECT doc, replica, counter, date, kind, duration_min, follow_up FROM e_visit "
      "WHERE deleted = 0 AND date >= ?1 AND date <= ?2 ORDER BY date DESC, doc, replica, counter",
      window);
  if (!visits) return visits.error();
  for (const auto& r : *visits) {
    const std::string doc = Str(r[0]);
    const std::string* name = name_of(doc);
    auto date = DateOf(r[3]);
    if (!name || !date) continue;
    TeamDayVisit v{doc, *name, IdOf(r[1], r[2]), *date, Str(r[4]), 0, Str(r[6])};
    if (auto* minutes = std::get_if<std::int64_t>(&r[5]))
      v.duration_min = static_cast<int>(*minutes);
    if (auto it = tasks_of_visit.find({doc, crdt::ToString(v.record)});
        it != tasks_of_visit.end()) {
      v.tasks = it->second;
    }
    if (v.date == today) ++day.visits_today;
    day.visits.push_back(std::move(v));
  }

  // Follow-up tasks (vervolgacties) due today or before and not done.
  auto tasks = store.Query(
      "SELECT doc, replica, counter, due_date, what, owner FROM e_task WHERE deleted = 0 AND "
      "due_date IS NOT NULL AND due_date <= ?1 AND done_on IS NULL",
      {crdt::Value{today.ToString()}});
  if (!tasks) return tasks.error();
  for (const auto& r : *tasks) {
    const std::string doc = Str(r[0]);
    const std::string* name = name_of(doc);
    auto due = DateOf(r[3]);
    if (!name || !due) continue;
    day.tasks.push_back(
        TeamDayTask{doc, *name, IdOf(r[1], r[2]), *due, Str(r[4]), Str(r[5]), true, today - *due});
  }

  // Follow-up tasks: goals of the plan van aanpak due today or before, neither reached nor
  // stopped (streefdatum verstreken).
  auto goals = store.Query(
      "SELECT doc, replica, counter, due_date, description, owner FROM e_goal WHERE deleted = 0 "
      "AND "
      "due_date IS NOT NULL AND due_date <= ?1 AND "
      "(status IS NULL OR status NOT IN ('bereikt', 'gestopt'))",
      {crdt::Value{today.ToString()}});
  if (!goals) return goals.error();
  for (const auto& r : *goals) {
    const std::string doc = Str(r[0]);
    const std::string* name = name_of(doc);
    auto due = DateOf(r[3]);
    if (!name || !due) continue;
    day.tasks.push_back(
        TeamDayTask{doc, *name, IdOf(r[1], r[2]), *due, Str(r[4]), Str(r[5]), false, today - *due});
  }
  for (const auto& t : day.tasks) {
    if (t.due >= day.since) ++day.tasks_new;
  }
  std::stable_sort(day.tasks.begin(), day.tasks.end(),
                   [](const TeamDayTask& a, const TeamDayTask& b) {
                     return std::tie(a.due, a.name, a.doc) < std::tie(b.due, b.name, b.doc);
                   });

  // New safety signals: the last seven days.
  auto signals = store.Query(
      "SELECT doc, replica, counter, date, description FROM e_safety_signal WHERE deleted = 0 "
      "AND date >= ?1 AND date <= ?2 ORDER BY date DESC, doc, replica, counter",
      {crdt::Value{(today - (kTeamDaySignalDays - 1)).ToString()}, crdt::Value{today.ToString()}});
  if (!signals) return signals.error();
  for (const auto& r : *signals) {
    const std::string doc = Str(r[0]);
    const std::string* name = name_of(doc);
    auto date = DateOf(r[3]);
    if (!name || !date) continue;
    day.safety_signals.push_back(TeamDaySignal{doc, *name, IdOf(r[1], r[2]), *date, Str(r[4])});
  }

  // Escalations waiting for a professional (opschaling), the longest waiting first.
  auto escalations = store.Query(
      "SELECT doc, replica, counter, raised_on, raised_by, reason FROM e_escalation "
      "WHERE deleted = 0 AND acknowledged_on IS NULL");
  if (!escalations) return escalations.error();
  for (const auto& r : *escalations) {
    const std::string doc = Str(r[0]);
    const std::string* name = name_of(doc);
    if (!name) continue;
    TeamDayEscalation e{doc, *name, IdOf(r[1], r[2]), DateOf(r[3]), Str(r[4]), Str(r[5]), 0};
    if (e.raised_on) e.days_waiting = std::max(0, today - *e.raised_on);
    day.escalations.push_back(std::move(e));
  }
  std::sort(day.escalations.begin(), day.escalations.end(),
            [](const TeamDayEscalation& a, const TeamDayEscalation& b) {
              // No date first (how long is unknown), then the oldest.
              return std::tie(a.raised_on, a.name, a.doc) < std::tie(b.raised_on, b.name, b.doc);
            });

  if (Status st =
          store.Audit("", "read", "team day: " + std::to_string(active.size()) + " dossiers");
      !st) {
    return st.error();
  }
  return day;
}

Result<std::vector<TimelineItem>> Timeline(store::Store& store, const store::DocumentId& doc) {
  // The first date field of each entity is its place in time.
  std::string sql;
  for (const auto& e : Entities()) {
    for (const auto& f : e.fields) {
      if (f.type != FieldType::kDate) continue;
      if (!sql.empty()) sql += " UNION ALL ";
      sql += "SELECT " + std::string(f.name) + ", '" + std::string(e.type) +
             "', replica, counter FROM e_" + std::string(e.table) +
             " WHERE doc = ?1 AND deleted = 0 AND " + std::string(f.name) + " IS NOT NULL";
      break;
    }
  }
  sql += " ORDER BY 1, 2, 3, 4";
  auto rows = store.Query(sql, {crdt::Value{doc}});
  if (!rows) return rows.error();
  std::vector<TimelineItem> out;
  for (const auto& r : *rows) {
    auto date = DateOf(r[0]);
    if (!date) continue;
    out.push_back(
        TimelineItem{*date, Str(r[1]),
                     crdt::OpId{static_cast<crdt::ReplicaId>(std::get<std::int64_t>(r[2])),
                                static_cast<std::uint64_t>(std::get<std::int64_t>(r[3]))}});
  }
  if (Status s = store.Audit(doc, "read", "timeline"); !s) return s.error();
  return out;
}

Result<std::vector<SearchHit>> SearchByName(store::Store& store, const std::string& text) {
  // LIKE is case-insensitive for ASCII; the pattern's own % and _ are escaped.
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') pattern += '!';
    pattern += c;
  }
  pattern += '%';
  auto rows = store.Query(
      "SELECT doc, name FROM e_mother WHERE deleted = 0 AND name LIKE ?1 ESCAPE '!' ORDER BY name, "
      "doc",
      {crdt::Value{pattern}});
  if (!rows) return rows.error();
  std::vector<SearchHit> out;
  for (const auto& r : *rows) out.push_back(SearchHit{Str(r[0]), Str(r[1])});
  if (Status s = store.Audit("", "search", std::to_string(out.size()) + " results"); !s) {
    return s.error();
  }
  return out;
}

}  // namespace naast::domain
