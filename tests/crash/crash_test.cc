// Crash safety: a child process applies large batches of changes and is killed with SIGKILL at
// random moments, many times. After each kill the store must pass integrity_check, hold every
// batch the child acknowledged, hold each batch whole or not at all, and its tables must be
// exactly what the operation log says.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "child_process.h"
#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "test_util.h"

#ifndef NAAST_CRASH_CHILD
#error "NAAST_CRASH_CHILD must name the naast-crash-child executable"
#endif

using namespace naast;

namespace {

// Reads "acked N" lines until `want` of them came (or the child ended); returns the last N.
long ReadAcks(int fd, int want, std::string& buffer, int* got) {
  long last = -1;
  char chunk[256];
  while (*got < want) {
    std::size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      const std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      if (line.rfind("acked ", 0) == 0) {
        last = std::stol(line.substr(6));
        ++*got;
      }
    }
    if (*got >= want) break;
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  return last;
}

}  // namespace

TEST_CASE("kill -9 during large applies: whole batches, nothing acknowledged lost, no corruption",
          "[store][crash]") {
  const char* env_rounds = std::getenv("NAAST_CRASH_ROUNDS");
  const int rounds = env_rounds ? std::atoi(env_rounds) : 40;
  const int batch = 100;
  std::mt19937_64 rng(20261125);
  testing::TempDir dir;
  const auto file = (dir.path / "crash.db").string();
  const auto key = crypto::RandomKey();
  const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  long acknowledged = 0;
  int killed_mid_batch = 0;
  for (int round = 0; round < rounds; ++round) {
    INFO("round " << round);
    testing::ChildProcess child =
        testing::SpawnChild(NAAST_CRASH_CHILD, {file, hex, std::to_string(batch)});
    std::string buffer;
    int got = 0;
    // Half the time wait for a few acknowledged batches first; then kill at a random moment
    // (possibly while opening, while writing a batch, or while committing one).
    const int want = static_cast<int>(rng() % 3);
    const long last = ReadAcks(child.out, want, buffer, &got);
    if (last > acknowledged) acknowledged = last;
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 40000));
    kill(child.pid, SIGKILL);
    // Acknowledgements that were written before the kill count too.
    int more = 0;
    const long late = ReadAcks(child.out, 1 << 20, buffer, &more);
    if (late > acknowledged) acknowledged = late;
    const int status = child.Wait();
    REQUIRE(WIFSIGNALED(status));  // it was still working when killed
    REQUIRE(WTERMSIG(status) == SIGKILL);

    auto store = store::Store::Open(file, key, 1, nullptr);
    REQUIRE(store.ok());
    REQUIRE((*store)->CheckIntegrity().ok());
    const auto count =
        std::get<std::int64_t>((*store)->Query("SELECT count(*) FROM oplog")->at(0)[0]);
    REQUIRE(count % batch == 0);                   // whole batches only
    REQUIRE(count >= acknowledged);                // nothing acknowledged is lost
    if (count > acknowledged) ++killed_mid_batch;  // committed, killed before saying so
    const auto visits =
        std::get<std::int64_t>((*store)->Query("SELECT count(*) FROM e_visit")->at(0)[0]);
    REQUIRE(visits == count);  // each change applied whole: one visit each
    const std::string tables = (*store)->DumpTables().value();
    REQUIRE((*store)->RebuildTables().ok());
    REQUIRE((*store)->DumpTables().value() == tables);
  }
  WARN(rounds << " kills; " << acknowledged << " changes acknowledged; " << killed_mid_batch
              << " kills between a commit and its acknowledgement");
  REQUIRE(acknowledged > 0);
}
