// The app's one service: unlocking the encrypted store with the coach's PIN (off the UI thread:
// the key derivation takes most of a second), the caseload, and one dossier's overview.
// A QML singleton; main() makes the instance and configures it before QML loads.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QFutureWatcher>
#include <QObject>
#include <QVariantMap>
#include <filesystem>
#include <memory>

#include "caseload_model.h"
#include "naast/crdt/clock.h"
#include "naast/store/store.h"

class QQmlEngine;
class QJSEngine;

class AppSession : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(bool unlocked READ unlocked NOTIFY unlockedChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)
  Q_PROPERTY(QString today READ today CONSTANT)
  Q_PROPERTY(CaseloadModel* caseload READ caseload CONSTANT)

 public:
  struct Options {
    std::filesystem::path data_dir;
    naast::domain::Date today;
  };
  explicit AppSession(Options options, QObject* parent = nullptr);
  ~AppSession() override;

  // The instance main() made; QML gets this one.
  static AppSession* instance;
  static AppSession* create(QQmlEngine*, QJSEngine*);

  bool unlocked() const { return store_ != nullptr; }
  bool busy() const { return busy_; }
  QString error() const { return error_; }
  QString today() const;
  CaseloadModel* caseload() { return &caseload_; }

  // Derives the key from `pin` and opens the store, on a worker thread; unlockedChanged or
  // errorChanged tells how it went. Errors in plain words: wrong PIN with tries left, wait,
  // or the data is gone.
  Q_INVOKABLE void unlock(const QString& pin);
  Q_INVOKABLE void lock();
  // Name, phase, stage, visits and flags of one dossier (logs the read in the audit log).
  Q_INVOKABLE QVariantMap dossier(const QString& doc);

  // Makes a data folder with a PIN and a synthetic team (the demo and the tests).
  static naast::Status CreateDemo(const std::filesystem::path& data_dir, const std::string& pin,
                                  bool fast_kdf, int active_mothers);

 signals:
  void unlockedChanged();
  void busyChanged();
  void errorChanged();

 private:
  struct Opened {
    std::unique_ptr<naast::store::Store> store;
    QString error;
  };
  void Finish(Opened opened);
  void SetError(const QString& e);
  void Reload();

  Options options_;
  naast::crdt::HybridClock clock_;
  std::unique_ptr<naast::store::Store> store_;
  CaseloadModel caseload_;
  QFutureWatcher<Opened> watcher_;
  bool busy_ = false;
  QString error_;
};
