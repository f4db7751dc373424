// kill -9 of a client during a pull: a separate process pulls a team's history in small pages
// and is killed at random pages, several times; the next run resumes from the last stored page
// (it does not start over) and ends with exactly the teamleider's dossiers.
#include <signal.h>

#include <catch2/catch.hpp>
#include <random>
#include <sstream>
#include <string>

#include "child_process.h"
#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/session.h"
#include "sync_fixture.h"

#ifndef NAAST_SYNC_CHILD
#error "NAAST_SYNC_CHILD must name the naast-sync-child executable"
#endif

using namespace naast;
using crdt::OpId;
using testing::Now;
using testing::Tablet;
using testing::Team;

namespace {

sync::PublicKey KeyFromHex(const std::string& hex) {
  sync::PublicKey key{};
  REQUIRE(hex.size() == key.size() * 2);
  for (std::size_t i = 0; i < key.size(); ++i) {
    key[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  return key;
}

}  // namespace

TEST_CASE("kill -9 of a client during a pull: the next run resumes and ends complete",
          "[sync][e2e][crash]") {
  Team t;
  t.leader.session->snapshot_every_ops = 0;  // the history travels as changes: many pages
  std::vector<store::DocumentId> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(t.leader.store->CreateDocument("dossier").value());
  for (int round = 0; round < 6; ++round) {
    for (const auto& id : ids) {
      crdt::Document& d = t.leader.Doc(id);
      const OpId visit = d.CreateRecord("visit");
      REQUIRE(
          d.InsertText(visit, "notes", 0,
                       "Bezoek " + std::to_string(round) + ": gesprek over de post en de buurt.")
              .ok());
      REQUIRE(t.leader.store->Commit(id).ok());
    }
    REQUIRE(t.leader.Sync().ok());  // one envelope per dossier per round
  }

  // The child's store, key and device.
  testing::TempDir dir;
  const auto file = (dir.path / "child.db").string();
  const auto key = crypto::RandomKey();
  const std::string key_hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  const auto server = t.server.ClientOptions();
  const std::vector<std::string> base = {file, key_hex, std::to_string(server.port),
                                         server.ca_file};
  auto args = [&](std::vector<std::string> more) {
    std::vector<std::string> a = base;
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  {
    testing::ChildProcess keys = testing::SpawnChild(NAAST_SYNC_CHILD, args({"keys"}));
    std::istringstream line(keys.Line());
    std::string word, sign, box, code;
    line >> word >> sign >> box >> code;
    REQUIRE(word == "device");
    REQUIRE(WIFEXITED(keys.Wait()));
    REQUIRE(t.leader.device
                ->Approve(KeyFromHex(sign), KeyFromHex(box), code, sync::Role::kCoach, "tablet 5",
                          Now())
                .ok());
    REQUIRE(t.leader.Sync().ok());
  }

  // How many envelopes a whole pull takes, from a tablet that is not interrupted.
  Tablet reference(t.server);
  reference.session->page_bytes = 1500;
  REQUIRE(t.leader.device
              ->Approve(reference.device->id(), reference.device->box().public_key,
                        reference.device->Code(), sync::Role::kCoach, "tablet 6", Now())
              .ok());
  REQUIRE(t.leader.Sync().ok());
  auto whole = reference.Sync();
  REQUIRE(whole.ok());
  const std::size_t total = whole->pulled;
  REQUIRE(total >= ids.size() * 6);

  std::mt19937 rng(11);
  int kills = 0;
  std::size_t before_kill = 0;  // envelopes the killed runs said they had stored
  for (int k = 0; k < 5; ++k) {
    testing::ChildProcess pull = testing::SpawnChild(NAAST_SYNC_CHILD, args({"pull", "1500"}));
    const int pages = std::uniform_int_distribution<int>(1, 3)(rng);
    int seen = 0;
    std::string line;
    while (seen < pages && !(line = pull.Line()).empty()) {
      if (line.rfind("page ", 0) == 0) {
        ++seen;
        before_kill += std::stoul(line.substr(5));
      }
      if (line.rfind("done", 0) == 0) break;
    }
    kill(pull.pid, SIGKILL);
    const int status = pull.Wait();
    if (WIFSIGNALED(status)) ++kills;
  }
  CHECK(kills >= 3);

  testing::ChildProcess last = testing::SpawnChild(NAAST_SYNC_CHILD, args({"pull", "1500"}));
  std::size_t resumed = 0;
  for (std::string line; !(line = last.Line()).empty();) {
    if (line.rfind("done ", 0) == 0) resumed = std::stoul(line.substr(5));
  }
  const int status = last.Wait();
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  // It went on from where the killed runs stopped: it did not pull everything again.
  CHECK(before_kill > 0);
  CHECK(resumed < total);
  CHECK(resumed + before_kill >= total);

  auto child = store::Store::Open(file, key, 0, nullptr);
  REQUIRE(child.ok());
  REQUIRE((*child)->CheckIntegrity().ok());
  REQUIRE((*child)->Documents().value().size() == ids.size());
  for (const auto& id : ids) {
    CHECK((*child)->Get(id).value()->Save() == t.leader.Doc(id).Save());
  }
}
