// kill -9 of the sync server while a device pushes, many times: no change the server
// acknowledged is lost, none is stored twice, and in the end a fresh device pulls exactly what
// the pushing device has.
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

// What the server holds of `replica`'s changes, read from its storage directly: the highest
// counter up to which every counter is covered by some stored run, and how many runs are stored
// twice (the same start and end).
struct Held {
  std::uint64_t covered = 0;
  std::int64_t twice = 0;
};
Held StoredChanges(const testing::ServerProcess& server, std::uint64_t replica) {
  const auto rows = server.QueryInts(
      "SELECT start, end_counter, count(*) FROM envelopes WHERE kind = 1 AND replica = " +
      std::to_string(static_cast<std::int64_t>(replica)) +
      " GROUP BY start, end_counter ORDER BY start");
  Held held;
  for (const auto& row : rows) {
    const auto start = static_cast<std::uint64_t>(row.at(0));
    const auto end = static_cast<std::uint64_t>(row.at(1));
    held.twice += row.at(2) - 1;
    if (start <= held.covered + 1 && end - 1 > held.covered) held.covered = end - 1;
  }
  return held;
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
  std::uint64_t acknowledged = 0;  // the counter up to which the server said it has all
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
    const Held held = StoredChanges(t.server, replica);
    REQUIRE(held.twice == 0);               // none stored twice
    REQUIRE(held.covered >= acknowledged);  // none acknowledged lost
    if (outcome.ok()) {
      // A whole sync: everything written so far is there.
      acknowledged = coach.Doc(id).version().Get(replica);
      REQUIRE(held.covered == acknowledged);
    }
    t.server.Start(port);
  }
  // Everything arrives once the server stays up.
  auto final_sync = coach.Sync();
  REQUIRE(final_sync.ok());
  const Held held = StoredChanges(t.server, replica);
  REQUIRE(held.covered == coach.Doc(id).version().Get(replica));
  REQUIRE(held.twice == 0);
  REQUIRE(t.leader.Sync().ok());
  CHECK(t.leader.Doc(id).Save() == coach.Doc(id).Save());
  WARN(rounds << " kills, " << interrupted << " syncs cut off, " << made << " changes, all there");
  CHECK(interrupted > 0);
}
