// kill -9 of the sync server while a device pushes, many times: no change the server
// acknowledged is lost, none is stored twice, and in the end a fresh device pulls exactly what
// the pushing device has.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <random>
#include <thread>

#include "sync_fixture.h"

#ifndef NAAST_SYNC_SERVER
#error "NAAST_SYNC_SERVER must name the naast-sync executable"
#endif

using namespace naast;
using testing::Now;
using testing::Tablet;

namespace {

// Change envelopes the server holds from `replica`, read from its SQLite file directly.
std::int64_t StoredChanges(const std::filesystem::path& data_dir, std::uint64_t replica,
                           std::int64_t* distinct) {
  sqlite3* db = nullptr;
  const std::string file = (data_dir / "naast-sync.db").string();
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db,
                             "SELECT count(*), count(DISTINCT start) FROM envelopes "
                             "WHERE kind = 1 AND replica = ?",
                             -1, &st, nullptr) == SQLITE_OK);
  sqlite3_bind_int64(st, 1, static_cast<sqlite3_int64>(replica));
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  const std::int64_t n = sqlite3_column_int64(st, 0);
  *distinct = sqlite3_column_int64(st, 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("kill -9 of the server during pushes loses no acknowledged change", "[sync][crash]") {
  const char* env_rounds = std::getenv("NAAST_SYNC_KILLS");
  const int rounds = env_rounds ? std::atoi(env_rounds) : 100;
  testing::Team t;
  const std::uint16_t port = t.server.port();
  Tablet& coach = t.coach;
  const store::DocumentId id = coach.store->CreateDocument("dossier").value();
  const std::uint64_t replica = coach.Doc(id).self();
  std::mt19937_64 rng(4242);
  std::int64_t acknowledged = 0;  // changes of `replica` the server said it has
  std::int64_t made = 0;
  int interrupted = 0;
  for (int round = 0; round < rounds; ++round) {
    INFO("round " << round);
    // A few visits written offline.
    const int visits = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < visits; ++i) {
      crdt::Document& d = coach.Doc(id);
      const crdt::OpId v = d.CreateRecord("visit");
      REQUIRE(d.InsertText(v, "notes", 0, "bezoek " + std::to_string(made)).ok());
      REQUIRE(coach.store->Commit(id).ok());
      ++made;
    }
    // Sync while the server is killed at a random moment.
    Result<sync::SyncProgress> outcome = Error{ErrorCode::kIo, "not run"};
    std::thread pusher([&] { outcome = coach.Sync(); });
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 15'000));
    t.server.Kill();
    pusher.join();
    if (!outcome.ok()) ++interrupted;
    std::int64_t distinct = 0;
    const std::int64_t stored = StoredChanges(t.server.data_dir(), replica, &distinct);
    REQUIRE(stored == distinct);      // none stored twice
    REQUIRE(stored >= acknowledged);  // none acknowledged lost
    if (outcome.ok()) {
      REQUIRE(stored == made);  // a whole sync: everything made so far is there
      acknowledged = made;
    }
    t.server.Start(port);
  }
  // Everything arrives once the server stays up.
  auto final_sync = coach.Sync();
  REQUIRE(final_sync.ok());
  std::int64_t distinct = 0;
  REQUIRE(StoredChanges(t.server.data_dir(), replica, &distinct) == made);
  REQUIRE(distinct == made);
  REQUIRE(t.leader.Sync().ok());
  CHECK(t.leader.Doc(id).Save() == coach.Doc(id).Save());
  WARN(rounds << " kills, " << interrupted << " syncs cut off, " << made << " changes, all there");
  CHECK(interrupted > 0);
}
