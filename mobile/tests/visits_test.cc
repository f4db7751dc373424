// The visits list (QAbstractItemModelTester) and the visit editor against a real encrypted
// store: typing writes only the difference, so a colleague's concurrent typing survives; a
// value a concurrent edit replaced is listed and can be restored.
#include "visits.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app_session.h"
#include "demo_session.h"
#include "fault_vfs.h"
#include "naast/domain/team_generator.h"

class VisitsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    // On a VFS that fails on command (a full disk, below), and works as the default until then.
    session_ = OpenDemoSession(std::filesystem::path(data_.path().toStdString()) / "tablet",
                               naast::testing::FaultVfsName());
    QVERIFY(session_);
    doc_ = session_->caseload()
               ->data(session_->caseload()->index(0, 0), CaseloadModel::DocRole)
               .toString();
    QVERIFY(!doc_.isEmpty());
  }

  void listIsNewestFirstAndGrows() {
    VisitsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDoc(doc_);
    auto store = session_->store();
    auto rows = store->Query("SELECT count(*) FROM e_visit WHERE doc = ?1 AND deleted = 0",
                             {doc_.toStdString()});
    QVERIFY(rows.ok());
    const auto visits = std::get<std::int64_t>((*rows)[0][0]);
    QVERIFY(visits > 2);
    QCOMPARE(model.rowCount(), static_cast<int>(visits));
    QVERIFY(!model.data(model.index(0, 0), VisitsModel::kRecord).toString().isEmpty());

    VisitEditor editor;
    editor.setDoc(doc_);
    QVERIFY(editor.createNew());
    QCOMPARE(editor.date(), QString::fromStdString(session_->todayDate().ToString()));
    model.reload();
    QCOMPARE(model.rowCount(), static_cast<int>(visits) + 1);
    QCOMPARE(model.recordAt(0), editor.record());  // today's is the newest
  }

  void typingKeepsAColleaguesConcurrentText() {
    VisitEditor editor;
    editor.setDoc(doc_);
    QVERIFY(editor.createNew());
    QVERIFY(editor.editText("notes", "Huur betaald."));
    editor.save();
    // A colleague's tablet: a copy of the document, another replica, typing at the start.
    auto store = session_->store();
    naast::crdt::Document& mine = *store->Get(doc_.toStdString()).value();
    auto theirs = naast::crdt::Document::Load(mine.Save(), 777).value();
    const auto record = VisitEditor::ParseRecord(editor.record());
    QVERIFY(theirs.InsertText(record, "notes", 5, "op tijd ").ok());  // in the middle
    QVERIFY(theirs.InsertText(record, "notes", 0, "Kort: ").ok());
    QVERIFY(theirs.Set(record, "duration_min", std::int64_t{45}).ok());
    const auto change = theirs.Commit().value();
    // Meanwhile, here: typing at the end, and another duration.
    QVERIFY(editor.editText("notes", "Huur betaald. Zij belt zelf."));
    QVERIFY(editor.setField("duration_min", 90));
    QVERIFY(store->Apply(doc_.toStdString(), change).ok());
    emit session_->dataChanged();  // what a sync does after applying
    // Had the editor replaced the whole text, the colleague's words would have moved or gone.
    QCOMPARE(editor.notes(), QStringLiteral("Kort: Huur op tijd betaald. Zij belt zelf."));

    // The duration: one value won, the other is listed as replaced; restoring it with a tap.
    QCOMPARE(editor.conflicts().size(), 1);
    QCOMPARE(editor.conflicts()[0].toMap()["field"].toString(), QStringLiteral("duration_min"));
    const QVariantList replaced = editor.overwritten("duration_min");
    QCOMPARE(replaced.size(), 1);
    const int loser = replaced[0].toMap()["value"].toInt();
    QCOMPARE(loser + editor.durationMin(), 135);  // 45 and 90, one each
    QVERIFY(!replaced[0].toMap()["who"].toString().isEmpty());
    QVERIFY(editor.restore("duration_min", 0));
    QCOMPARE(editor.durationMin(), loser);
    QVERIFY(editor.conflicts().isEmpty());
    QVERIFY(!editor.restore("duration_min", 0));  // nothing left to restore
  }

  void dossierWideReplacedValues() {
    VisitEditor editor;
    editor.setDoc(doc_);
    QVERIFY(editor.createNew());
    const auto record = VisitEditor::ParseRecord(editor.record());
    auto store = session_->store();
    naast::crdt::Document& mine = *store->Get(doc_.toStdString()).value();
    auto theirs = naast::crdt::Document::Load(mine.Save(), 778).value();
    QVERIFY(theirs.Set(record, "kind", std::string("telefonisch")).ok());
    const auto change = theirs.Commit().value();
    QVERIFY(editor.setField("kind", "meegaan"));
    QVERIFY(store->Apply(doc_.toStdString(), change).ok());

    ReplacedValues replaced;
    auto find = [&] {
      for (const QVariant& v : replaced.list(doc_)) {
        const QVariantMap row = v.toMap();
        if (row["record"].toString() == editor.record() && row["field"].toString() == "kind") {
          return row;
        }
      }
      return QVariantMap();
    };
    const QVariantMap row = find();
    QVERIFY(!row.isEmpty());
    QCOMPARE(row["fieldLabel"].toString(), QStringLiteral("soort contact"));
    QCOMPARE(row["what"].toString(), QStringLiteral("contactmoment"));
    session_->setLanguage("en");  // in English: the names in the code, with spaces
    QCOMPARE(find()["fieldLabel"].toString(), QStringLiteral("kind"));
    QCOMPARE(find()["what"].toString(), QStringLiteral("visit"));
    session_->setLanguage("nl");
    QCOMPARE(row["replaced"].toList().size(), 1);
    const QString loser = row["replaced"].toList()[0].toMap()["value"].toString();
    QVERIFY(!loser.isEmpty());
    QVERIFY(loser != row["current"].toMap()["value"].toString());
    QVERIFY(replaced.restore(doc_, editor.record(), "kind", 0));
    QVERIFY(find().isEmpty());  // nothing replaced any more
    QVERIFY(!replaced.restore(doc_, editor.record(), "kind", 0));
  }

  // Vervolgacties: added in a visit with who and by when, listed by due date, done with a tap
  // (and undone), removed only from their own visit; the next visit lists the open ones.
  void followUpTasks() {
    const int open_before = session_->dossier(doc_)["openTasks"].toInt();
    VisitEditor first;
    first.setDoc(doc_);
    QVERIFY(first.createNew());
    QSignalSpy failed(&first, &VisitEditor::failed);
    QVERIFY(!first.addTask("   ", "moeder", 7));  // nothing to do: refused in words
    QCOMPARE(failed.size(), 1);
    QVERIFY(first.tasks().isEmpty());
    QVERIFY(first.addTask("Brief van de gemeente  meenemen.", "moeder", 14));
    QVERIFY(first.addTask("Consultatiebureau bellen.", "coach", 1));
    QVERIFY(first.addTask("Zonder datum.", "", -1));
    QCOMPARE(first.tasks().size(), 3);
    const QVariantMap soon = first.tasks()[0].toMap();  // by due date: tomorrow's first
    QCOMPARE(soon["what"].toString(), QStringLiteral("Consultatiebureau bellen."));
    QCOMPARE(soon["ownerLabel"].toString(), QStringLiteral("Coach"));
    QCOMPARE(soon["due"].toString(),
             QString::fromStdString((session_->todayDate() + 1).ToString()));
    QCOMPARE(first.tasks()[1].toMap()["what"].toString(),
             QStringLiteral("Brief van de gemeente meenemen."));      // spaces tidied
    QCOMPARE(first.tasks()[2].toMap()["due"].toString(), QString());  // no date: last
    // The dossier's overview counts them as open, none late yet.
    QCOMPARE(session_->dossier(doc_)["openTasks"].toInt(), open_before + 3);

    // In the store, where the team's day reads them, tied to the visit.
    {
      auto store = session_->store();
      auto rows = store->Query(
          "SELECT what, owner, due_date, done_on FROM e_task WHERE doc = ?1 AND visit = ?2 AND "
          "deleted = 0 ORDER BY what",
          {doc_.toStdString(), first.record().toStdString()});
      QVERIFY(rows.ok());
      QCOMPARE(rows->size(), std::size_t{3});
      QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])),
               QStringLiteral("Brief van de gemeente meenemen."));
      QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][1])),
               QStringLiteral("moeder"));
      QVERIFY(std::holds_alternative<std::monostate>((*rows)[0][3]));  // not done
    }

    // Done with a tap, and undone again.
    const QString id = soon["id"].toString();
    QVERIFY(first.setTaskDone(id, true));
    QVERIFY(first.tasks()[0].toMap()["done"].toBool());
    QCOMPARE(first.tasks()[0].toMap()["doneText"].toString().isEmpty(), false);
    QVERIFY(first.setTaskDone(id, false));
    QVERIFY(!first.tasks()[0].toMap()["done"].toBool());
    {
      auto store = session_->store();
      auto rows = store->Query("SELECT done_on FROM e_task WHERE doc = ?1 AND what = ?2",
                               {doc_.toStdString(), std::string("Consultatiebureau bellen.")});
      QVERIFY(rows.ok());
      QVERIFY(std::holds_alternative<std::monostate>((*rows)[0][0]));
    }

    // The next visit lists the first visit's open tasks; done there, it stays listed today.
    VisitEditor next;
    next.setDoc(doc_);
    QVERIFY(next.createNew());
    QVERIFY(next.tasks().isEmpty());
    QVariantList open = next.openTasks();
    int found = 0;
    for (const QVariant& v : open) {
      if (v.toMap()["what"].toString() == "Consultatiebureau bellen.") ++found;
    }
    QCOMPARE(found, 1);
    QVERIFY(!next.removeTask(id));  // not this visit's own: marked done instead
    QVERIFY(next.setTaskDone(id, true));
    bool listed_done = false;
    for (const QVariant& v : next.openTasks()) {
      const QVariantMap t = v.toMap();
      if (t["id"].toString() == id) listed_done = t["done"].toBool();
    }
    QVERIFY(listed_done);

    // Changed: what, who and by when; the same values again write nothing.
    const QVariantMap letter = first.tasks()[1].toMap();  // "Brief van de gemeente meenemen."
    const QString later = QString::fromStdString((session_->todayDate() + 21).ToString());
    QVERIFY(first.editTask(letter["id"].toString(), "Brief van de gemeente samen lezen.", "samen",
                           later));
    QVariantMap changed;
    for (const QVariant& v : first.tasks()) {
      if (v.toMap()["id"] == letter["id"]) changed = v.toMap();
    }
    QCOMPARE(changed["what"].toString(), QStringLiteral("Brief van de gemeente samen lezen."));
    QCOMPARE(changed["ownerLabel"].toString(), QStringLiteral("Samen"));
    QCOMPARE(changed["due"].toString(), later);
    {
      auto store = session_->store();
      naast::crdt::Document& doc = *store->Get(doc_.toStdString()).value();
      const auto before = doc.version();
      QVERIFY(first.editTask(letter["id"].toString(), "Brief van de gemeente samen lezen.", "samen",
                             later));
      QVERIFY(doc.version() == before);  // nothing written
    }
    QVERIFY(!first.editTask(letter["id"].toString(), "  ", "samen", later));        // no what
    QVERIFY(!first.editTask(letter["id"].toString(), "Iets.", "samen", "morgen"));  // no date
    QVERIFY(first.editTask(letter["id"].toString(), "Brief van de gemeente samen lezen.", "samen",
                           ""));  // no date any more
    for (const QVariant& v : first.tasks()) {
      if (v.toMap()["id"] == letter["id"]) QCOMPARE(v.toMap()["due"].toString(), QString());
    }

    // Removed from its own visit.
    const QString undated =
        first.tasks().isEmpty() ? QString() : first.tasks().back().toMap()["id"].toString();
    QVERIFY(first.removeTask(undated));
    QCOMPARE(first.tasks().size(), 2);
    QVERIFY(!first.setTaskDone(undated, true));  // gone
    QVERIFY(!first.setTaskDone("not-a-task", true));
  }

  // The next appointment (volgende afspraak): set, moved, cleared; a date that is none refused.
  void nextAppointment() {
    VisitEditor editor;
    editor.setDoc(doc_);
    QVERIFY(editor.createNew());
    QCOMPARE(editor.nextAppointment(), QString());
    const QString in_a_week = QString::fromStdString((session_->todayDate() + 7).ToString());
    QVERIFY(editor.setField("next_appointment", in_a_week));
    QCOMPARE(editor.nextAppointment(), in_a_week);
    QVERIFY(!editor.setField("next_appointment", "volgende week"));
    QCOMPARE(editor.nextAppointment(), in_a_week);
    auto read = [&] {
      auto store = session_->store();
      auto rows = store->Query(
          "SELECT next_appointment FROM e_visit WHERE doc = ?1 AND "
          "replica = ?2 AND counter = ?3",
          {doc_.toStdString(),
           static_cast<std::int64_t>(VisitEditor::ParseRecord(editor.record()).replica),
           static_cast<std::int64_t>(VisitEditor::ParseRecord(editor.record()).counter)});
      return rows && rows->size() == 1 ? (*rows)[0][0] : naast::crdt::Value{std::string("?")};
    };
    QCOMPARE(read(), naast::crdt::Value{in_a_week.toStdString()});
    QVERIFY(editor.setField("next_appointment", ""));
    QCOMPARE(editor.nextAppointment(), QString());
    QVERIFY(std::holds_alternative<std::monostate>(read()));
  }

  // A full disk while typing: the error in words, the typed text stays on screen, and it is
  // written, with what was typed after, once there is room again. Nothing is lost.
  void aFullDiskLosesNothingTyped() {
    VisitEditor editor;
    editor.setDoc(doc_);
    QVERIFY(editor.createNew());
    QVERIFY(editor.editText("notes", "Eerste deel."));
    editor.save();
    QVERIFY(!editor.pending());
    QSignalSpy failed(&editor, &VisitEditor::failed);

    naast::testing::SetFaults(naast::testing::FaultPlan{0, 0, 0});  // the disk is full
    const QString big = "Eerste deel. " + QString("Moeder vertelt over de week. ").repeated(400);
    QVERIFY(editor.editText("notes", big));
    editor.save();
    QVERIFY(naast::testing::FaultsInjected() > 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed[0][0].toString().contains("Opslaan lukte niet"));
    QCOMPARE(editor.notes(), big);  // still on screen
    QVERIFY(editor.pending());      // and waiting to be written

    naast::testing::ClearFaults();  // room again; the coach types on
    QVERIFY(editor.editText("notes", big + "Nog een zin."));
    editor.save();
    QVERIFY(!editor.pending());
    QCOMPARE(failed.size(), 1);
    // In the file: all of it.
    auto store = session_->store();
    const auto id = VisitEditor::ParseRecord(editor.record());
    auto rows =
        store->Query("SELECT notes FROM e_visit WHERE doc = ?1 AND replica = ?2 AND counter = ?3",
                     {doc_.toStdString(), static_cast<std::int64_t>(id.replica),
                      static_cast<std::int64_t>(id.counter)});
    QVERIFY(rows.ok() && rows->size() == 1);
    QCOMPARE(QString::fromStdString(std::get<std::string>((*rows)[0][0])), big + "Nog een zin.");
  }

  void cleanupTestCase() {
    naast::testing::ClearFaults();
    session_.reset();
    AppSession::instance = nullptr;
  }

 private:
  QTemporaryDir data_;
  std::unique_ptr<AppSession> session_;
  QString doc_;
};

QTEST_GUILESS_MAIN(VisitsTest)
#include "visits_test.moc"
