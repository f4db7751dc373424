#include "sync_service.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QImage>
#include <QJSEngine>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <chrono>

#include "app_session.h"
#include "dossier_sections.h"
#include "naast/domain/privacy.h"
#include "naast/sync/enrolment.h"

namespace {

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

QString Tr(const char* text) {
  return QCoreApplication::translate("SyncService", text);
}

// What went wrong, in words a coach can act on. No content, no keys: the core's errors hold
// none, and only their kind is used here.
QString PlainWords(const naast::Error& e, bool network) {
  const std::string& m = e.message;
  if (network) {
    if (m.find("SSL") != std::string::npos || m.find("certificate") != std::string::npos) {
      return Tr(QT_TRANSLATE_NOOP(
          "SyncService",
          "De server kon niet worden vertrouwd (certificaat). Vraag je teamleider om "
          "hulp."));
    }
    return Tr(QT_TRANSLATE_NOOP(
        "SyncService",
        "Geen verbinding met de server. Je werk blijft op de tablet bewaard; probeer het "
        "later opnieuw."));
  }
  if (m.find("revoked") != std::string::npos) {
    return Tr(QT_TRANSLATE_NOOP(
        "SyncService", "Deze tablet hoort niet meer bij het team. Vraag je teamleider om hulp."));
  }
  if (m.find("not_enrolled") != std::string::npos ||
      m.find("not (or no longer) in a team") != std::string::npos ||
      m.find("not in the team") != std::string::npos) {
    return Tr(QT_TRANSLATE_NOOP("SyncService",
                                "Deze tablet is nog niet goedgekeurd door de teamleider."));
  }
  if (e.code == naast::ErrorCode::kIo) {
    return Tr(QT_TRANSLATE_NOOP(
        "SyncService",
        "De server heeft een storing. Je werk blijft op de tablet bewaard; probeer het "
        "later opnieuw."));
  }
  return Tr(QT_TRANSLATE_NOOP(
      "SyncService",
      "De synchronisatie is mislukt. Je werk blijft op de tablet bewaard. Vraag je "
      "teamleider om hulp als dit blijft gebeuren."));
}

}  // namespace

SyncService::SyncService(AppSession* session) : QObject(session), session_(session) {
  QSettings settings(session_->SettingsFile(), QSettings::IniFormat);
  server_ = settings.value("server").toString();
  ca_file_ = settings.value("ca").toString();
}

SyncService::~SyncService() {
  Detach();
}

SyncService* SyncService::create(QQmlEngine*, QJSEngine*) {
  SyncService* s = AppSession::instance->sync();
  QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
  return s;
}

QString SyncService::lastSync() const {
  if (last_sync_ms_ == 0) return {};
  return QLocale().toString(QDateTime::fromMSecsSinceEpoch(last_sync_ms_),
                            QStringLiteral("ddd d MMM HH:mm"));
}

void SyncService::setServer(const QString& url, const QString& ca_file) {
  server_ = url.trimmed();
  while (server_.endsWith('/')) server_.chop(1);
  ca_file_ = ca_file.trimmed();
  QSettings settings(session_->SettingsFile(), QSettings::IniFormat);
  settings.setValue("server", server_);
  settings.setValue("ca", ca_file_);
  emit configurationChanged();
}

void SyncService::Attach() {
  auto store = session_->store();
  if (!store) return;
  auto device = naast::sync::Device::Load(*store);
  if (!device) {
    error_ = Tr(QT_TRANSLATE_NOOP(
        "SyncService", "De tablet kan haar sleutels niet lezen. Vraag je teamleider om hulp."));
    emit finished(false);
    return;
  }
  device_.emplace(std::move(device.value()));
  sync_.emplace(*store, *device_);
  sync_->page_bytes = kPageBytes;
  ReadDevice();
  if (auto waiting = sync_->PendingChanges()) waiting_ = static_cast<int>(*waiting);
  emit waitingChanged();
}

void SyncService::Detach() {
  ++generation_;
  if (thread_) {
    cancel_ = true;
    emit cancelRequested();
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
    emit syncingChanged();
  }
  sync_.reset();
  device_.reset();
  member_ = false;
  role_.clear();
  label_.clear();
  code_.clear();
  payload_.clear();
  emit deviceChanged();
}

void SyncService::ReadDevice() {
  member_ = device_->IsMember();
  const naast::sync::Member* me = device_->registry().Find(device_->id());
  role_ = me && member_ ? QString::fromUtf8(naast::sync::RoleName(me->role)) : QString();
  label_ = me ? QString::fromStdString(me->label) : QString();
  code_ = QString::fromStdString(device_->Code());
  payload_ = QString::fromStdString(
      naast::sync::EnrolmentPayload(device_->id(), device_->box().public_key));
  emit deviceChanged();
}

QString SyncService::AuthorName(std::uint64_t replica) {
  if (!device_) return {};
  auto store = session_->store();
  if (!store) return {};
  auto author = naast::sync::ReplicaAuthor(*store, replica);
  if (!author || !author->has_value()) return {};
  const naast::sync::Member* m = device_->registry().Find(**author);
  if (!m) return {};
  return QStringLiteral("%1 (%2)").arg(QString::fromStdString(m->label),
                                       QString::fromUtf8(naast::sync::RoleName(m->role)));
}

void SyncService::LocalChange() {
  if (!sync_ || thread_) return;  // a running sync counts them at its end
  ++waiting_;
  emit waitingChanged();
}

void SyncService::syncNow() {
  if (thread_ || !sync_) return;
  if (server_.isEmpty()) {
    error_ = Tr(QT_TRANSLATE_NOOP("SyncService", "Er is nog geen server ingesteld."));
    emit finished(false);
    return;
  }
  emit session_->flushEdits();  // what is being typed goes along
  cancel_ = false;
  progress_ = 0;
  emit progressChanged();
  thread_ = QThread::create([this, generation = generation_] { Run(generation); });
  emit syncingChanged();
  thread_->start();
}

void SyncService::Run(int generation) {
  QNetworkAccessManager network;
  QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
  if (!ca_file_.isEmpty()) tls.setCaCertificates(QSslCertificate::fromPath(ca_file_));
  tls.setProtocol(QSsl::TlsV1_2OrLater);
  const QString base = server_;
  Outcome out;
  bool network_failed = false;
  std::uint64_t received = 0;

  auto store = session_->store();  // held except while the network works
  const naast::sync::PostFn post =
      [&](const std::string& path,
          std::span<const std::uint8_t> body) -> naast::Result<naast::sync::HttpResponse> {
    if (cancel_) return naast::Error{naast::ErrorCode::kIo, "cancelled"};
    QNetworkRequest request(QUrl(base + QString::fromStdString(path)));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream");
    request.setTransferTimeout(30'000);
    const QByteArray data(reinterpret_cast<const char*>(body.data()),
                          static_cast<qsizetype>(body.size()));
    store.Release();
    QNetworkReply* reply = network.post(request, data);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(this, &SyncService::cancelRequested, reply, &QNetworkReply::abort);
    if (!reply->isFinished() && !cancel_) loop.exec();
    if (cancel_ && !reply->isFinished()) reply->abort();
    store.Acquire();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
      network_failed = true;
      const std::string what = reply->errorString().toStdString();
      reply->deleteLater();
      return naast::Error{naast::ErrorCode::kIo, what};
    }
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    received += static_cast<std::uint64_t>(answer.size());
    return naast::sync::HttpResponse{status,
                                     std::vector<std::uint8_t>(answer.begin(), answer.end())};
  };
  const auto progress = [&](const naast::sync::SyncProgress& p) {
    const double total = static_cast<double>(received + p.remaining_bytes);
    const double fraction = p.more && total > 0 ? static_cast<double>(received) / total : 1.0;
    QMetaObject::invokeMethod(this, [this, fraction] {
      progress_ = fraction;
      emit progressChanged();
    });
  };
  if (!store) {
    out.error = Tr(QT_TRANSLATE_NOOP("SyncService", "De tablet is vergrendeld."));
  } else {
    auto result = naast::sync::SyncNow(*sync_, post, NowMs, progress, &out.wipe);
    if (result) {
      out.ok = true;
      out.applied = result->applied + result->snapshots;
      if (auto waiting = sync_->PendingChanges()) out.waiting = *waiting;
      // The role as the team's registry now has it (this sync may have brought it).
      const naast::sync::Member* me = device_->registry().Find(device_->id());
      const bool teamleider =
          device_->IsMember() && me && me->role == naast::sync::Role::kTeamleider;
      out.caseload = session_->PrepareAfterSync(*store, teamleider);
    } else if (!cancel_) {
      out.error = PlainWords(result.error(), network_failed);
    }
  }
  store.Release();
  QMetaObject::invokeMethod(this, [this, out, generation] {
    if (generation == generation_) Finish(out);  // else: detached meanwhile
  });
}

void SyncService::Finish(const Outcome& outcome) {
  if (thread_) {
    thread_->wait();
    delete thread_;
    thread_ = nullptr;
  }
  error_ = outcome.error;
  progress_ = outcome.ok ? 1.0 : 0.0;
  emit progressChanged();
  emit syncingChanged();
  if (outcome.wipe) {
    session_->WipeTablet();  // detaches this service
    emit finished(false);
    return;
  }
  if (outcome.ok) {
    last_sync_ms_ = QDateTime::currentMSecsSinceEpoch();
    waiting_ = static_cast<int>(outcome.waiting);
    emit waitingChanged();
    if (device_) ReadDevice();
    session_->AfterSync(outcome.caseload);
  }
  emit finished(outcome.ok);
}

namespace {

QString Hex(const naast::sync::PublicKey& key) {
  return QString::fromLatin1(
      QByteArray(reinterpret_cast<const char*>(key.data()), static_cast<qsizetype>(key.size()))
          .toHex());
}

std::optional<naast::sync::PublicKey> FromHex(const QString& hex) {
  const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
  naast::sync::PublicKey key{};
  if (bytes.size() != static_cast<qsizetype>(key.size())) return std::nullopt;
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

}  // namespace

QVariantList SyncService::members() {
  QVariantList out;
  auto store = session_->store();
  if (!store || !device_) return out;
  std::vector<naast::sync::Member> all;
  for (const auto& e : device_->registry().entries()) {
    if (const naast::sync::Member* m = device_->registry().Find(e.subject)) {
      if (std::none_of(all.begin(), all.end(),
                       [&](const auto& x) { return x.device == m->device; })) {
        all.push_back(*m);
      }
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return !a.revoked && b.revoked; });
  for (const auto& m : all) {
    QVariantMap row;
    row["id"] = Hex(m.device);
    row["label"] = QString::fromStdString(m.label);
    row["role"] = QString::fromUtf8(naast::sync::RoleName(m.role));
    row["active"] = !m.revoked;
    row["me"] = m.device == device_->id();
    row["assigned"] = static_cast<int>(m.assigned.size());
    out.push_back(row);
  }
  return out;
}

namespace {

// A team action the core refused, in plain words (the core's reasons are for logs and tests).
QString TeamErrorInWords(const std::string& why) {
  static constexpr struct {
    const char* core;  // a part of the core's reason
    const char* words;
  } kReasons[] = {
      {"already in a team", QT_TRANSLATE_NOOP("SyncService", "Deze tablet hoort al bij een team.")},
      {"no team key",
       QT_TRANSLATE_NOOP("SyncService", "Alleen de tablet van een teamleider kan dit doen.")},
      {"not an active teamleider",
       QT_TRANSLATE_NOOP("SyncService", "Alleen de tablet van een teamleider kan dit doen.")},
      {"already in the team",
       QT_TRANSLATE_NOOP("SyncService", "Die tablet hoort al bij het team.")},
      {"no such active device",
       QT_TRANSLATE_NOOP("SyncService", "Die tablet is al uit het team verwijderd.")},
      {"no such device",
       QT_TRANSLATE_NOOP("SyncService", "Die tablet is al uit het team verwijderd.")},
      {"not an active student",
       QT_TRANSLATE_NOOP("SyncService", "Dossiers toewijzen kan alleen aan een student.")},
      {"not a document id", QT_TRANSLATE_NOOP("SyncService", "Dit dossier bestaat niet.")},
  };
  for (const auto& r : kReasons) {
    if (why.find(r.core) != std::string::npos) return Tr(r.words);
  }
  return Tr(QT_TRANSLATE_NOOP(
      "SyncService", "Dat lukte niet. Probeer het nog eens, of vraag de beheerder om hulp."));
}

}  // namespace

bool SyncService::TeamResult(const naast::Status& status) {
  team_error_ = status ? QString() : TeamErrorInWords(status.error().message);
  ReadDevice();  // emits deviceChanged
  if (status && configured()) syncNow();
  return static_cast<bool>(status);
}

bool SyncService::createTeam(const QString& label) {
  if (!device_ || thread_) return false;
  naast::Status status = naast::Status::Ok();
  {
    auto store = session_->store();
    auto entry = device_->CreateTeam(label.trimmed().toStdString(), NowMs());
    if (!entry) status = entry.error();
  }
  return TeamResult(status);
}

bool SyncService::approve(const QString& payload, const QString& code, const QString& role,
                          const QString& label) {
  if (!device_ || thread_) return false;
  auto keys = naast::sync::ParseEnrolmentPayload(payload.trimmed().toStdString());
  if (!keys) {
    team_error_ = Tr(QT_TRANSLATE_NOOP(
        "SyncService", "Dit is geen code van een Naast-tablet. Scan de QR-code opnieuw."));
    emit deviceChanged();
    return false;
  }
  const naast::sync::Role r = role == "teamleider" ? naast::sync::Role::kTeamleider
                              : role == "student"  ? naast::sync::Role::kStudent
                                                   : naast::sync::Role::kCoach;
  if (label.trimmed().isEmpty()) {
    team_error_ =
        Tr(QT_TRANSLATE_NOOP("SyncService", "Geef de tablet een naam, zoals 'tablet 4'."));
    emit deviceChanged();
    return false;
  }
  naast::Status status = naast::Status::Ok();
  {
    auto store = session_->store();
    auto entry = device_->Approve(keys->device, keys->box, code.trimmed().toUpper().toStdString(),
                                  r, label.trimmed().toStdString(), NowMs());
    if (!entry) status = entry.error();
  }
  if (!status && status.error().message.find("code does not match") != std::string::npos) {
    team_error_ = Tr(QT_TRANSLATE_NOOP(
        "SyncService", "De code hoort niet bij deze QR-code. Kijk nog eens op de nieuwe tablet."));
    emit deviceChanged();
    return false;
  }
  return TeamResult(status);
}

bool SyncService::revoke(const QString& id) {
  const auto key = FromHex(id);
  if (!device_ || thread_ || !key) return false;
  naast::Status status = naast::Status::Ok();
  {
    auto store = session_->store();
    auto entry = device_->Revoke(*key, NowMs());
    if (!entry) status = entry.error();
  }
  return TeamResult(status);
}

bool SyncService::assign(const QString& id, const QString& doc) {
  const auto key = FromHex(id);
  if (!device_ || thread_ || !key || doc.isEmpty()) return false;
  naast::Status status = naast::Status::Ok();
  {
    auto store = session_->store();
    auto entry = device_->Assign(*key, doc.toStdString(), NowMs());
    if (!entry) status = entry.error();
    // The student goes to her too: her tablet's name among who goes to her, which the team's
    // day groups its rounds by. (The registry entry gives the student the dossier's key.)
    const naast::sync::Member* student = device_->registry().Find(*key);
    if (entry && student) {
      auto d = store->Get(doc.toStdString());
      bool changed = false;
      if (d && WriteAssigned(**d, student->label, true, &changed) && changed &&
          store->Commit(doc.toStdString())) {
        LocalChange();
      }
    }
  }
  return TeamResult(status);
}

QImage EnrolmentQrProvider::requestImage(const QString& id, QSize* size, const QSize& requested) {
  auto qr = naast::sync::EncodeQr(id.toStdString());
  if (!qr) return {};
  constexpr int kQuiet = 4;  // the white border a QR reader needs
  const int modules = qr->size + 2 * kQuiet;
  const int side = requested.width() > 0 ? requested.width() : modules * 8;
  const int scale = std::max(1, side / modules);
  QImage image(modules * scale, modules * scale, QImage::Format_Grayscale8);
  image.fill(255);
  for (int y = 0; y < qr->size; ++y) {
    for (int x = 0; x < qr->size; ++x) {
      if (!qr->Dark(x, y)) continue;
      for (int dy = 0; dy < scale; ++dy) {
        uchar* line = image.scanLine((y + kQuiet) * scale + dy);
        std::fill(line + (x + kQuiet) * scale, line + (x + kQuiet + 1) * scale, 0);
      }
    }
  }
  if (size) *size = image.size();
  return image;
}
