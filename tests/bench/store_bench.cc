// naast-bench-store: the store's figures on a realistic team, each beside a baseline measured
// in the same run.
//   apply    CRDT changes into the store (log + entity tables) vs the same rows into plain
//            SQLite (no key, one transaction per change): target ratio <= 3
//   caseload the caseload query on 35 active mothers and their history: target <= 10 ms
//   open     opening the file (key already derived) to a visible caseload: target <= 100 ms
//   kdf      Argon2id with the production parameters (reported, tuned per device)
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "naast/crypto/crypto.h"
#include "naast/domain/queries.h"
#include "naast/domain/team_generator.h"

using namespace naast;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

template <typename F>
double MedianMs(int runs, F f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto a = Clock::now();
    f();
    t.push_back(Ms(a, Clock::now()));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "naast-bench-store: %s failed\n", what);
    std::exit(1);
  }
}

void Exec(sqlite3* db, const char* sql) {
  Check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK, sql);
}

}  // namespace

int main() {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "naast-bench-store";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  crdt::HybridClock clock;
  auto key = crypto::RandomKey();
  const domain::TeamShape shape;  // 35 active, 40 closed, three years

  // The team, generated once; its changes are what the apply benchmark replays.
  std::vector<std::pair<store::DocumentId, crdt::Change>> changes;
  {
    auto source = store::Store::Open(dir / "source.db", key, 1, &clock).value();
    auto stats = domain::GenerateTeam(*source, shape);
    Check(stats.ok(), "generating the team");
    for (const auto& id : source->Documents().value()) {
      for (auto& c : source->ChangesSince(id, {}).value()) changes.emplace_back(id, std::move(c));
    }
    std::printf("team: %d dossiers, %d visits, %zu changes\n", stats->dossiers, stats->visits,
                changes.size());
  }

  // Apply: into a fresh store, one transaction per change (as sync delivers them).
  double apply_ms = 0;
  {
    auto target = store::Store::Open(dir / "target.db", key, 2, &clock).value();
    std::map<store::DocumentId, store::DocumentId> ids;
    for (const auto& [id, c] : changes) {
      if (!ids.count(id)) ids[id] = target->CreateDocument("dossier").value();
    }
    auto a = Clock::now();
    for (const auto& [id, c] : changes) Check(target->Apply(ids[id], c).ok(), "apply");
    apply_ms = Ms(a, Clock::now());
  }
  // Baseline: the same number of rows into plain SQLite (no key): the change bytes into a log
  // and one row per touched record, one transaction per change, same pragmas.
  double plain_ms = 0;
  {
    sqlite3* db = nullptr;
    Check(sqlite3_open((dir / "plain.db").c_str(), &db) == SQLITE_OK, "open plain");
    Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    Exec(db,
         "CREATE TABLE log (seq INTEGER PRIMARY KEY, doc TEXT, change BLOB);"
         "CREATE TABLE rows (doc TEXT, replica INTEGER, counter INTEGER, data BLOB, "
         "PRIMARY KEY (doc, replica, counter));");
    sqlite3_stmt *log = nullptr, *row = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO log (doc, change) VALUES (?, ?)", -1, &log, nullptr);
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?)", -1, &row, nullptr);
    std::vector<std::vector<std::uint8_t>> encoded;
    for (const auto& [id, c] : changes) encoded.push_back(crdt::EncodeChange(c));
    auto a = Clock::now();
    for (std::size_t i = 0; i < changes.size(); ++i) {
      const auto& [id, c] = changes[i];
      Exec(db, "BEGIN");
      sqlite3_bind_text(log, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      sqlite3_bind_blob(log, 2, encoded[i].data(), static_cast<int>(encoded[i].size()),
                        SQLITE_STATIC);
      Check(sqlite3_step(log) == SQLITE_DONE, "plain log");
      sqlite3_reset(log);
      for (std::size_t k = 0; k < c.ops.size(); ++k) {
        sqlite3_bind_text(row, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
        sqlite3_bind_int64(row, 2, static_cast<sqlite3_int64>(c.replica));
        sqlite3_bind_int64(row, 3, static_cast<sqlite3_int64>(c.start_counter + k));
        sqlite3_bind_blob(row, 4, encoded[i].data(), static_cast<int>(encoded[i].size()),
                          SQLITE_STATIC);
        Check(sqlite3_step(row) == SQLITE_DONE, "plain row");
        sqlite3_reset(row);
      }
      Exec(db, "COMMIT");
    }
    plain_ms = Ms(a, Clock::now());
    sqlite3_finalize(log);
    sqlite3_finalize(row);
    sqlite3_close(db);
  }

  // Caseload, warm, and open -> caseload, cold (a new process would do the same).
  double caseload_ms = 0, open_ms = 0;
  std::size_t caseload_size = 0;
  {
    auto s = store::Store::Open(dir / "source.db", key, 1, &clock).value();
    caseload_size = domain::Caseload(*s, {}, shape.today).value().size();
    caseload_ms =
        MedianMs(21, [&] { Check(domain::Caseload(*s, {}, shape.today).ok(), "caseload"); });
  }
  open_ms = MedianMs(7, [&] {
    auto s = store::Store::Open(dir / "source.db", key, 1, &clock);
    Check(s.ok(), "open");
    Check(domain::Caseload(**s, {}, shape.today).ok(), "caseload after open");
  });

  // Argon2id with the production parameters (the PIN plus a 32-byte device secret).
  const auto pin = crypto::SecureBytes::Copy({reinterpret_cast<const std::uint8_t*>("482916"), 6});
  const auto secret = crypto::RandomKey();
  const auto salt = crypto::RandomBytes(crypto::kSaltBytes);
  const double kdf_ms =
      MedianMs(3, [&] { Check(crypto::DeriveKek(pin, secret, salt, {}).ok(), "kdf"); });

  const double per_s = changes.size() / (apply_ms / 1000.0);
  const double plain_per_s = changes.size() / (plain_ms / 1000.0);
  std::printf("%-34s %12s %12s %8s %10s  ok\n", "figure", "naast", "baseline", "ratio", "target");
  std::printf("%-34s %12.0f %12.0f %8.2f %10s  %s\n", "apply changes/s (store vs plain)", per_s,
              plain_per_s, plain_per_s / per_s, "<=3x", plain_per_s / per_s <= 3 ? "yes" : "NO");
  std::printf("%-34s %12.2f %12s %8s %10s  %s\n", "caseload query ms", caseload_ms,
              (std::to_string(caseload_size) + " rows").c_str(), "", "<=10",
              caseload_ms <= 10 ? "yes" : "NO");
  std::printf("%-34s %12.2f %12s %8s %10s  %s\n", "open file to caseload ms", open_ms, "", "",
              "<=100", open_ms <= 100 ? "yes" : "NO");
  std::printf("%-34s %12.0f %12s %8s %10s\n", "Argon2id 3 passes 128 MiB ms", kdf_ms, "", "",
              "0.5-1 s on a tablet");
  std::filesystem::remove_all(dir);
  return plain_per_s / per_s <= 3 && caseload_ms <= 10 && open_ms <= 100 ? 0 : 1;
}
