// The teamleider's actions in the app (Sync: createTeam, approve, assign) against a real
// encrypted store, with no server: giving a student a dossier also puts her tablet's name among
// who goes to her, so the team's day shows her round; a refusal is in plain words.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app_session.h"
#include "demo_session.h"
#include "dossier_sections.h"
#include "naast/crypto/crypto.h"
#include "naast/domain/team_generator.h"
#include "naast/sync/enrolment.h"
#include "naast/sync/registry.h"
#include "naast/sync/session.h"
#include "sync_service.h"

class TeamActionsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    session_ = OpenDemoSession(std::filesystem::path(data_.path().toStdString()) / "tablet");
    QVERIFY(session_);
  }

  void aStudentGivenADossierGoesToHer() {
    SyncService* sync = session_->sync();
    QVERIFY(sync->createTeam("tablet teamleider"));
    QCOMPARE(sync->role(), QStringLiteral("teamleider"));

    // A student's new tablet: its own store and keys, as on another tablet.
    const auto other = std::filesystem::path(data_.path().toStdString()) / "student.db";
    naast::crdt::HybridClock clock;
    auto store = naast::store::Store::Open(other, naast::crypto::RandomKey(), 0, &clock).value();
    auto student = naast::sync::Device::Load(*store).value();
    const QString payload = QString::fromStdString(
        naast::sync::EnrolmentPayload(student.id(), student.box().public_key));
    const QString code = QString::fromStdString(student.Code());
    QVERIFY(sync->approve(payload, code, "student", "tablet student 9"));
    QString id;
    for (const QVariant& m : sync->members()) {
      if (m.toMap()["label"].toString() == "tablet student 9") id = m.toMap()["id"].toString();
    }
    QVERIFY(!id.isEmpty());

    const QString doc = session_->caseload()
                            ->data(session_->caseload()->index(0, 0), CaseloadModel::DocRole)
                            .toString();
    DossierSections sections(DataSource::FromSession());
    QVERIFY(!sections.assigned(doc).contains("tablet student 9"));
    const int waiting = sync->waiting();
    QVERIFY(sync->assign(id, doc));
    QVERIFY(sync->teamError().isEmpty());
    QVERIFY(sections.assigned(doc).contains("tablet student 9"));
    QCOMPARE(sync->waiting(), waiting + 1);  // the dossier's change waits for the server

    // A coach is no student: refused in plain words, and nothing is assigned.
    QVERIFY(!sync->assign(QString(id).replace(0, 2, "00"), doc));
    QVERIFY(!sync->teamError().isEmpty());
    QVERIFY(!sync->teamError().contains("registry"));  // not the core's English
  }

  void cleanupTestCase() {
    session_.reset();
    AppSession::instance = nullptr;
  }

 private:
  QTemporaryDir data_;
  std::unique_ptr<AppSession> session_;
};

QTEST_GUILESS_MAIN(TeamActionsTest)
#include "team_actions_test.moc"
