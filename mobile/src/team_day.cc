#include "team_day.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QQmlEngine>
#include <QVariantList>
#include <QtConcurrent/QtConcurrent>

#include "app_session.h"
#include "caseload_model.h"
#include "code_labels.h"
#include "naast/domain/codes.h"
#include "naast/domain/queries.h"
#include "visits.h"

namespace {

QString Q(const std::string& s) {
  return QString::fromStdString(s);
}

}  // namespace

TeamDay::TeamDay(Source source, QObject* parent) : QObject(parent), source_(std::move(source)) {
  connect(&watcher_, &QFutureWatcher<std::optional<naast::domain::TeamDay>>::finished, this,
          &TeamDay::Loaded);
}

TeamDay::~TeamDay() {
  watcher_.waitForFinished();
  if (app == this) app = nullptr;
}

TeamDay* TeamDay::create(QQmlEngine*, QJSEngine*) {
  // Owned by the engine (one per engine); the store and today come from the session. What it
  // read is forgotten when the tablet locks.
  auto* team_day = new TeamDay(DataSource::FromSession());
  if (AppSession::instance) {
    connect(AppSession::instance, &AppSession::unlockedChanged, team_day, [team_day] {
      if (!AppSession::instance->unlocked()) team_day->Forget();
    });
  }
  app = team_day;
  return team_day;
}

TeamDay* TeamDay::app = nullptr;

std::optional<naast::domain::TeamDay> TeamDay::Query(const Source& source,
                                                     naast::domain::Date today) {
  const auto guard = source.lock ? source.lock() : std::unique_lock<std::recursive_mutex>();
  naast::store::Store* store = source.store ? source.store() : nullptr;
  if (!store) return std::nullopt;
  auto got = naast::domain::ReadTeamDay(*store, naast::domain::TeamSettings{}, today);
  if (!got) return std::nullopt;
  return std::move(*got);
}

QVariantMap TeamDay::read() {
  const auto day = Query(source_, source_.today());
  return day ? Build(*day, English()) : QVariantMap();
}

bool TeamDay::English() const {
  return source_.language && source_.language() == QStringLiteral("en");
}

void TeamDay::load() {
  if (watcher_.isRunning()) {
    again_ = true;  // what changed meanwhile is read when this read ends
    return;
  }
  again_ = false;
  if (!loading_) {
    loading_ = true;
    emit loadingChanged();
  }
  // Today and the language are read here, on the UI thread; the worker holds the store's lock.
  watcher_.setFuture(QtConcurrent::run(
      [source = source_, today = source_.today()] { return Query(source, today); }));
}

void TeamDay::Loaded() {
  if (again_) return load();
  const auto result = watcher_.result();
  // Locked meanwhile: what was read is not kept.
  const bool open = source_.store && source_.store() != nullptr;
  day_ = result && open ? Build(*result, English()) : QVariantMap();
  loading_ = false;
  emit dayChanged();
  emit loadingChanged();
}

void TeamDay::Forget() {
  day_.clear();
  emit dayChanged();
}

QVariantMap TeamDay::Build(const naast::domain::TeamDay& day, bool english) {
  const naast::domain::Date today = day.today;
  QVariantMap out;
  out["today"] = ShortDate(day.today);
  out["since"] = ShortDate(day.since);
  out["sinceYesterday"] = day.today - day.since == 1;

  QVariantList rounds;
  for (const auto& round : day.rounds) {
    QVariantList mothers;
    for (const auto& m : round.mothers) {
      QStringList with;  // the others who go to her
      for (const auto& label : m.assigned) {
        if (label != round.assigned) with << Q(label);
      }
      const auto& e = m.entry;
      mothers.push_back(
          QVariantMap{{"doc", Q(e.doc)},
                      {"name", Q(e.name)},
                      {"phase", PhaseLabel(e.phase)},
                      {"stage", StageLabel(e)},
                      {"overdue", e.overdue},
                      {"dueToday", e.due_today},
                      {"crisis", e.crisis},
                      {"escalations", e.open_escalations},
                      {"lastVisit", e.last_visit ? ShortDate(*e.last_visit) : QString()},
                      {"daysLate", today - e.next_visit_due},
                      {"appointment", e.appointment && *e.appointment == today},
                      {"with", with.join(", ")}});
    }
    rounds.push_back(QVariantMap{{"who", Q(round.assigned)}, {"mothers", mothers}});
  }
  out["rounds"] = rounds;

  QVariantList visits;
  for (const auto& v : day.visits) {
    visits.push_back(QVariantMap{{"doc", Q(v.doc)},
                                 {"name", Q(v.name)},
                                 {"date", ShortDate(v.date)},
                                 {"today", v.date == today},
                                 {"kind", CodeLabel<naast::domain::VisitKind>(v.kind, english)},
                                 {"minutes", v.duration_min},
                                 {"followUp", Q(v.follow_up)},
                                 {"tasks", v.tasks}});
  }
  out["visits"] = visits;

  QVariantList tasks;
  for (const auto& t : day.tasks) {
    tasks.push_back(QVariantMap{{"doc", Q(t.doc)},
                                {"name", Q(t.name)},
                                {"what", Q(t.what)},
                                {"due", ShortDate(t.due)},
                                {"daysLate", t.days_late},
                                {"owner", t.owner.empty() ? QString() : OwnerLabel(Q(t.owner))},
                                {"fromVisit", t.from_visit}});
  }
  out["tasks"] = tasks;

  QVariantList signals_;
  for (const auto& s : day.safety_signals) {
    signals_.push_back(QVariantMap{{"doc", Q(s.doc)},
                                   {"name", Q(s.name)},
                                   {"date", ShortDate(s.date)},
                                   {"daysAgo", today - s.date},
                                   {"description", Q(s.description)}});
  }
  out["signals"] = signals_;

  QVariantList escalations;
  for (const auto& e : day.escalations) {
    escalations.push_back(
        QVariantMap{{"doc", Q(e.doc)},
                    {"name", Q(e.name)},
                    {"raisedOn", e.raised_on ? ShortDate(*e.raised_on) : QString()},
                    {"daysWaiting", e.days_waiting},
                    {"raisedBy", Q(e.raised_by)},
                    {"reason", Q(e.reason)}});
  }
  out["escalations"] = escalations;

  out["counts"] = QVariantMap{{"due", day.mothers_due},
                              {"overdue", day.overdue},
                              {"visitsToday", day.visits_today},
                              {"visitsSince", static_cast<int>(day.visits.size())},
                              {"tasks", static_cast<int>(day.tasks.size())},
                              {"tasksNew", day.tasks_new},
                              {"signals", static_cast<int>(day.safety_signals.size())},
                              {"escalations", static_cast<int>(day.escalations.size())}};
  return out;
}
