#include "naast/domain/report.h"

#include <cstdio>
#include <map>
#include <set>

#include "naast/domain/codes.h"

namespace naast::domain {
namespace {

std::string Str(const crdt::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return {};
}
std::optional<std::int64_t> Int(const crdt::Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  return std::nullopt;
}

// Counts per category, with every known category present (zeros included) in a fixed order.
struct Counter {
  std::string table;
  std::vector<std::string> order;
  std::map<std::string, std::int64_t> counts;
  Counter(std::string t, std::vector<std::string> categories)
      : table(std::move(t)), order(std::move(categories)) {
    for (const auto& c : order) counts[c] = 0;
  }
  void Add(const std::string& category) {
    if (!counts.count(category)) order.push_back(category);
    ++counts[category];
  }
  void AppendTo(std::vector<Figure>& out) const {
    for (const auto& c : order) out.push_back(Figure{table, c, std::to_string(counts.at(c))});
  }
};

template <typename E>
std::vector<std::string> AllCodes() {
  std::vector<std::string> out;
  for (const auto& c : Codes(E{})) out.emplace_back(c.code);
  return out;
}

}  // namespace

Result<std::vector<Figure>> ComputeReport(store::Store& store, Date from, Date to) {
  auto regs = store.Query(
      "SELECT r.doc, r.registered_on, r.referrer, r.vulnerability, r.household, r.children_before, "
      "r.language, r.housing, r.gestational_week, r.delivered, m.birth_date, r.intake_on "
      "FROM e_registration r LEFT JOIN e_mother m ON m.doc = r.doc AND m.deleted = 0 "
      "WHERE r.deleted = 0 AND r.registered_on >= ? AND r.registered_on <= ? ORDER BY r.doc",
      {crdt::Value{from.ToString()}, crdt::Value{to.ToString()}});
  if (!regs) return regs.error();

  Counter by_year("registrations_by_year", {});
  Counter self("self_registrations", {"zelfmelder", "other_referrer"});
  Counter vulnerability("vulnerability", AllCodes<Vulnerability>());
  Counter age("age_at_registration", {"<=18", "19-23", "24-30", "31-35", ">=36", "unknown"});
  Counter household("household", AllCodes<Household>());
  Counter children("children", {"first", "2nd-3rd", "4th_or_later"});
  Counter language("language", AllCodes<LanguageSkill>());
  Counter housing("housing", AllCodes<Housing>());
  Counter stage("pregnancy_stage_at_registration",
                {"<=12", "13-20", "21-32", "33-36", ">=37", "delivered", "unknown"});
  Counter problems("problems_per_registration", {"1", "2", "3", ">3", "0"});
  Counter reasons("reasons", AllCodes<RegistrationReason>());
  std::map<std::string, Date> start_of;  // doc -> intake, else registration
  std::set<std::string> docs;
  for (const auto& r : *regs) {
    const std::string doc = Str(r[0]);
    auto registered = Date::Parse(Str(r[1]));
    if (!registered) continue;
    docs.insert(doc);
    by_year.Add(std::to_string(registered->year()));
    self.Add(Str(r[2]) == "zelfmelder" ? "zelfmelder" : "other_referrer");
    vulnerability.Add(Str(r[3]));
    household.Add(Str(r[4]));
    if (auto n = Int(r[5])) children.Add(*n == 0 ? "first" : *n <= 2 ? "2nd-3rd" : "4th_or_later");
    language.Add(Str(r[6]));
    housing.Add(Str(r[7]));
    if (Int(r[9]).value_or(0) == 1) {
      stage.Add("delivered");
    } else if (auto w = Int(r[8])) {
      stage.Add(*w <= 12   ? "<=12"
                : *w <= 20 ? "13-20"
                : *w <= 32 ? "21-32"
                : *w <= 36 ? "33-36"
                           : ">=37");
    } else {
      stage.Add("unknown");
    }
    if (auto birth = Date::Parse(Str(r[10]))) {
      const int years = YearsBetween(*birth, *registered);
      age.Add(years <= 18   ? "<=18"
              : years <= 23 ? "19-23"
              : years <= 30 ? "24-30"
              : years <= 35 ? "31-35"
                            : ">=36");
    } else {
      age.Add("unknown");
    }
    start_of[doc] = Date::Parse(Str(r[11])).value_or(*registered);
  }
  auto reason_rows = store.Query("SELECT doc, value FROM e_registration_reasons ORDER BY doc");
  if (!reason_rows) return reason_rows.error();
  std::map<std::string, int> per_doc;
  for (const auto& r : *reason_rows) {
    const std::string doc = Str(r[0]);
    if (!docs.count(doc)) continue;
    reasons.Add(Str(r[1]));
    ++per_doc[doc];
  }
  for (const auto& doc : docs) {
    const int n = per_doc.count(doc) ? per_doc[doc] : 0;
    problems.Add(n == 0 ? "0" : n > 3 ? ">3" : std::to_string(n));
  }

  // Trajectory length: from the intake (else the registration) to the closure, without nazorg.
  auto closures = store.Query("SELECT doc, closed_on FROM e_closure WHERE deleted = 0");
  if (!closures) return closures.error();
  double weeks_sum = 0;
  int closed = 0;
  for (const auto& r : *closures) {
    auto it = start_of.find(Str(r[0]));
    auto closed_on = Date::Parse(Str(r[1]));
    if (it == start_of.end() || !closed_on) continue;
    weeks_sum += (*closed_on - it->second) / 7.0;
    ++closed;
  }
  Counter reach("reach_per_referral_kind", {});
  auto referrals =
      store.Query("SELECT DISTINCT doc, kind FROM e_referral WHERE deleted = 0 ORDER BY kind, doc");
  if (!referrals) return referrals.error();
  for (const auto& r : *referrals) {
    if (docs.count(Str(r[0]))) reach.Add(Str(r[1]));
  }

  std::vector<Figure> out;
  for (const Counter* c : {&by_year, &self, &vulnerability, &age, &household, &children, &language,
                           &housing, &stage, &problems, &reasons}) {
    c->AppendTo(out);
  }
  char mean[32];
  std::snprintf(mean, sizeof mean, "%.1f", closed ? weeks_sum / closed : 0.0);
  out.push_back(Figure{"mean_trajectory_weeks", "closed_trajectories", std::to_string(closed)});
  out.push_back(Figure{"mean_trajectory_weeks", "mean_weeks", mean});
  reach.AppendTo(out);
  return out;
}

std::string ReportCsv(const std::vector<Figure>& figures) {
  std::string out = "table,category,count\n";
  for (const auto& f : figures) out += f.table + "," + f.category + "," + f.value + "\n";
  return out;
}

std::string ReportText(const std::vector<Figure>& figures) {
  std::string out, table;
  for (const auto& f : figures) {
    if (f.table != table) {
      table = f.table;
      out += (out.empty() ? "" : "\n") + table + "\n";
    }
    char line[160];
    std::snprintf(line, sizeof line, "  %-34s %8s\n", f.category.c_str(), f.value.c_str());
    out += line;
  }
  return out;
}

}  // namespace naast::domain
