// The app's one service: unlocking the encrypted store with the coach's PIN (off the UI thread:
// the key derivation takes most of a second), the caseload, and one dossier's overview.
// A QML singleton; main() makes the instance and configures it before QML loads.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QTranslator>
#include <QVariantList>
#include <QVariantMap>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "caseload_model.h"
#include "diary_content.h"
#include "naast/crdt/clock.h"
#include "naast/store/store.h"

class QQmlEngine;
class QJSEngine;
class SyncService;

// The open store under AppSession's lock: the UI thread and the sync worker take turns. Keep
// it in a local variable for as long as the store (or a Document from it) is used.
class StoreAccess {
 public:
  StoreAccess(std::recursive_mutex& mutex, naast::store::Store* const& store)
      : lock_(mutex), store_(&store) {}
  naast::store::Store* operator->() const { return *store_; }
  naast::store::Store& operator*() const { return **store_; }
  naast::store::Store* get() const { return *store_; }
  explicit operator bool() const { return *store_ != nullptr; }
  // The sync worker lets go while the network works.
  void Release() {
    if (lock_.owns_lock()) lock_.unlock();
  }
  void Acquire() {
    if (!lock_.owns_lock()) lock_.lock();
  }

 private:
  std::unique_lock<std::recursive_mutex> lock_;
  naast::store::Store* const* store_;
};

class AppSession : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
  // False on a new tablet: choose a PIN first (setUp).
  Q_PROPERTY(bool hasData READ hasData NOTIFY hasDataChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)
  Q_PROPERTY(QString today READ today CONSTANT)
  Q_PROPERTY(CaseloadModel* caseload READ caseload CONSTANT)
  // "nl" or "en": the app's language (and the dagboek's default). Kept on this tablet.
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
  // 1.0, 1.25 or 1.5: every text in the app is this much larger. Kept on this tablet.
  Q_PROPERTY(double textScale READ textScale WRITE setTextScale NOTIFY textScaleChanged)
  // Locks the tablet after this many seconds without a touch or a key (0: never).
  Q_PROPERTY(int autoLockSeconds READ autoLockSeconds WRITE setAutoLockSeconds NOTIFY
                 autoLockSecondsChanged)

 public:
  struct Options {
    std::filesystem::path data_dir;
    naast::domain::Date today;
    std::string vfs;  // the SQLite VFS for the store; empty: the default (tests pass a failing one)
  };
  explicit AppSession(Options options, QObject* parent = nullptr);
  ~AppSession() override;

  // The instance main() made; QML gets this one.
  static AppSession* instance;
  static AppSession* create(QQmlEngine*, QJSEngine*);

  bool unlocked() const { return store_ != nullptr; }
  bool hasData() const;
  // The open store (empty while locked), for the app's other models and services.
  StoreAccess store() { return StoreAccess(store_mutex_, store_raw_); }
  SyncService* sync() { return sync_; }
  // The store's lock alone, for code that reaches the store another way.
  std::unique_lock<std::recursive_mutex> LockStore() {
    return std::unique_lock<std::recursive_mutex>(store_mutex_);
  }
  // How long the last unlock's key derivation took (Argon2id; benchmarks leave it out).
  double unlockKdfMs() const { return unlock_kdf_ms_; }
  // The tablet's settings (language, text size, server): a plain file beside the store,
  // nothing personal.
  QString SettingsFile() const;
  // After a sync, on the sync's worker thread with the store held: closed dossiers past their
  // nazorg leave coaches' and students' tablets, and the caseload is read again (off the UI
  // thread). Empty when it cannot be read.
  using CaseloadEntries = std::shared_ptr<const std::vector<naast::domain::CaseloadEntry>>;
  CaseloadEntries PrepareAfterSync(naast::store::Store& store, bool teamleider) const;
  // Then on the UI thread: the caseload shows what was read, and the pages read again.
  void AfterSync(CaseloadEntries caseload);
  // The server's wipe order (a lost or revoked tablet): the key is destroyed, the data deleted.
  void WipeTablet();
  const naast::domain::Date& todayDate() const { return options_.today; }
  bool busy() const { return busy_; }
  QString error() const { return error_; }
  QString today() const;
  CaseloadModel* caseload() { return &caseload_; }
  int autoLockSeconds() const { return auto_lock_s_; }
  QString language() const { return language_; }
  void setLanguage(const QString& lang);
  double textScale() const { return text_scale_; }
  void setTextScale(double scale);
  void setAutoLockSeconds(int s);

  // Derives the key from `pin` and opens the store, on a worker thread; unlockedChanged or
  // errorChanged tells how it went. Errors in plain words: wrong PIN with tries left, wait,
  // or the data is gone.
  Q_INVOKABLE void unlock(const QString& pin);
  // A new tablet: makes the encrypted store with this PIN (and the tablet's keys for joining a
  // team), then it is unlocked. On a worker thread, like unlock.
  Q_INVOKABLE void setUp(const QString& pin);
  Q_INVOKABLE void lock();
  // Name, phase, stage, visits and flags of one dossier (logs the read in the audit log).
  Q_INVOKABLE QVariantMap dossier(const QString& doc);

  // The programme's monitoring figures over this year's registrations (counts only, no
  // personal data): [{title, rows: [{category, value}]}], for the teamleider.
  Q_INVOKABLE QVariantList monitoring();
  // "Who looked at this file" (NEN 7513): the dossier's audit trail, newest first, as
  // {when, user, device, action, detail}; the action in words of the app's language.
  Q_INVOKABLE QVariantList auditTrail(const QString& doc);
  // Dagboek. The mother's current entry (from her due date or her child's birth date), as
  // {kind, index}; empty when neither is known.
  Q_INVOKABLE QVariantMap currentDiaryEntry(const QString& doc);
  // An entry's text in "nl" or "en" with kind, index, first, last, key.
  Q_INVOKABLE QVariantMap diaryEntry(const QString& kind, int index, const QString& lang) const;
  // When this dossier's mother discussed the entry ({discussedOn, motherNote}; empty if never).
  Q_INVOKABLE QVariantMap diaryProgress(const QString& doc, const QString& key);
  // Marks the entry discussed today with the mother's own note (synced like all dossier data).
  Q_INVOKABLE bool markDiscussed(const QString& doc, const QString& key, const QString& note);
  // Checks the coach's PIN (to leave the mother's full-screen view), on a worker thread;
  // pinChecked tells. A wrong PIN counts as a failed attempt, as at unlocking.
  Q_INVOKABLE void checkPin(const QString& pin);

  // Makes a data folder with a PIN and a synthetic team (the demo and the tests).
  static naast::Status CreateDemo(const std::filesystem::path& data_dir, const std::string& pin,
                                  bool fast_kdf, int active_mothers);

 signals:
  void unlockedChanged();
  void hasDataChanged();
  // The data changed under the pages (a sync brought changes): read it again.
  void dataChanged();
  // Editors write what is typed now: the tablet locks, or a sync starts.
  void flushEdits();
  void busyChanged();
  void errorChanged();
  void pinChecked(bool ok, const QString& message);
  void autoLockSecondsChanged();
  void languageChanged();
  void textScaleChanged();

 protected:
  // Any touch, click or key restarts the inactivity timer.
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Opened {
    std::unique_ptr<naast::store::Store> store;
    CaseloadEntries caseload;  // read on the worker, like the key derivation
    QString error;
    double kdf_ms = 0;  // the key derivation alone
  };
  void Finish(Opened opened);
  void SetError(const QString& e);
  void Reload();
  void Open(bool create, const QString& pin);
  void SetActor();

  Options options_;
  naast::crdt::HybridClock clock_;
  std::unique_ptr<naast::store::Store> store_;
  naast::store::Store* store_raw_ = nullptr;  // store_.get(), what StoreAccess reads
  std::recursive_mutex store_mutex_;
  SyncService* sync_;  // a child
  CaseloadModel caseload_;
  DiaryContent diaries_;
  QFutureWatcher<QString> pin_watcher_;  // empty: the PIN was right
  QTimer idle_;
  QTranslator translator_;
  QString language_ = QStringLiteral("nl");
  double text_scale_ = 1.0;
  QPointer<QQmlEngine> engine_;  // the engine that asked for the singleton last
  int auto_lock_s_ = 300;
  QFutureWatcher<Opened> watcher_;
  bool busy_ = false;
  double unlock_kdf_ms_ = 0;
  QString error_;
};
