// A realistic, synthetic team for tests and benchmarks: active mothers in every phase and
// closed ones, with three years of registrations, visits and their notes, goals, assessments,
// referrals, dagboek progress and the odd safety signal; each active mother assigned to a coach
// (now and then a student too), and a team round of visits and escalations around `today`.
// Names and labels are made up.
#pragma once

#include <cstdint>

#include "naast/domain/date.h"
#include "naast/result.h"
#include "naast/store/store.h"

namespace naast::domain {

struct TeamShape {
  std::uint64_t seed = 1;
  int active_mothers = 35;
  int closed_mothers = 40;
  int years = 3;         // of history before `today`
  int note_chars = 400;  // per visit note, typed in a few bursts
  Date today = *Date::FromYmd(2026, 11, 24);
};

struct TeamStats {
  int dossiers = 0;
  int visits = 0;
  int changes = 0;
};

// Writes the team into `store` (one transaction per dossier).
Result<TeamStats> GenerateTeam(store::Store& store, const TeamShape& shape);

}  // namespace naast::domain
