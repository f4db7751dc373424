#include "naast/domain/queries.h"

#include <algorithm>
#include <map>

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
