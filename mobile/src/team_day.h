// The team's day (de dag van het team): one screen the team looks at together at the morning
// briefing and the afternoon debriefing: who visits whom today, and what came back since the
// last working day (visits written, follow-up tasks due, new safety signals, escalations
// waiting for a professional). The figures come from naast::domain::ReadTeamDay; this class
// turns them into lists for QML with labels in the app's language.
//
// A QML singleton on the session's store; the tests make one on a store of their own.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QFutureWatcher>
#include <QObject>
#include <QVariantMap>
#include <functional>
#include <mutex>
#include <optional>

#include "data_source.h"
#include "naast/domain/date.h"
#include "naast/domain/queries.h"
#include "naast/store/store.h"

class QQmlEngine;
class QJSEngine;

class TeamDay : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  // The screen as load() read it last (read()'s shape); empty while locked.
  Q_PROPERTY(QVariantMap day READ day NOTIFY dayChanged)
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

 public:
  using Source = DataSource;  // data_source.h
  explicit TeamDay(Source source, QObject* parent = nullptr);
  ~TeamDay() override;

  // The app's instance once QML made it (the --screenshots walk waits for its reads).
  static TeamDay* app;

  // The app's instance, on AppSession's store.
  static TeamDay* create(QQmlEngine*, QJSEngine*);

  // The whole screen, read now (empty while locked):
  //   today, since: dates in words ("di 24 nov"); sinceYesterday: the last working day was
  //   yesterday
  //   counts: {due, overdue, visitsToday, visitsSince, tasks, tasksNew (due since the last
  //            working day), signals, escalations}
  //   rounds: [{who (empty: not assigned), mothers: [{doc, name, phase, stage, overdue,
  //            dueToday, crisis, escalations, lastVisit, daysLate, appointment (made for
  //            today), with (the others assigned)}]}], by label, "not assigned" last
  //   visits: [{doc, name, date, today, kind, minutes, followUp (old free text), tasks (how
  //            many follow-up tasks it agreed)}], newest first
  //   tasks: [{doc, name, what, due, daysLate, owner, fromVisit (a follow-up task, else a
  //            goal)}], longest late first
  //   signals: [{doc, name, date, daysAgo, description}], newest first
  //   escalations: [{doc, name, raisedOn, daysWaiting, raisedBy, reason}], longest waiting first
  // Each read is one entry in the audit log (no dossier named).
  Q_INVOKABLE QVariantMap read();
  // The same, read off the UI thread (the queries hold the store's lock there): `day` changes
  // when it is done. A load asked for while one runs reads again after it.
  Q_INVOKABLE void load();

  QVariantMap day() const { return day_; }
  bool loading() const { return loading_; }

 signals:
  void dayChanged();
  void loadingChanged();

 private:
  static std::optional<naast::domain::TeamDay> Query(const Source& source,
                                                     naast::domain::Date today);
  static QVariantMap Build(const naast::domain::TeamDay& day, bool english);
  bool English() const;
  void Loaded();
  void Forget();

  Source source_;
  QFutureWatcher<std::optional<naast::domain::TeamDay>> watcher_;
  QVariantMap day_;
  bool loading_ = false;
  bool again_ = false;
};
