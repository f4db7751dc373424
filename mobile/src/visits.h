// A dossier's visits (contactmomenten): the list, newest first, and the editor of one visit.
// The editor saves every change in the dossier's CRDT document at once (a note's typing is
// committed after a short pause, or at once while a sync runs), so nothing waits for a
// network; values that concurrent edits replaced stay visible and can be restored.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <vector>

#include "naast/crdt/types.h"

namespace naast::crdt {
class Document;
}

// Who does a task or reaches a goal: the usual words (moeder, coach, netwerk, ketenpartner)
// in the app's language; anything else as written.
QString OwnerLabel(const QString& owner);

// Makes a note field (collaborative text) go from `before` (what the coach saw) to `after` by
// its difference in code points, the CRDT's positions: the common start and end stay, so a
// colleague's concurrent edit elsewhere in the text survives. Writes nothing when they are equal.
bool WriteTextDiff(naast::crdt::Document& doc, naast::crdt::OpId record, std::string_view field,
                   const QString& before, const QString& after);

// A register written only when its value changes (a rewrite of the same value would still be a
// new write, and show as a conflict beside someone else's concurrent one). A null value clears.
bool SetIfChanged(naast::crdt::Document& doc, naast::crdt::OpId record, std::string_view field,
                  naast::crdt::Value value);

// The visits of one dossier, newest first.
class VisitsModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString doc READ doc WRITE setDoc NOTIFY docChanged)
  Q_PROPERTY(int count READ count NOTIFY countChanged)

 public:
  enum Role { kRecord = Qt::UserRole + 1, kDate, kKind, kDuration, kSummary, kDomains };
  explicit VisitsModel(QObject* parent = nullptr);

  QString doc() const { return doc_; }
  void setDoc(const QString& doc);
  int count() const { return static_cast<int>(rows_.size()); }
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;
  // Reads the visits again (AppSession::dataChanged does this too).
  Q_INVOKABLE void reload();
  Q_INVOKABLE QString recordAt(int row) const;

 signals:
  void docChanged();
  void countChanged();

 private:
  struct Row {
    QString record, date, kind, summary, domains;
    int duration = 0;
  };
  QString doc_;
  std::vector<Row> rows_;
};

// One visit, read from and written to the dossier's document.
class VisitEditor : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString doc READ doc WRITE setDoc NOTIFY recordChanged)
  Q_PROPERTY(QString record READ record WRITE setRecord NOTIFY recordChanged)
  Q_PROPERTY(QString date READ date NOTIFY changed)  // YYYY-MM-DD
  Q_PROPERTY(QString dateText READ dateText NOTIFY changed)
  Q_PROPERTY(QString kind READ kind NOTIFY changed)
  Q_PROPERTY(int durationMin READ durationMin NOTIFY changed)
  Q_PROPERTY(QStringList lifeDomains READ lifeDomains NOTIFY changed)
  Q_PROPERTY(QString diaryEntry READ diaryEntry NOTIFY changed)
  Q_PROPERTY(QString notes READ notes NOTIFY changed)
  Q_PROPERTY(QString agreements READ agreements NOTIFY changed)
  Q_PROPERTY(QString followUp READ followUp NOTIFY changed)
  // The next visit agreed with the mother (volgende afspraak), YYYY-MM-DD; empty: none.
  Q_PROPERTY(QString nextAppointment READ nextAppointment NOTIFY changed)
  // Follow-up tasks (vervolgacties) agreed in this visit, by due date:
  // [{id, what, owner, ownerLabel, due, dueText, done, doneText, late}].
  Q_PROPERTY(QVariantList tasks READ tasks NOTIFY changed)
  // Tasks agreed in the dossier's other visits that are not done: to go over at this visit.
  // The same fields, and visitDate.
  Q_PROPERTY(QVariantList openTasks READ openTasks NOTIFY changed)
  // The fields where a concurrent edit replaced a value: [{field, label}].
  Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY changed)
  // Choices, in the app's language: [{code, label}].
  Q_PROPERTY(QVariantList kinds READ kinds CONSTANT)
  Q_PROPERTY(QVariantList domains READ domains CONSTANT)

 public:
  explicit VisitEditor(QObject* parent = nullptr);
  ~VisitEditor() override;

  QString doc() const { return doc_; }
  void setDoc(const QString& doc);
  QString record() const { return record_; }
  void setRecord(const QString& record);
  QString date() const { return date_; }
  QString dateText() const;
  QString kind() const { return kind_; }
  int durationMin() const { return duration_; }
  QStringList lifeDomains() const { return domains_; }
  QString diaryEntry() const { return diary_entry_; }
  QString notes() const { return notes_; }
  QString agreements() const { return agreements_; }
  QString followUp() const { return follow_up_; }
  QString nextAppointment() const { return next_appointment_; }
  QVariantList conflicts() const { return conflicts_; }
  QVariantList tasks() const { return tasks_; }
  QVariantList openTasks() const { return open_tasks_; }
  QVariantList kinds() const;
  QVariantList domains() const;

  // A new visit today (a home visit of 60 minutes), saved at once; it becomes `record`.
  Q_INVOKABLE bool createNew();
  // date (YYYY-MM-DD), kind (a code), duration_min, diary_entry, next_appointment (a date, or
  // empty for none).
  Q_INVOKABLE bool setField(const QString& field, const QVariant& value);
  Q_INVOKABLE bool setDomain(const QString& code, bool on);
  // notes, agreements or follow_up: the field's whole new text; only the difference is
  // written, so a colleague's concurrent typing elsewhere in the note survives.
  Q_INVOKABLE bool editText(const QString& field, const QString& text);
  // A follow-up task of this visit: what (required), who (moeder, coach, netwerk,
  // ketenpartner or a name) and in how many days it is due (negative: no date). Saved at once.
  Q_INVOKABLE bool addTask(const QString& what, const QString& owner, int dueInDays);
  // Done today, or not done after all (a task of this visit or an open one of an earlier one).
  Q_INVOKABLE bool setTaskDone(const QString& task, bool done);
  // Changes a task's what, who and due date (YYYY-MM-DD, or empty for none): only what differs
  // is written. Refused in words when `what` is empty or the date is no date.
  Q_INVOKABLE bool editTask(const QString& task, const QString& what, const QString& owner,
                            const QString& due);
  // Removes a task of this visit (typed by mistake).
  Q_INVOKABLE bool removeTask(const QString& task);
  // Values a concurrent edit replaced: [{value, who, when}], newest first.
  Q_INVOKABLE QVariantList overwritten(const QString& field) const;
  // Makes overwritten value `index` the field's value again.
  Q_INVOKABLE bool restore(const QString& field, int index);
  // Writes what is typed now (the page calls this when it closes).
  Q_INVOKABLE void save();
  // Typed and not written yet (the pause has not ended).
  bool pending() const { return dirty_; }

  // The text form of a record id ("replica@counter" in hex and decimal) and back.
  static QString RecordName(const naast::crdt::OpId& id);
  static naast::crdt::OpId ParseRecord(const QString& name);

 signals:
  void recordChanged();
  void changed();
  void failed(const QString& message);
  // What was typed or chosen is in the store file now.
  void saved();

 private:
  void Load();
  bool Commit(bool now);
  // A task record of this dossier (any visit's), for setTaskDone and removeTask.
  naast::crdt::OpId FindTask(const naast::crdt::Document& doc, const QString& task) const;
  void LoadTasks(const naast::crdt::Document& doc, const std::string& today);
  // Runs `edit` on the dossier's document with the store held, writes it at once and reads
  // the visit again. False when locked, or when `edit` or the write fails.
  bool Edit(const std::function<bool(naast::crdt::Document&)>& edit);

  QString doc_, record_;
  QString date_, kind_, diary_entry_, notes_, agreements_, follow_up_, next_appointment_;
  int duration_ = 0;
  QStringList domains_;
  QVariantList conflicts_;
  QVariantList tasks_, open_tasks_;
  bool dirty_ = false;  // typed, not committed yet
  int commit_timer_ = 0;

 protected:
  void timerEvent(QTimerEvent* event) override;
};

// Overwritten values (vervangen waarden) of a whole dossier: every field where a concurrent edit
// replaced a value, with who and when, and restoring one with a tap. A QML singleton.
class ReplacedValues : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON

 public:
  static ReplacedValues* create(QQmlEngine*, QJSEngine*);
  // [{record, what, field, fieldLabel, current: {value, who, when}, replaced: [{value, who,
  // when}] newest first}].
  Q_INVOKABLE QVariantList list(const QString& doc);
  // Makes replaced value `index` (newest first) the field's value again.
  Q_INVOKABLE bool restore(const QString& doc, const QString& record, const QString& field,
                           int index);
};
