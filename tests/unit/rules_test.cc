// Dates, the programme's code lists and the rules derived from dates.
#include "naast/domain/rules.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "naast/domain/codes.h"

using namespace naast::domain;

namespace {
Date D(const char* iso) {
  auto d = Date::Parse(iso);
  REQUIRE(d.has_value());
  return *d;
}

template <typename E>
void CheckCodes(std::size_t expected_count) {
  std::set<std::string_view> codes;
  for (const auto& c : Codes(E{})) {
    REQUIRE(!c.code.empty());
    REQUIRE(!c.nl.empty());
    REQUIRE(!c.en.empty());
    REQUIRE(codes.insert(c.code).second);  // unique
    REQUIRE(FromCode<E>(c.code) == c.value);
    REQUIRE(ToCode(c.value) == c.code);
  }
  REQUIRE(codes.size() == expected_count);
  REQUIRE_FALSE(FromCode<E>("no_such_code").has_value());
}
}  // namespace

TEST_CASE("dates parse strictly and count days, months and years", "[domain][date]") {
  REQUIRE(D("2026-11-24").ToString() == "2026-11-24");
  REQUIRE(D("1970-01-01").days() == 0);
  REQUIRE(D("2024-03-01") - D("2024-02-28") == 2);  // leap year
  REQUIRE(D("2026-03-01") - D("2026-02-28") == 1);
  for (const char* bad : {"2026-02-30", "2026-2-03", "2026/02/03", "20260203", "", "2026-13-01",
                          "2026-00-10", "abcd-ef-gh"}) {
    INFO(bad);
    REQUIRE_FALSE(Date::Parse(bad).has_value());
  }
  REQUIRE(YearsBetween(D("2008-06-15"), D("2026-06-14")) == 17);
  REQUIRE(YearsBetween(D("2008-06-15"), D("2026-06-15")) == 18);
  REQUIRE(MonthsBetween(D("2026-01-31"), D("2026-02-28")) == 0);
  REQUIRE(MonthsBetween(D("2026-01-15"), D("2027-01-15")) == 12);
  REQUIRE((D("2026-01-01") + 31).ToString() == "2026-02-01");
}

TEST_CASE("every code list is complete, unique and round-trips", "[domain][codes]") {
  CheckCodes<Referrer>(6);
  CheckCodes<Household>(2);
  CheckCodes<LanguageSkill>(4);
  CheckCodes<Housing>(8);
  CheckCodes<Vulnerability>(3);
  CheckCodes<RegistrationReason>(16);  // seed 000
  CheckCodes<LifeDomain>(13);          // Zelfredzaamheid-Matrix 2017
  CheckCodes<LearningStage>(3);
  CheckCodes<GoalStatus>(4);
  CheckCodes<VisitKind>(3);
  CheckCodes<Phase>(4);
  REQUIRE(Describe(LearningStage::kTogether).nl == "Samendoen");
}

TEST_CASE("the gestational week counts from the due date", "[domain][rules]") {
  const Date due = D("2026-06-01");
  REQUIRE(GestationalWeek(due, due) == 40);
  REQUIRE(GestationalWeek(due, due - 1) == 39);
  REQUIRE(GestationalWeek(due, due - 7) == 39);
  REQUIRE(GestationalWeek(due, due - 8) == 38);
  REQUIRE(GestationalWeek(due, due - 280) == 0);
  REQUIRE(GestationalWeek(due, due + 14) == 42);
}

TEST_CASE("the phase follows the birth and the birthdays, closure and override",
          "[domain][rules]") {
  PhaseInput in;
  REQUIRE(PhaseOn(in, D("2026-01-01")) == Phase::kPregnancy);
  in.birth_date = D("2026-01-10");
  REQUIRE(PhaseOn(in, D("2026-01-09")) == Phase::kPregnancy);
  REQUIRE(PhaseOn(in, D("2026-01-10")) == Phase::kFirstYear);
  REQUIRE(PhaseOn(in, D("2027-01-09")) == Phase::kFirstYear);
  REQUIRE(PhaseOn(in, D("2027-01-10")) == Phase::kSecondYear);
  REQUIRE(PhaseOn(in, D("2028-01-09")) == Phase::kSecondYear);
  REQUIRE(PhaseOn(in, D("2028-01-10")) == Phase::kAftercare);
  in.closed_on = D("2027-03-01");
  REQUIRE(PhaseOn(in, D("2027-02-28")) == Phase::kSecondYear);
  REQUIRE(PhaseOn(in, D("2027-03-01")) == Phase::kAftercare);
  in.manual = Phase::kFirstYear;
  REQUIRE(PhaseOn(in, D("2027-06-01")) == Phase::kFirstYear);
}

TEST_CASE("the next visit is due one interval of the phase after the last", "[domain][rules]") {
  TeamSettings team;
  const Date last = D("2026-03-02");
  REQUIRE(NextVisitDue(last, Phase::kPregnancy, team, D("2026-03-02")) == D("2026-03-05"));
  REQUIRE(NextVisitDue(last, Phase::kFirstYear, team, D("2026-03-02")) == D("2026-03-09"));
  REQUIRE(NextVisitDue(last, Phase::kSecondYear, team, D("2026-03-02")) == D("2026-03-16"));
  REQUIRE(NextVisitDue(last, Phase::kAftercare, team, D("2026-03-02")) == D("2026-03-30"));
  REQUIRE(NextVisitDue(std::nullopt, Phase::kPregnancy, team, D("2026-03-09")) == D("2026-03-09"));
  team.phase2 = VisitFrequency{3, 7};  // a team that visits more often
  REQUIRE(NextVisitDue(last, Phase::kFirstYear, team, D("2026-03-02")) == D("2026-03-04"));
}

TEST_CASE("the current dagboek entry comes from the pregnancy or the child's age",
          "[domain][rules]") {
  const Date due = D("2026-06-01");
  REQUIRE(CurrentDiaryEntry(due, std::nullopt, D("2026-01-01")) ==
          DiaryEntryRef{DiaryKind::kPregnancy, 18});
  REQUIRE(CurrentDiaryEntry(due, std::nullopt, due - 270) ==
          DiaryEntryRef{DiaryKind::kPregnancy, 4});  // clamped to the first entry
  REQUIRE(CurrentDiaryEntry(due, std::nullopt, due + 20) ==
          DiaryEntryRef{DiaryKind::kPregnancy, 42});
  const Date born = D("2026-05-25");
  REQUIRE(CurrentDiaryEntry(due, born, born) == DiaryEntryRef{DiaryKind::kBaby, 1});
  REQUIRE(CurrentDiaryEntry(due, born, born + 7) == DiaryEntryRef{DiaryKind::kBaby, 2});
  REQUIRE(CurrentDiaryEntry(due, born, born + 364) == DiaryEntryRef{DiaryKind::kBaby, 52});
  REQUIRE(CurrentDiaryEntry(due, born, D("2027-05-25")) == DiaryEntryRef{DiaryKind::kToddler, 12});
  REQUIRE(CurrentDiaryEntry(due, born, D("2028-02-26")) == DiaryEntryRef{DiaryKind::kToddler, 21});
  REQUIRE(CurrentDiaryEntry(due, born, D("2030-01-01")) == DiaryEntryRef{DiaryKind::kToddler, 36});
  REQUIRE_FALSE(CurrentDiaryEntry(std::nullopt, std::nullopt, D("2026-01-01")).has_value());
}

TEST_CASE("late turnaround: first contact and intake against the team's norms", "[domain][rules]") {
  TeamSettings team;  // 5 days to first contact, 14 to intake
  TurnaroundInput in{D("2026-01-01"), std::nullopt, std::nullopt};
  REQUIRE(LateTurnaround(in, team, D("2026-01-06")).empty());
  REQUIRE(LateTurnaround(in, team, D("2026-01-07")) == std::vector{LateStep::kFirstContact});
  in.first_contact_on = D("2026-01-04");
  REQUIRE(LateTurnaround(in, team, D("2026-01-15")).empty());
  REQUIRE(LateTurnaround(in, team, D("2026-01-16")) == std::vector{LateStep::kIntake});
  in.intake_on = D("2026-01-20");  // done, but late
  REQUIRE(LateTurnaround(in, team, D("2026-03-01")) == std::vector{LateStep::kIntake});
  in.first_contact_on = D("2026-01-09");
  REQUIRE(LateTurnaround(in, team, D("2026-03-01")) ==
          std::vector{LateStep::kFirstContact, LateStep::kIntake});
}
