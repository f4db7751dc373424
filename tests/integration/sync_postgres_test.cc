// Two naast-sync processes sharing one PostgreSQL database serve one team: tablets push through
// either server at the same time while a third tablet keeps pulling through both, and in the
// end every tablet holds every edit, and nothing is stored twice. Runs only as "pg: ..."
// (CTest starts the cluster).
#include <catch2/catch.hpp>
#include <string>
#include <thread>

#include "sync_fixture.h"

using namespace naast;
using crdt::OpId;
using testing::Now;
using testing::ServerProcess;
using testing::Tablet;

TEST_CASE("two servers sharing one PostgreSQL serve one team correctly", "[sync][pg]") {
  REQUIRE(testing::OnPostgres());
  const std::string database = testing::FreshPostgresDatabase();
  testing::TempDir dir_a, dir_b;
  ServerProcess a(NAAST_SYNC_SERVER, dir_a.path, {"--postgres", database});
  ServerProcess b(NAAST_SYNC_SERVER, dir_b.path, {"--postgres", database});

  // The team is made through server A; its members join through B.
  Tablet leader(a), writer_b(b), reader(b);
  REQUIRE(leader.device->CreateTeam("tablet 1", Now()).ok());
  REQUIRE(leader.Sync().ok());
  testing::Join(leader, writer_b, sync::Role::kCoach, "tablet 2");
  testing::Join(leader, reader, sync::Role::kCoach, "tablet 3");

  const store::DocumentId id = leader.store->CreateDocument("dossier").value();
  const OpId visit = leader.Doc(id).CreateRecord("visit");
  REQUIRE(leader.Doc(id).InsertText(visit, "notes", 0, "Start.").ok());
  REQUIRE(leader.store->Commit(id).ok());
  REQUIRE(leader.Sync().ok());
  REQUIRE(writer_b.Sync().ok());

  // The leader writes through A and the coach through B, at the same time, each committing
  // and syncing 25 times; meanwhile the reader pulls through A and B in turn.
  constexpr int kRounds = 25;
  auto write = [&](Tablet& t, const std::string& tag, std::string* error) {
    for (int i = 0; i < kRounds; ++i) {
      crdt::Document& d = t.Doc(id);
      const std::string marker = " [" + tag + std::to_string(i) + "]";
      if (!d.InsertText(visit, "notes", d.TextLength(visit, "notes"), marker).ok() ||
          !d.AddToSet(visit, "present", marker).ok() || !t.store->Commit(id).ok()) {
        *error = "edit failed";
        return;
      }
      if (auto r = t.Sync(); !r) {
        *error = r.error().ToString();
        return;
      }
    }
  };
  std::string error_a, error_b;
  std::atomic<bool> writing{true};
  std::thread ta([&] { write(leader, "A", &error_a); });
  std::thread tb([&] { write(writer_b, "B", &error_b); });
  sync::HttpsClient reader_via_a(a.ClientOptions());
  std::unique_ptr<sync::HttpsClient> reader_via_b = std::move(reader.client);
  int pulls = 0;
  std::string error_reader;
  std::thread tr([&] {
    while (writing.load() || pulls < 4) {
      sync::HttpsClient& via = pulls % 2 == 0 ? reader_via_a : *reader_via_b;
      if (auto r = sync::SyncNow(*reader.session, via, Now, {}, nullptr); !r) {
        error_reader = r.error().ToString();
        return;
      }
      ++pulls;
    }
  });
  ta.join();
  tb.join();
  writing = false;
  tr.join();
  reader.client = std::move(reader_via_b);
  REQUIRE(error_a.empty());
  REQUIRE(error_b.empty());
  REQUIRE(error_reader.empty());
  CHECK(pulls >= 4);

  // Each writer takes in the other's last edits; the reader pulls once more, through A.
  REQUIRE(leader.Sync().ok());
  REQUIRE(writer_b.Sync().ok());
  reader.client = std::make_unique<sync::HttpsClient>(a.ClientOptions());
  REQUIRE(reader.Sync().ok());

  const std::vector<std::uint8_t> saved = leader.Doc(id).Save();
  CHECK(writer_b.Doc(id).Save() == saved);
  CHECK(reader.Doc(id).Save() == saved);
  const std::string notes = reader.Doc(id).Text(visit, "notes");
  for (int i = 0; i < kRounds; ++i) {
    for (const char* tag : {"A", "B"}) {
      const std::string marker = " [" + std::string(tag) + std::to_string(i) + "]";
      CHECK(notes.find(marker) != std::string::npos);
      CHECK(reader.Doc(id).Contains(visit, "present", marker));
    }
  }
  // One row per change, whichever server took it.
  const auto twice = a.QueryInts(
      "SELECT count(*) FROM (SELECT doc, replica, start FROM envelopes WHERE kind = 1 "
      "GROUP BY doc, replica, start HAVING count(*) > 1) AS d");
  REQUIRE(twice.size() == 1);
  CHECK(twice[0][0] == 0);
  const auto changes = a.QueryInts("SELECT count(*) FROM envelopes WHERE kind = 1");
  CHECK(changes[0][0] >= 2 * kRounds);
  CHECK(a.Stop() == 0);
  CHECK(b.Stop() == 0);
}
