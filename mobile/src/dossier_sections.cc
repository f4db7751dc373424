#include "dossier_sections.h"

#include <QCoreApplication>
#include <QDate>
#include <QJSEngine>
#include <QLocale>
#include <QQmlEngine>
#include <algorithm>
#include <map>
#include <string>

#include "app_session.h"
#include "naast/domain/codes.h"

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

// A code's label in the app's language; the code itself when the list does not have it.
template <typename E>
QString CodeLabel(const QString& code, bool english) {
  for (const auto& c : naast::domain::Codes(E{})) {
    if (QString::fromUtf8(c.code.data(), static_cast<qsizetype>(c.code.size())) == code) {
      const auto& label = english ? c.en : c.nl;
      return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
    }
  }
  return code;
}

template <typename E>
QVariantList CodeList(bool english) {
  QVariantList out;
  for (const auto& c : naast::domain::Codes(E{})) {
    const auto& label = english ? c.en : c.nl;
    out.push_back(QVariantMap{
        {"code", QString::fromUtf8(c.code.data(), static_cast<qsizetype>(c.code.size()))},
        {"label", QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()))}});
  }
  return out;
}

template <typename E>
bool KnownCode(const QString& code) {
  return naast::domain::FromCode<E>(code.toStdString()).has_value();
}

// Who does it (the goal's owner is free text; the usual words get a label).
QString OwnerLabel(const QString& owner) {
  static const std::map<QString, const char*> kOwners = {
      {"moeder", QT_TRANSLATE_NOOP("DossierSections", "Moeder")},
      {"coach", QT_TRANSLATE_NOOP("DossierSections", "Coach")},
      {"netwerk", QT_TRANSLATE_NOOP("DossierSections", "Netwerk")},
      {"ketenpartner", QT_TRANSLATE_NOOP("DossierSections", "Ketenpartner")}};
  const auto it = kOwners.find(owner.toLower());
  return it != kOwners.end() ? Tr(it->second) : owner;
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
      {"fase", QT_TRANSLATE_NOOP("DossierSections", "Nieuwe fase")},
      {"afsluiting", QT_TRANSLATE_NOOP("DossierSections", "Afsluiting")}};
  const auto it = kMoments.find(moment.toLower());
  return it != kMoments.end() ? Tr(it->second) : moment;
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
        {"dueDate", LongDate(r[7])},
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
  if (!store->Commit(doc.toStdString())) return false;
  emit changed(doc);
  return true;
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
      "SELECT kind, status, referred_on, started_on, held, note FROM e_referral "
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
    QVariantMap row{{"kind", Text(r[0])},           {"status", ReferralStatusLabel(Text(r[1]))},
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
  if (!store->Commit(doc.toStdString())) return false;
  emit changed(doc);
  return true;
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
  if (!store->Commit(doc.toStdString())) return false;
  emit changed(doc);
  return true;
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
  if (!store->Commit(doc.toStdString())) return false;
  emit changed(doc);
  return true;
}
