#include "naast/domain/codes.h"

namespace naast::domain {

namespace {

constexpr Code<Referrer> kReferrers[] = {
    {Referrer::kMidwife, "verloskundige", "Verloskundige", "Midwife"},
    {Referrer::kHospital, "ziekenhuis", "Ziekenhuis", "Hospital"},
    {Referrer::kGp, "huisarts", "Huisarts", "GP"},
    {Referrer::kNeighbourhoodTeam, "wijkteam", "Wijkteam", "Neighbourhood team"},
    {Referrer::kSelf, "zelfmelder", "Zelfmelder", "Self-referral"},
    {Referrer::kOther, "overig", "Overig", "Other"},
};
constexpr Code<Household> kHouseholds[] = {
    {Household::kSingle, "alleenstaand", "Alleenstaand", "Single"},
    {Household::kWithPartner, "partner", "Met partner", "With partner"},
};
constexpr Code<LanguageSkill> kLanguages[] = {
    {LanguageSkill::kDutchSufficient, "voldoende_nl", "Voldoende Nederlands", "Sufficient Dutch"},
    {LanguageSkill::kEnglishSufficient, "voldoende_en", "Voldoende Engels", "Sufficient English"},
    {LanguageSkill::kModerate, "matig", "Matig", "Moderate"},
    {LanguageSkill::kNone, "geen", "Geen", "None"},
};
constexpr Code<Housing> kHousing[] = {
    {Housing::kHomeless, "dakloos", "Dakloos", "Homeless"},
    {Housing::kNoFixedAbode, "thuisloos", "Thuisloos", "No fixed abode"},
    {Housing::kThreatenedEviction, "dreigende_uitzetting", "Dreigende uitzetting",
     "Threatened eviction"},
    {Housing::kSeriousProblem, "ernstig_probleem", "Ernstig woonprobleem",
     "Serious housing problem"},
    {Housing::kNotRegistered, "niet_ingeschreven", "Niet ingeschreven", "Not registered"},
    {Housing::kIllegal, "illegaal", "Illegaal", "Illegal"},
    {Housing::kStable, "stabiel", "Stabiel", "Stable"},
    {Housing::kOther, "overig", "Overig", "Other"},
};
constexpr Code<Vulnerability> kVulnerability[] = {
    {Vulnerability::kPotential, "potentieel", "Potentieel kwetsbaar", "Potentially vulnerable"},
    {Vulnerability::kVulnerable, "kwetsbaar", "Kwetsbaar", "Vulnerable"},
    {Vulnerability::kVeryVulnerable, "zeer_kwetsbaar", "Zeer kwetsbaar / crisis",
     "Very vulnerable / crisis"},
};
constexpr Code<RegistrationReason> kReasons[] = {
    {RegistrationReason::kHomeless, "dak_thuisloos", "Dak- of thuisloos", "Homeless"},
    {RegistrationReason::kThreatenedEviction, "dreigende_uitzetting", "Dreigende huisuitzetting",
     "Threatened eviction"},
    {RegistrationReason::kUnsafeHome, "onveilige_woning", "Onveilige woning", "Unsafe home"},
    {RegistrationReason::kNoIncome, "geen_inkomen", "Geen inkomen / armoede",
     "No income / poverty"},
    {RegistrationReason::kDebts, "schulden", "Schulden", "Debts"},
    {RegistrationReason::kNoBabyGear, "geen_babyspullen", "Geen babyspullen", "No baby gear"},
    {RegistrationReason::kDomesticViolence, "huiselijk_geweld", "Huiselijk geweld",
     "Domestic violence"},
    {RegistrationReason::kChildRemoval, "uithuisplaatsing", "(Dreigende) uithuisplaatsing kinderen",
     "(Threatened) removal of children"},
    {RegistrationReason::kParentingProblems, "opvoedproblemen", "Opvoedproblemen",
     "Parenting problems"},
    {RegistrationReason::kAttachmentProblems, "hechtingsproblemen", "Hechtingsproblemen",
     "Attachment problems"},
    {RegistrationReason::kNoHealthInsurance, "geen_zorgverzekering", "Geen zorgverzekering",
     "No health insurance"},
    {RegistrationReason::kIllegalStay, "illegale_verblijfsstatus", "Illegale verblijfsstatus",
     "Undocumented"},
    {RegistrationReason::kAddiction, "verslaving", "Verslaving / middelengebruik",
     "Addiction / substance use"},
    {RegistrationReason::kMentalHealth, "psychische_problemen", "Psychische problemen",
     "Mental health problems"},
    {RegistrationReason::kStress, "veel_stress", "Veel stress", "A lot of stress"},
    {RegistrationReason::kLanguage, "taalprobleem", "Communicatie- of taalprobleem",
     "Communication or language problem"},
};
constexpr Code<LifeDomain> kDomains[] = {
    {LifeDomain::kFinances, "financien", "Financiën", "Finances"},
    {LifeDomain::kWorkEducation, "werk_opleiding", "Werk & opleiding", "Work & education"},
    {LifeDomain::kDaytimeActivities, "tijdsbesteding", "Tijdsbesteding", "Daytime activities"},
    {LifeDomain::kHousing, "huisvesting", "Huisvesting", "Housing"},
    {LifeDomain::kDomesticRelations, "huiselijke_relaties", "Huiselijke relaties",
     "Domestic relations"},
    {LifeDomain::kMentalHealth, "geestelijke_gezondheid", "Geestelijke gezondheid",
     "Mental health"},
    {LifeDomain::kPhysicalHealth, "lichamelijke_gezondheid", "Lichamelijke gezondheid",
     "Physical health"},
    {LifeDomain::kSubstanceUse, "middelengebruik", "Middelengebruik", "Substance use"},
    {LifeDomain::kBasicAdl, "basale_adl", "Basale ADL", "Basic ADL"},
    {LifeDomain::kInstrumentalAdl, "instrumentele_adl", "Instrumentele ADL", "Instrumental ADL"},
    {LifeDomain::kSocialNetwork, "sociaal_netwerk", "Sociaal netwerk", "Social network"},
    {LifeDomain::kSocialParticipation, "maatschappelijke_participatie",
     "Maatschappelijke participatie", "Social participation"},
    {LifeDomain::kJustice, "justitie", "Justitie", "Justice"},
};
constexpr Code<LearningStage> kStages[] = {
    {LearningStage::kCoachShows, "voordoen", "Voordoen", "Coach shows"},
    {LearningStage::kTogether, "samendoen", "Samendoen", "Together"},
    {LearningStage::kMotherAlone, "zelf_doen", "Zelf doen", "Mother alone"},
};
constexpr Code<GoalStatus> kGoalStatus[] = {
    {GoalStatus::kOpen, "open", "Open", "Open"},
    {GoalStatus::kInProgress, "bezig", "Bezig", "In progress"},
    {GoalStatus::kAchieved, "bereikt", "Bereikt", "Achieved"},
    {GoalStatus::kStopped, "gestopt", "Gestopt", "Stopped"},
};
constexpr Code<VisitKind> kVisitKinds[] = {
    {VisitKind::kHomeVisit, "huisbezoek", "Huisbezoek", "Home visit"},
    {VisitKind::kPhone, "telefonisch", "Telefonisch", "Phone"},
    {VisitKind::kAccompany, "meegaan", "Meegaan naar afspraak", "Going along to an appointment"},
};
constexpr Code<Phase> kPhases[] = {
    {Phase::kPregnancy, "fase1", "Fase 1: zwangerschap", "Phase 1: pregnancy"},
    {Phase::kFirstYear, "fase2", "Fase 2: eerste levensjaar", "Phase 2: first year"},
    {Phase::kSecondYear, "fase3", "Fase 3: tweede levensjaar", "Phase 3: second year"},
    {Phase::kAftercare, "nazorg", "Nazorg", "Aftercare"},
};

}  // namespace

std::span<const Code<Referrer>> Codes(Referrer) {
  return kReferrers;
}
std::span<const Code<Household>> Codes(Household) {
  return kHouseholds;
}
std::span<const Code<LanguageSkill>> Codes(LanguageSkill) {
  return kLanguages;
}
std::span<const Code<Housing>> Codes(Housing) {
  return kHousing;
}
std::span<const Code<Vulnerability>> Codes(Vulnerability) {
  return kVulnerability;
}
std::span<const Code<RegistrationReason>> Codes(RegistrationReason) {
  return kReasons;
}
std::span<const Code<LifeDomain>> Codes(LifeDomain) {
  return kDomains;
}
std::span<const Code<LearningStage>> Codes(LearningStage) {
  return kStages;
}
std::span<const Code<GoalStatus>> Codes(GoalStatus) {
  return kGoalStatus;
}
std::span<const Code<VisitKind>> Codes(VisitKind) {
  return kVisitKinds;
}
std::span<const Code<Phase>> Codes(Phase) {
  return kPhases;
}

}  // namespace naast::domain
