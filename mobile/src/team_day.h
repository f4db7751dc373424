// The team's day (de dag van het team): one screen the team looks at together at the morning
// briefing and the afternoon debriefing: who visits whom today, and what came back since the
// last working day (visits written, follow-up tasks due, new safety signals, escalations
// waiting for a professional). The figures come from naast::domain::ReadTeamDay; this class
// turns them into lists for QML with labels in the app's language.
//
// A QML singleton on the session's store; the tests make one on a store of their own.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantMap>
#include <functional>
#include <mutex>

#include "data_source.h"
#include "naast/domain/date.h"
#include "naast/store/store.h"

class QQmlEngine;
class QJSEngine;

class TeamDay : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  using Source = DataSource;  // data_source.h
  explicit TeamDay(Source source, QObject* parent = nullptr);

  // The app's instance, on AppSession's store.
  static TeamDay* create(QQmlEngine*, QJSEngine*);

  // The whole screen, read now (empty while locked):
  //   today, since: dates in words ("di 24 nov"); sinceYesterday: the last working day was
  //   yesterday
  //   counts: {due, overdue, visitsToday, visitsSince, tasks, tasksNew (due since the last
  //            working day), signals, escalations}
  //   rounds: [{who (empty: not assigned), mothers: [{doc, name, phase, stage, overdue,
  //            dueToday, crisis, escalations, lastVisit, daysLate, with (the others assigned)}]}],
  //            by label, "not assigned" last
  //   visits: [{doc, name, date, today, kind, minutes, followUp}], newest first
  //   tasks: [{doc, name, what, due, daysLate, fromVisit}], longest late first
  //   signals: [{doc, name, date, daysAgo, description}], newest first
  //   escalations: [{doc, name, raisedOn, daysWaiting, raisedBy, reason}], longest waiting first
  // Each read is one entry in the audit log (no dossier named).
  Q_INVOKABLE QVariantMap read();

 private:
  Source source_;
};
