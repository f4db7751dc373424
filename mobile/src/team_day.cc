#include "team_day.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QQmlEngine>
#include <QVariantList>

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

TeamDay::TeamDay(Source source, QObject* parent) : QObject(parent), source_(std::move(source)) {}

TeamDay* TeamDay::create(QQmlEngine*, QJSEngine*) {
  // Owned by the engine (one per engine); the store and today come from the session.
  return new TeamDay(DataSource::FromSession());
}

QVariantMap TeamDay::read() {
  const auto guard = source_.lock ? source_.lock() : std::unique_lock<std::recursive_mutex>();
  naast::store::Store* store = source_.store ? source_.store() : nullptr;
  if (!store) return {};
  const naast::domain::Date today = source_.today();
  auto got = naast::domain::ReadTeamDay(*store, naast::domain::TeamSettings{}, today);
  if (!got) return {};
  const naast::domain::TeamDay& day = *got;
  const bool english = source_.language && source_.language() == QStringLiteral("en");

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
