#include "dossier_sections.h"

#include <QCoreApplication>
#include <QDate>
#include <QJSEngine>
#include <QLocale>
#include <QQmlEngine>
#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <string>

#include "app_session.h"
#include "code_labels.h"
#include "naast/domain/codes.h"
#include "visits.h"  // OwnerLabel

namespace {

using naast::crdt::Value;
using naast::domain::Date;
using Row = naast::store::Store::Row;

// For the QT_TRANSLATE_NOOP tables below (lupdate finds literals only in translate() itself).
QString Tr(const char* text) {
  return QCoreApplication::translate("DossierSections", text);
}

QString Text(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return QString::fromStdString(*s);
  if (auto* i = std::get_if<std::int64_t>(&v)) return QString::number(*i);
  return {};
}

std::int64_t Int(const Value& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* b = std::get_if<bool>(&v)) return *b ? 1 : 0;
  return 0;
}

bool IsNull(const Value& v) {
  return std::holds_alternative<std::monostate>(v);
}

std::optional<Date> DateOf(const Value& v) {
  return Date::Parse(Text(v).toStdString());
}

// "3 mrt 2026": these dates may be a year or more ago.
QString LongDate(const Value& v) {
  const QDate d = QDate::fromString(Text(v), Qt::ISODate);
  return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMM yyyy")) : QString();
}

// A record's id for QML: "replica:counter" (unsigned decimals), from the e_* table's columns.
QString IdOf(const Value& replica, const Value& counter) {
  return QString::number(static_cast<std::uint64_t>(Int(replica))) + ":" +
         QString::number(static_cast<std::uint64_t>(Int(counter)));
}

std::optional<naast::crdt::OpId> ParseId(const QString& id) {
  const auto parts = id.split(':');
  if (parts.size() != 2) return std::nullopt;
  bool ok_replica = false, ok_counter = false;
  naast::crdt::OpId out{parts[0].toULongLong(&ok_replica), parts[1].toULongLong(&ok_counter)};
  if (!ok_replica || !ok_counter || !out.valid()) return std::nullopt;
  return out;
}

template <typename E>
bool KnownCode(const QString& code) {
  return naast::domain::FromCode<E>(code.toStdString()).has_value();
}

// Kinds of consent (toestemming) the team asks for at the intake, in this order.
struct ConsentKind {
  const char* code;
  const char* label;
};
constexpr ConsentKind kConsentKinds[] = {
    {"dossier", QT_TRANSLATE_NOOP("DossierSections", "Gegevens vastleggen in het dossier")},
    {"overleg_zorg", QT_TRANSLATE_NOOP("DossierSections", "Overleg met verloskundige of huisarts")},
    {"delen_verwijzing", QT_TRANSLATE_NOOP("DossierSections", "Gegevens delen bij een verwijzing")},
    {"monitoring", QT_TRANSLATE_NOOP("DossierSections", "Anoniem meetellen in de monitoring")},
};

// The meldcode huiselijk geweld en kindermishandeling: five steps.
constexpr const char* kMeldcodeSteps[] = {
    QT_TRANSLATE_NOOP("DossierSections", "Signalen in kaart brengen"),
    QT_TRANSLATE_NOOP("DossierSections",
                      "Collegiale consultatie, zo nodig Veilig Thuis raadplegen"),
    QT_TRANSLATE_NOOP("DossierSections", "Gesprek met de moeder"),
    QT_TRANSLATE_NOOP("DossierSections", "Wegen: is er een vermoeden van geweld?"),
    QT_TRANSLATE_NOOP("DossierSections", "Beslissen: hulp organiseren en/of melden"),
};

// A referral's status is free text; the usual words get a label.
QString ReferralStatusLabel(const QString& status) {
  static const std::map<QString, const char*> kStatus = {
      {"aangemeld", QT_TRANSLATE_NOOP("DossierSections", "Aangemeld")},
      {"gestart", QT_TRANSLATE_NOOP("DossierSections", "Gestart")},
      {"afgerond", QT_TRANSLATE_NOOP("DossierSections", "Afgerond")},
      {"gestopt", QT_TRANSLATE_NOOP("DossierSections", "Gestopt")}};
  const auto it = kStatus.find(status.toLower());
  return it != kStatus.end() ? Tr(it->second) : status;
}

QString MomentLabel(const QString& moment) {
  static const std::map<QString, const char*> kMoments = {
      {"intake", QT_TRANSLATE_NOOP("DossierSections", "Intake")},
      {"fase", QT_TRANSLATE_NOOP("DossierSections", "Tussentijds")},
      {"afsluiting", QT_TRANSLATE_NOOP("DossierSections", "Afsluiting")}};
  const auto it = kMoments.find(moment.toLower());
  return it != kMoments.end() ? Tr(it->second) : moment;
}

// When an assessment is made (the code "fase" is kept for the ones in between: older data has it).
constexpr const char* kMoments[] = {"intake", "fase", "afsluiting"};

// The usual words for a referral's status, in the order a referral goes through them.
constexpr const char* kReferralStatuses[] = {"aangemeld", "gestart", "afgerond", "gestopt"};
constexpr const char* kStarted = "gestart";
constexpr const char* kReferred = "aangemeld";

bool OneOf(const QString& code, std::span<const char* const> codes) {
  return std::any_of(codes.begin(), codes.end(), [&](const char* c) { return code == c; });
}

// A record of `type` in the document, not deleted.
bool IsLive(const naast::crdt::Document& document, naast::crdt::OpId id, const char* type) {
  return document.Exists(id) && !document.IsDeleted(id) && document.TypeOf(id) == type;
}

}  // namespace

DossierSections::DossierSections(Source source, QObject* parent)
    : QObject(parent), source_(std::move(source)) {}

DossierSections* DossierSections::create(QQmlEngine*, QJSEngine*) {
  // Owned by the engine (one per engine); the store and today come from the session.
  return new DossierSections(DataSource::FromSession());
}

std::optional<std::vector<Row>> DossierSections::Rows(const char* sql, const QString& doc) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  if (!store || doc.isEmpty()) return std::nullopt;
  auto rows = store->Query(sql, {doc.toStdString()});
  if (!rows) return std::nullopt;
  return std::move(rows.value());
}

QVariantMap DossierSections::overview(const QString& doc) {
  const auto guard = Lock();
  QVariantMap out;
  if (auto rows = Rows("SELECT phone, address, household, children_before, due_date FROM e_mother "
                       "WHERE doc = ?1 AND deleted = 0 ORDER BY replica, counter LIMIT 1",
                       doc);
      rows && !rows->empty()) {
    const Row& r = rows->front();
    out["phone"] = Text(r[0]);
    out["address"] = Text(r[1]);
    QStringList household;
    if (!IsNull(r[2])) household << CodeLabel<naast::domain::Household>(Text(r[2]), English());
    if (!IsNull(r[3])) {
      const auto n = Int(r[3]);
      household
          << (n == 0 ? QCoreApplication::translate("DossierSections", "geen eerdere kinderen")
              : n == 1
                  ? QCoreApplication::translate("DossierSections", "1 eerder kind")
                  : QCoreApplication::translate("DossierSections", "%1 eerdere kinderen").arg(n));
    }
    out["household"] = household.join(", ");
    out["dueDate"] = LongDate(r[4]);
  }
  if (auto rows = Rows("SELECT name, birth_date FROM e_child WHERE doc = ?1 AND deleted = 0 "
                       "ORDER BY birth_date",
                       doc)) {
    QVariantList children;
    QString born;
    for (const Row& r : *rows) {
      children.push_back(QVariantMap{{"name", Text(r[0])}, {"born", LongDate(r[1])}});
      born = LongDate(r[1]);
    }
    out["children"] = children;
    out["childBorn"] = born;
  }
  if (auto rows = Rows("SELECT registered_on, referrer, replica, counter FROM e_registration "
                       "WHERE doc = ?1 AND deleted = 0 ORDER BY registered_on DESC LIMIT 1",
                       doc);
      rows && !rows->empty()) {
    const Row& r = rows->front();
    out["registered"] = LongDate(r[0]);
    out["referrer"] =
        IsNull(r[1]) ? QString() : CodeLabel<naast::domain::Referrer>(Text(r[1]), English());
    auto reasons = Store()->Query(
        "SELECT value FROM e_registration_reasons WHERE doc = ?1 AND replica = ?2 "
        "AND counter = ?3 ORDER BY value",
        {doc.toStdString(), r[2], r[3]});
    QStringList labels;
    if (reasons) {
      for (const Row& reason : *reasons) {
        labels << CodeLabel<naast::domain::RegistrationReason>(Text(reason[0]), English());
      }
    }
    out["reasons"] = labels;
  }
  return out;
}

QVariantList DossierSections::goalGroups(const QString& doc) {
  QVariantList out;
  auto rows = Rows(
      "SELECT replica, counter, life_domain, description, help_question, actions, owner, "
      "due_date, status, learning_stage, evaluation FROM e_goal WHERE doc = ?1 AND deleted = 0 "
      "ORDER BY due_date, replica, counter",
      doc);
  if (!rows) return out;
  const Date today = source_.today();
  // The matrix's order of domains; goals with a domain the list does not know come last.
  std::map<QString, QVariantList> by_domain;
  for (const Row& r : *rows) {
    const QString status = Text(r[8]), stage = Text(r[9]), owner = Text(r[6]);
    by_domain[Text(r[2])].push_back(QVariantMap{
        {"id", IdOf(r[0], r[1])},
        {"description", Text(r[3])},
        {"helpQuestion", Text(r[4])},
        {"actions", Text(r[5])},
        {"owner", owner.isEmpty() ? QString() : OwnerLabel(owner)},
        {"ownerCode", owner},
        {"dueDate", LongDate(r[7])},
        {"dueDateIso", Text(r[7])},
        // Past its due date and not reached or stopped.
        {"overdue",
         DateOf(r[7]) && *DateOf(r[7]) < today && (status == "open" || status == "bezig")},
        {"status", status},
        {"statusLabel", CodeLabel<naast::domain::GoalStatus>(status, English())},
        {"learningStage", stage},
        {"learningStageLabel", CodeLabel<naast::domain::LearningStage>(stage, English())},
        {"evaluation", Text(r[10])}});
  }
  auto group = [&](const QString& code) {
    auto it = by_domain.find(code);
    if (it == by_domain.end()) return;
    const QString label = code.isEmpty()
                              ? QCoreApplication::translate("DossierSections", "Zonder leefgebied")
                              : CodeLabel<naast::domain::LifeDomain>(code, English());
    out.push_back(QVariantMap{{"domain", code}, {"label", label}, {"goals", it->second}});
    by_domain.erase(it);
  };
  for (const auto& c : naast::domain::Codes(naast::domain::LifeDomain{})) {
    group(QString::fromUtf8(c.code.data(), static_cast<qsizetype>(c.code.size())));
  }
  while (!by_domain.empty()) group(by_domain.begin()->first);
  return out;
}

QVariantList DossierSections::goalStatuses() const {
  return CodeList<naast::domain::GoalStatus>(English());
}

QVariantList DossierSections::learningStages() const {
  return CodeList<naast::domain::LearningStage>(English());
}

bool DossierSections::setGoalStatus(const QString& doc, const QString& goal, const QString& code) {
  return KnownCode<naast::domain::GoalStatus>(code) && SetGoalCode(doc, goal, "status", code);
}

bool DossierSections::setGoalLearningStage(const QString& doc, const QString& goal,
                                           const QString& code) {
  return KnownCode<naast::domain::LearningStage>(code) &&
         SetGoalCode(doc, goal, "learning_stage", code);
}

bool DossierSections::SetGoalCode(const QString& doc, const QString& goal, const char* field,
                                  const QString& code) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const auto id = ParseId(goal);
  if (!store || !id || doc.isEmpty()) return false;
  auto d = store->Get(doc.toStdString());
  if (!d) return false;
  naast::crdt::Document& document = **d;
  if (!document.Exists(*id) || document.IsDeleted(*id) || document.TypeOf(*id) != "goal") {
    return false;
  }
  if (!document.Set(*id, field, code.toStdString())) return false;
  return Save(doc);
}

QVariantList DossierSections::lifeDomains() const {
  return CodeList<naast::domain::LifeDomain>(English());
}

QVariantList DossierSections::assessments(const QString& doc) {
  QVariantList out;
  std::string sql = "SELECT date, moment";
  for (const auto& c : naast::domain::Codes(naast::domain::LifeDomain{})) {
    sql += ", " + std::string(c.code);
  }
  sql +=
      " FROM e_assessment WHERE doc = ?1 AND deleted = 0 AND date IS NOT NULL "
      "ORDER BY date, replica, counter";
  auto rows = Rows(sql.c_str(), doc);
  if (!rows) return out;
  for (const Row& r : *rows) {
    QVariantList scores;
    for (std::size_t i = 2; i < r.size(); ++i) {
      const auto s = Int(r[i]);
      scores.push_back(s >= 1 && s <= 5 ? static_cast<int>(s) : 0);
    }
    out.push_back(QVariantMap{{"date", Text(r[0])},
                              {"dateLabel", LongDate(r[0])},
                              {"moment", MomentLabel(Text(r[1]))},
                              {"scores", scores}});
  }
  return out;
}

QVariantList DossierSections::referrals(const QString& doc) {
  QVariantList waiting, rest;
  auto rows = Rows(
      "SELECT kind, status, referred_on, started_on, held, note, replica, counter FROM e_referral "
      "WHERE doc = ?1 AND deleted = 0 ORDER BY referred_on DESC, replica, counter",
      doc);
  if (!rows) return {};
  const Date today = source_.today();
  std::vector<std::pair<int, QVariantMap>> waits;
  for (const Row& r : *rows) {
    const QString status = Text(r[1]).toLower();
    // Waiting: not started yet (no start date, and not started, finished or stopped).
    const bool is_waiting =
        IsNull(r[3]) && status != "gestart" && status != "afgerond" && status != "gestopt";
    const auto referred = DateOf(r[2]);
    const int days = is_waiting && referred ? std::max(0, today - *referred) : 0;
    QVariantMap row{{"id", IdOf(r[6], r[7])},       {"statusCode", status},
                    {"kind", Text(r[0])},           {"status", ReferralStatusLabel(Text(r[1]))},
                    {"referredOn", LongDate(r[2])}, {"startedOn", LongDate(r[3])},
                    {"held", Int(r[4]) != 0},       {"note", Text(r[5])},
                    {"waiting", is_waiting},        {"waitingDays", days}};
    if (is_waiting) {
      waits.emplace_back(days, row);
    } else {
      rest.push_back(row);
    }
  }
  std::stable_sort(waits.begin(), waits.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& w : waits) waiting.push_back(w.second);
  return waiting + rest;
}

QVariantList DossierSections::safetySignals(const QString& doc) {
  QVariantList out;
  auto rows = Rows(
      "SELECT date, description FROM e_safety_signal WHERE doc = ?1 AND deleted = 0 "
      "ORDER BY date DESC, counter DESC",
      doc);
  if (!rows) return out;
  for (const Row& r : *rows) {
    out.push_back(QVariantMap{{"date", LongDate(r[0])}, {"description", Text(r[1])}});
  }
  return out;
}

QVariantList DossierSections::meldcodeSteps(const QString& doc) {
  QVariantList out;
  auto rows = Rows(
      "SELECT step, date, decision FROM e_meldcode_step WHERE doc = ?1 AND deleted = 0 "
      "ORDER BY step, date, counter",
      doc);
  // The latest record of each step counts.
  std::map<std::int64_t, const Row*> latest;
  if (rows) {
    for (const Row& r : *rows) latest[Int(r[0])] = &r;
  }
  for (int step = 1; step <= 5; ++step) {
    const auto it = latest.find(step);
    const Row* r = it == latest.end() ? nullptr : it->second;
    out.push_back(QVariantMap{{"step", step},
                              {"label", Tr(kMeldcodeSteps[step - 1])},
                              {"done", r != nullptr},
                              {"date", r ? LongDate((*r)[1]) : QString()},
                              {"decision", r ? Text((*r)[2]) : QString()}});
  }
  return out;
}

bool DossierSections::addGoal(const QString& doc, const QString& domain, const QString& description,
                              const QString& helpQuestion, const QString& owner, int weeks) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const std::string text = description.trimmed().toStdString();
  const std::string question = helpQuestion.trimmed().toStdString();
  const std::string who = owner.trimmed().toLower().toStdString();
  if (!store || doc.isEmpty() || text.empty() || who.empty() || weeks < 0 || weeks > 104 ||
      !KnownCode<naast::domain::LifeDomain>(domain)) {
    return false;
  }
  auto d = store->Get(doc.toStdString());
  if (!d) return false;
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId goal = document.CreateRecord("goal");
  using naast::domain::ToCode;
  if (!document.Set(goal, "life_domain", domain.toStdString()) ||
      !document.InsertText(goal, "description", 0, text) ||
      (!question.empty() && !document.InsertText(goal, "help_question", 0, question)) ||
      !document.Set(goal, "owner", who) ||
      !document.Set(goal, "due_date", (source_.today() + weeks * 7).ToString()) ||
      !document.Set(goal, "status", std::string(ToCode(naast::domain::GoalStatus::kOpen))) ||
      !document.Set(goal, "learning_stage",
                    std::string(ToCode(naast::domain::LearningStage::kCoachShows)))) {
    return false;
  }
  return Save(doc);
}

bool DossierSections::addSafetySignal(const QString& doc, const QString& description) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const std::string text = description.trimmed().toStdString();
  if (!store || doc.isEmpty() || text.empty()) return false;
  auto d = store->Get(doc.toStdString());
  if (!d) return false;
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId record = document.CreateRecord("safety_signal");
  if (!document.Set(record, "date", source_.today().ToString()) ||
      !document.InsertText(record, "description", 0, text)) {
    return false;
  }
  return Save(doc);
}

QVariantList DossierSections::consents(const QString& doc) {
  QVariantList out;
  auto rows = Rows(
      "SELECT kind, given, date FROM e_consent WHERE doc = ?1 AND deleted = 0 "
      "ORDER BY kind, date, counter",
      doc);
  std::map<QString, const Row*> latest;  // by kind: the last one recorded
  if (rows) {
    for (const Row& r : *rows) latest[Text(r[0])] = &r;
  }
  auto row = [&](const QString& kind, const QString& label) {
    const auto it = latest.find(kind);
    const Row* r = it == latest.end() ? nullptr : it->second;
    const QString state = !r || IsNull((*r)[1]) ? "unknown" : Int((*r)[1]) ? "given" : "withdrawn";
    out.push_back(QVariantMap{
        {"kind", kind}, {"label", label}, {"state", state}, {"date", r ? LongDate((*r)[2]) : ""}});
    if (it != latest.end()) latest.erase(it);
  };
  for (const auto& k : kConsentKinds) row(k.code, Tr(k.label));
  while (!latest.empty()) row(latest.begin()->first, latest.begin()->first);
  return out;
}

bool DossierSections::setConsent(const QString& doc, const QString& kind, bool given) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  if (!store || doc.isEmpty() || kind.trimmed().isEmpty()) return false;
  // The kind's latest record gets the new value; a kind never asked gets a record of its own.
  auto rows = store->Query(
      "SELECT replica, counter FROM e_consent WHERE doc = ?1 AND kind = ?2 AND deleted = 0 "
      "ORDER BY date DESC, counter DESC LIMIT 1",
      {doc.toStdString(), kind.toStdString()});
  if (!rows) return false;
  auto d = store->Get(doc.toStdString());
  if (!d) return false;
  naast::crdt::Document& document = **d;
  naast::crdt::OpId record;
  if (rows->empty()) {
    record = document.CreateRecord("consent");
    if (!document.Set(record, "kind", kind.toStdString())) return false;
  } else {
    record = naast::crdt::OpId{static_cast<std::uint64_t>(Int((*rows)[0][0])),
                               static_cast<std::uint64_t>(Int((*rows)[0][1]))};
  }
  if (!document.Set(record, "given", given) ||
      !document.Set(record, "date", source_.today().ToString())) {
    return false;
  }
  return Save(doc);
}

QStringList DossierSections::assigned(const QString& doc) {
  QStringList out;
  auto rows = Rows(
      "SELECT a.value FROM e_mother_assigned a JOIN e_mother m ON m.doc = a.doc AND "
      "m.replica = a.replica AND m.counter = a.counter WHERE a.doc = ?1 AND m.deleted = 0 "
      "ORDER BY a.value",
      doc);
  if (!rows) return out;
  for (const Row& r : *rows) {
    if (!out.contains(Text(r[0]))) out << Text(r[0]);
  }
  return out;
}

bool WriteAssigned(naast::crdt::Document& doc, const std::string& label, bool on, bool* changed) {
  *changed = false;
  naast::crdt::OpId mother{};
  for (const naast::crdt::OpId& r : doc.Records()) {
    if (doc.TypeOf(r) == "mother") {
      mother = r;
      break;
    }
  }
  if (!mother.valid()) return false;
  const Value v{label};
  if (doc.Contains(mother, "assigned", v) == on) return true;  // nothing to write
  *changed = true;
  return on ? static_cast<bool>(doc.AddToSet(mother, "assigned", v))
            : static_cast<bool>(doc.RemoveFromSet(mother, "assigned", v));
}

bool DossierSections::setAssigned(const QString& doc, const QString& label, bool on) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const std::string name = label.simplified().toStdString();
  if (!store || doc.isEmpty()) return Refuse(tr("Het dossier is niet open."));
  if (name.empty()) return Refuse(tr("Geef de naam van een coach of student."));
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Het dossier is niet open."));
  bool changed = false;
  if (!WriteAssigned(**d, name, on, &changed)) return Refuse(tr("Opslaan lukte niet."));
  if (changed && !Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}

bool DossierSections::Save(const QString& doc) {
  naast::store::Store* store = Store();
  if (!store) return false;
  auto committed = store->Commit(doc.toStdString());
  if (!committed) return false;
  // A change for the server: one more waiting in the sync bar.
  if (committed->has_value() && source_.local_change) source_.local_change();
  emit changed(doc);
  return true;
}

bool DossierSections::Refuse(const QString& why) {
  if (error_ != why) {
    error_ = why;
    emit errorChanged();
  }
  return false;
}

QString DossierSections::dateLabel(const QString& iso) const {
  return Date::Parse(iso.toStdString()) ? LongDate(Value(iso.toStdString())) : QString();
}

bool DossierSections::editGoal(const QString& doc, const QString& goal, const QVariantMap& fields) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const auto id = ParseId(goal);
  if (!store || !id || doc.isEmpty()) return Refuse(tr("Dit doel is niet gevonden."));
  // The page's names, the schema's fields, and whether the field is a note (collaborative text).
  struct Field {
    const char* key;
    const char* field;
    bool note;
  };
  static constexpr Field kFields[] = {
      {"description", "description", true}, {"helpQuestion", "help_question", true},
      {"actions", "actions", true},         {"owner", "owner", false},
      {"dueDate", "due_date", false},       {"evaluation", "evaluation", true}};
  // Everything is checked before anything is written.
  for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
    const bool known = std::any_of(std::begin(kFields), std::end(kFields),
                                   [&](const Field& f) { return it.key() == f.key; });
    if (!known) return Refuse(tr("Dit deel van een doel kan hier niet worden gewijzigd."));
  }
  if (fields.contains("description") && fields["description"].toString().trimmed().isEmpty()) {
    return Refuse(tr("Schrijf op wat de moeder wil bereiken."));
  }
  if (fields.contains("owner") && fields["owner"].toString().trimmed().isEmpty()) {
    return Refuse(tr("Kies wie het doet."));
  }
  if (fields.contains("dueDate") && !Date::Parse(fields["dueDate"].toString().toStdString())) {
    return Refuse(tr("De streefdatum is geen datum."));
  }
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Dit doel is niet gevonden."));
  naast::crdt::Document& document = **d;
  if (!IsLive(document, *id, "goal")) return Refuse(tr("Dit doel is niet gevonden."));
  for (const Field& f : kFields) {
    if (!fields.contains(f.key)) continue;
    QString value = fields[f.key].toString().trimmed();
    if (std::string_view(f.key) == "owner") value = value.toLower();
    const bool ok = f.note
                        ? WriteTextDiff(document, *id, f.field,
                                        QString::fromStdString(document.Text(*id, f.field)), value)
                        : SetIfChanged(document, *id, f.field, value.toStdString());
    if (!ok) return Refuse(tr("Opslaan lukte niet."));
  }
  if (!Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}

QVariantList DossierSections::assessmentMoments() const {
  QVariantList out;
  for (const char* code : kMoments) {
    out.push_back(QVariantMap{{"code", code}, {"label", MomentLabel(code)}});
  }
  return out;
}

bool DossierSections::addAssessment(const QString& doc, const QString& date, const QString& moment,
                                    const QVariantList& scores) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  if (!store || doc.isEmpty()) return Refuse(tr("Het dossier is niet open."));
  const auto on = Date::Parse(date.toStdString());
  if (!on) return Refuse(tr("De datum van de meting is geen datum."));
  if (*on > source_.today()) return Refuse(tr("De datum van de meting ligt na vandaag."));
  if (!OneOf(moment, kMoments)) return Refuse(tr("Kies het moment van de meting."));
  const auto domains = naast::domain::Codes(naast::domain::LifeDomain{});
  if (static_cast<std::size_t>(scores.size()) != domains.size()) {
    return Refuse(tr("Geef elk van de %1 leefgebieden een score.").arg(domains.size()));
  }
  std::vector<std::int64_t> values;
  for (std::size_t i = 0; i < domains.size(); ++i) {
    const auto& label = English() ? domains[i].en : domains[i].nl;
    const QString name = QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
    bool ok = false;
    const double x = scores[static_cast<qsizetype>(i)].toDouble(&ok);
    if (ok && x == 0) return Refuse(tr("%1 heeft nog geen score: kies 1 tot 5.").arg(name));
    if (!ok || x != std::floor(x) || x < 1 || x > 5) {
      return Refuse(tr("De score voor %1 moet 1, 2, 3, 4 of 5 zijn.").arg(name));
    }
    values.push_back(static_cast<std::int64_t>(x));
  }
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Het dossier is niet open."));
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId record = document.CreateRecord("assessment");
  if (!document.Set(record, "date", on->ToString()) ||
      !document.Set(record, "moment", moment.toStdString())) {
    return Refuse(tr("Opslaan lukte niet."));
  }
  for (std::size_t i = 0; i < domains.size(); ++i) {
    if (!document.Set(record, std::string(domains[i].code), values[i])) {
      return Refuse(tr("Opslaan lukte niet."));
    }
  }
  if (!Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}

QVariantList DossierSections::referralStatuses() const {
  QVariantList out;
  for (const char* code : kReferralStatuses) {
    out.push_back(QVariantMap{{"code", code}, {"label", ReferralStatusLabel(code)}});
  }
  return out;
}

QStringList DossierSections::referralKinds() const {
  // Names of programmes and offers: the same in both languages.
  return {"Stevig Ouderschap", "Voorzorg",
          "Home-Start",        "Instapje",
          "Opstapje",          "zwangerschapsgesprek",
          "Shantala",          "borstvoedingssupport",
          "babystartpakket",   "Centering Pregnancy",
          "schuldhulp"};
}

bool DossierSections::addReferral(const QString& doc, const QString& kind, const QString& status,
                                  const QString& referredOn, bool held, const QString& note) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  if (!store || doc.isEmpty()) return Refuse(tr("Het dossier is niet open."));
  const std::string what = kind.trimmed().toStdString();
  const std::string text = note.trimmed().toStdString();
  if (what.empty()) return Refuse(tr("Naar welke ondersteuning is de moeder verwezen?"));
  if (!OneOf(status, kReferralStatuses)) return Refuse(tr("Kies de status van de verwijzing."));
  const auto on = Date::Parse(referredOn.toStdString());
  if (!on) return Refuse(tr("De verwijsdatum is geen datum."));
  if (*on > source_.today()) return Refuse(tr("De verwijsdatum ligt na vandaag."));
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Het dossier is niet open."));
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId record = document.CreateRecord("referral");
  if (!document.Set(record, "kind", what) ||
      !document.Set(record, "status", status.toStdString()) ||
      !document.Set(record, "referred_on", on->ToString()) || !document.Set(record, "held", held) ||
      (status == kStarted && !document.Set(record, "started_on", source_.today().ToString())) ||
      (!text.empty() && !document.InsertText(record, "note", 0, text))) {
    return Refuse(tr("Opslaan lukte niet."));
  }
  if (!Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}

bool DossierSections::setReferralStatus(const QString& doc, const QString& referral,
                                        const QString& status) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  const auto id = ParseId(referral);
  if (!store || !id || doc.isEmpty()) return Refuse(tr("Deze verwijzing is niet gevonden."));
  if (!OneOf(status, kReferralStatuses)) return Refuse(tr("Kies de status van de verwijzing."));
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Deze verwijzing is niet gevonden."));
  naast::crdt::Document& document = **d;
  if (!IsLive(document, *id, "referral")) return Refuse(tr("Deze verwijzing is niet gevonden."));
  const auto started = document.Get(*id, "started_on");
  const bool has_start = started && !IsNull(started->value);
  if (!SetIfChanged(document, *id, "status", status.toStdString()) ||
      (status == kStarted && !has_start &&
       !document.Set(*id, "started_on", source_.today().ToString())) ||
      (status == kReferred && has_start && !document.Set(*id, "started_on", Value{}))) {
    return Refuse(tr("Opslaan lukte niet."));
  }
  if (!Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}

int DossierSections::nextMeldcodeStep(const QString& doc) {
  auto rows = Rows(
      "SELECT max(step) FROM e_meldcode_step WHERE doc = ?1 AND deleted = 0 "
      "AND step BETWEEN 1 AND 5",
      doc);
  if (!rows || rows->empty() || IsNull(rows->front()[0])) return 1;
  return static_cast<int>(std::min<std::int64_t>(5, Int(rows->front()[0]) + 1));
}

bool DossierSections::addMeldcodeStep(const QString& doc, int step, const QString& date,
                                      const QString& decision) {
  const auto guard = Lock();
  naast::store::Store* store = Store();
  if (!store || doc.isEmpty()) return Refuse(tr("Het dossier is niet open."));
  const std::string text = decision.trimmed().toStdString();
  if (step < 1 || step > 5) return Refuse(tr("Kies een stap van 1 tot 5."));
  const auto on = Date::Parse(date.toStdString());
  if (!on) return Refuse(tr("De datum is geen datum."));
  if (*on > source_.today()) return Refuse(tr("De datum ligt na vandaag."));
  if (text.empty()) return Refuse(tr("Schrijf op wat er is besloten."));
  auto d = store->Get(doc.toStdString());
  if (!d) return Refuse(tr("Het dossier is niet open."));
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId record = document.CreateRecord("meldcode_step");
  if (!document.Set(record, "step", std::int64_t{step}) ||
      !document.Set(record, "date", on->ToString()) ||
      !document.InsertText(record, "decision", 0, text)) {
    return Refuse(tr("Opslaan lukte niet."));
  }
  if (!Save(doc)) return Refuse(tr("Opslaan lukte niet."));
  ClearError();
  return true;
}
