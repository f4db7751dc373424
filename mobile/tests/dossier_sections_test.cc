// The dossier's parts (DossierSections) against a real encrypted store with a generated team:
// what the pages show matches the store's tables, and every write is read back from them.
#include "dossier_sections.h"

#include <QTemporaryDir>
#include <QTest>

#include "naast/crypto/crypto.h"
#include "naast/domain/codes.h"
#include "naast/domain/team_generator.h"

namespace {

std::int64_t Count(naast::store::Store& store, const char* sql, const QString& doc) {
  auto rows = store.Query(sql, {doc.toStdString()});
  if (!rows || rows->empty()) return -1;
  return std::get<std::int64_t>((*rows)[0][0]);
}

}  // namespace

class DossierSectionsTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    auto store =
        naast::store::Store::Open(std::filesystem::path(dir_.path().toStdString()) / "t.db",
                                  naast::crypto::RandomKey(), 0, &clock_);
    QVERIFY(store.ok());
    store_ = std::move(store.value());
    naast::domain::TeamShape shape;
    shape.active_mothers = 8;
    shape.closed_mothers = 2;
    shape.years = 1;
    shape.note_chars = 80;
    today_ = shape.today;
    QVERIFY(naast::domain::GenerateTeam(*store_, shape).ok());
    auto docs = store_->Query("SELECT doc FROM e_mother WHERE deleted = 0 ORDER BY doc");
    QVERIFY(docs.ok());
    for (const auto& r : *docs) docs_ << QString::fromStdString(std::get<std::string>(r[0]));
    QCOMPARE(docs_.size(), 10);
    sections_ = std::make_unique<DossierSections>(DossierSections::Source{
        [this] { return store_.get(); }, [this] { return today_; }, [] { return QString("nl"); }});
  }

  void overviewHasContactsAndChildren() {
    for (const QString& doc : docs_) {
      const QVariantMap o = sections_->overview(doc);
      QVERIFY(!o["phone"].toString().isEmpty());
      QVERIFY(!o["address"].toString().isEmpty());
      QVERIFY(!o["household"].toString().isEmpty());
      QVERIFY(!o["dueDate"].toString().isEmpty());
      QVERIFY(!o["registered"].toString().isEmpty());
      QVERIFY(!o["reasons"].toStringList().isEmpty());
      QCOMPARE(o["children"].toList().size(),
               Count(*store_, "SELECT count(*) FROM e_child WHERE doc = ?1 AND deleted = 0", doc));
    }
  }

  void goalsAreGroupedByDomainInTheMatrixOrder() {
    const auto domains = naast::domain::Codes(naast::domain::LifeDomain{});
    auto position = [&](const QString& code) {
      for (std::size_t i = 0; i < domains.size(); ++i) {
        if (std::string(domains[i].code) == code.toStdString()) return static_cast<int>(i);
      }
      return -1;
    };
    for (const QString& doc : docs_) {
      const QVariantList groups = sections_->goalGroups(doc);
      int goals = 0, last = -1;
      for (const QVariant& g : groups) {
        const QVariantMap group = g.toMap();
        const int at = position(group["domain"].toString());
        QVERIFY2(at > last, qPrintable(group["domain"].toString()));
        last = at;
        QVERIFY(!group["label"].toString().isEmpty());
        const QVariantList list = group["goals"].toList();
        QVERIFY(!list.isEmpty());
        goals += static_cast<int>(list.size());
        // Each goal is in its own domain's group: count them in the table.
        auto rows = store_->Query(
            "SELECT count(*) FROM e_goal WHERE doc = ?1 AND life_domain = ?2 AND deleted = 0",
            {doc.toStdString(), group["domain"].toString().toStdString()});
        QVERIFY(rows.ok());
        QCOMPARE(list.size(), std::get<std::int64_t>((*rows)[0][0]));
      }
      QCOMPARE(goals,
               Count(*store_, "SELECT count(*) FROM e_goal WHERE doc = ?1 AND deleted = 0", doc));
      QVERIFY(goals >= 3);
    }
  }

  void aNewGoalIsInThePlan() {
    const QString doc = docs_.front();
    auto count = [&] {
      int n = 0;
      for (const QVariant& g : sections_->goalGroups(doc)) n += g.toMap()["goals"].toList().size();
      return n;
    };
    const int before = count();
    QVERIFY(sections_->addGoal(doc, "huisvesting", "Een eigen kamer voor moeder en baby.",
                               "Waar kan ik wonen?", "Moeder", 8));
    QCOMPARE(count(), before + 1);
    bool found = false;
    for (const QVariant& g : sections_->goalGroups(doc)) {
      for (const QVariant& goal : g.toMap()["goals"].toList()) {
        const QVariantMap m = goal.toMap();
        if (m["description"].toString() != "Een eigen kamer voor moeder en baby.") continue;
        found = true;
        QCOMPARE(g.toMap()["domain"].toString(), QStringLiteral("huisvesting"));
        QCOMPARE(m["status"].toString(), QStringLiteral("open"));
        QCOMPARE(m["helpQuestion"].toString(), QStringLiteral("Waar kan ik wonen?"));
      }
    }
    QVERIFY(found);
    // The due date, in the tables: eight weeks from today.
    auto rows = store_->Query(
        "SELECT due_date FROM e_goal WHERE doc = ?1 AND owner = 'moeder' AND deleted = 0 "
        "ORDER BY counter DESC LIMIT 1",
        {doc.toStdString()});
    QVERIFY(rows.ok() && !rows->empty());
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])),
             QString::fromStdString((today_ + 56).ToString()));
    // Refused: an unknown life domain, no description, no owner.
    QVERIFY(!sections_->addGoal(doc, "geluk", "Iets.", "", "moeder", 4));
    QVERIFY(!sections_->addGoal(doc, "huisvesting", "  ", "", "moeder", 4));
    QVERIFY(!sections_->addGoal(doc, "huisvesting", "Iets.", "", "", 4));
    QCOMPARE(count(), before + 1);
  }

  void aGoalsStatusAndStageAreSaved() {
    const QString doc = docs_.front();
    const QVariantMap goal =
        sections_->goalGroups(doc).front().toMap()["goals"].toList().front().toMap();
    const QString id = goal["id"].toString();
    const QString status = goal["status"].toString() == "bereikt" ? "bezig" : "bereikt";
    QVERIFY(sections_->setGoalStatus(doc, id, status));
    const QString stage =
        goal["learningStage"].toString() == "zelf_doen" ? "samendoen" : "zelf_doen";
    QVERIFY(sections_->setGoalLearningStage(doc, id, stage));
    // Read back from the table, and through the plan.
    const auto parts = id.split(':');
    auto rows = store_->Query(
        "SELECT status, learning_stage FROM e_goal WHERE doc = ?1 AND replica = ?2 AND "
        "counter = ?3",
        {doc.toStdString(), static_cast<std::int64_t>(parts[0].toULongLong()),
         static_cast<std::int64_t>(parts[1].toULongLong())});
    QVERIFY(rows.ok() && rows->size() == 1);
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])), status);
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][1])), stage);
    bool found = false;
    for (const QVariant& g : sections_->goalGroups(doc)) {
      for (const QVariant& x : g.toMap()["goals"].toList()) {
        if (x.toMap()["id"] != id) continue;
        found = true;
        QCOMPARE(x.toMap()["status"].toString(), status);
        QCOMPARE(x.toMap()["statusLabel"].toString(), status == "bereikt" ? "Bereikt" : "Bezig");
      }
    }
    QVERIFY(found);
    // Refused: a code that is not a status, an id that is no goal, another dossier's goal.
    QVERIFY(!sections_->setGoalStatus(doc, id, "klaar"));
    QVERIFY(!sections_->setGoalLearningStage(doc, id, "bereikt"));
    QVERIFY(!sections_->setGoalStatus(doc, "1:1", "open"));
    QVERIFY(!sections_->setGoalStatus(doc, "nonsense", "open"));
    // Record ids are per document, so the same id can be a goal in another dossier too: take one
    // where it is not.
    QString other;
    for (const QString& d : docs_) {
      auto same = store_->Query(
          "SELECT count(*) FROM e_goal WHERE doc = ?1 AND replica = ?2 AND counter = ?3",
          {d.toStdString(), static_cast<std::int64_t>(parts[0].toULongLong()),
           static_cast<std::int64_t>(parts[1].toULongLong())});
      QVERIFY(same.ok());
      if (d != doc && std::get<std::int64_t>((*same)[0][0]) == 0) other = d;
    }
    QVERIFY(!other.isEmpty());
    QVERIFY(!sections_->setGoalStatus(other, id, "open"));
    auto mother =
        store_->Query("SELECT replica, counter FROM e_mother WHERE doc = ?1", {doc.toStdString()});
    QVERIFY(mother.ok() && !mother->empty());
    const QString mother_id =
        QString::number(static_cast<std::uint64_t>(std::get<std::int64_t>((*mother)[0][0]))) + ":" +
        QString::number(std::get<std::int64_t>((*mother)[0][1]));
    QVERIFY(!sections_->setGoalStatus(doc, mother_id, "open"));
    rows =
        store_->Query("SELECT status FROM e_goal WHERE doc = ?1 AND replica = ?2 AND counter = ?3",
                      {doc.toStdString(), static_cast<std::int64_t>(parts[0].toULongLong()),
                       static_cast<std::int64_t>(parts[1].toULongLong())});
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])), status);
  }

  void assessmentsOldestFirstWithThirteenScores() {
    for (const QString& doc : docs_) {
      const QVariantList list = sections_->assessments(doc);
      QCOMPARE(
          list.size(),
          Count(*store_, "SELECT count(*) FROM e_assessment WHERE doc = ?1 AND deleted = 0", doc));
      QVERIFY(!list.isEmpty());
      QString previous;
      for (const QVariant& a : list) {
        const QVariantMap m = a.toMap();
        QVERIFY(m["date"].toString() >= previous);
        QVERIFY(m["date"].toString() <= QString::fromStdString(today_.ToString()));
        previous = m["date"].toString();
        QVERIFY(!m["moment"].toString().isEmpty());
        const QVariantList scores = m["scores"].toList();
        QCOMPARE(scores.size(), 13);
        for (const QVariant& s : scores) QVERIFY(s.toInt() >= 1 && s.toInt() <= 5);
      }
      QCOMPARE(list.front().toMap()["moment"].toString(), QString("Intake"));
    }
  }

  void referralsWaitingFirstWithTheirWait() {
    const QString doc = docs_[1];
    // One referred ten days ago that has not started.
    auto d = store_->Get(doc.toStdString());
    QVERIFY(d.ok());
    const auto ref = (*d)->CreateRecord("referral");
    QVERIFY((*d)->Set(ref, "kind", std::string("Test-ondersteuning")).ok());
    QVERIFY((*d)->Set(ref, "status", std::string("aangemeld")).ok());
    QVERIFY((*d)->Set(ref, "referred_on", (today_ - 10).ToString()).ok());
    QVERIFY(store_->Commit(doc.toStdString()).ok());
    const QVariantList list = sections_->referrals(doc);
    QCOMPARE(list.size(),
             Count(*store_, "SELECT count(*) FROM e_referral WHERE doc = ?1 AND deleted = 0", doc));
    bool rest = false, found = false;
    int longest = 1 << 30;
    for (const QVariant& r : list) {
      const QVariantMap m = r.toMap();
      if (!m["waiting"].toBool()) {
        rest = true;
        QCOMPARE(m["waitingDays"].toInt(), 0);
        continue;
      }
      QVERIFY2(!rest, "a waiting referral after one that started");
      QVERIFY(m["waitingDays"].toInt() <= longest);
      longest = m["waitingDays"].toInt();
      if (m["kind"] == "Test-ondersteuning") {
        found = true;
        QCOMPARE(m["waitingDays"].toInt(), 10);
        QCOMPARE(m["status"].toString(), QString("Aangemeld"));
      }
    }
    QVERIFY(found);
  }

  void aSafetySignalIsSavedAndShownFirst() {
    const QString doc = docs_[2];
    const auto before = sections_->safetySignals(doc).size();
    QVERIFY(!sections_->addSafetySignal(doc, "   "));
    QVERIFY(sections_->addSafetySignal(doc, "Moeder is bang voor haar ex."));
    const QVariantList signals_now = sections_->safetySignals(doc);
    QCOMPARE(signals_now.size(), before + 1);
    QCOMPARE(signals_now.front().toMap()["description"].toString(),
             QString("Moeder is bang voor haar ex."));
    QCOMPARE(Count(*store_,
                   "SELECT count(*) FROM e_safety_signal WHERE doc = ?1 AND deleted = 0 AND "
                   "date = '2026-11-24'",
                   doc),
             1 + Count(*store_,
                       "SELECT count(*) FROM e_safety_signal WHERE doc = ?1 AND deleted = 0 AND "
                       "date = '2026-11-24' AND description <> 'Moeder is bang voor haar ex.'",
                       doc));
  }

  void meldcodeHasFiveStepsDoneAsRecorded() {
    for (const QString& doc : docs_) {
      const QVariantList steps = sections_->meldcodeSteps(doc);
      QCOMPARE(steps.size(), 5);
      int done = 0;
      for (int i = 0; i < 5; ++i) {
        const QVariantMap s = steps[i].toMap();
        QCOMPARE(s["step"].toInt(), i + 1);
        QVERIFY(!s["label"].toString().isEmpty());
        if (s["done"].toBool()) {
          ++done;
          QVERIFY(!s["date"].toString().isEmpty());
        }
      }
      QCOMPARE(done, Count(*store_,
                           "SELECT count(DISTINCT step) FROM e_meldcode_step WHERE doc = ?1 AND "
                           "deleted = 0 AND step BETWEEN 1 AND 5",
                           doc));
    }
  }

  void aConsentIsRecordedAndShown() {
    const QString doc = docs_[3];
    auto state = [&](const QString& kind) {
      for (const QVariant& c : sections_->consents(doc)) {
        if (c.toMap()["kind"] == kind) return c.toMap()["state"].toString();
      }
      return QString("missing");
    };
    QCOMPARE(sections_->consents(doc).first().toMap()["kind"].toString(), QString("dossier"));
    QVERIFY(sections_->setConsent(doc, "monitoring", false));
    QCOMPARE(state("monitoring"), QString("withdrawn"));
    const auto records = Count(
        *store_, "SELECT count(*) FROM e_consent WHERE doc = ?1 AND kind = 'monitoring'", doc);
    QVERIFY(sections_->setConsent(doc, "monitoring", true));
    QCOMPARE(state("monitoring"), QString("given"));
    // The same record got the new value (its history is in the log).
    QCOMPARE(Count(*store_, "SELECT count(*) FROM e_consent WHERE doc = ?1 AND kind = 'monitoring'",
                   doc),
             records);
    // A kind the list does not know still shows.
    QCOMPARE(state("foto"), QString("missing"));
    QVERIFY(sections_->setConsent(doc, "foto", true));
    QCOMPARE(state("foto"), QString("given"));
  }

  void lockedGivesNothing() {
    DossierSections locked(
        DossierSections::Source{[] { return static_cast<naast::store::Store*>(nullptr); },
                                [this] { return today_; }, [] { return QString("en"); }});
    const QString doc = docs_.front();
    QVERIFY(locked.goalGroups(doc).isEmpty());
    QVERIFY(locked.assessments(doc).isEmpty());
    QVERIFY(locked.overview(doc).isEmpty());
    QVERIFY(!locked.addSafetySignal(doc, "x"));
    QVERIFY(!locked.setConsent(doc, "dossier", true));
    QCOMPARE(locked.goalStatuses().size(), 4);
    QCOMPARE(locked.goalStatuses()[2].toMap()["label"].toString(), QString("Achieved"));
  }

 private:
  QTemporaryDir dir_;
  naast::crdt::HybridClock clock_;
  std::unique_ptr<naast::store::Store> store_;
  std::unique_ptr<DossierSections> sections_;
  naast::domain::Date today_;
  QStringList docs_;
};

QTEST_GUILESS_MAIN(DossierSectionsTest)
#include "dossier_sections_test.moc"
