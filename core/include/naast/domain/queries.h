// What the app asks of the store: the team's caseload, the day's visits, the team's day, one
// mother's timeline, search by name. Plain SQL over the entity tables plus the rules in rules.h.
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
  // The next visit agreed with the mother (volgende afspraak), after the last visit: today or
  // later. When it comes before the due date of the visiting rules, the visit is due then.
  std::optional<Date> appointment;
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

// The team's day (de dag van het team), for the morning briefing and the afternoon debriefing
// at the office: who visits whom today, and what came back since the last working day. Only
// dossiers on the caseload (Caseload above) count.
//
// The last working day before `today` (Monday -> the Friday before): the debriefing the team
// held last. Public holidays are not known here.
Date LastWorkingDay(Date today);

struct TeamDayMother {
  CaseloadEntry entry;                // due today or overdue
  std::vector<std::string> assigned;  // the mother's `assigned` set, sorted; empty: no one
};
// One coach's or student's round: the mothers whose visit is due today or overdue.
struct TeamDayRound {
  std::string assigned;                // a label from the `assigned` set; empty for "not assigned"
  std::vector<TeamDayMother> mothers;  // overdue first, as in the caseload
};
struct TeamDayVisit {  // a visit written (dated) since the last working day
  store::DocumentId doc;
  std::string name;
  crdt::OpId record;
  Date date;
  std::string kind;  // the VisitKind code, empty when not given
  int duration_min = 0;
  std::string follow_up;  // vervolgacties as free text (visits before tasks), may be empty
  int tasks = 0;          // follow-up tasks agreed in this visit
};
struct TeamDayTask {  // a follow-up task that is due (today or before)
  store::DocumentId doc;
  std::string name;
  crdt::OpId record;
  Date due;
  std::string what;         // the task (vervolgactie), or the goal
  std::string owner;        // who does it (wie), may be empty
  bool from_visit = false;  // a follow-up task agreed in a visit, or a goal of the plan
  int days_late = 0;        // today - due
};
struct TeamDaySignal {  // a safety signal dated in the last 7 days
  store::DocumentId doc;
  std::string name;
  crdt::OpId record;
  Date date;
  std::string description;
};
struct TeamDayEscalation {  // raised, not yet acknowledged by a professional
  store::DocumentId doc;
  std::string name;
  crdt::OpId record;
  std::optional<Date> raised_on;  // empty when not given: listed first
  std::string raised_by;
  std::string reason;
  int days_waiting = 0;  // today - raised_on
};
struct TeamDay {
  Date today;
  Date since;                        // LastWorkingDay(today)
  std::vector<TeamDayRound> rounds;  // by label; "not assigned" last
  int mothers_due = 0;               // distinct mothers due today or overdue
  int overdue = 0;                   // of them, overdue
  std::vector<TeamDayVisit> visits;  // newest first
  int visits_today = 0;
  std::vector<TeamDayTask> tasks;              // longest late first
  int tasks_new = 0;                           // of them, due since the last working day
  std::vector<TeamDaySignal> safety_signals;   // newest first
  std::vector<TeamDayEscalation> escalations;  // longest waiting first
};
inline constexpr int kTeamDaySignalDays = 7;  // "new" safety signals: today and the 6 days before

// Reads the team's day. Logs one read of the team's day in the audit log (no dossier named).
Result<TeamDay> ReadTeamDay(store::Store& store, const TeamSettings& team, Date today);

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
