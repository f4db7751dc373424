// The caseload model under QAbstractItemModelTester, filled from a real encrypted store with a
// generated team: rows match the domain's caseload, overdue first, and the name filter works.
#include "caseload_model.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

#include "naast/crypto/crypto.h"
#include "naast/domain/team_generator.h"

class CaseloadModelTest : public QObject {
  Q_OBJECT
 private slots:
  void rowsFilterAndRoles() {
    QTemporaryDir dir;
    naast::crdt::HybridClock clock;
    auto store = naast::store::Store::Open(std::filesystem::path(dir.path().toStdString()) / "t.db",
                                           naast::crypto::RandomKey(), 0, &clock);
    QVERIFY(store.ok());
    naast::domain::TeamShape shape;
    shape.active_mothers = 8;
    shape.closed_mothers = 2;
    shape.years = 1;
    QVERIFY(naast::domain::GenerateTeam(**store, shape).ok());
    auto entries = naast::domain::Caseload(**store, naast::domain::TeamSettings{}, shape.today);
    QVERIFY(entries.ok());
    QVERIFY(entries->size() >= 8);

    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.Reset(*entries, shape.today);
    QCOMPARE(model.rowCount(), static_cast<int>(entries->size()));
    bool later = false;
    for (int i = 0; i < model.rowCount(); ++i) {
      const QModelIndex index = model.index(i, 0);
      QCOMPARE(model.data(index, CaseloadModel::NameRole).toString(),
               QString::fromStdString((*entries)[static_cast<std::size_t>(i)].name));
      QVERIFY(!model.data(index, CaseloadModel::NextVisitRole).toString().isEmpty());
      QVERIFY(!model.data(index, CaseloadModel::PhaseRole).toString().isEmpty());
      const bool overdue = model.data(index, CaseloadModel::OverdueRole).toBool();
      if (!overdue) later = true;
      QVERIFY(!(overdue && later));
    }
    const QString name = model.data(model.index(0, 0), CaseloadModel::NameRole).toString();
    const QString part = name.right(4).toUpper();
    model.setFilter(part);
    QVERIFY(model.rowCount() >= 1);
    for (int i = 0; i < model.rowCount(); ++i) {
      QVERIFY(model.data(model.index(i, 0), CaseloadModel::NameRole)
                  .toString()
                  .contains(part, Qt::CaseInsensitive));
    }
    model.setFilter(QString());
    QCOMPARE(model.rowCount(), static_cast<int>(entries->size()));
    QVERIFY(model.roleNames().values().contains("nextVisit"));
  }
};

QTEST_GUILESS_MAIN(CaseloadModelTest)
#include "caseload_model_test.moc"
