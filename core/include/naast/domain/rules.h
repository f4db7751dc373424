// The programme's rules, as pure functions of dates and team settings: gestational week, the
// phase of the trajectory, when the next visit is due, which dagboek entry is current, and which
// registrations are late. Frequencies and norms are defaults a team can change.
#pragma once

#include <optional>
#include <vector>

#include "naast/domain/codes.h"
#include "naast/domain/date.h"

namespace naast::domain {

// Completed weeks of pregnancy on `on`, from the due date (40 weeks + 0 days on the due date).
int GestationalWeek(Date due_date, Date on);

// What the phase is decided from.
struct PhaseInput {
  std::optional<Date> birth_date;  // of the (youngest) child in the trajectory
  std::optional<Date> closed_on;   // afsluiting: after it, nazorg
  std::optional<Phase> manual;     // a coach's override wins
};
// Phase 1 until the birth, 2 until the first birthday, 3 until the second, then nazorg; nazorg
// also from the closure on.
Phase PhaseOn(const PhaseInput& in, Date on);

// Contact frequency per phase (seed 000): 2 home visits a week in pregnancy, 1 a week in the
// first year, 1 every 2 weeks in the second, phone contact in nazorg (default every 4 weeks).
struct VisitFrequency {
  int visits = 1;
  int per_days = 7;
  int IntervalDays() const { return visits > 0 ? per_days / visits : per_days; }
};
struct TeamSettings {
  VisitFrequency phase1{2, 7};
  VisitFrequency phase2{1, 7};
  VisitFrequency phase3{1, 14};
  VisitFrequency aftercare{1, 28};
  int first_contact_days = 5;  // registration -> first contact
  int intake_days = 14;        // registration -> intake at home
  const VisitFrequency& For(Phase phase) const;
};

// The next visit is due one interval after the last one; with no visit yet, at once (`on`).
Date NextVisitDue(std::optional<Date> last_visit, Phase phase, const TeamSettings& team, Date on);

// Dagboeken: zwangerschapsdagboek per week 4-42, babydagboek per week 1-52 of the first year,
// dreumesdagboek per month 12-36.
enum class DiaryKind { kPregnancy, kBaby, kToddler };
struct DiaryEntryRef {
  DiaryKind kind;
  int index;  // week or month
  bool operator==(const DiaryEntryRef&) const = default;
};
std::optional<DiaryEntryRef> CurrentDiaryEntry(std::optional<Date> due_date,
                                               std::optional<Date> birth_date, Date on);

// Turnaround (doorlooptijd): registration -> first contact -> intake.
enum class LateStep { kFirstContact, kIntake };
struct TurnaroundInput {
  Date registered_on;
  std::optional<Date> first_contact_on;
  std::optional<Date> intake_on;
};
// The steps that are late on `on` (done late, or not done and past the norm).
std::vector<LateStep> LateTurnaround(const TurnaroundInput& in, const TeamSettings& team, Date on);

}  // namespace naast::domain
