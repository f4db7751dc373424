// Sync in the app: the team's sync server over Qt Network (TLS, the team's own certificate),
// plugged into the core's SyncSession, on a worker thread; and joining a team (the enrolment
// code and QR code this tablet shows its teamleider). A QML singleton ("Sync"), owned by
// AppSession, attached while the store is open.
//
// The store is shared with the UI thread: the worker holds AppSession's store lock while it
// builds a request or applies a response (pages of at most `kPageBytes`, so the UI waits for
// one page at most) and lets go of it while the network works.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QObject>
#include <QQuickImageProvider>
#include <QThread>
#include <QVariantList>
#include <atomic>
#include <memory>
#include <optional>

#include "naast/domain/queries.h"
#include "naast/sync/session.h"

class AppSession;
class QQmlEngine;
class QJSEngine;

class SyncService : public QObject {
  Q_OBJECT
  QML_NAMED_ELEMENT(Sync)
  QML_SINGLETON
  // The server (https://host:port) and the certificate file to trust; kept in the settings.
  Q_PROPERTY(QString server READ server NOTIFY configurationChanged)
  Q_PROPERTY(bool configured READ configured NOTIFY configurationChanged)
  // This tablet in its team.
  Q_PROPERTY(bool member READ member NOTIFY deviceChanged)
  Q_PROPERTY(QString role READ role NOTIFY deviceChanged)    // teamleider | coach | student
  Q_PROPERTY(QString label READ label NOTIFY deviceChanged)  // "tablet 3": no personal data
  Q_PROPERTY(QString enrolmentCode READ enrolmentCode NOTIFY deviceChanged)
  Q_PROPERTY(QString enrolmentPayload READ enrolmentPayload NOTIFY deviceChanged)
  // The sync itself.
  Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
  Q_PROPERTY(double progress READ progress NOTIFY progressChanged)  // 0..1 while syncing
  Q_PROPERTY(int waiting READ waiting NOTIFY waitingChanged)        // local changes not sent
  Q_PROPERTY(QString lastSync READ lastSync NOTIFY finished)
  Q_PROPERTY(QString error READ error NOTIFY finished)  // plain words; empty when it went well
  // The last team action's error (approve, revoke, assign), in plain words.
  Q_PROPERTY(QString teamError READ teamError NOTIFY deviceChanged)
  // True when this tablet is in no team and knows of none: it may start one (a teamleider).
  Q_PROPERTY(bool canCreateTeam READ canCreateTeam NOTIFY deviceChanged)

 public:
  explicit SyncService(AppSession* session);
  ~SyncService() override;
  static SyncService* create(QQmlEngine*, QJSEngine*);

  // At most this many envelope bytes per pulled page: the UI waits for one page at most.
  static constexpr std::uint64_t kPageBytes = 256 * 1024;

  QString server() const { return server_; }
  bool configured() const { return !server_.isEmpty(); }
  bool member() const { return member_; }
  QString role() const { return role_; }
  QString label() const { return label_; }
  QString enrolmentCode() const { return code_; }
  QString enrolmentPayload() const { return payload_; }
  bool syncing() const { return thread_ != nullptr; }
  double progress() const { return progress_; }
  int waiting() const { return waiting_; }
  QString lastSync() const;
  QString error() const { return error_; }
  QString teamError() const { return team_error_; }
  bool canCreateTeam() const { return device_ && device_->registry().empty(); }

  // Where the team's server is (https://host:port) and which certificate to trust (a PEM file;
  // empty: the system's). Kept in the tablet's settings.
  Q_INVOKABLE void setServer(const QString& url, const QString& ca_file);
  // Starts a sync (no-op while one runs); `finished` tells how it went.
  Q_INVOKABLE void syncNow();
  // A local commit made one more change for the server (counting them all again would read
  // every document's log after each pause in typing).
  void LocalChange();

  // ---- the teamleider's part (each change goes to the server with a sync at once)
  // The team's tablets: [{id, label, role, active, me, assigned}], active ones first.
  Q_INVOKABLE QVariantList members();
  // This tablet starts a team and is its first teamleider.
  Q_INVOKABLE bool createTeam(const QString& label);
  // Approves a tablet from its QR payload; `code` is what the tablet shows (XXXX-XXXX), typed
  // by the teamleider, so that a wrong scan cannot approve another device.
  Q_INVOKABLE bool approve(const QString& payload, const QString& code, const QString& role,
                           const QString& label);
  // Removes a tablet from the team (lost, stolen, someone left): it is told to wipe itself.
  Q_INVOKABLE bool revoke(const QString& id);
  // Gives a student one dossier.
  Q_INVOKABLE bool assign(const QString& id, const QString& doc);

  // ---- for AppSession: the store was opened / is about to close. Called on the UI thread
  // with the store lock free.
  void Attach();
  void Detach();  // cancels a running sync and waits for it
  // The team device that wrote with `replica` as "label (role)"; empty when unknown.
  QString AuthorName(std::uint64_t replica);
  const naast::sync::Device* device() const { return device_ ? &*device_ : nullptr; }

 signals:
  void configurationChanged();
  void deviceChanged();
  void syncingChanged();
  void progressChanged();
  void waitingChanged();
  void finished(bool ok);
  void cancelRequested();  // to the worker's network reply

 private:
  struct Outcome {
    bool ok = false;
    bool wipe = false;
    QString error;
    std::size_t applied = 0;
    std::size_t waiting = 0;
    // Read on the worker after a sync that worked (AppSession::PrepareAfterSync).
    std::shared_ptr<const std::vector<naast::domain::CaseloadEntry>> caseload;
  };
  void Run(int generation);  // the worker thread
  void Finish(const Outcome& outcome);
  void ReadDevice();
  // After a team action: the error in words, or a sync to send it.
  bool TeamResult(const naast::Status& status);

  AppSession* session_;
  QString server_;
  QString ca_file_;
  std::optional<naast::sync::Device> device_;
  std::optional<naast::sync::SyncSession> sync_;
  QThread* thread_ = nullptr;
  std::atomic<bool> cancel_{false};
  int generation_ = 0;  // Detach() makes a running sync's outcome void
  bool member_ = false;
  QString role_, label_, code_, payload_, error_, team_error_;
  double progress_ = 0;
  int waiting_ = 0;
  qint64 last_sync_ms_ = 0;
};

// image://enrolment/<payload>: the payload as a QR code, black on white, for the teamleider's
// tablet to scan.
class EnrolmentQrProvider : public QQuickImageProvider {
 public:
  EnrolmentQrProvider() : QQuickImageProvider(QQuickImageProvider::Image) {}
  QImage requestImage(const QString& id, QSize* size, const QSize& requested) override;
};
