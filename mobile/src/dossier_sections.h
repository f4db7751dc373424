// The parts of a mother's dossier behind the overview: key facts and contacts, the plan of action
// (plan van aanpak), self-sufficiency scores (zelfredzaamheid), referrals (verwijzingen), safety
// and the reporting code (veiligheid en meldcode) and consents (toestemmingen). Reads are plain
// SQL on the store's entity tables; the few writes (a goal's status, a safety signal, a consent)
// are CRDT edits committed at once. Labels come in the app's language.
//
// A QML singleton on the session's store; the tests make one on a store of their own.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <functional>
#include <mutex>
#include <optional>

#include "data_source.h"
#include "naast/crdt/types.h"
#include "naast/domain/date.h"
#include "naast/store/store.h"

class QQmlEngine;
class QJSEngine;

class DossierSections : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  // Where the data comes from: the open store (nullptr while locked), today, and the language
  // of the labels ("nl" or "en").
  using Source = DataSource;
  explicit DossierSections(Source source, QObject* parent = nullptr);

  // The app's instance, on AppSession's store.
  static DossierSections* create(QQmlEngine*, QJSEngine*);

  // Key facts and contacts: phone, address, household, children [{name, born}], dueDate,
  // childBorn (the youngest child's birth date), registered, referrer, reasons.
  Q_INVOKABLE QVariantMap overview(const QString& doc);

  // Plan van aanpak: the goals grouped by life domain in the matrix's order, as
  // [{domain, label, goals: [{id, description, helpQuestion, actions, owner, dueDate, overdue,
  // status, statusLabel, learningStage, learningStageLabel, evaluation}]}].
  Q_INVOKABLE QVariantList goalGroups(const QString& doc);
  // The choices, as [{code, label}].
  Q_INVOKABLE QVariantList goalStatuses() const;
  Q_INVOKABLE QVariantList learningStages() const;
  // Saves a goal's status or learning stage (leerfase) at once; false for an unknown code, or
  // an id that is not a goal of this dossier.
  Q_INVOKABLE bool setGoalStatus(const QString& doc, const QString& goal, const QString& code);
  // A new goal (doel) in the plan: its life domain (a code), what the mother wants to reach,
  // her help question (may be empty), who does it (moeder, coach, netwerk, ketenpartner) and
  // its target date `weeks` from today. Open, with the coach showing how (voordoen).
  Q_INVOKABLE bool addGoal(const QString& doc, const QString& domain, const QString& description,
                           const QString& helpQuestion, const QString& owner, int weeks);
  Q_INVOKABLE bool setGoalLearningStage(const QString& doc, const QString& goal,
                                        const QString& code);

  // Zelfredzaamheid: the 13 domains [{code, label}], and the assessments oldest first as
  // [{date, dateLabel, moment, scores: [13 integers, 0 where not scored]}].
  Q_INVOKABLE QVariantList lifeDomains() const;
  Q_INVOKABLE QVariantList assessments(const QString& doc);

  // Verwijzingen: waiting ones first (longest wait first), then the rest, newest first, as
  // [{kind, status, referredOn, startedOn, held, note, waiting, waitingDays}].
  Q_INVOKABLE QVariantList referrals(const QString& doc);

  // Veiligheid: signals newest first [{date, description}]; the meldcode's five steps
  // [{step, label, done, date, decision}]; a new signal dated today, saved at once.
  Q_INVOKABLE QVariantList safetySignals(const QString& doc);
  Q_INVOKABLE QVariantList meldcodeSteps(const QString& doc);
  Q_INVOKABLE bool addSafetySignal(const QString& doc, const QString& description);

  // Toestemmingen: one row per kind (the usual kinds first, asked or not), as
  // [{kind, label, state ("given", "withdrawn" or "unknown"), date}]; recording one sets the
  // kind's value and today's date at once.
  Q_INVOKABLE QVariantList consents(const QString& doc);
  Q_INVOKABLE bool setConsent(const QString& doc, const QString& kind, bool given);

 signals:
  // After a write to `doc`: pages showing it read it again.
  void changed(const QString& doc);

 private:
  naast::store::Store* Store() const { return source_.store ? source_.store() : nullptr; }
  std::unique_lock<std::recursive_mutex> Lock() const {
    return source_.lock ? source_.lock() : std::unique_lock<std::recursive_mutex>();
  }
  bool English() const { return source_.language && source_.language() == "en"; }
  std::optional<std::vector<naast::store::Store::Row>> Rows(const char* sql, const QString& doc);
  bool SetGoalCode(const QString& doc, const QString& goal, const char* field, const QString& code);

  Source source_;
};
