#include "app_session.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QtConcurrent/QtConcurrent>
#include <chrono>

#include "naast/crypto/crypto.h"
#include "naast/domain/team_generator.h"
#include "naast/store/key_vault.h"

namespace {

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

naast::crypto::SecureBytes PinBytes(const std::string& pin) {
  return naast::crypto::SecureBytes::Copy(
      {reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()});
}

QString Tr(const char* text) {
  return QCoreApplication::translate("AppSession", text);
}

}  // namespace

AppSession* AppSession::instance = nullptr;

AppSession* AppSession::create(QQmlEngine*, QJSEngine* engine) {
  QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
  (void)engine;
  return instance;
}

AppSession::AppSession(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
  connect(&watcher_, &QFutureWatcher<Opened>::finished, this,
          [this] { Finish(watcher_.future().takeResult()); });
}

AppSession::~AppSession() {
  if (watcher_.isRunning()) watcher_.waitForFinished();  // an unlock still deriving the key
}

QString AppSession::today() const {
  return QString::fromStdString(options_.today.ToString());
}

void AppSession::unlock(const QString& pin) {
  if (busy_ || store_) return;
  busy_ = true;
  emit busyChanged();
  SetError({});
  const std::filesystem::path dir = options_.data_dir;
  const std::string pin_text = pin.toStdString();
  naast::crdt::HybridClock* clock = &clock_;
  watcher_.setFuture(QtConcurrent::run([dir, pin_text, clock]() -> Opened {
    Opened out;
    naast::store::FileDeviceSecret secret(dir / "device.secret");
    auto vault = naast::store::KeyVault::Open(dir / "key.vault");
    if (!vault) {
      out.error = Tr("Er zijn geen gegevens op deze tablet gevonden.");
      return out;
    }
    auto key = vault->Unlock(PinBytes(pin_text), secret, NowMs());
    if (!key) {
      switch (key.error().code) {
        case naast::ErrorCode::kWrongPin:
          out.error = Tr("Pincode onjuist. Nog %1 pogingen voordat de gegevens worden gewist.")
                          .arg(static_cast<int>(naast::store::LockoutPolicy{}.max_attempts) -
                               static_cast<int>(vault->failed_attempts()));
          break;
        case naast::ErrorCode::kLocked: {
          const auto wait_s = (vault->locked_until_ms() - NowMs()) / 1000 + 1;
          out.error = Tr("Te veel onjuiste pincodes. Probeer het over %1 seconden opnieuw.")
                          .arg(static_cast<qulonglong>(wait_s));
          break;
        }
        case naast::ErrorCode::kWiped:
          out.error = Tr("De gegevens op deze tablet zijn gewist. Vraag je teamleider om hulp.");
          break;
        default:
          out.error = Tr("De tablet kan de gegevens niet openen. Vraag je teamleider om hulp.");
      }
      return out;
    }
    auto store = naast::store::Store::Open(dir / "naast.db", *key, 0, clock);
    if (!store) {
      out.error = Tr("De tablet kan de gegevens niet openen. Vraag je teamleider om hulp.");
      return out;
    }
    out.store = std::move(store.value());
    return out;
  }));
}

void AppSession::Finish(Opened opened) {
  busy_ = false;
  emit busyChanged();
  if (!opened.store) {
    SetError(opened.error);
    return;
  }
  store_ = std::move(opened.store);
  store_->SetActor(naast::store::Actor{"coach", "tablet"});
  Reload();
  emit unlockedChanged();
}

void AppSession::lock() {
  if (!store_) return;
  caseload_.Reset({}, options_.today);
  store_.reset();
  emit unlockedChanged();
}

void AppSession::SetError(const QString& e) {
  if (e == error_) return;
  error_ = e;
  emit errorChanged();
}

void AppSession::Reload() {
  auto entries = naast::domain::Caseload(*store_, naast::domain::TeamSettings{}, options_.today);
  if (!entries) {
    SetError(Tr("De caseload kan niet worden gelezen."));
    return;
  }
  caseload_.Reset(std::move(entries.value()), options_.today);
}

QVariantMap AppSession::dossier(const QString& doc) {
  QVariantMap out;
  const naast::domain::CaseloadEntry* e = caseload_.Find(doc);
  if (!store_ || !e) return out;
  if (auto read = store_->Read(e->doc); !read) return out;  // logged: who looked at this file
  out["name"] = QString::fromStdString(e->name);
  out["phase"] = PhaseLabel(e->phase);
  out["stage"] = StageLabel(*e);
  out["nextVisit"] = ShortDate(e->next_visit_due);
  out["lastVisit"] = e->last_visit ? ShortDate(*e->last_visit) : QString();
  out["overdue"] = e->overdue;
  out["crisis"] = e->crisis;
  out["escalations"] = e->open_escalations;
  out["late"] = !e->late_turnaround.empty();
  auto timeline = naast::domain::Timeline(*store_, e->doc);
  int visits = 0;
  if (timeline) {
    for (const auto& item : *timeline) visits += item.type == "visit";
  }
  out["visits"] = visits;
  return out;
}

naast::Status AppSession::CreateDemo(const std::filesystem::path& dir, const std::string& pin,
                                     bool fast_kdf, int active_mothers) {
  std::filesystem::create_directories(dir);
  naast::store::FileDeviceSecret secret(dir / "device.secret");
  auto vault = naast::store::KeyVault::Create(
      dir / "key.vault", PinBytes(pin), secret,
      fast_kdf ? naast::crypto::KdfParams::ForTests() : naast::crypto::KdfParams{});
  if (!vault) return vault.error();
  auto key = vault->Unlock(PinBytes(pin), secret, NowMs());
  if (!key) return key.error();
  naast::crdt::HybridClock clock;
  auto store = naast::store::Store::Open(dir / "naast.db", *key, 0, &clock);
  if (!store) return store.error();
  naast::domain::TeamShape shape;
  shape.active_mothers = active_mothers;
  shape.closed_mothers = active_mothers / 2;
  auto stats = naast::domain::GenerateTeam(**store, shape);
  if (!stats) return stats.error();
  return naast::Status::Ok();
}
