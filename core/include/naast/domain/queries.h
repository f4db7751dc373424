// What the app asks of the store: the team's caseload, the day's visits, one mother's timeline,
// search by name. Plain SQL over the entity tables plus the rules in rules.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "naast/domain/rules.h"
#include "naast/result.h"
#include "naast/store/store.h"

namespace naast::domain {

struct CaseloadEntry {
  store::DocumentId doc;
  std::string name;
  Phase phase = Phase::kPregnancy;
  std::optional<int> pregnancy_week;    // while pregnant
  std::optional<int> child_age_months;  // once born
  std::optional<Date> last_visit;
  Date next_visit_due;
  bool overdue = false;  // due before today
  bool due_today = false;
  bool crisis = false;
  int open_escalations = 0;               // not yet acknowledged by a professional
  std::vector<LateStep> late_turnaround;  // registration -> first contact -> intake
};

// Active dossiers (not closed, or in nazorg), overdue first, then due today, then by due date.
Result<std::vector<CaseloadEntry>> Caseload(store::Store& store, const TeamSettings& team,
                                            Date today);

struct TimelineItem {
  Date date;
  std::string type;  // the entity: visit, registration, phase_change, goal, ...
  crdt::OpId record;
};
// Everything in one dossier that has a date, oldest first. Logs a read in the audit log.
Result<std::vector<TimelineItem>> Timeline(store::Store& store, const store::DocumentId& doc);

struct SearchHit {
  store::DocumentId doc;
  std::string name;
};
// Mothers whose name contains `text` (case-insensitive). Logs the search, not the text.
Result<std::vector<SearchHit>> SearchByName(store::Store& store, const std::string& text);

}  // namespace naast::domain
