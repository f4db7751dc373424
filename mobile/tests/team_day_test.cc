// The team's day (TeamDay) on a real encrypted store: a hand-made team where the figures are
// known, and a generated team checked against SQL of its own.
#include "team_day.h"

#include <QTemporaryDir>
#include <QTest>
#include <set>

#include "naast/crypto/crypto.h"
#include "naast/domain/queries.h"
#include "naast/domain/team_generator.h"

namespace {

using naast::domain::Date;

std::int64_t Count(naast::store::Store& store, const char* sql, const std::string& today) {
  auto rows = store.Query(sql, {today});
  if (!rows || rows->empty()) return -1;
  return std::get<std::int64_t>((*rows)[0][0]);
}

// Dossiers on the caseload, in SQL: no closure, or nazorg not over (one closure per dossier).
constexpr const char* kActive =
    "doc IN (SELECT doc FROM e_mother WHERE deleted = 0) AND doc NOT IN (SELECT doc FROM "
    "e_closure WHERE deleted = 0 AND closed_on <= ?1 AND (aftercare_until IS NULL OR "
    "aftercare_until < ?1))";

}  // namespace

class TeamDayTest : public QObject {
  Q_OBJECT

  std::unique_ptr<naast::store::Store> Open(const char* name) {
    auto store = naast::store::Store::Open(std::filesystem::path(dir_.path().toStdString()) / name,
                                           naast::crypto::RandomKey(), 0, &clock_);
    return store.ok() ? std::move(store.value()) : nullptr;
  }

 private slots:
  // Two visits written today, one on Monday, one escalation open for three days, one task.
  void handMadeTeam() {
    auto store = Open("hand.db");
    QVERIFY(store);
    const Date today = *Date::Parse("2026-11-24");  // a Tuesday
    auto dossier = [&](const char* name, const char* last_visit) {
      auto id = store->CreateDocument("dossier").value();
      naast::crdt::Document& d = *store->Get(id).value();
      auto mother = d.CreateRecord("mother");
      (void)d.Set(mother, "name", std::string(name));
      (void)d.Set(mother, "due_date", std::string("2027-03-01"));  // pregnant: every 3 days
      auto v = d.CreateRecord("visit");
      (void)d.Set(v, "date", std::string(last_visit));
      (void)d.Set(v, "kind", std::string("huisbezoek"));
      return id;
    };
    auto a = dossier("Testmoeder Een", "2026-11-24");
    auto b = dossier("Testmoeder Twee", "2026-11-24");
    auto c = dossier("Testmoeder Drie", "2026-11-23");
    auto late = dossier("Testmoeder Vier", "2026-11-15");  // overdue, assigned to no one
    {
      naast::crdt::Document& d = *store->Get(b).value();
      auto v = d.Records().back();
      auto t = d.CreateRecord("task");  // a vervolgactie of that visit, due today
      QVERIFY(d.Set(t, "what", std::string("Huisarts bellen.")).ok());
      QVERIFY(d.Set(t, "owner", std::string("moeder")).ok());
      QVERIFY(d.Set(t, "due_date", std::string("2026-11-24")).ok());
      QVERIFY(d.Set(t, "visit", naast::crdt::ToString(v)).ok());
      auto e = d.CreateRecord("escalation");
      QVERIFY(d.Set(e, "raised_on", std::string("2026-11-21")).ok());
      QVERIFY(d.Set(e, "raised_by", std::string("Student 2")).ok());
      naast::crdt::Document& l = *store->Get(late).value();
      QVERIFY(l.AddToSet(l.Records().front(), "assigned", std::string("Coach 2")).ok());
    }
    for (const auto& id : {a, b, c, late}) QVERIFY(store->Commit(id).ok());

    QString language = "nl";
    TeamDay teamDay(TeamDay::Source{
        [&] { return store.get(); }, [&] { return today; }, [&] { return language; }, {}, {}});
    QVariantMap day = teamDay.read();
    const QVariantMap counts = day["counts"].toMap();
    QCOMPARE(counts["visitsToday"].toInt(), 2);
    QCOMPARE(counts["visitsSince"].toInt(), 3);
    QCOMPARE(counts["escalations"].toInt(), 1);
    QCOMPARE(counts["tasks"].toInt(), 1);
    QCOMPARE(counts["due"].toInt(), 1);
    QCOMPARE(counts["overdue"].toInt(), 1);
    QCOMPARE(counts["signals"].toInt(), 0);
    QVERIFY(day["sinceYesterday"].toBool());

    const QVariantMap escalation = day["escalations"].toList().front().toMap();
    QCOMPARE(escalation["name"].toString(), QString("Testmoeder Twee"));
    QCOMPARE(escalation["daysWaiting"].toInt(), 3);
    QCOMPARE(escalation["raisedBy"].toString(), QString("Student 2"));
    const QVariantMap task = day["tasks"].toList().front().toMap();
    QCOMPARE(task["what"].toString(), QString("Huisarts bellen."));
    QCOMPARE(task["owner"].toString(), QString("Moeder"));
    QVERIFY(task["fromVisit"].toBool());

    const QVariantList rounds = day["rounds"].toList();
    QCOMPARE(rounds.size(), qsizetype{1});
    QCOMPARE(rounds[0].toMap()["who"].toString(), QString("Coach 2"));
    const QVariantMap mother = rounds[0].toMap()["mothers"].toList().front().toMap();
    QCOMPARE(mother["doc"].toString(), QString::fromStdString(late));
    QVERIFY(mother["overdue"].toBool());
    QCOMPARE(mother["daysLate"].toInt(), 6);  // last visit on the 15th, due on the 18th

    const QVariantList visits = day["visits"].toList();
    QCOMPARE(visits[0].toMap()["kind"].toString(), QString("Huisbezoek"));
    QVERIFY(visits[0].toMap()["today"].toBool());
    QVERIFY(!visits[2].toMap()["today"].toBool());
    language = "en";
    day = teamDay.read();
    QCOMPARE(day["visits"].toList()[0].toMap()["kind"].toString(), QString("Home visit"));

    // Read off the UI thread: the same screen, and `loading` while it reads.
    teamDay.load();
    QVERIFY(teamDay.loading());
    QTRY_VERIFY_WITH_TIMEOUT(!teamDay.loading(), 10'000);
    QCOMPARE(teamDay.day()["counts"].toMap(), teamDay.read()["counts"].toMap());
    QCOMPARE(teamDay.day()["visits"].toList().size(), day["visits"].toList().size());

    // Locked (no store): nothing, and no crash.
    TeamDay locked(TeamDay::Source{[] { return nullptr; }, [&] { return today; }, {}, {}, {}});
    QVERIFY(locked.read().isEmpty());
  }

  // A generated team: the figures agree with SQL of their own, and the demo has something in
  // every block.
  void generatedTeam() {
    auto store = Open("team.db");
    QVERIFY(store);
    naast::domain::TeamShape shape;
    shape.active_mothers = 20;
    shape.closed_mothers = 6;
    shape.note_chars = 80;
    QVERIFY(naast::domain::GenerateTeam(*store, shape).ok());
    const std::string today = shape.today.ToString();
    const std::string since = naast::domain::LastWorkingDay(shape.today).ToString();
    TeamDay teamDay(TeamDay::Source{[&] { return store.get(); },
                                    [&] { return shape.today; },
                                    [] { return QString("nl"); },
                                    {},
                                    {}});
    const QVariantMap day = teamDay.read();
    const QVariantMap counts = day["counts"].toMap();

    const std::string active = kActive;
    const auto visits_today = Count(
        *store,
        ("SELECT count(*) FROM e_visit WHERE deleted = 0 AND date = ?1 AND " + active).c_str(),
        today);
    QVERIFY(visits_today > 0);
    QCOMPARE(counts["visitsToday"].toLongLong(), qlonglong{visits_today});
    auto rows = store->Query(
        "SELECT count(*) FROM e_visit WHERE deleted = 0 AND date >= ?2 AND "
        "date <= ?1 AND " +
            active,
        {today, since});
    QVERIFY(rows.ok());
    QCOMPARE(counts["visitsSince"].toLongLong(), qlonglong{std::get<std::int64_t>((*rows)[0][0])});
    QVERIFY(counts["visitsSince"].toInt() > counts["visitsToday"].toInt());

    const auto open = Count(*store,
                            ("SELECT count(*) FROM e_escalation WHERE deleted = 0 AND "
                             "acknowledged_on IS NULL AND " +
                             active)
                                .c_str(),
                            today);
    QVERIFY(open > 0);
    QCOMPARE(counts["escalations"].toLongLong(), qlonglong{open});
    int last_wait = 1 << 30;
    for (const QVariant& v : day["escalations"].toList()) {
      const int wait = v.toMap()["daysWaiting"].toInt();
      QVERIFY(wait <= last_wait);        // the longest waiting first
      QVERIFY(wait >= 0 && wait <= 14);  // the generator acknowledges older ones
      last_wait = wait;
    }

    const auto goals = Count(*store,
                             ("SELECT count(*) FROM e_goal WHERE deleted = 0 AND due_date <= ?1 "
                              "AND status NOT IN ('bereikt', 'gestopt') AND " +
                              active)
                                 .c_str(),
                             today);
    const auto from_visits = Count(*store,
                                   ("SELECT count(*) FROM e_task WHERE deleted = 0 AND "
                                    "due_date <= ?1 AND done_on IS NULL AND " +
                                    active)
                                       .c_str(),
                                   today);
    QVERIFY(from_visits > 0);
    QCOMPARE(counts["tasks"].toLongLong(), qlonglong{goals + from_visits});
    // Visits written since yesterday say how many tasks they agreed: as many as the store has.
    qlonglong agreed = 0;
    for (const QVariant& v : day["visits"].toList()) agreed += v.toMap()["tasks"].toInt();
    QVERIFY(agreed > 0);

    rows = store->Query(
        "SELECT count(*) FROM e_safety_signal WHERE deleted = 0 AND date > ?2 "
        "AND date <= ?1 AND " +
            active,
        {today, (shape.today - 7).ToString()});
    QVERIFY(rows.ok());
    QCOMPARE(counts["signals"].toLongLong(), qlonglong{std::get<std::int64_t>((*rows)[0][0])});
    QVERIFY(counts["signals"].toInt() > 0);

    // Rounds: every mother due today or overdue, once per person assigned to her (and under
    // "not assigned" when no one is); the coaches' labels as the store has them.
    auto caseload =
        naast::domain::Caseload(*store, naast::domain::TeamSettings{}, shape.today).value();
    std::set<std::string> due;
    for (const auto& e : caseload) {
      if (e.overdue || e.due_today) due.insert(e.doc);
    }
    QVERIFY(!due.empty());
    QCOMPARE(counts["due"].toInt(), static_cast<int>(due.size()));
    std::multiset<std::string> listed, expected;
    for (const auto& doc : due) {
      auto labels = store->Query(
          "SELECT a.value FROM e_mother_assigned a JOIN e_mother m ON m.doc = a.doc AND "
          "m.replica = a.replica AND m.counter = a.counter WHERE m.deleted = 0 AND a.doc = ?1",
          {doc});
      QVERIFY(labels.ok());
      if (labels->empty()) expected.insert("|" + doc);
      for (const auto& r : *labels) expected.insert(std::get<std::string>(r[0]) + "|" + doc);
    }
    bool unassigned_last = true;
    const QVariantList rounds = day["rounds"].toList();
    for (int i = 0; i < rounds.size(); ++i) {
      const QVariantMap round = rounds[i].toMap();
      if (round["who"].toString().isEmpty() && i + 1 != rounds.size()) unassigned_last = false;
      for (const QVariant& m : round["mothers"].toList()) {
        listed.insert(round["who"].toString().toStdString() + "|" +
                      m.toMap()["doc"].toString().toStdString());
      }
    }
    QVERIFY(unassigned_last);
    // Everyone assigned to a mother on the caseload has a round, even with no one due today.
    auto labels = store->Query(
        "SELECT DISTINCT value FROM e_mother_assigned a WHERE EXISTS (SELECT 1 FROM e_mother m "
        "WHERE m.doc = a.doc AND m.replica = a.replica AND m.counter = a.counter AND "
        "m.deleted = 0) AND " +
            active,
        {today});
    QVERIFY(labels.ok());
    std::set<std::string> who, assigned_labels;
    for (const auto& r : *labels) assigned_labels.insert(std::get<std::string>(r[0]));
    for (const QVariant& r : rounds) {
      const QString label = r.toMap()["who"].toString();
      if (!label.isEmpty()) who.insert(label.toStdString());
    }
    QVERIFY(!assigned_labels.empty());
    QVERIFY(who == assigned_labels);
    QVERIFY(listed == expected);
    QVERIFY(rounds.size() >= 2);  // coaches and students of the generated team
  }

 private:
  QTemporaryDir dir_;
  naast::crdt::HybridClock clock_;
};

QTEST_GUILESS_MAIN(TeamDayTest)
#include "team_day_test.moc"
