#include "caseload_model.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

using naast::domain::CaseloadEntry;
using naast::domain::Date;
using naast::domain::Phase;

QString PhaseLabel(Phase phase) {
  switch (phase) {
    case Phase::kPregnancy:
      return QCoreApplication::translate("Caseload", "Zwangerschap");
    case Phase::kFirstYear:
      return QCoreApplication::translate("Caseload", "Eerste jaar");
    case Phase::kSecondYear:
      return QCoreApplication::translate("Caseload", "Tweede jaar");
    case Phase::kAftercare:
      return QCoreApplication::translate("Caseload", "Nazorg");
  }
  return {};
}

QString StageLabel(const CaseloadEntry& e) {
  if (e.pregnancy_week) {
    return QCoreApplication::translate("Caseload", "week %1").arg(*e.pregnancy_week);
  }
  if (e.child_age_months) {
    const int months = *e.child_age_months;
    return months == 1 ? QCoreApplication::translate("Caseload", "kind 1 maand")
                       : QCoreApplication::translate("Caseload", "kind %1 maanden").arg(months);
  }
  return {};
}

QString ShortDate(Date d) {
  const QDate q = QDate::fromString(QString::fromStdString(d.ToString()), Qt::ISODate);
  return QLocale().toString(q, QStringLiteral("ddd d MMM"));
}

void CaseloadModel::Reset(std::vector<CaseloadEntry> entries, Date today) {
  all_ = std::move(entries);
  today_ = today;
  Refilter();
}

const CaseloadEntry* CaseloadModel::Find(const QString& doc) const {
  for (const auto& e : all_) {
    if (QString::fromStdString(e.doc) == doc) return &e;
  }
  return nullptr;
}

void CaseloadModel::setFilter(const QString& f) {
  if (f == filter_) return;
  filter_ = f;
  Refilter();
  emit filterChanged();
}

// The rows shown: every entry whose name holds the filter.
void CaseloadModel::Refilter() {
  beginResetModel();
  shown_.clear();
  for (const auto& e : all_) {
    if (filter_.isEmpty() || QString::fromStdString(e.name).contains(filter_, Qt::CaseInsensitive))
      shown_.push_back(&e);
  }
  endResetModel();
  emit countChanged();
}

int CaseloadModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return {};
  const CaseloadEntry& e = *shown_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case NameRole:
      return QString::fromStdString(e.name);
    case DocRole:
      return QString::fromStdString(e.doc);
    case PhaseRole:
      return PhaseLabel(e.phase);
    case StageRole:
      return StageLabel(e);
    case NextVisitRole:
      return ShortDate(e.next_visit_due);
    case LastVisitRole:
      return e.last_visit ? ShortDate(*e.last_visit) : QString();
    case OverdueRole:
      return e.overdue;
    case DueTodayRole:
      return e.due_today;
    case CrisisRole:
      return e.crisis;
    case EscalationsRole:
      return e.open_escalations;
    case LateRole:
      return !e.late_turnaround.empty();
    case AppointmentRole:
      return e.appointment && *e.appointment == e.next_visit_due ? ShortDate(*e.appointment)
                                                                 : QString();
    case GroupRole:
      return e.overdue ? QStringLiteral("overdue")
                       : (e.due_today ? QStringLiteral("today") : QStringLiteral("later"));
  }
  return {};
}

QHash<int, QByteArray> CaseloadModel::roleNames() const {
  return {{DocRole, "doc"},
          {NameRole, "name"},
          {PhaseRole, "phase"},
          {StageRole, "stage"},
          {NextVisitRole, "nextVisit"},
          {LastVisitRole, "lastVisit"},
          {OverdueRole, "overdue"},
          {DueTodayRole, "dueToday"},
          {CrisisRole, "crisis"},
          {EscalationsRole, "escalations"},
          {LateRole, "late"},
          {GroupRole, "group"},
          {AppointmentRole, "appointment"}};
}
