// kill -9 of a client during a pull: a separate process pulls a team's history in small pages
// and is killed at random pages, several times; the next run resumes from the last stored page
// (it does not start over) and ends with exactly the teamleider's dossiers.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>
#include <sstream>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/session.h"
#include "sync_fixture.h"

#ifndef NAAST_SYNC_CHILD
#error "NAAST_SYNC_CHILD must name the naast-sync-child executable"
#endif

extern char** environ;

using namespace naast;
using crdt::OpId;
using testing::Now;
using testing::Tablet;
using testing::Team;

namespace {

struct Child {
  pid_t pid = -1;
  int out = -1;
  std::string buffer;

  // The next line of the child's stdout; empty when it ended.
  std::string Line() {
    char chunk[256];
    for (;;) {
      const auto nl = buffer.find('\n');
      if (nl != std::string::npos) {
        std::string line = buffer.substr(0, nl);
        buffer.erase(0, nl + 1);
        return line;
      }
      const ssize_t n = read(out, chunk, sizeof chunk);
      if (n <= 0) return {};
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }
  int Wait() {
    int status = 0;
    waitpid(pid, &status, 0);
    close(out);
    return status;
  }
};

Child Spawn(std::vector<std::string> args) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  args.insert(args.begin(), NAAST_SYNC_CHILD);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child c;
  REQUIRE(posix_spawn(&c.pid, NAAST_SYNC_CHILD, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  c.out = fds[0];
  return c;
}

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
    Child keys = Spawn(args({"keys"}));
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
    Child pull = Spawn(args({"pull", "1500"}));
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

  Child last = Spawn(args({"pull", "1500"}));
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
