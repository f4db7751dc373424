// End to end, as the issue asks: a real naast-sync over TLS and two naast-app processes
// (offscreen, driven through their pages with key events). A coach writes a visit note, a
// student edits the same note offline while the coach edits it offline too; after syncing
// both apps show the one merged note. The teamleider's tablet is a core Device in this test.
#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "naast/domain/queries.h"
#include "naast/domain/team_generator.h"
#include "naast/store/key_vault.h"
#include "naast/sync/enrolment.h"
#include "sync_fixture.h"

namespace naast::testing {
namespace {

struct AppRun {
  std::vector<std::string> lines;
  int status = -1;
  std::string Find(const std::string& prefix) const {
    for (const auto& l : lines) {
      if (l.rfind(prefix, 0) == 0) return l.substr(prefix.size());
    }
    return {};
  }
  std::string All() const {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
};

// One run of the app on `dir` with a script of steps (driver.h).
AppRun RunApp(const std::filesystem::path& dir, const std::string& steps,
              const std::string& today = "2026-11-24") {
  static int n = 0;
  const auto script = dir.parent_path() / ("script-" + std::to_string(++n) + ".json");
  std::ofstream(script) << steps;
  ChildProcess app = SpawnChild(NAAST_APP, {"--data-dir", dir.string(), "--today", today, "--lang",
                                            "nl", "--drive", script.string()});
  AppRun run;
  for (std::string line = app.Line(); !line.empty() || !app.buffer.empty(); line = app.Line()) {
    if (line.empty()) break;
    run.lines.push_back(line);
  }
  run.status = app.Wait();
  return run;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A real naast-sync over TLS, a work folder, and the --drive step that points an app at the
// server and its certificate.
struct Setup {
  TempDir work;
  TempDir server_dir;
  ServerProcess server{NAAST_SYNC_SERVER, server_dir.path};
  std::string server_step;
  Setup() {
    setenv("QT_QPA_PLATFORM", "offscreen", 1);
    server_step = R"({"server": {"url": )" +
                  Quote("https://127.0.0.1:" + std::to_string(server.port())) + R"(, "ca": )" +
                  Quote((server_dir.path / "cert.pem").string()) + "}}";
  }
};

// The teamleider's tablet (a core Device here) starts a team with a few synthetic mothers and
// syncs them.
domain::TeamShape StartTeam(Tablet& leader, int mothers) {
  REQUIRE(leader.device->CreateTeam("tablet teamleider", Now()).ok());
  domain::TeamShape shape;
  shape.active_mothers = mothers;
  shape.closed_mothers = 0;
  shape.years = 1;
  REQUIRE(domain::GenerateTeam(*leader.store, shape).ok());
  REQUIRE(leader.Sync().ok());
  return shape;
}

}  // namespace

TEST_CASE("two app instances: a coach's note and a student's offline edit merge on both",
          "[app][e2e]") {
  Setup setup;
  TempDir& work = setup.work;
  ServerProcess& server = setup.server;
  const std::string& server_step = setup.server_step;

  // The teamleider's tablet: the team and a small synthetic caseload.
  Tablet leader{server};
  const domain::TeamShape shape = StartTeam(leader, 3);
  const auto caseload = domain::Caseload(*leader.store, {}, shape.today).value();
  REQUIRE(!caseload.empty());
  const store::DocumentId doc = caseload.front().doc;

  // Two new tablets: each chooses a PIN and shows its enrolment code. Not approved yet, a sync
  // says so in plain words.
  const auto coach = work.path / "coach";
  const auto student = work.path / "student";
  std::vector<std::string> payloads;
  for (const auto& dir : {coach, student}) {
    const AppRun setup = RunApp(dir, R"([{"setup": "1234"}, )" + server_step +
                                         R"(, {"print": "enrolment"}, {"sync": "fail"}])");
    INFO(setup.All());
    REQUIRE(setup.status == 0);
    CHECK(setup.Find("sync: error ").find("nog niet goedgekeurd") != std::string::npos);
    payloads.push_back(setup.Find("enrolment: "));
  }
  // The teamleider approves both from their QR payloads; the student gets this one dossier.
  const auto coach_keys = sync::ParseEnrolmentPayload(payloads[0]).value();
  const auto student_keys = sync::ParseEnrolmentPayload(payloads[1]).value();
  REQUIRE(leader.device
              ->Approve(coach_keys.device, coach_keys.box,
                        sync::EnrolmentCode(coach_keys.device, coach_keys.box), sync::Role::kCoach,
                        "tablet coach 1", Now())
              .ok());
  REQUIRE(leader.device
              ->Approve(student_keys.device, student_keys.box,
                        sync::EnrolmentCode(student_keys.device, student_keys.box),
                        sync::Role::kStudent, "tablet student 1", Now())
              .ok());
  REQUIRE(leader.device->Assign(student_keys.device, doc, Now()).ok());
  REQUIRE(leader.Sync().ok());

  const std::string open =
      R"({"unlock": "1234"}, {"open": )" + Quote(doc) + R"(}, {"call": "openVisits"})";
  const std::string first = "Moeder vertelde over de brief van de woningcorporatie.";
  const std::string student_adds = " Zij belt morgen zelf.";
  const std::string coach_adds = "Kort: ";

  // The coach syncs (the team's dossiers arrive), writes a new visit's note and syncs it.
  AppRun run = RunApp(coach, R"([{"unlock": "1234"}, {"sync": "ok"}, {"print": "sync"},
      {"print": "caseload"}, {"open": )" +
                                 Quote(doc) + R"(}, {"call": "openVisits"},
      {"call": "newVisit"}, {"type": {"field": "notes", "at": "end", "text": )" +
                                 Quote(first) + R"(}}, {"note": "notes"}, {"sync": "ok"},
      {"print": "waiting"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("member: ") == "yes role: coach");
  CHECK(run.Find("caseload: ") == "3");
  CHECK(run.Find("note notes: ") == first);
  CHECK(run.Find("waiting: ") == "0");

  // Offline, the student adds to the end of the note and the coach to its start.
  run =
      RunApp(student, R"([{"unlock": "1234"}, {"sync": "ok"}, {"print": "caseload"},
      {"open": )" + Quote(doc) +
                          R"(}, {"call": "openVisits"}, {"call": "openLatest"},
      {"note": "notes"}, {"type": {"field": "notes", "at": "end", "text": )" +
                          Quote(student_adds) + R"(}}, {"note": "notes"}, {"print": "waiting"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("caseload: ") == "1");  // a student sees her assigned dossier only
  CHECK(run.lines.size() >= 2);
  CHECK(run.Find("note notes: ") == first);
  CHECK(run.Find("waiting: ") != "0");

  run = RunApp(coach, "[" + open + R"(, {"call": "openLatest"}, {"type": {"field": "notes",
      "at": "start", "text": )" +
                          Quote(coach_adds) + R"(}}, {"note": "notes"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("note notes: ") == coach_adds + first);

  // Both sync (the student, the coach, the student again) and both show the merged note.
  const std::string merged = coach_adds + first + student_adds;
  REQUIRE(RunApp(student, R"([{"unlock": "1234"}, {"sync": "ok"}])").status == 0);
  for (const auto& [dir, name] : {std::pair{coach, "coach"}, std::pair{student, "student"}}) {
    run = RunApp(dir, "[" + open + R"(, {"sync": "ok"}, {"call": "openLatest"},
        {"note": "notes"}, {"screenshot": )" +
                          Quote((work.path / (std::string(name) + ".png")).string()) + "}]");
    INFO(run.All());
    REQUIRE(run.status == 0);
    CHECK(run.Find("note notes: ") == merged);
    CHECK(std::filesystem::file_size(work.path / (std::string(name) + ".png")) > 10'000);
  }
  // The teamleider's tablet has it too, and the server stored none of it readable.
  REQUIRE(leader.Sync().ok());
  bool found = false;
  crdt::Document& d = leader.Doc(doc);
  for (const crdt::OpId& r : d.Records()) {
    if (d.TypeOf(r) == "visit" && d.Text(r, "notes") == merged) found = true;
  }
  CHECK(found);
  CHECK(server.StoredBytes().find("woningcorporatie") == std::string::npos);
}

TEST_CASE("a revoked tablet obeys the wipe order: its data is gone, the PIN opens nothing",
          "[app][e2e]") {
  Setup setup;
  TempDir& work = setup.work;
  const std::string& server_step = setup.server_step;
  Tablet leader{setup.server};
  StartTeam(leader, 2);

  const auto coach = work.path / "coach";
  AppRun run =
      RunApp(coach, R"([{"setup": "1234"}, )" + server_step + R"(, {"print": "enrolment"}])");
  REQUIRE(run.status == 0);
  const auto keys = sync::ParseEnrolmentPayload(run.Find("enrolment: ")).value();
  REQUIRE(leader.device
              ->Approve(keys.device, keys.box, sync::EnrolmentCode(keys.device, keys.box),
                        sync::Role::kCoach, "tablet coach 2", Now())
              .ok());
  REQUIRE(leader.Sync().ok());
  run = RunApp(coach, R"([{"unlock": "1234"}, {"sync": "ok"}, {"print": "caseload"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("caseload: ") == "2");
  REQUIRE(std::filesystem::exists(coach / "naast.db"));

  // The tablet is lost: the teamleider revokes it. At its next sync the server orders a wipe.
  REQUIRE(leader.device->Revoke(keys.device, Now()).ok());
  REQUIRE(leader.Sync().ok());
  run = RunApp(coach, R"([{"unlock": "1234"}, {"sync": "fail"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("sync: error ").find("hoort niet meer bij het team") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(coach / "naast.db"));
  // The right PIN opens nothing now, and says why.
  run = RunApp(coach, R"([{"unlock": "1234"}])");
  INFO(run.All());
  CHECK(run.status != 0);
  CHECK(run.All().find("gewist") != std::string::npos);
}

TEST_CASE("the teamleider's app starts a team, approves a coach's tablet and removes it again",
          "[app][e2e]") {
  Setup setup;
  TempDir& work = setup.work;
  const std::string& server_step = setup.server_step;
  const auto leader = work.path / "leader";
  const auto coach = work.path / "coach";

  // A new tablet starts the team from its join page.
  AppRun run =
      RunApp(leader, R"([{"setup": "1234"}, )" + server_step +
                         R"(, {"call": "join"}, {"click": "createTeam"}, {"waitSync": true},
      {"print": "sync"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("sync: ") == "ok");
  CHECK(run.Find("member: ") == "yes role: teamleider");

  // A coach's new tablet shows its QR payload and code.
  run = RunApp(coach,
               R"([{"setup": "1234"}, )" + server_step +
                   R"(, {"call": "join"}, {"print": "enrolment"}, {"note": "enrolmentCode"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  const std::string payload = run.Find("enrolment: ");
  const std::string code = run.Find("note enrolmentCode: ");
  REQUIRE(code.size() == 9);

  // The teamleider scans it, types the code and a name, and approves: on the team page.
  run = RunApp(leader, R"([{"unlock": "1234"}, {"call": "team"},
      {"fill": {"name": "approvePayload", "text": )" +
                           Quote(payload) +
                           R"(}}, {"fill": {"name": "approveCode", "text": "XXXX-XXXX"}},
      {"fill": {"name": "approveLabel", "text": "tablet coach 7"}}, {"click": "approve"},
      {"print": "team"}, {"note": "teamError"}, {"fill": {"name": "approveCode", "text": )" +
                           Quote(code) + R"(}}, {"click": "approve"}, {"waitSync": true},
      {"print": "team"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  // A wrong code approves nothing; the right one does, and the sync sends it.
  CHECK(std::count(run.lines.begin(), run.lines.end(),
                   "member: tablet teamleider teamleider active") == 2);
  CHECK(run.Find("note teamError: ").find("hoort niet bij deze QR-code") != std::string::npos);
  CHECK(run.Find("member: tablet coach 7 ") == "coach active");
  CHECK(run.Find("sync: ") == "ok");

  run = RunApp(coach, R"([{"unlock": "1234"}, {"sync": "ok"}, {"print": "sync"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("member: ") == "yes role: coach");

  // The tablet is lost: the teamleider removes it (and confirms).
  run = RunApp(leader, R"([{"unlock": "1234"}, {"call": "team"}, {"click": "revoke_tablet coach 7"},
      {"accept": "revokeDialog"}, {"waitSync": true}, {"print": "team"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK(run.Find("member: tablet coach 7 ") == "coach removed");
  run = RunApp(coach, R"([{"unlock": "1234"}, {"sync": "fail"}])");
  INFO(run.All());
  REQUIRE(run.status == 0);
  CHECK_FALSE(std::filesystem::exists(coach / "naast.db"));
}

TEST_CASE("a visit note typed in the app survives kill -9 of the app", "[app][e2e]") {
  setenv("QT_QPA_PLATFORM", "offscreen", 1);
  TempDir work;
  const auto tablet = work.path / "tablet";
  // A tablet with a generated team of its own (no server needed for this).
  REQUIRE(RunApp(tablet, R"([{"setup": "1234"}])").status == 0);
  {
    // Dossiers to write in: the demo's generator, through a second run that only unlocks
    // would not make any, so the test writes them with the core like an import would.
    auto vault = store::KeyVault::Open(tablet / "key.vault").value();
    store::FileDeviceSecret secret(tablet / "device.secret");
    const std::string pin = "1234";
    auto key = vault
                   .Unlock(crypto::SecureBytes::Copy(
                               {reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()}),
                           secret, Now())
                   .value();
    crdt::HybridClock clock;
    auto store = store::Store::Open(tablet / "naast.db", key, 0, &clock).value();
    domain::TeamShape shape;
    shape.active_mothers = 2;
    shape.closed_mothers = 0;
    shape.years = 1;
    REQUIRE(domain::GenerateTeam(*store, shape).ok());
  }
  const std::string text = "Samen de aanvraag voor de kinderopvangtoeslag ingevuld.";
  const auto script = work.path / "type.json";
  std::ofstream(script) << R"([{"unlock": "1234"}, {"open": "first"}, {"print": "doc"},
      {"call": "openVisits"},
      {"call": "newVisit"}, {"type": {"field": "notes", "at": "end", "text": )"
                        << Quote(text) << R"(}}, {"waitSaved": true}, {"hang": true}])";
  // A day after the generated team's last day: the new visit is the newest one.
  ChildProcess app = SpawnChild(NAAST_APP, {"--data-dir", tablet.string(), "--today", "2026-11-25",
                                            "--drive", script.string()});
  std::string line, doc;
  do {
    line = app.Line();
    if (line.rfind("doc: ", 0) == 0) doc = line.substr(5);
  } while (!line.empty() && line != "hanging");
  REQUIRE(line == "hanging");
  REQUIRE(kill(app.pid, SIGKILL) == 0);
  const int status = app.Wait();
  CHECK(WIFSIGNALED(status));

  // The same dossier (a new visit moves it down the caseload), its newest visit.
  REQUIRE(!doc.empty());
  const AppRun again = RunApp(tablet, R"([{"unlock": "1234"}, {"open": )" + Quote(doc) + R"(},
      {"call": "openVisits"}, {"call": "openLatest"}, {"note": "notes"}])",
                              "2026-11-25");
  INFO(again.All());
  REQUIRE(again.status == 0);
  CHECK(again.Find("note notes: ") == text);
}

}  // namespace naast::testing
