#include "app_session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QJSEngine>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>
#include <QtConcurrent/QtConcurrent>
#include <chrono>
#include <map>

#include "data_source.h"
#include "naast/crypto/crypto.h"
#include "naast/domain/codes.h"
#include "naast/domain/privacy.h"
#include "naast/domain/report.h"
#include "naast/domain/schema.h"
#include "naast/domain/team_generator.h"
#include "naast/store/key_vault.h"
#include "naast/sync/session.h"
#include "sync_service.h"

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

// The PIN's verdict in plain words: empty when `key` is there.
QString UnlockError(const naast::Result<naast::crypto::SecureBytes>& key,
                    const naast::store::KeyVault& vault) {
  if (key) return {};
  switch (key.error().code) {
    case naast::ErrorCode::kWrongPin:
      return Tr(QT_TRANSLATE_NOOP(
                    "AppSession",
                    "Pincode onjuist. Nog %1 pogingen voordat de gegevens worden gewist."))
          .arg(static_cast<int>(naast::store::LockoutPolicy{}.max_attempts) -
               static_cast<int>(vault.failed_attempts()));
    case naast::ErrorCode::kLocked: {
      const auto wait_s = (vault.locked_until_ms() - NowMs()) / 1000 + 1;
      return Tr(QT_TRANSLATE_NOOP(
                    "AppSession",
                    "Te veel onjuiste pincodes. Probeer het over %1 seconden opnieuw."))
          .arg(static_cast<qulonglong>(wait_s));
    }
    case naast::ErrorCode::kWiped:
      return Tr(QT_TRANSLATE_NOOP(
          "AppSession", "De gegevens op deze tablet zijn gewist. Vraag je teamleider om hulp."));
    default:
      return Tr(QT_TRANSLATE_NOOP(
          "AppSession", "De tablet kan de gegevens niet openen. Vraag je teamleider om hulp."));
  }
}

}  // namespace

AppSession* AppSession::instance = nullptr;

AppSession* AppSession::create(QQmlEngine* qml, QJSEngine*) {
  QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
  instance->engine_ = qml;  // to retranslate when the language changes
  return instance;
}

AppSession::AppSession(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), sync_(new SyncService(this)) {
  QString error;
  if (!diaries_.Load(&error)) qWarning("naast-app: %s", qPrintable(error));
  // The settings hold no personal data: a plain file beside the encrypted store.
  QSettings settings(SettingsFile(), QSettings::IniFormat);
  setLanguage(settings.value("language", "nl").toString());
  setTextScale(settings.value("text_scale", 1.0).toDouble());
  idle_.setSingleShot(true);
  connect(&idle_, &QTimer::timeout, this, &AppSession::lock);
  if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
  connect(&pin_watcher_, &QFutureWatcher<QString>::finished, this, [this] {
    const QString message = pin_watcher_.result();
    emit pinChecked(message.isEmpty(), message);
  });
  connect(&watcher_, &QFutureWatcher<Opened>::finished, this,
          [this] { Finish(watcher_.future().takeResult()); });
}

AppSession::~AppSession() {
  sync_->Detach();
  if (watcher_.isRunning()) watcher_.waitForFinished();  // an unlock still deriving the key
  if (pin_watcher_.isRunning()) pin_watcher_.waitForFinished();
}

QString AppSession::SettingsFile() const {
  return QString::fromStdString((options_.data_dir / "settings.ini").string());
}

QString AppSession::today() const {
  return QString::fromStdString(options_.today.ToString());
}

bool AppSession::hasData() const {
  return std::filesystem::exists(options_.data_dir / "key.vault");
}

void AppSession::unlock(const QString& pin) {
  Open(/*create=*/false, pin);
}

void AppSession::setUp(const QString& pin) {
  if (hasData()) return;
  if (pin.size() < 4) {
    SetError(Tr(QT_TRANSLATE_NOOP("AppSession", "Kies een pincode van minstens 4 cijfers.")));
    return;
  }
  Open(/*create=*/true, pin);
}

void AppSession::Open(bool create, const QString& pin) {
  if (busy_ || store_) return;
  busy_ = true;
  emit busyChanged();
  SetError({});
  const std::filesystem::path dir = options_.data_dir;
  const std::string pin_text = pin.toStdString();
  naast::crdt::HybridClock* clock = &clock_;
  const naast::domain::Date today = options_.today;
  naast::store::StoreOptions store_options;
  store_options.vfs = options_.vfs;
  watcher_.setFuture(QtConcurrent::run([dir, pin_text, clock, create, today,
                                        store_options]() -> Opened {
    Opened out;
    naast::store::FileDeviceSecret secret(dir / "device.secret");
    if (create) {
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (!naast::store::KeyVault::Create(dir / "key.vault", PinBytes(pin_text), secret)) {
        out.error = Tr(QT_TRANSLATE_NOOP(
            "AppSession", "De tablet kan geen gegevens aanmaken. Is het geheugen vol?"));
        return out;
      }
    }
    auto vault = naast::store::KeyVault::Open(dir / "key.vault");
    if (!vault) {
      out.error =
          Tr(QT_TRANSLATE_NOOP("AppSession", "Er zijn geen gegevens op deze tablet gevonden."));
      return out;
    }
    const auto kdf_started = std::chrono::steady_clock::now();
    auto key = vault->Unlock(PinBytes(pin_text), secret, NowMs());
    out.kdf_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - kdf_started)
            .count();
    if (!key) {
      out.error = UnlockError(key, *vault);
      return out;
    }
    auto store = naast::store::Store::Open(dir / "naast.db", *key, 0, clock, store_options);
    if (!store) {
      out.error = Tr(QT_TRANSLATE_NOOP(
          "AppSession", "De tablet kan de gegevens niet openen. Vraag je teamleider om hulp."));
      return out;
    }
    out.store = std::move(store.value());
    auto entries = naast::domain::Caseload(*out.store, naast::domain::TeamSettings{}, today);
    if (entries) {
      out.caseload =
          std::make_shared<const std::vector<naast::domain::CaseloadEntry>>(std::move(*entries));
    }
    return out;
  }));
}

void AppSession::Finish(Opened opened) {
  unlock_kdf_ms_ = opened.kdf_ms;
  busy_ = false;
  emit busyChanged();
  if (!opened.store) {
    SetError(opened.error);
    return;
  }
  {
    std::lock_guard lock(store_mutex_);
    store_ = std::move(opened.store);
    store_raw_ = store_.get();
  }
  emit hasDataChanged();
  sync_->Attach();
  SetActor();
  if (opened.caseload) {
    caseload_.Reset(*opened.caseload, options_.today);
  } else {
    Reload();  // says in words that it cannot be read
  }
  if (auto_lock_s_ > 0) idle_.start(auto_lock_s_ * 1000);
  emit unlockedChanged();
}

void AppSession::setLanguage(const QString& lang) {
  const QString l = lang == "en" ? QStringLiteral("en") : QStringLiteral("nl");
  const bool changed = l != language_;
  language_ = l;
  // Always applied (also the first time): dates and numbers follow the language.
  QCoreApplication::removeTranslator(&translator_);
  if (l == "en" && translator_.load(":/i18n/naast_en.qm")) {
    QCoreApplication::installTranslator(&translator_);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
  } else {
    QLocale::setDefault(QLocale(QLocale::Dutch, QLocale::Netherlands));
  }
  if (!changed) return;
  QSettings(SettingsFile(), QSettings::IniFormat).setValue("language", language_);
  if (store_) Reload();  // the caseload's labels and dates
  if (engine_) engine_->retranslate();
  emit languageChanged();
}

void AppSession::setTextScale(double scale) {
  const double s = scale >= 1.4 ? 1.5 : (scale >= 1.2 ? 1.25 : 1.0);
  if (s == text_scale_) return;
  text_scale_ = s;
  QSettings(SettingsFile(), QSettings::IniFormat).setValue("text_scale", text_scale_);
  emit textScaleChanged();
}

void AppSession::setAutoLockSeconds(int s) {
  if (s == auto_lock_s_) return;
  auto_lock_s_ = std::max(0, s);
  if (store_ && auto_lock_s_ > 0) idle_.start(auto_lock_s_ * 1000);
  if (auto_lock_s_ == 0) idle_.stop();
  emit autoLockSecondsChanged();
}

bool AppSession::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
      if (store_ && auto_lock_s_ > 0) idle_.start(auto_lock_s_ * 1000);
      break;
    default:
      break;
  }
  return QObject::eventFilter(watched, event);
}

void AppSession::lock() {
  idle_.stop();
  if (!store_) return;
  emit flushEdits();
  sync_->Detach();  // a running sync stops first
  caseload_.Reset({}, options_.today);
  {
    std::lock_guard lock(store_mutex_);
    store_raw_ = nullptr;
    store_.reset();
  }
  emit unlockedChanged();
}

void AppSession::SetActor() {
  // Pseudonymous: the tablet's label in the team ("tablet 3") and its key's first bytes.
  naast::store::Actor actor{"tablet", "tablet"};
  if (const naast::sync::Device* device = sync_->device()) {
    actor.device =
        QByteArray(reinterpret_cast<const char*>(device->id().data()), 8).toHex().toStdString();
    if (const naast::sync::Member* me = device->registry().Find(device->id())) {
      actor.user = me->label + " (" + naast::sync::RoleName(me->role) + ")";
    }
  }
  auto s = store();
  if (s) s->SetActor(std::move(actor));
}

AppSession::CaseloadEntries AppSession::PrepareAfterSync(naast::store::Store& store,
                                                         bool teamleider) const {
  if (!teamleider) (void)naast::domain::RemoveDossiersPastAftercare(store, options_.today);
  auto entries = naast::domain::Caseload(store, naast::domain::TeamSettings{}, options_.today);
  if (!entries) return nullptr;
  return std::make_shared<const std::vector<naast::domain::CaseloadEntry>>(std::move(*entries));
}

void AppSession::AfterSync(CaseloadEntries caseload) {
  SetActor();  // the team may have named this tablet
  if (caseload) {
    caseload_.Reset(*caseload, options_.today);
  } else {
    Reload();
  }
  emit dataChanged();
}

void AppSession::WipeTablet() {
  lock();
  // The key first; should that fail, the files go below all the same.
  if (auto vault = naast::store::KeyVault::Open(options_.data_dir / "key.vault")) {
    (void)vault->Wipe();
  }
  std::error_code ec;
  for (const char* name : {"naast.db", "naast.db-wal", "naast.db-shm", "naast.db-journal"}) {
    std::filesystem::remove(options_.data_dir / name, ec);
  }
  SetError(Tr(QT_TRANSLATE_NOOP(
      "AppSession", "De gegevens op deze tablet zijn gewist op verzoek van de teamleider.")));
}

void AppSession::SetError(const QString& e) {
  if (e == error_) return;
  error_ = e;
  emit errorChanged();
}

void AppSession::Reload() {
  auto s = store();
  if (!s) return;
  auto entries = naast::domain::Caseload(*s, naast::domain::TeamSettings{}, options_.today);
  if (!entries) {
    SetError(Tr(QT_TRANSLATE_NOOP("AppSession", "De caseload kan niet worden gelezen.")));
    return;
  }
  caseload_.Reset(std::move(entries.value()), options_.today);
}

QVariantMap AppSession::dossier(const QString& doc) {
  QVariantMap out;
  const naast::domain::CaseloadEntry* e = caseload_.Find(doc);
  auto s = store();
  if (!s || !e) return out;
  out["name"] = QString::fromStdString(e->name);
  out["phase"] = PhaseLabel(e->phase);
  out["stage"] = StageLabel(*e);
  out["nextVisit"] = ShortDate(e->next_visit_due);
  out["appointment"] = e->appointment ? ShortDate(*e->appointment) : QString();
  out["lastVisit"] = e->last_visit ? ShortDate(*e->last_visit) : QString();
  out["overdue"] = e->overdue;
  out["crisis"] = e->crisis;
  out["escalations"] = e->open_escalations;
  out["late"] = !e->late_turnaround.empty();
  // Reading the timeline writes the one audit entry for opening the dossier (who looked).
  auto timeline = naast::domain::Timeline(*s, e->doc);
  int visits = 0;
  if (timeline) {
    for (const auto& item : *timeline) visits += item.type == "visit";
  }
  out["visits"] = visits;
  // Follow-up tasks (vervolgacties) not done, and of them past their date.
  int open = 0, late = 0;
  if (auto rows = s->Query("SELECT count(*), count(CASE WHEN due_date < ?2 THEN 1 END) FROM e_task "
                           "WHERE doc = ?1 AND deleted = 0 AND done_on IS NULL",
                           {e->doc, options_.today.ToString()});
      rows && !rows->empty()) {
    if (const auto* n = std::get_if<std::int64_t>(&(*rows)[0][0])) open = static_cast<int>(*n);
    if (const auto* n = std::get_if<std::int64_t>(&(*rows)[0][1])) late = static_cast<int>(*n);
  }
  out["openTasks"] = open;
  out["lateTasks"] = late;
  return out;
}

void AppSession::checkPin(const QString& pin) {
  if (pin_watcher_.isRunning()) return;
  const std::filesystem::path dir = options_.data_dir;
  const std::string pin_text = pin.toStdString();
  pin_watcher_.setFuture(QtConcurrent::run([dir, pin_text]() -> QString {
    naast::store::FileDeviceSecret secret(dir / "device.secret");
    auto vault = naast::store::KeyVault::Open(dir / "key.vault");
    if (!vault)
      return Tr(QT_TRANSLATE_NOOP("AppSession", "Er zijn geen gegevens op deze tablet gevonden."));
    return UnlockError(vault->Unlock(PinBytes(pin_text), secret, NowMs()), *vault);
  }));
}

QVariantList AppSession::monitoring() {
  QVariantList out;
  auto s = store();
  if (!s) return out;
  const auto from = naast::domain::Date::FromYmd(options_.today.year(), 1, 1);
  auto figures = naast::domain::ComputeReport(*s, *from, options_.today);
  if (!figures) return out;
  // The tables a teamleider looks at during the year, in this order.
  static const std::vector<std::pair<std::string, const char*>> kTables = {
      {"registrations_by_year", QT_TRANSLATE_NOOP("AppSession", "Aanmeldingen dit jaar")},
      {"self_registrations", QT_TRANSLATE_NOOP("AppSession", "Zelfmelders")},
      {"vulnerability", QT_TRANSLATE_NOOP("AppSession", "Kwetsbaarheid bij aanmelding")},
      {"pregnancy_stage_at_registration",
       QT_TRANSLATE_NOOP("AppSession", "Zwangerschapsduur bij aanmelding (weken)")},
      {"closed_trajectories", QT_TRANSLATE_NOOP("AppSession", "Afgesloten trajecten")},
      {"mean_trajectory_weeks", QT_TRANSLATE_NOOP("AppSession", "Gemiddelde duur (weken)")}};
  for (const auto& [table, title] : kTables) {
    QVariantList rows;
    for (const auto& f : *figures) {
      if (f.table != table || f.category.empty()) continue;
      QString category = QString::fromStdString(f.category);
      if (f.category == "zelfmelder") {
        category = Tr(QT_TRANSLATE_NOOP("AppSession", "zelf aangemeld"));
      } else if (f.category == "other_referrer") {
        category = Tr(QT_TRANSLATE_NOOP("AppSession", "via een verwijzer"));
      } else if (auto v = naast::domain::FromCode<naast::domain::Vulnerability>(f.category)) {
        const auto& c = naast::domain::Describe(*v);
        category = QString::fromUtf8(
            language_ == "en" ? c.en.data() : c.nl.data(),
            static_cast<qsizetype>(language_ == "en" ? c.en.size() : c.nl.size()));
      }
      rows.push_back(
          QVariantMap{{"category", category}, {"value", QString::fromStdString(f.value)}});
    }
    if (!rows.isEmpty()) out.push_back(QVariantMap{{"title", Tr(title)}, {"rows", rows}});
  }
  return out;
}

QVariantList AppSession::auditTrail(const QString& doc) {
  QVariantList out;
  auto s = store();
  if (!s) return out;
  auto trail = s->AuditTrail(doc.toStdString());
  if (!trail) return out;
  static const std::map<std::string, const char*> kActions = {
      {"create", QT_TRANSLATE_NOOP("AppSession", "aangemaakt")},
      {"read", QT_TRANSLATE_NOOP("AppSession", "bekeken")},
      {"change", QT_TRANSLATE_NOOP("AppSession", "gewijzigd")},
      {"delete", QT_TRANSLATE_NOOP("AppSession", "verwijderd")},
      {"search", QT_TRANSLATE_NOOP("AppSession", "gezocht")},
      {"export", QT_TRANSLATE_NOOP("AppSession", "geëxporteerd")},
      {"erase", QT_TRANSLATE_NOOP("AppSession", "gewist")}};
  // What a change touched ("visit, goal"), in the coaches' words when Dutch.
  auto detail = [&](const std::string& types) {
    if (language_ == "en") return QString::fromStdString(types);
    QStringList words;
    for (const QString& t : QString::fromStdString(types).split(", ", Qt::SkipEmptyParts)) {
      const naast::domain::EntitySpec* e = naast::domain::FindEntity(t.toStdString());
      if (e) {
        words << QString::fromUtf8(e->nl.data(), static_cast<qsizetype>(e->nl.size()));
      } else {
        words << (t == "timeline" ? QStringLiteral("overzicht") : t);  // opening the dossier
      }
    }
    return words.join(", ");
  };
  // Newest first. One person doing the same thing again and again (typing writes one entry
  // per pause) is one row with how many times, from the first to the last: the log itself
  // keeps every entry.
  constexpr std::int64_t kRunMs = 30 * 60 * 1000;
  const naast::store::AuditEntry* run_start = nullptr;  // the newest entry of the last row
  std::int64_t run_earliest = 0;
  auto when = [](std::int64_t first, std::int64_t last) {
    const QDateTime a = QDateTime::fromMSecsSinceEpoch(first),
                    b = QDateTime::fromMSecsSinceEpoch(last);
    const QString to = QLocale().toString(b, QStringLiteral("ddd d MMM yyyy HH:mm"));
    const QString from = QLocale().toString(a, QStringLiteral("ddd d MMM yyyy HH:mm"));
    if (from == to || a.date() != b.date()) return to;
    return from + QStringLiteral("–") + QLocale().toString(b, QStringLiteral("HH:mm"));
  };
  for (auto it = trail->rbegin(); it != trail->rend(); ++it) {
    if (run_start && it->user == run_start->user && it->device == run_start->device &&
        it->action == run_start->action && it->detail == run_start->detail &&
        run_earliest - static_cast<std::int64_t>(it->at_ms) <= kRunMs) {
      QVariantMap row = out.back().toMap();
      run_earliest = static_cast<std::int64_t>(it->at_ms);
      row["times"] = row["times"].toInt() + 1;
      row["when"] = when(run_earliest, static_cast<std::int64_t>(run_start->at_ms));
      out.back() = row;
      continue;
    }
    run_start = &*it;
    run_earliest = static_cast<std::int64_t>(it->at_ms);
    QVariantMap row;
    row["when"] = when(run_earliest, run_earliest);
    row["times"] = 1;
    row["user"] = QString::fromStdString(it->user);
    row["device"] = QString::fromStdString(it->device);
    const auto action = kActions.find(it->action);
    row["action"] =
        action != kActions.end() ? Tr(action->second) : QString::fromStdString(it->action);
    row["detail"] = detail(it->detail);
    out.push_back(row);
  }
  return out;
}

QVariantMap AppSession::currentDiaryEntry(const QString& doc) {
  QVariantMap out;
  auto s = store();
  if (!s) return out;
  const std::vector<naast::crdt::Value> params = {doc.toStdString()};
  std::optional<naast::domain::Date> due, born;
  if (auto rows =
          s->Query("SELECT max(due_date) FROM e_mother WHERE doc = ?1 AND deleted = 0", params);
      rows && !rows->empty()) {
    if (auto* s = std::get_if<std::string>(&(*rows)[0][0])) due = naast::domain::Date::Parse(*s);
  }
  if (auto rows =
          s->Query("SELECT max(birth_date) FROM e_child WHERE doc = ?1 AND deleted = 0", params);
      rows && !rows->empty()) {
    if (auto* s = std::get_if<std::string>(&(*rows)[0][0])) born = naast::domain::Date::Parse(*s);
  }
  const auto ref = naast::domain::CurrentDiaryEntry(due, born, options_.today);
  if (!ref) return out;
  out["kind"] = DiaryContent::Name(ref->kind);
  out["index"] = ref->index;
  return out;
}

QVariantMap AppSession::diaryEntry(const QString& kind, int index, const QString& lang) const {
  return diaries_.Entry(kind, index, lang);
}

QVariantMap AppSession::diaryProgress(const QString& doc, const QString& key) {
  QVariantMap out;
  auto s = store();
  if (!s) return out;
  auto rows = s->Query(
      "SELECT discussed_on, mother_note FROM e_diary_progress WHERE doc = ?1 AND entry = ?2 "
      "AND deleted = 0 ORDER BY discussed_on DESC LIMIT 1",
      {doc.toStdString(), key.toStdString()});
  if (!rows || rows->empty()) return out;
  const auto text = [](const naast::crdt::Value& v) {
    auto* s = std::get_if<std::string>(&v);
    return s ? QString::fromStdString(*s) : QString();
  };
  const auto on = naast::domain::Date::Parse(text((*rows)[0][0]).toStdString());
  out["discussedOn"] = on ? ShortDate(*on) : QString();
  out["motherNote"] = text((*rows)[0][1]);
  return out;
}

bool AppSession::markDiscussed(const QString& doc, const QString& key, const QString& note) {
  auto s = store();
  if (!s) return false;
  auto d = s->Get(doc.toStdString());
  if (!d) return false;
  naast::crdt::Document& document = **d;
  const naast::crdt::OpId record = document.CreateRecord("diary_progress");
  if (!document.Set(record, "entry", key.toStdString()) ||
      !document.Set(record, "discussed_on", options_.today.ToString())) {
    return false;
  }
  const std::string text = note.trimmed().toStdString();
  if (!text.empty() && !document.InsertText(record, "mother_note", 0, text)) return false;
  auto committed = s->Commit(doc.toStdString());
  if (committed && committed->has_value()) sync_->LocalChange();
  return static_cast<bool>(committed);
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

DataSource DataSource::FromSession() {
  return DataSource{
      [] { return AppSession::instance ? AppSession::instance->store().get() : nullptr; },
      [] { return AppSession::instance->todayDate(); },
      [] { return AppSession::instance ? AppSession::instance->language() : QString("nl"); },
      []() -> std::unique_lock<std::recursive_mutex> {
        return AppSession::instance ? AppSession::instance->LockStore()
                                    : std::unique_lock<std::recursive_mutex>();
      },
      [] {
        if (AppSession::instance && AppSession::instance->sync()) {
          AppSession::instance->sync()->LocalChange();
        }
      }};
}
