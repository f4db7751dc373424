// The parts of a mother's dossier behind the overview: key facts and contacts, the plan of action
// (plan van aanpak), self-sufficiency scores (zelfredzaamheid), referrals (verwijzingen), safety
// and the reporting code (veiligheid en meldcode) and consents (toestemmingen). Reads are plain
// SQL on the store's entity tables; the writes (a goal and its fields, an assessment, a referral
// and its status, a safety signal, a meldcode step, a consent) are CRDT edits committed at once,
// each counted as a change waiting for the server. Labels come in the app's language.
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

// Who goes to her (the mother's `assigned` set): adds or removes one name in the dossier's
// document, not yet committed. False when the dossier has no mother or the write fails;
// `changed` tells whether anything was written (a name there already is not written again).
bool WriteAssigned(naast::crdt::Document& doc, const std::string& label, bool on, bool* changed);

class DossierSections : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  // Why the last write here was refused, in words for the coach; empty after a write that
  // worked. Set by the writes that check what the coach entered (editGoal, addAssessment,
  // addReferral, setReferralStatus, addMeldcodeStep).
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

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
  // [{domain, label, goals: [{id, description, helpQuestion, actions, owner, ownerCode, dueDate,
  // dueDateIso, overdue, status, statusLabel, learningStage, learningStageLabel, evaluation}]}]
  // (owner and dueDate as shown, ownerCode and dueDateIso as stored).
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
  // Changes a goal's texts, owner and target date. `fields` holds the ones the coach changed,
  // any of: description (doel), helpQuestion (hulpvraag), actions (acties), owner (wie),
  // dueDate (streefdatum, yyyy-MM-dd) and evaluation (evaluatie). A value equal to the stored
  // one is not written (rewriting it would make a needless conflict with someone else's edit);
  // texts change by their difference only. False, with nothing written, for an unknown field,
  // an empty description or owner, a date that is not one, or an id that is not a goal of this
  // dossier.
  Q_INVOKABLE bool editGoal(const QString& doc, const QString& goal, const QVariantMap& fields);

  // Zelfredzaamheid: the 13 domains [{code, label}], and the assessments oldest first as
  // [{date, dateLabel, moment, scores: [13 integers, 0 where not scored]}].
  Q_INVOKABLE QVariantList lifeDomains() const;
  Q_INVOKABLE QVariantList assessments(const QString& doc);
  // When an assessment is made, as [{code, label}]: intake, fase (tussentijds), afsluiting.
  Q_INVOKABLE QVariantList assessmentMoments() const;
  // A new assessment on `date` (yyyy-MM-dd, not after today) at `moment` (a code above), with
  // one score from 1 to 5 for each of the 13 domains in lifeDomains()' order. Anything else is
  // refused (see error) and nothing is written.
  Q_INVOKABLE bool addAssessment(const QString& doc, const QString& date, const QString& moment,
                                 const QVariantList& scores);

  // Verwijzingen: waiting ones first (longest wait first), then the rest, newest first, as
  // [{id, kind, status (its label), statusCode, referredOn, startedOn, held, note, waiting,
  // waitingDays}].
  Q_INVOKABLE QVariantList referrals(const QString& doc);
  // A referral's statuses as [{code, label}]: aangemeld, gestart, afgerond, gestopt.
  Q_INVOKABLE QVariantList referralStatuses() const;
  // The kinds of support the programme refers to most (a referral may name another).
  Q_INVOKABLE QStringList referralKinds() const;
  // A new referral: the kind of support, its status (a code above), the day the mother was
  // referred (yyyy-MM-dd, not after today), whether the coach holds on until it has started,
  // and a note (may be empty). One made as started is started today.
  Q_INVOKABLE bool addReferral(const QString& doc, const QString& kind, const QString& status,
                               const QString& referredOn, bool held, const QString& note);
  // A referral's new status. Becoming started (gestart) with no start date sets it to today;
  // back to aangemeld clears it, so the referral counts as waiting again. The same status again
  // writes nothing.
  Q_INVOKABLE bool setReferralStatus(const QString& doc, const QString& referral,
                                     const QString& status);

  // Veiligheid: signals newest first [{date, description}]; the meldcode's five steps
  // [{step, label, done, date, decision}]; a new signal dated today, saved at once.
  Q_INVOKABLE QVariantList safetySignals(const QString& doc);
  Q_INVOKABLE QVariantList meldcodeSteps(const QString& doc);
  Q_INVOKABLE bool addSafetySignal(const QString& doc, const QString& description);
  // The step a new meldcode record is for by default: the one after the highest step recorded
  // (1 when none is; 5 once step 5 is).
  Q_INVOKABLE int nextMeldcodeStep(const QString& doc);
  // Records a meldcode step (1-5) taken on `date` (yyyy-MM-dd, not after today) with what was
  // decided (not empty).
  Q_INVOKABLE bool addMeldcodeStep(const QString& doc, int step, const QString& date,
                                   const QString& decision);

  // A date (yyyy-MM-dd) as the pages show it ("3 mrt 2026"); empty when it is not a date.
  Q_INVOKABLE QString dateLabel(const QString& iso) const;

  QString error() const { return error_; }

  // Toestemmingen: one row per kind (the usual kinds first, asked or not), as
  // [{kind, label, state ("given", "withdrawn" or "unknown"), date}]; recording one sets the
  // kind's value and today's date at once.
  Q_INVOKABLE QVariantList consents(const QString& doc);
  Q_INVOKABLE bool setConsent(const QString& doc, const QString& kind, bool given);

  // Who goes to her (the mother's `assigned` set: the team's names for its coaches and
  // students, as the team's day groups its rounds), sorted.
  Q_INVOKABLE QStringList assigned(const QString& doc);
  // Adds or removes one name; a concurrent add elsewhere survives a remove here (add wins).
  Q_INVOKABLE bool setAssigned(const QString& doc, const QString& label, bool on);

 signals:
  // After a write to `doc`: pages showing it read it again.
  void changed(const QString& doc);
  void errorChanged();

 private:
  naast::store::Store* Store() const { return source_.store ? source_.store() : nullptr; }
  std::unique_lock<std::recursive_mutex> Lock() const {
    return source_.lock ? source_.lock() : std::unique_lock<std::recursive_mutex>();
  }
  bool English() const { return source_.language && source_.language() == "en"; }
  std::optional<std::vector<naast::store::Store::Row>> Rows(const char* sql, const QString& doc);
  bool SetGoalCode(const QString& doc, const QString& goal, const char* field, const QString& code);
  // Commits the document's open edits; after a change, tells the pages and the sync bar.
  bool Save(const QString& doc);
  // Sets `error` (empty: clears it); returns false for `return Refuse(...)`.
  bool Refuse(const QString& why);
  void ClearError() { (void)Refuse(QString()); }

  Source source_;
  QString error_;
};
