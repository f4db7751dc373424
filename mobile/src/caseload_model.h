// The team's caseload for the app: one row per active dossier, overdue and today's visits first
// (domain::Caseload), with the flags a coach scans for. Filtered by name in the model.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <vector>

#include "naast/domain/queries.h"

class CaseloadModel : public QAbstractListModel {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("the caseload comes from AppSession")
  Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
  Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)

 public:
  enum Role {
    DocRole = Qt::UserRole + 1,
    NameRole,
    PhaseRole,      // e.g. "Zwangerschap"
    StageRole,      // "week 23" or "8 maanden"
    NextVisitRole,  // "ma 24 nov"
    LastVisitRole,  // "" when none
    OverdueRole,
    DueTodayRole,
    CrisisRole,
    EscalationsRole,
    LateRole,         // turnaround late
    GroupRole,        // "overdue", "today", "later": for list sections
    AppointmentRole,  // "do 27 nov" when the next visit is an appointment made; else ""
  };
  explicit CaseloadModel(QObject* parent = nullptr) : QAbstractListModel(parent) {}

  void Reset(std::vector<naast::domain::CaseloadEntry> entries, naast::domain::Date today);
  const naast::domain::CaseloadEntry* Find(const QString& doc) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  QString filter() const { return filter_; }
  void setFilter(const QString& f);

 signals:
  void countChanged();
  void filterChanged();

 private:
  void Refilter();

  std::vector<naast::domain::CaseloadEntry> all_;
  std::vector<const naast::domain::CaseloadEntry*> shown_;
  naast::domain::Date today_;
  QString filter_;
};

// Labels shared by the model and the session.
QString PhaseLabel(naast::domain::Phase phase);
QString StageLabel(const naast::domain::CaseloadEntry& e);
QString ShortDate(naast::domain::Date d);
