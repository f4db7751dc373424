#include "visits.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTimerEvent>
#include <algorithm>
#include <functional>
#include <map>

#include "app_session.h"
#include "code_labels.h"
#include "naast/crdt/document.h"
#include "naast/domain/codes.h"
#include "naast/domain/schema.h"
#include "sync_service.h"

namespace {

using naast::crdt::OpId;
using naast::crdt::Value;

QString Text(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return QString::fromStdString(*s);
  return {};
}

bool English() {
  return AppSession::instance && AppSession::instance->language() == "en";
}

template <typename E>
QString Label(std::string_view code) {
  return CodeLabel<E>(code, English());
}

template <typename E>
QVariantList Choices() {
  return CodeList<E>(English());
}

QString DateText(const QString& iso) {
  const QDate d = QDate::fromString(iso, Qt::ISODate);
  return d.isValid() ? QLocale().toString(d, QStringLiteral("ddd d MMM yyyy")) : iso;
}

constexpr std::string_view kRegisters[] = {"date", "kind", "duration_min", "diary_entry",
                                           "next_appointment"};

QString ShortDateText(const QString& iso) {
  const QDate d = QDate::fromString(iso, Qt::ISODate);
  return d.isValid() ? QLocale().toString(d, QStringLiteral("ddd d MMM")) : iso;
}

// A code from any of the programme's lists, in the app's language; the code itself if none.
QString AnyCodeLabel(const std::string& code) {
  using namespace naast::domain;
  for (const QString& label :
       {Label<VisitKind>(code), Label<LifeDomain>(code), Label<GoalStatus>(code),
        Label<LearningStage>(code), Label<Household>(code), Label<Housing>(code),
        Label<Vulnerability>(code), Label<Referrer>(code), Label<LanguageSkill>(code)}) {
    if (label != QString::fromStdString(code)) return label;
  }
  return QString::fromStdString(code);
}

const naast::domain::FieldSpec* FindField(std::string_view type, std::string_view field) {
  const naast::domain::EntitySpec* e = naast::domain::FindEntity(type);
  if (!e) return nullptr;
  for (const auto& f : e->fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

QString Utf8(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A field's or an entity's name for people: the schema's Dutch term, or in English its name
// in the code with spaces ("help_question" -> "help question").
QString SchemaLabel(std::string_view nl, std::string_view name) {
  if (!English()) return Utf8(nl);
  return Utf8(name).replace('_', ' ');
}

// One value of a register as the app shows it: {value, who, when}.
QVariantMap EntryView(const naast::crdt::RegisterEntry& e, naast::domain::FieldType type,
                      std::uint64_t self) {
  using naast::domain::FieldType;
  QVariantMap m;
  QString value;
  if (const auto* n = std::get_if<std::int64_t>(&e.value)) {
    value = type == FieldType::kBool ? (*n ? QCoreApplication::translate("VisitEditor", "ja")
                                           : QCoreApplication::translate("VisitEditor", "nee"))
                                     : QString::number(*n);
  } else if (const auto* b = std::get_if<bool>(&e.value)) {
    value = *b ? QCoreApplication::translate("VisitEditor", "ja")
               : QCoreApplication::translate("VisitEditor", "nee");
  } else {
    value = Text(e.value);
    if (type == FieldType::kDate) value = DateText(value);
    if (type == FieldType::kCode) value = AnyCodeLabel(value.toStdString());
  }
  m["value"] = value;
  QString who = e.id.replica == self ? QCoreApplication::translate("VisitEditor", "deze tablet")
                                     : AppSession::instance->sync()->AuthorName(e.id.replica);
  if (who.isEmpty()) who = QCoreApplication::translate("VisitEditor", "een andere tablet");
  m["who"] = who;
  m["when"] =
      QLocale().toString(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(e.time.wall_ms)),
                         QStringLiteral("ddd d MMM HH:mm"));
  return m;
}

// Newest first: the order the app lists replaced values in (and restore() counts in).
std::vector<naast::crdt::RegisterEntry> NewestFirst(std::vector<naast::crdt::RegisterEntry> v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.time > b.time; });
  return v;
}

// Sets a register back to one of its replaced values (index: newest first), having seen all:
// the value everywhere after the next sync.
bool RestoreValue(const QString& doc, const OpId& id, const QString& field, int index) {
  auto store = AppSession::instance->store();
  if (!store) return false;
  auto d = store->Get(doc.toStdString());
  if (!d || !(*d)->Exists(id)) return false;
  const auto entries = NewestFirst((*d)->Overwritten(id, field.toStdString()));
  if (index < 0 || index >= static_cast<int>(entries.size())) return false;
  if (!(*d)->Set(id, field.toStdString(), entries[static_cast<std::size_t>(index)].value)) {
    return false;
  }
  return static_cast<bool>(store->Commit(doc.toStdString()));
}

}  // namespace

// ---- VisitsModel

VisitsModel::VisitsModel(QObject* parent) : QAbstractListModel(parent) {
  if (AppSession::instance) {
    connect(AppSession::instance, &AppSession::dataChanged, this, &VisitsModel::reload);
  }
}

void VisitsModel::setDoc(const QString& doc) {
  if (doc == doc_) return;
  doc_ = doc;
  emit docChanged();
  reload();
}

void VisitsModel::reload() {
  std::vector<Row> rows;
  if (AppSession::instance && !doc_.isEmpty()) {
    auto store = AppSession::instance->store();
    if (store) {
      // Only the start of each note: a list of 300 visits need not hold 300 whole notes.
      auto result = store->Query(
          "SELECT v.replica, v.counter, v.date, v.kind, v.duration_min, substr(v.notes, 1, 200), "
          "(SELECT count(*) FROM e_visit_life_domains d WHERE d.doc = v.doc AND "
          "d.replica = v.replica AND d.counter = v.counter) "
          "FROM e_visit v WHERE v.doc = ?1 AND v.deleted = 0 "
          "ORDER BY v.date DESC, v.replica, v.counter",
          {doc_.toStdString()});
      if (result) {
        rows.reserve(result->size());
        for (const auto& r : *result) {
          Row row;
          const auto* replica = std::get_if<std::int64_t>(&r[0]);
          const auto* counter = std::get_if<std::int64_t>(&r[1]);
          if (!replica || !counter) continue;
          row.record = VisitEditor::RecordName(
              OpId{static_cast<std::uint64_t>(*replica), static_cast<std::uint64_t>(*counter)});
          row.date = DateText(Text(r[2]));
          row.kind = Label<naast::domain::VisitKind>(Text(r[3]).toStdString());
          if (const auto* d = std::get_if<std::int64_t>(&r[4])) row.duration = static_cast<int>(*d);
          row.summary = Text(r[5]).simplified();
          if (const auto* n = std::get_if<std::int64_t>(&r[6]); n && *n > 0) {
            row.domains =
                *n == 1 ? QCoreApplication::translate("VisitsModel", "1 leefgebied")
                        : QCoreApplication::translate("VisitsModel", "%1 leefgebieden").arg(*n);
          }
          rows.push_back(std::move(row));
        }
      }
    }
  }
  const bool count_changed = rows.size() != rows_.size();
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
  if (count_changed) emit countChanged();
}

QString VisitsModel::recordAt(int row) const {
  return row >= 0 && row < count() ? rows_[static_cast<std::size_t>(row)].record : QString();
}

int VisitsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : count();
}

QVariant VisitsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
    return {};
  }
  const Row& r = rows_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case kDate:
      return r.date;
    case kRecord:
      return r.record;
    case kKind:
      return r.kind;
    case kDuration:
      return r.duration;
    case kSummary:
      return r.summary;
    case kDomains:
      return r.domains;
    default:
      return {};
  }
}

QHash<int, QByteArray> VisitsModel::roleNames() const {
  return {{kRecord, "record"},     {kDate, "date"},       {kKind, "kind"},
          {kDuration, "duration"}, {kSummary, "summary"}, {kDomains, "domains"}};
}

// ---- VisitEditor

VisitEditor::VisitEditor(QObject* parent) : QObject(parent) {
  if (AppSession::instance) {
    connect(AppSession::instance, &AppSession::dataChanged, this, &VisitEditor::Load);
    connect(AppSession::instance, &AppSession::flushEdits, this, &VisitEditor::save);
  }
}

VisitEditor::~VisitEditor() {
  save();
}

QString VisitEditor::RecordName(const OpId& id) {
  return QStringLiteral("%1@%2").arg(id.replica, 0, 16).arg(id.counter);
}

OpId VisitEditor::ParseRecord(const QString& name) {
  const auto at = name.indexOf('@');
  if (at <= 0) return {};
  bool ok1 = false, ok2 = false;
  OpId id{name.left(at).toULongLong(&ok1, 16), name.mid(at + 1).toULongLong(&ok2, 10)};
  return ok1 && ok2 ? id : OpId{};
}

void VisitEditor::setDoc(const QString& doc) {
  if (doc == doc_) return;
  save();
  doc_ = doc;
  emit recordChanged();
  Load();
}

void VisitEditor::setRecord(const QString& record) {
  if (record == record_) return;
  save();
  record_ = record;
  emit recordChanged();
  Load();
}

QString VisitEditor::dateText() const {
  return DateText(date_);
}

QVariantList VisitEditor::kinds() const {
  return Choices<naast::domain::VisitKind>();
}

QVariantList VisitEditor::domains() const {
  return Choices<naast::domain::LifeDomain>();
}

bool WriteTextDiff(naast::crdt::Document& doc, OpId record, std::string_view field,
                   const QString& before_text, const QString& after_text) {
  const QList<uint> before = before_text.toUcs4(), after = after_text.toUcs4();
  qsizetype start = 0;
  while (start < before.size() && start < after.size() && before[start] == after[start]) ++start;
  qsizetype end_b = before.size(), end_a = after.size();
  while (end_b > start && end_a > start && before[end_b - 1] == after[end_a - 1]) --end_b, --end_a;
  if (end_b > start && !doc.DeleteText(record, field, static_cast<std::size_t>(start),
                                       static_cast<std::size_t>(end_b - start))) {
    return false;
  }
  if (end_a > start) {
    const QString inserted = QString::fromUcs4(
        reinterpret_cast<const char32_t*>(after.constData() + start), end_a - start);
    if (!doc.InsertText(record, field, static_cast<std::size_t>(start), inserted.toStdString())) {
      return false;
    }
  }
  return true;
}

bool SetIfChanged(naast::crdt::Document& doc, OpId record, std::string_view field, Value value) {
  const auto current = doc.Get(record, field);
  if (current && current->value == value) return true;
  if (!current && std::holds_alternative<std::monostate>(value)) return true;
  return static_cast<bool>(doc.Set(record, field, std::move(value)));
}

QString OwnerLabel(const QString& owner) {
  static const std::map<QString, const char*> kOwners = {
      {"moeder", QT_TRANSLATE_NOOP("DossierSections", "Moeder")},
      {"coach", QT_TRANSLATE_NOOP("DossierSections", "Coach")},
      {"samen", QT_TRANSLATE_NOOP("DossierSections", "Samen")},
      {"netwerk", QT_TRANSLATE_NOOP("DossierSections", "Netwerk")},
      {"ketenpartner", QT_TRANSLATE_NOOP("DossierSections", "Ketenpartner")}};
  const auto it = kOwners.find(owner.toLower());
  return it != kOwners.end() ? QCoreApplication::translate("DossierSections", it->second) : owner;
}

void VisitEditor::Load() {
  date_.clear(), kind_.clear(), diary_entry_.clear(), notes_.clear(), agreements_.clear(),
      follow_up_.clear(), next_appointment_.clear(), domains_.clear(), conflicts_.clear(),
      tasks_.clear(), open_tasks_.clear();
  duration_ = 0;
  const OpId id = ParseRecord(record_);
  if (AppSession::instance && AppSession::instance->unlocked() && !doc_.isEmpty() && id.valid()) {
    auto store = AppSession::instance->store();
    auto d = store->Get(doc_.toStdString());
    if (d && (*d)->Exists(id)) {
      const naast::crdt::Document& doc = **d;
      auto reg = [&](std::string_view f) {
        auto e = doc.Get(id, f);
        return e ? e->value : Value{};
      };
      date_ = Text(reg("date"));
      kind_ = Text(reg("kind"));
      diary_entry_ = Text(reg("diary_entry"));
      next_appointment_ = Text(reg("next_appointment"));
      const Value duration = reg("duration_min");
      if (const auto* m = std::get_if<std::int64_t>(&duration)) duration_ = static_cast<int>(*m);
      for (const Value& v : doc.Elements(id, "life_domains")) domains_.push_back(Text(v));
      notes_ = QString::fromStdString(doc.Text(id, "notes"));
      agreements_ = QString::fromStdString(doc.Text(id, "agreements"));
      follow_up_ = QString::fromStdString(doc.Text(id, "follow_up"));
      for (std::string_view f : kRegisters) {
        if (doc.Overwritten(id, f).empty()) continue;
        QVariantMap c;
        c["field"] = QString::fromUtf8(f.data(), static_cast<qsizetype>(f.size()));
        const naast::domain::FieldSpec* spec = FindField("visit", f);
        c["label"] = spec ? SchemaLabel(spec->nl, spec->name) : Utf8(f);
        conflicts_.push_back(c);
      }
      LoadTasks(doc, AppSession::instance->todayDate().ToString());
    }
  }
  emit changed();
}

void VisitEditor::LoadTasks(const naast::crdt::Document& doc, const std::string& today) {
  // Tasks of this visit, and the dossier's others that are open (or were done today, so a
  // tap can be undone), each by due date; no date last.
  struct Task {
    std::string due;
    QVariantMap row;
  };
  std::vector<Task> mine, others;
  for (const OpId& r : doc.Records()) {
    if (doc.TypeOf(r) != "task") continue;
    auto reg = [&](std::string_view f) {
      auto e = doc.Get(r, f);
      return e ? Text(e->value) : QString();
    };
    const QString due = reg("due_date"), done = reg("done_on"), visit = reg("visit");
    const QString owner = reg("owner");
    QVariantMap row{{"id", RecordName(r)},
                    {"what", reg("what")},
                    {"owner", owner},
                    {"ownerLabel", owner.isEmpty() ? QString() : OwnerLabel(owner)},
                    {"due", due},
                    {"dueText", ShortDateText(due)},
                    {"done", !done.isEmpty()},
                    {"doneText", ShortDateText(done)},
                    {"late", done.isEmpty() && !due.isEmpty() && due.toStdString() < today}};
    const std::string key = due.isEmpty() ? std::string("9999") : due.toStdString();
    if (visit == record_) {
      mine.push_back({key, row});
    } else if (done.isEmpty() || done.toStdString() == today) {
      const OpId v = ParseRecord(visit);
      auto date = v.valid() && doc.Exists(v) ? doc.Get(v, "date") : std::nullopt;
      row["visitDate"] = date ? ShortDateText(Text(date->value)) : QString();
      others.push_back({key, row});
    }
  }
  for (auto* list : {&mine, &others}) {
    std::stable_sort(list->begin(), list->end(),
                     [](const Task& a, const Task& b) { return a.due < b.due; });
  }
  for (const Task& t : mine) tasks_.push_back(t.row);
  for (const Task& t : others) open_tasks_.push_back(t.row);
}

OpId VisitEditor::FindTask(const naast::crdt::Document& doc, const QString& task) const {
  const OpId id = ParseRecord(task);
  return id.valid() && doc.Exists(id) && !doc.IsDeleted(id) && doc.TypeOf(id) == "task" ? id
                                                                                        : OpId{};
}

bool VisitEditor::addTask(const QString& what, const QString& owner, int dueInDays) {
  const OpId visit = ParseRecord(record_);
  const QString text = what.simplified();
  if (!AppSession::instance || !visit.valid()) return false;
  if (text.isEmpty()) {
    emit failed(
        QCoreApplication::translate("VisitEditor", "Schrijf eerst op wat er moet gebeuren."));
    return false;
  }
  const std::string due =
      dueInDays >= 0 ? (AppSession::instance->todayDate() + dueInDays).ToString() : "";
  return Edit([&](naast::crdt::Document& doc) {
    if (!doc.Exists(visit)) return false;
    const OpId task = doc.CreateRecord("task");
    return doc.Set(task, "what", text.toStdString()) &&
           doc.Set(task, "visit", RecordName(visit).toStdString()) &&
           (owner.isEmpty() || doc.Set(task, "owner", owner.simplified().toStdString())) &&
           (due.empty() || doc.Set(task, "due_date", due));
  });
}

bool VisitEditor::setTaskDone(const QString& task, bool done) {
  if (!AppSession::instance) return false;
  const std::string today = AppSession::instance->todayDate().ToString();
  return Edit([&](naast::crdt::Document& doc) {
    const OpId id = FindTask(doc, task);
    if (!id.valid()) return false;
    auto now = doc.Get(id, "done_on");
    const bool is_done = now && std::holds_alternative<std::string>(now->value);
    if (is_done == done) return true;  // nothing to write
    return static_cast<bool>(doc.Set(id, "done_on", done ? Value{today} : Value{}));
  });
}

bool VisitEditor::editTask(const QString& task, const QString& what, const QString& owner,
                           const QString& due) {
  const QString text = what.simplified();
  if (text.isEmpty()) {
    emit failed(
        QCoreApplication::translate("VisitEditor", "Schrijf eerst op wat er moet gebeuren."));
    return false;
  }
  if (!due.isEmpty() && !naast::domain::Date::Parse(due.toStdString())) return false;
  // Empty is none (a null value).
  auto set = [](naast::crdt::Document& doc, OpId id, std::string_view field, const QString& v) {
    return SetIfChanged(doc, id, field, v.isEmpty() ? Value{} : Value{v.toStdString()});
  };
  return Edit([&](naast::crdt::Document& doc) {
    const OpId id = FindTask(doc, task);
    return id.valid() && set(doc, id, "what", text) && set(doc, id, "owner", owner.simplified()) &&
           set(doc, id, "due_date", due);
  });
}

bool VisitEditor::removeTask(const QString& task) {
  return Edit([&](naast::crdt::Document& doc) {
    const OpId id = FindTask(doc, task);
    // Only this visit's own tasks: an earlier visit's task is marked done, not removed.
    auto visit = id.valid() ? doc.Get(id, "visit") : std::nullopt;
    if (!visit || Text(visit->value) != record_) return false;
    return static_cast<bool>(doc.DeleteRecord(id));
  });
}

bool VisitEditor::Edit(const std::function<bool(naast::crdt::Document&)>& edit) {
  if (!AppSession::instance) return false;
  {
    auto store = AppSession::instance->store();
    if (!store) return false;
    auto d = store->Get(doc_.toStdString());
    if (!d || !edit(**d) || !Commit(/*now=*/true)) return false;
  }
  Load();
  return true;
}

bool VisitEditor::createNew() {
  if (!AppSession::instance || doc_.isEmpty()) return false;
  QString name;
  {
    auto store = AppSession::instance->store();
    if (!store) return false;
    auto d = store->Get(doc_.toStdString());
    if (!d) return false;
    naast::crdt::Document& doc = **d;
    const OpId id = doc.CreateRecord("visit");
    if (!doc.Set(id, "date", AppSession::instance->todayDate().ToString()) ||
        !doc.Set(id, "kind",
                 std::string(naast::domain::ToCode(naast::domain::VisitKind::kHomeVisit))) ||
        !doc.Set(id, "duration_min", std::int64_t{60}) ||
        !doc.AddToSet(id, "present", std::string("moeder"))) {
      return false;
    }
    if (!store->Commit(doc_.toStdString())) return false;
    name = RecordName(id);
  }
  record_ = name;
  emit recordChanged();
  Load();
  AppSession::instance->sync()->LocalChange();
  return true;
}

bool VisitEditor::Commit(bool now) {
  if (!now && !AppSession::instance->sync()->syncing()) {
    // Typing: one commit (and one audit entry) per pause, not per key.
    dirty_ = true;
    if (commit_timer_ == 0) commit_timer_ = startTimer(400);
    return true;
  }
  if (commit_timer_ != 0) killTimer(commit_timer_), commit_timer_ = 0;
  dirty_ = false;
  auto store = AppSession::instance->store();
  if (!store) return false;
  auto committed = store->Commit(doc_.toStdString());
  if (!committed) {
    emit failed(QCoreApplication::translate(
        "VisitEditor",
        "Opslaan lukte niet (is het geheugen vol?). Wat je typte blijft staan en wordt "
        "bewaard zodra het weer kan."));
    // The store forgot the edit (it is not in the file). What was typed in the notes stays on
    // screen and goes into the document again, to be written at the next try (the next pause
    // in typing, or when the page closes); a choice made by a tap shows the saved value again.
    const QString typed[] = {notes_, agreements_, follow_up_};
    Load();
    QString* now[] = {&notes_, &agreements_, &follow_up_};
    constexpr std::string_view kNotes[] = {"notes", "agreements", "follow_up"};
    auto d = store->Get(doc_.toStdString());
    const OpId id = ParseRecord(record_);
    for (std::size_t i = 0; d && id.valid() && i < std::size(kNotes); ++i) {
      if (typed[i] == *now[i]) continue;
      if (!WriteTextDiff(**d, id, kNotes[i], *now[i], typed[i])) continue;
      *now[i] = typed[i];
      dirty_ = true;
    }
    if (dirty_) emit changed();
    return false;
  }
  if (committed->has_value()) AppSession::instance->sync()->LocalChange();
  emit saved();
  return true;
}

void VisitEditor::timerEvent(QTimerEvent* event) {
  if (event->timerId() == commit_timer_) save();
}

void VisitEditor::save() {
  if (commit_timer_ != 0) killTimer(commit_timer_), commit_timer_ = 0;
  if (dirty_ && AppSession::instance) Commit(/*now=*/true);
}

bool VisitEditor::setField(const QString& field, const QVariant& value) {
  const OpId id = ParseRecord(record_);
  if (!AppSession::instance || !id.valid()) return false;
  const std::string f = field.toStdString();
  Value v;
  if (f == "duration_min") {
    v = std::int64_t{value.toInt()};
  } else if (f == "date" || f == "kind" || f == "diary_entry") {
    v = value.toString().toStdString();
  } else if (f == "next_appointment") {
    const QString iso = value.toString();
    if (!iso.isEmpty() && !naast::domain::Date::Parse(iso.toStdString())) return false;
    if (!iso.isEmpty()) v = iso.toStdString();  // empty: no appointment (a null value)
  } else {
    return false;
  }
  return Edit([&](naast::crdt::Document& doc) { return static_cast<bool>(doc.Set(id, f, v)); });
}

bool VisitEditor::setDomain(const QString& code, bool on) {
  const OpId id = ParseRecord(record_);
  if (!AppSession::instance || !id.valid()) return false;
  const Value v = code.toStdString();
  return Edit([&](naast::crdt::Document& doc) {
    return on ? static_cast<bool>(doc.AddToSet(id, "life_domains", v))
              : static_cast<bool>(doc.RemoveFromSet(id, "life_domains", v));
  });
}

bool VisitEditor::editText(const QString& field, const QString& text) {
  const OpId id = ParseRecord(record_);
  const std::string f = field.toStdString();
  if (!AppSession::instance || !id.valid() ||
      (f != "notes" && f != "agreements" && f != "follow_up")) {
    return false;
  }
  QString* mine = f == "notes" ? &notes_ : f == "agreements" ? &agreements_ : &follow_up_;
  if (*mine == text) return true;
  {
    auto store = AppSession::instance->store();
    if (!store) return false;
    auto d = store->Get(doc_.toStdString());
    if (!d) return false;
    naast::crdt::Document& doc = **d;
    if (!WriteTextDiff(doc, id, f, *mine, text)) return false;
    // The document's text, which is `text` unless a sync merged something in meanwhile.
    *mine = QString::fromStdString(doc.Text(id, f));
    if (!Commit(/*now=*/false)) return false;
  }
  emit changed();
  return true;
}

QVariantList VisitEditor::overwritten(const QString& field) const {
  QVariantList out;
  const OpId id = ParseRecord(record_);
  if (!AppSession::instance || !id.valid()) return out;
  auto store = AppSession::instance->store();
  if (!store) return out;
  auto d = store->Get(doc_.toStdString());
  if (!d) return out;
  const naast::domain::FieldSpec* spec = FindField("visit", field.toStdString());
  for (const auto& e : NewestFirst((*d)->Overwritten(id, field.toStdString()))) {
    out.push_back(EntryView(e, spec ? spec->type : naast::domain::FieldType::kText, (*d)->self()));
  }
  return out;
}

bool VisitEditor::restore(const QString& field, int index) {
  const OpId id = ParseRecord(record_);
  if (!AppSession::instance || !id.valid() || !RestoreValue(doc_, id, field, index)) return false;
  Load();
  AppSession::instance->sync()->LocalChange();
  return true;
}

// ---- ReplacedValues

ReplacedValues* ReplacedValues::create(QQmlEngine*, QJSEngine*) {
  return new ReplacedValues;
}

QVariantList ReplacedValues::list(const QString& doc) {
  QVariantList out;
  if (!AppSession::instance || doc.isEmpty()) return out;
  auto store = AppSession::instance->store();
  if (!store) return out;
  auto d = store->Get(doc.toStdString());
  if (!d) return out;
  const naast::crdt::Document& document = **d;
  for (const OpId& record : document.Records()) {
    const auto type = document.TypeOf(record);
    if (!type) continue;
    const naast::domain::EntitySpec* entity = naast::domain::FindEntity(*type);
    for (const auto& [kind, field] : document.Fields(record)) {
      if (kind != naast::crdt::FieldKind::kRegister) continue;
      const auto replaced = document.Overwritten(record, field);
      if (replaced.empty()) continue;
      const naast::domain::FieldSpec* spec = FindField(*type, field);
      const auto ftype = spec ? spec->type : naast::domain::FieldType::kText;
      QVariantMap row;
      row["record"] = VisitEditor::RecordName(record);
      row["what"] = entity ? SchemaLabel(entity->nl, entity->type) : QString::fromStdString(*type);
      row["field"] = QString::fromStdString(field);
      row["fieldLabel"] = spec ? SchemaLabel(spec->nl, spec->name) : QString::fromStdString(field);
      if (auto now = document.Get(record, field)) {
        row["current"] = EntryView(*now, ftype, document.self());
      }
      QVariantList values;
      for (const auto& e : NewestFirst(replaced)) {
        values.push_back(EntryView(e, ftype, document.self()));
      }
      row["replaced"] = values;
      out.push_back(row);
    }
  }
  return out;
}

bool ReplacedValues::restore(const QString& doc, const QString& record, const QString& field,
                             int index) {
  const OpId id = VisitEditor::ParseRecord(record);
  if (!AppSession::instance || !id.valid() || !RestoreValue(doc, id, field, index)) return false;
  AppSession::instance->sync()->LocalChange();
  emit AppSession::instance->dataChanged();  // every page showing the dossier reads it again
  return true;
}
