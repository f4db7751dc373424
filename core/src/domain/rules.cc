#include "naast/domain/rules.h"

#include <algorithm>

namespace naast::domain {

int GestationalWeek(Date due_date, Date on) {
  const int days_pregnant = 280 - (due_date - on);
  return days_pregnant >= 0 ? days_pregnant / 7 : -((-days_pregnant + 6) / 7);
}

Phase PhaseOn(const PhaseInput& in, Date on) {
  if (in.manual) return *in.manual;
  if (in.closed_on && on >= *in.closed_on) return Phase::kAftercare;
  if (!in.birth_date || on < *in.birth_date) return Phase::kPregnancy;
  const int years = YearsBetween(*in.birth_date, on);
  if (years < 1) return Phase::kFirstYear;
  if (years < 2) return Phase::kSecondYear;
  return Phase::kAftercare;
}

const VisitFrequency& TeamSettings::For(Phase phase) const {
  switch (phase) {
    case Phase::kPregnancy:
      return phase1;
    case Phase::kFirstYear:
      return phase2;
    case Phase::kSecondYear:
      return phase3;
    case Phase::kAftercare:
      return aftercare;
  }
  return phase1;
}

Date NextVisitDue(std::optional<Date> last_visit, Phase phase, const TeamSettings& team, Date on) {
  if (!last_visit) return on;
  return *last_visit + std::max(1, team.For(phase).IntervalDays());
}

std::optional<DiaryEntryRef> CurrentDiaryEntry(std::optional<Date> due_date,
                                               std::optional<Date> birth_date, Date on) {
  if (birth_date && on >= *birth_date) {
    const int days = on - *birth_date;
    if (days < 365) return DiaryEntryRef{DiaryKind::kBaby, std::min(52, days / 7 + 1)};
    const int months = MonthsBetween(*birth_date, on);
    return DiaryEntryRef{DiaryKind::kToddler, std::clamp(months, 12, 36)};
  }
  if (due_date) {
    return DiaryEntryRef{DiaryKind::kPregnancy, std::clamp(GestationalWeek(*due_date, on), 4, 42)};
  }
  return std::nullopt;
}

std::vector<LateStep> LateTurnaround(const TurnaroundInput& in, const TeamSettings& team, Date on) {
  std::vector<LateStep> late;
  auto is_late = [&](const std::optional<Date>& done, int norm_days) {
    const Date deadline = in.registered_on + norm_days;
    return done ? *done > deadline : on > deadline;
  };
  if (is_late(in.first_contact_on, team.first_contact_days))
    late.push_back(LateStep::kFirstContact);
  if (is_late(in.intake_on, team.intake_days)) late.push_back(LateStep::kIntake);
  return late;
}

}  // namespace naast::domain
