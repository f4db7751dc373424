#include "naast/domain/schema.h"

namespace naast::domain {
namespace {

using T = FieldType;

constexpr FieldSpec kMother[] = {
    {"name", T::kText, "naam"},
    {"birth_date", T::kDate, "geboortedatum"},
    {"phone", T::kText, "telefoon"},
    {"address", T::kText, "adres"},
    {"household", T::kCode, "huishouden"},
    {"children_before", T::kInteger, "aantal eerdere kinderen"},
    {"language", T::kCode, "taalvaardigheid"},
    {"housing", T::kCode, "woonsituatie"},
    {"due_date", T::kDate, "uitgerekende datum"},
    {"phase_override", T::kCode, "fase (handmatig)"},
    {"crisis", T::kBool, "crisis"},
    {"retention_until", T::kDate, "bewaren tot"},
    {"assigned", T::kSet, "toegewezen aan"},
};
constexpr FieldSpec kChild[] = {
    {"name", T::kText, "naam"},
    {"birth_date", T::kDate, "geboortedatum"},
    {"gestational_weeks_at_birth", T::kInteger, "zwangerschapsduur bij geboorte"},
    {"birth_weight_g", T::kInteger, "geboortegewicht"},
};
constexpr FieldSpec kRegistration[] = {
    {"registration_id", T::kText, "aanmeldnummer"},
    {"registered_on", T::kDate, "aanmelddatum"},
    {"referrer", T::kCode, "verwijzer"},
    {"vulnerability", T::kCode, "kwetsbaarheid"},
    {"housing", T::kCode, "woonsituatie"},
    {"language", T::kCode, "taalvaardigheid"},
    {"household", T::kCode, "huishouden"},
    {"children_before", T::kInteger, "aantal eerdere kinderen"},
    {"gestational_week", T::kInteger, "zwangerschapsduur bij aanmelding"},
    {"delivered", T::kBool, "bevallen"},
    {"reasons", T::kSet, "redenen van aanmelding"},
    {"first_contact_on", T::kDate, "eerste contact"},
    {"intake_on", T::kDate, "intake"},
};
constexpr FieldSpec kPhaseChange[] = {
    {"phase", T::kCode, "fase"},
    {"started_on", T::kDate, "startdatum"},
    {"note", T::kNote, "toelichting"},
};
constexpr FieldSpec kVisit[] = {
    {"date", T::kDate, "datum"},
    {"duration_min", T::kInteger, "duur (minuten)"},
    {"kind", T::kCode, "soort contact"},
    {"present", T::kSet, "aanwezig"},
    {"life_domains", T::kSet, "leefgebieden"},
    {"diary_entry", T::kText, "dagboek"},
    {"notes", T::kNote, "verslag"},
    {"agreements", T::kNote, "afspraken"},
    {"follow_up", T::kNote, "vervolgacties"},  // free text, from before tasks (kept, read-only)
    {"next_appointment", T::kDate, "volgende afspraak"},
};
// A follow-up task agreed in a visit (vervolgactie): who does what, by when.
constexpr FieldSpec kTask[] = {
    {"what", T::kText, "wat"},
    {"owner", T::kText, "wie"},
    {"due_date", T::kDate, "uiterlijk op"},
    {"done_on", T::kDate, "gedaan op"},
    {"visit", T::kText, "bij contactmoment"},  // the visit's record id (replica@counter)
};
constexpr FieldSpec kGoal[] = {
    {"life_domain", T::kCode, "leefgebied"},
    {"help_question", T::kNote, "hulpvraag"},
    {"description", T::kNote, "doel"},
    {"actions", T::kNote, "acties"},
    {"owner", T::kText, "wie"},
    {"learning_stage", T::kCode, "leerfase"},
    {"due_date", T::kDate, "streefdatum"},
    {"status", T::kCode, "status"},
    {"evaluation", T::kNote, "evaluatie"},
};
constexpr FieldSpec kAssessment[] = {
    {"date", T::kDate, "datum"},
    {"moment", T::kText, "moment (intake, fase, afsluiting)"},
    {"financien", T::kInteger, "financiën"},
    {"werk_opleiding", T::kInteger, "werk & opleiding"},
    {"tijdsbesteding", T::kInteger, "tijdsbesteding"},
    {"huisvesting", T::kInteger, "huisvesting"},
    {"huiselijke_relaties", T::kInteger, "huiselijke relaties"},
    {"geestelijke_gezondheid", T::kInteger, "geestelijke gezondheid"},
    {"lichamelijke_gezondheid", T::kInteger, "lichamelijke gezondheid"},
    {"middelengebruik", T::kInteger, "middelengebruik"},
    {"basale_adl", T::kInteger, "basale ADL"},
    {"instrumentele_adl", T::kInteger, "instrumentele ADL"},
    {"sociaal_netwerk", T::kInteger, "sociaal netwerk"},
    {"maatschappelijke_participatie", T::kInteger, "maatschappelijke participatie"},
    {"justitie", T::kInteger, "justitie"},
};
constexpr FieldSpec kReferral[] = {
    {"kind", T::kText, "soort ondersteuning"},    {"status", T::kText, "status"},
    {"referred_on", T::kDate, "verwezen op"},     {"started_on", T::kDate, "gestart op"},
    {"held", T::kBool, "vasthouden tot gestart"}, {"note", T::kNote, "toelichting"},
};
constexpr FieldSpec kDiaryProgress[] = {
    {"entry", T::kText, "dagboekitem"},
    {"discussed_on", T::kDate, "besproken op"},
    {"mother_note", T::kNote, "notitie van moeder"},
};
constexpr FieldSpec kSafetySignal[] = {
    {"date", T::kDate, "datum"},
    {"description", T::kNote, "signaal"},
};
constexpr FieldSpec kMeldcodeStep[] = {
    {"step", T::kInteger, "stap (1-5)"},
    {"date", T::kDate, "datum"},
    {"decision", T::kNote, "besluit"},
};
constexpr FieldSpec kEscalation[] = {
    {"raised_on", T::kDate, "gemeld op"},
    {"raised_by", T::kText, "gemeld door"},
    {"reason", T::kNote, "reden"},
    {"acknowledged_on", T::kDate, "bevestigd op"},
    {"acknowledged_by", T::kText, "bevestigd door"},
};
constexpr FieldSpec kConsent[] = {
    {"kind", T::kText, "soort toestemming"},
    {"given", T::kBool, "gegeven"},
    {"date", T::kDate, "datum"},
};
constexpr FieldSpec kClosure[] = {
    {"closed_on", T::kDate, "afgesloten op"},
    {"reason", T::kText, "reden"},
    {"handover", T::kNote, "overdracht"},
    {"aftercare_until", T::kDate, "nazorg tot"},
};

constexpr EntitySpec kEntities[] = {
    {"mother", "mother", "cliënt (moeder)", kMother},
    {"child", "child", "kind", kChild},
    {"registration", "registration", "aanmelding", kRegistration},
    {"phase_change", "phase_change", "fasewisseling", kPhaseChange},
    {"visit", "visit", "contactmoment", kVisit},
    {"task", "task", "vervolgactie", kTask},
    {"goal", "goal", "doel (plan van aanpak)", kGoal},
    {"assessment", "assessment", "zelfredzaamheidsmeting", kAssessment},
    {"referral", "referral", "verwijzing", kReferral},
    {"diary_progress", "diary_progress", "dagboekvoortgang", kDiaryProgress},
    {"safety_signal", "safety_signal", "veiligheidssignaal", kSafetySignal},
    {"meldcode_step", "meldcode_step", "stap meldcode", kMeldcodeStep},
    {"escalation", "escalation", "escalatie", kEscalation},
    {"consent", "consent", "toestemming", kConsent},
    {"closure", "closure", "afsluiting", kClosure},
};

}  // namespace

std::span<const EntitySpec> Entities() {
  return kEntities;
}

const EntitySpec* FindEntity(std::string_view type) {
  for (const auto& e : kEntities) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

}  // namespace naast::domain
