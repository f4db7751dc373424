// The dossier's parts (DossierSections) against a real encrypted store with a generated team:
// what the pages show matches the store's tables, and every write is read back from them.
#include "dossier_sections.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <type_traits>

#include "naast/crypto/crypto.h"
#include "naast/domain/codes.h"
#include "naast/domain/team_generator.h"

namespace {

std::int64_t Count(naast::store::Store& store, const char* sql, const QString& doc) {
  auto rows = store.Query(sql, {doc.toStdString()});
  if (!rows || rows->empty()) return -1;
  return std::get<std::int64_t>((*rows)[0][0]);
}

// The fields of `record` that the changes write (registers set, text inserted or deleted).
std::set<std::string> FieldsWritten(const std::vector<naast::crdt::Change>& changes,
                                    naast::crdt::OpId record) {
  std::set<std::string> out;
  for (const auto& change : changes) {
    for (const auto& op : change.ops) {
      std::visit(
          [&](const auto& o) {
            if constexpr (requires { o.record, o.field; }) {
              if (o.record == record) out.insert(o.field);
            }
          },
          op);
    }
  }
  return out;
}

naast::crdt::OpId IdOf(const QString& id) {
  const auto parts = id.split(':');
  return naast::crdt::OpId{parts[0].toULongLong(), parts[1].toULongLong()};
}

QString Iso(naast::domain::Date d) {
  return QString::fromStdString(d.ToString());
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
    sections_ =
        std::make_unique<DossierSections>(DossierSections::Source{[this] { return store_.get(); },
                                                                  [this] { return today_; },
                                                                  [] { return QString("nl"); },
                                                                  {},
                                                                  [this] { ++local_changes_; }});
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

  // Editing a goal writes the fields that changed and nothing else: the texts by their
  // difference, an unchanged owner or question not at all (a rewrite would be a needless
  // conflict beside a colleague's concurrent edit).
  void aGoalIsEditedFieldByField() {
    const QString doc = docs_[4];
    QVariantMap goal = sections_->goalGroups(doc).front().toMap()["goals"].toList().front().toMap();
    const QString id = goal["id"].toString();
    QVERIFY(!goal["description"].toString().isEmpty());
    QVERIFY(!goal["ownerCode"].toString().isEmpty());
    const naast::crdt::VersionVector before = Doc(doc).version();
    const auto owner_write = Doc(doc).Get(IdOf(id), "owner");
    QVERIFY(owner_write.has_value());
    const int waiting = local_changes_;
    QSignalSpy changed(sections_.get(), &DossierSections::changed);

    const QString description = goal["description"].toString() + " Samen met de buurvrouw.";
    const QString due = Iso(today_ + 30);
    QVERIFY(sections_->editGoal(doc, id,
                                {{"description", description},
                                 {"helpQuestion", goal["helpQuestion"]},  // unchanged
                                 {"owner", goal["ownerCode"]},            // unchanged
                                 {"actions", "Bellen met de woningcorporatie."},
                                 {"dueDate", due},
                                 {"evaluation", "Gaat goed."}}));
    QVERIFY(sections_->error().isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(local_changes_, waiting + 1);

    // Read back through the plan and from the table.
    for (const QVariant& g : sections_->goalGroups(doc)) {
      for (const QVariant& x : g.toMap()["goals"].toList()) {
        if (x.toMap()["id"] == id) goal = x.toMap();
      }
    }
    QCOMPARE(goal["description"].toString(), description);
    QCOMPARE(goal["actions"].toString(), QString("Bellen met de woningcorporatie."));
    QCOMPARE(goal["evaluation"].toString(), QString("Gaat goed."));
    QCOMPARE(goal["dueDateIso"].toString(), due);
    auto rows = store_->Query(
        "SELECT due_date, actions FROM e_goal WHERE doc = ?1 AND replica = ?2 AND counter = ?3",
        {doc.toStdString(), static_cast<std::int64_t>(IdOf(id).replica),
         static_cast<std::int64_t>(IdOf(id).counter)});
    QVERIFY(rows.ok() && rows->size() == 1);
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])), due);

    // One change, touching only what changed; the description got its new end only.
    auto changes = store_->ChangesSince(doc.toStdString(), before);
    QVERIFY(changes.ok());
    QCOMPARE(changes->size(), std::size_t{1});
    const std::set<std::string> written = FieldsWritten(*changes, IdOf(id));
    QCOMPARE(written, (std::set<std::string>{"actions", "description", "due_date", "evaluation"}));
    int description_ops = 0;
    for (const auto& op : changes->front().ops) {
      if (auto* insert = std::get_if<naast::crdt::InsertText>(&op);
          insert && insert->field == "description") {
        ++description_ops;
        QCOMPARE(QString::fromStdString(insert->text), QString(" Samen met de buurvrouw."));
      }
      if (auto* del = std::get_if<naast::crdt::DeleteText>(&op)) {
        QVERIFY2(del->field != "description", "the description's start was deleted");
      }
    }
    QCOMPARE(description_ops, 1);
    QCOMPARE(Doc(doc).Get(IdOf(id), "owner")->id, owner_write->id);

    // The same values again write nothing at all; a changed owner is written alone.
    const naast::crdt::VersionVector after = Doc(doc).version();
    QVERIFY(sections_->editGoal(doc, id,
                                {{"description", description},
                                 {"dueDate", due},
                                 {"owner", goal["ownerCode"]},
                                 {"evaluation", "Gaat goed."}}));
    QCOMPARE(store_->ChangesSince(doc.toStdString(), after)->size(), std::size_t{0});
    QCOMPARE(local_changes_, waiting + 1);
    const QString other_owner = goal["ownerCode"] == "coach" ? "netwerk" : "coach";
    QVERIFY(sections_->editGoal(doc, id, {{"owner", other_owner}}));
    changes = store_->ChangesSince(doc.toStdString(), after);
    QCOMPARE(FieldsWritten(*changes, IdOf(id)), std::set<std::string>{"owner"});
    QCOMPARE(local_changes_, waiting + 2);

    // Refused, with a reason, and nothing written: no description, no owner, no date, a field
    // that cannot be edited here, a record that is not a goal.
    const naast::crdt::VersionVector last = Doc(doc).version();
    QVERIFY(!sections_->editGoal(doc, id, {{"description", "  "}, {"actions", "Iets anders."}}));
    QVERIFY(!sections_->error().isEmpty());
    QVERIFY(!sections_->editGoal(doc, id, {{"owner", ""}}));
    QVERIFY(!sections_->editGoal(doc, id, {{"dueDate", "2026-02-30"}, {"actions", "Iets."}}));
    QVERIFY(!sections_->editGoal(doc, id, {{"status", "bereikt"}}));
    QVERIFY(!sections_->editGoal(doc, "1:1", {{"actions", "Iets."}}));
    QVERIFY(!sections_->editGoal(doc, "nonsense", {{"actions", "Iets."}}));
    QCOMPARE(store_->ChangesSince(doc.toStdString(), last)->size(), std::size_t{0});
    QVERIFY(!Doc(doc).Commit().has_value());  // nothing left open
    QCOMPARE(local_changes_, waiting + 2);
    // A write that works clears the reason.
    QVERIFY(sections_->editGoal(doc, id, {{"actions", "Bellen en mailen."}}));
    QVERIFY(sections_->error().isEmpty());
  }

  // The existing writes count as changes waiting for the server too.
  void everyWriteCountsAsAChangeWaiting() {
    const QString doc = docs_[4];
    const QVariantMap goal =
        sections_->goalGroups(doc).front().toMap()["goals"].toList().front().toMap();
    const int waiting = local_changes_;
    const QString status = goal["status"].toString() == "bezig" ? "open" : "bezig";
    QVERIFY(sections_->setGoalStatus(doc, goal["id"].toString(), status));
    QCOMPARE(local_changes_, waiting + 1);
    QVERIFY(sections_->addSafetySignal(doc, "Moeder slaapt slecht door ruzie."));
    QVERIFY(sections_->setConsent(doc, "monitoring", true));
    QVERIFY(sections_->addGoal(doc, "financien", "Een overzicht van de schulden.", "", "coach", 4));
    QCOMPARE(local_changes_, waiting + 4);
  }

  void anAssessmentIsRecordedAndOutOfRangeScoresAreRefused() {
    const QString doc = docs_[5];
    const QVariantList before = sections_->assessments(doc);
    QVERIFY(!before.isEmpty());
    QVariantList scores = before.last().toMap()["scores"].toList();
    QCOMPARE(scores.size(), 13);
    const QVariantList domains = sections_->lifeDomains();
    const naast::crdt::VersionVector version = Doc(doc).version();
    const int waiting = local_changes_;
    const auto rows = [&] {
      return Count(*store_, "SELECT count(*) FROM e_assessment WHERE doc = ?1", doc);
    };
    const auto stored = rows();

    // Refused, each with a reason naming what is wrong, nothing written.
    auto refused = [&](const QVariantList& s, const QString& date, const QString& moment,
                       const QString& says) {
      if (sections_->addAssessment(doc, date, moment, s)) return false;
      if (!sections_->error().contains(says)) {
        qWarning() << "reason:" << sections_->error() << "expected:" << says;
        return false;
      }
      return true;
    };
    const QString today = Iso(today_);
    QVariantList six = scores;
    six[3] = 6;
    QVERIFY(refused(six, today, "fase", domains[3].toMap()["label"].toString()));
    QVERIFY(sections_->error().contains("1, 2, 3, 4 of 5"));
    QVariantList zero = scores;
    zero[0] = 0;
    QVERIFY(refused(zero, today, "fase", domains[0].toMap()["label"].toString()));
    QVariantList negative = scores;
    negative[12] = -1;
    QVERIFY(refused(negative, today, "fase", domains[12].toMap()["label"].toString()));
    QVariantList half = scores;
    half[5] = 2.5;
    QVERIFY(refused(half, today, "fase", domains[5].toMap()["label"].toString()));
    QVariantList word = scores;
    word[7] = "goed";
    QVERIFY(refused(word, today, "fase", domains[7].toMap()["label"].toString()));
    QVERIFY(refused(scores.mid(0, 12), today, "fase", "13"));
    QVERIFY(refused(scores, Iso(today_ + 1), "fase", "na vandaag"));
    QVERIFY(refused(scores, "morgen", "fase", "geen datum"));
    QVERIFY(refused(scores, today, "ergens", "moment"));
    QCOMPARE(rows(), stored);
    QCOMPARE(store_->ChangesSince(doc.toStdString(), version)->size(), std::size_t{0});
    QCOMPARE(local_changes_, waiting);

    // Prefilled from the latest, one domain moved: saved, and last in the list.
    scores[2] = std::min(5, scores[2].toInt() + 1);
    QVERIFY(sections_->addAssessment(doc, today, "fase", scores));
    QVERIFY(sections_->error().isEmpty());
    QCOMPARE(local_changes_, waiting + 1);
    QCOMPARE(rows(), stored + 1);
    const QVariantList after = sections_->assessments(doc);
    QCOMPARE(after.size(), before.size() + 1);
    const QVariantMap latest = after.last().toMap();
    QCOMPARE(latest["date"].toString(), today);
    QCOMPARE(latest["moment"].toString(), QString("Tussentijds"));
    QCOMPARE(latest["scores"].toList(), scores);
    QCOMPARE(Count(*store_,
                   "SELECT tijdsbesteding FROM e_assessment WHERE doc = ?1 AND date = "
                   "(SELECT max(date) FROM e_assessment WHERE doc = ?1) ORDER BY counter DESC",
                   doc),
             scores[2].toInt());
    QCOMPARE(sections_->assessmentMoments().size(), 3);
  }

  void aReferralIsAddedAndItsStartRecorded() {
    const QString doc = docs_[6];
    const int waiting = local_changes_;
    QVERIFY(!sections_->addReferral(doc, "  ", "aangemeld", Iso(today_), true, ""));
    QVERIFY(!sections_->error().isEmpty());
    QVERIFY(!sections_->addReferral(doc, "Voorzorg", "wachtlijst", Iso(today_), true, ""));
    QVERIFY(!sections_->addReferral(doc, "Voorzorg", "aangemeld", Iso(today_ + 2), true, ""));
    QCOMPARE(local_changes_, waiting);

    QVERIFY(sections_->addReferral(doc, "Voorzorg", "aangemeld", Iso(today_ - 3), true,
                                   "Wachtlijst tot maart."));
    QVERIFY(sections_->error().isEmpty());
    QCOMPARE(local_changes_, waiting + 1);
    auto find = [&] {
      for (const QVariant& r : sections_->referrals(doc)) {
        if (r.toMap()["kind"] == "Voorzorg" && r.toMap()["note"] == "Wachtlijst tot maart.") {
          return r.toMap();
        }
      }
      return QVariantMap();
    };
    QVariantMap ref = find();
    QVERIFY(!ref.isEmpty());
    QCOMPARE(ref["statusCode"].toString(), QString("aangemeld"));
    QVERIFY(ref["waiting"].toBool());
    QVERIFY(ref["held"].toBool());
    QCOMPARE(ref["waitingDays"].toInt(), 3);
    QVERIFY(ref["startedOn"].toString().isEmpty());
    const QString id = ref["id"].toString();
    const auto started_on = [&]() -> QString {
      auto rows = store_->Query(
          "SELECT started_on, status FROM e_referral WHERE doc = ?1 AND replica = ?2 AND "
          "counter = ?3",
          {doc.toStdString(), static_cast<std::int64_t>(IdOf(id).replica),
           static_cast<std::int64_t>(IdOf(id).counter)});
      if (!rows || rows->size() != 1) return "missing";
      const auto* s = std::get_if<std::string>(&(*rows)[0][0]);
      return s ? QString::fromStdString(*s) : QString("null");
    };
    QCOMPARE(started_on(), QString("null"));

    // It starts: started today, no longer waiting.
    QVERIFY(sections_->setReferralStatus(doc, id, "gestart"));
    QCOMPARE(local_changes_, waiting + 2);
    QCOMPARE(started_on(), Iso(today_));
    ref = find();
    QCOMPARE(ref["statusCode"].toString(), QString("gestart"));
    QVERIFY(!ref["waiting"].toBool());
    QVERIFY(!ref["startedOn"].toString().isEmpty());
    // The same status again writes nothing.
    const naast::crdt::VersionVector version = Doc(doc).version();
    QVERIFY(sections_->setReferralStatus(doc, id, "gestart"));
    QCOMPARE(store_->ChangesSince(doc.toStdString(), version)->size(), std::size_t{0});
    QCOMPARE(local_changes_, waiting + 2);
    // Finished: the start date stays. Back to aangemeld (a slip of the finger): waiting again.
    QVERIFY(sections_->setReferralStatus(doc, id, "afgerond"));
    QCOMPARE(started_on(), Iso(today_));
    QVERIFY(sections_->setReferralStatus(doc, id, "aangemeld"));
    QCOMPARE(started_on(), QString("null"));
    QVERIFY(find()["waiting"].toBool());
    // Refused: a status that is not one, an id that is not a referral.
    QVERIFY(!sections_->setReferralStatus(doc, id, "klaar"));
    QVERIFY(!sections_->error().isEmpty());
    const QString goal = sections_->goalGroups(doc)
                             .front()
                             .toMap()["goals"]
                             .toList()
                             .front()
                             .toMap()["id"]
                             .toString();
    QVERIFY(!sections_->setReferralStatus(doc, goal, "gestart"));
    QCOMPARE(find()["statusCode"].toString(), QString("aangemeld"));

    // One made as started is started today.
    QVERIFY(sections_->addReferral(doc, "Shantala", "gestart", Iso(today_ - 1), false, ""));
    QCOMPARE(Count(*store_,
                   "SELECT count(*) FROM e_referral WHERE doc = ?1 AND kind = 'Shantala' AND "
                   "status = 'gestart' AND started_on = '2026-11-24' AND held = 0",
                   doc),
             1 + Count(*store_,
                       "SELECT count(*) FROM e_referral WHERE doc = ?1 AND kind = 'Shantala' AND "
                       "status = 'gestart' AND started_on = '2026-11-24' AND held = 0 AND "
                       "referred_on <> '2026-11-23'",
                       doc));
    QCOMPARE(sections_->referralStatuses().size(), 4);
  }

  void aMeldcodeStepIsRecordedAfterTheLastOne() {
    // A dossier with a step still to take: the next is the one after the highest recorded.
    QString doc;
    int next = 0;
    for (const QString& d : docs_) {
      const auto highest = Count(*store_,
                                 "SELECT coalesce(max(step), 0) FROM e_meldcode_step WHERE doc = "
                                 "?1 AND deleted = 0",
                                 d);
      QCOMPARE(sections_->nextMeldcodeStep(d),
               static_cast<int>(std::min<std::int64_t>(5, highest + 1)));
      if (highest < 4 && doc.isEmpty()) {
        doc = d;
        next = static_cast<int>(highest + 1);
      }
    }
    QVERIFY(!doc.isEmpty());
    const int waiting = local_changes_;
    QVERIFY(!sections_->addMeldcodeStep(doc, 0, Iso(today_), "Iets."));
    QVERIFY(!sections_->addMeldcodeStep(doc, 6, Iso(today_), "Iets."));
    QVERIFY(!sections_->addMeldcodeStep(doc, next, Iso(today_), "   "));
    QVERIFY(!sections_->error().isEmpty());
    QVERIFY(!sections_->addMeldcodeStep(doc, next, Iso(today_ + 1), "Iets."));
    QCOMPARE(local_changes_, waiting);

    QVERIFY(
        sections_->addMeldcodeStep(doc, next, Iso(today_ - 2), "Besproken met de werkbegeleider."));
    QCOMPARE(local_changes_, waiting + 1);
    const QVariantMap step = sections_->meldcodeSteps(doc)[next - 1].toMap();
    QVERIFY(step["done"].toBool());
    QCOMPARE(step["decision"].toString(), QString("Besproken met de werkbegeleider."));
    QCOMPARE(step["date"].toString(), sections_->dateLabel(Iso(today_ - 2)));
    QCOMPARE(sections_->nextMeldcodeStep(doc), std::min(5, next + 1));
    // After step 5, the default stays 5.
    QVERIFY(sections_->addMeldcodeStep(doc, 5, Iso(today_), "Hulp georganiseerd."));
    QCOMPARE(sections_->nextMeldcodeStep(doc), 5);
  }

  // Who goes to her: names added and removed, nothing written for no change, the team's day's
  // source (the mother's `assigned` set) is what changes.
  void whoGoesToHerIsSetByName() {
    const QString doc = docs_[5];
    for (const QString& name : sections_->assigned(doc)) {
      QVERIFY(sections_->setAssigned(doc, name, false));
    }
    QVERIFY(sections_->assigned(doc).isEmpty());
    const int waiting = local_changes_;
    QVERIFY(sections_->setAssigned(doc, "  Coach   7 ", true));  // spaces tidied
    QVERIFY(sections_->setAssigned(doc, "Student 2", true));
    QCOMPARE(sections_->assigned(doc), (QStringList{"Coach 7", "Student 2"}));
    QCOMPARE(local_changes_, waiting + 2);
    QVERIFY(sections_->setAssigned(doc, "Coach 7", true));  // there already: nothing written
    QCOMPARE(local_changes_, waiting + 2);
    QCOMPARE(
        Count(*store_,
              "SELECT count(*) FROM e_mother_assigned WHERE doc = ?1 AND value = 'Coach 7'", doc),
        1);
    QVERIFY(sections_->setAssigned(doc, "Student 2", false));
    QCOMPARE(sections_->assigned(doc), QStringList{"Coach 7"});
    QVERIFY(!sections_->setAssigned(doc, "   ", true));  // no name: refused in words
    QVERIFY(!sections_->error().isEmpty());
    QCOMPARE(sections_->assigned(doc), QStringList{"Coach 7"});
  }

  void lockedGivesNothing() {
    DossierSections locked(
        DossierSections::Source{[] { return static_cast<naast::store::Store*>(nullptr); },
                                [this] { return today_; },
                                [] { return QString("en"); },
                                {},
                                {}});
    const QString doc = docs_.front();
    QVERIFY(locked.goalGroups(doc).isEmpty());
    QVERIFY(locked.assessments(doc).isEmpty());
    QVERIFY(locked.overview(doc).isEmpty());
    QVERIFY(!locked.addSafetySignal(doc, "x"));
    QVERIFY(!locked.setConsent(doc, "dossier", true));
    QVERIFY(!locked.editGoal(doc, "1:1", {{"actions", "x"}}));
    QVERIFY(!locked.addMeldcodeStep(doc, 1, "2026-11-24", "x"));
    QVERIFY(!locked.addReferral(doc, "Voorzorg", "aangemeld", "2026-11-24", true, ""));
    QVERIFY(!locked.setReferralStatus(doc, "1:1", "gestart"));
    QCOMPARE(locked.goalStatuses().size(), 4);
    QCOMPARE(locked.goalStatuses()[2].toMap()["label"].toString(), QString("Achieved"));
  }

 private:
  // The dossier as the store holds it now.
  naast::crdt::Document& Doc(const QString& doc) {
    auto d = store_->Get(doc.toStdString());
    if (!d) qFatal("no document %s", qPrintable(doc));
    return **d;
  }

  QTemporaryDir dir_;
  naast::crdt::HybridClock clock_;
  std::unique_ptr<naast::store::Store> store_;
  std::unique_ptr<DossierSections> sections_;
  int local_changes_ = 0;  // the sync bar's "changes waiting" calls
  naast::domain::Date today_;
  QStringList docs_;
};

QTEST_GUILESS_MAIN(DossierSectionsTest)
#include "dossier_sections_test.moc"
