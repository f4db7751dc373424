// The programme's closed lists, each with the code used in files and exports (seed 000 and the
// aanmeldpunt's export) and the Dutch and English labels the app and the reports show.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace naast::domain {

template <typename E>
struct Code {
  E value;
  std::string_view code;  // stable: stored and exported
  std::string_view nl;
  std::string_view en;
};

// Verwijzer.
enum class Referrer { kMidwife, kHospital, kGp, kNeighbourhoodTeam, kSelf, kOther };
// Huishouden.
enum class Household { kSingle, kWithPartner };
// Taalvaardigheid.
enum class LanguageSkill { kDutchSufficient, kEnglishSufficient, kModerate, kNone };
// Woonsituatie.
enum class Housing {
  kHomeless,
  kNoFixedAbode,
  kThreatenedEviction,
  kSeriousProblem,
  kNotRegistered,
  kIllegal,
  kStable,
  kOther
};
// Kwetsbaarheid bij aanmelding.
enum class Vulnerability { kPotential, kVulnerable, kVeryVulnerable };
// Reden van aanmelding (seed 000 lists these 16).
enum class RegistrationReason {
  kHomeless,
  kThreatenedEviction,
  kUnsafeHome,
  kNoIncome,
  kDebts,
  kNoBabyGear,
  kDomesticViolence,
  kChildRemoval,
  kParentingProblems,
  kAttachmentProblems,
  kNoHealthInsurance,
  kIllegalStay,
  kAddiction,
  kMentalHealth,
  kStress,
  kLanguage
};
// Leefgebied (Zelfredzaamheid-Matrix 2017 names; the matrix's criteria texts are not shipped).
enum class LifeDomain {
  kFinances,
  kWorkEducation,
  kDaytimeActivities,
  kHousing,
  kDomesticRelations,
  kMentalHealth,
  kPhysicalHealth,
  kSubstanceUse,
  kBasicAdl,
  kInstrumentalAdl,
  kSocialNetwork,
  kSocialParticipation,
  kJustice
};
// Leerfase in het plan van aanpak: voordoen, samendoen, zelf doen.
enum class LearningStage { kCoachShows, kTogether, kMotherAlone };
enum class GoalStatus { kOpen, kInProgress, kAchieved, kStopped };
// Soort contact.
enum class VisitKind { kHomeVisit, kPhone, kAccompany };
// Fase van het traject (seed 000).
enum class Phase { kPregnancy = 1, kFirstYear = 2, kSecondYear = 3, kAftercare = 4 };

std::span<const Code<Referrer>> Codes(Referrer);
std::span<const Code<Household>> Codes(Household);
std::span<const Code<LanguageSkill>> Codes(LanguageSkill);
std::span<const Code<Housing>> Codes(Housing);
std::span<const Code<Vulnerability>> Codes(Vulnerability);
std::span<const Code<RegistrationReason>> Codes(RegistrationReason);
std::span<const Code<LifeDomain>> Codes(LifeDomain);
std::span<const Code<LearningStage>> Codes(LearningStage);
std::span<const Code<GoalStatus>> Codes(GoalStatus);
std::span<const Code<VisitKind>> Codes(VisitKind);
std::span<const Code<Phase>> Codes(Phase);

template <typename E>
std::optional<E> FromCode(std::string_view code) {
  for (const auto& c : Codes(E{})) {
    if (c.code == code) return c.value;
  }
  return std::nullopt;
}

template <typename E>
const Code<E>& Describe(E value) {
  for (const auto& c : Codes(E{})) {
    if (c.value == value) return c;
  }
  return Codes(E{})[0];  // unreachable for valid enumerators
}

template <typename E>
std::string_view ToCode(E value) {
  return Describe(value).code;
}

}  // namespace naast::domain
