#include <filesystem>
#include <mutex>

#include "storage.h"
#include "store/sqlite.h"

namespace naast::server {
namespace {

using store::sql::Database;
using store::sql::Transaction;

std::span<const std::uint8_t> TeamBytes(const sync::TeamId& team) {
  return {team.data(), team.size()};
}

class SqliteStorage : public Storage {
 public:
  Status Open(const std::string& data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec) return Error{ErrorCode::kIo, "cannot create the data directory: " + ec.message()};
    const std::string file = (std::filesystem::path(data_dir) / "naast-sync.db").string();
    if (Status s =
            db_.Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX);
        !s) {
      return s;
    }
    return db_.Exec(R"sql(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE IF NOT EXISTS registry (
  team BLOB NOT NULL, seq INTEGER NOT NULL, subject BLOB NOT NULL, entry BLOB NOT NULL,
  PRIMARY KEY (team, seq));
CREATE INDEX IF NOT EXISTS registry_by_subject ON registry (subject);
CREATE TABLE IF NOT EXISTS envelopes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  team BLOB NOT NULL, doc TEXT NOT NULL, kind INTEGER NOT NULL,
  replica INTEGER NOT NULL, start INTEGER NOT NULL, end_counter INTEGER NOT NULL,
  epoch INTEGER NOT NULL, epoch_key INTEGER NOT NULL, device BLOB NOT NULL,
  bytes BLOB NOT NULL);
-- One run of changes is stored once; one document key per epoch.
CREATE UNIQUE INDEX IF NOT EXISTS envelope_identity
  ON envelopes (team, doc, kind, replica, start, end_counter, epoch_key);
)sql");
  }

  Result<std::vector<std::vector<std::uint8_t>>> Registry(const sync::TeamId& team) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("SELECT entry FROM registry WHERE team = ? ORDER BY seq");
    if (!st) return st.error();
    st->Bind(1, TeamBytes(team));
    std::vector<std::vector<std::uint8_t>> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(st->Blob(0));
    }
    return out;
  }

  Status AppendRegistry(const sync::TeamId& team, std::uint64_t seq, const sync::PublicKey& subject,
                        std::span<const std::uint8_t> entry) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("INSERT INTO registry (team, seq, subject, entry) VALUES (?, ?, ?, ?)");
    if (!st) return st.error();
    return st->Bind(1, TeamBytes(team))
        .Bind(2, static_cast<std::int64_t>(seq))
        .Bind(3, std::span<const std::uint8_t>(subject.data(), subject.size()))
        .Bind(4, entry)
        .Run();
  }

  Result<std::optional<sync::TeamId>> TeamOf(const sync::PublicKey& device) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("SELECT team FROM registry WHERE subject = ? ORDER BY seq LIMIT 1");
    if (!st) return st.error();
    st->Bind(1, std::span<const std::uint8_t>(device.data(), device.size()));
    auto row = st->Step();
    if (!row) return row.error();
    std::optional<sync::TeamId> out;
    if (*row) {
      const auto bytes = st->Blob(0);
      if (bytes.size() == 16) {
        sync::TeamId team;
        std::copy(bytes.begin(), bytes.end(), team.begin());
        out = team;
      }
    }
    return out;
  }

  Result<bool> Put(const sync::TeamId& team, const sync::EnvelopeHeader& h,
                   std::span<const std::uint8_t> bytes) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare(
        "INSERT OR IGNORE INTO envelopes (team, doc, kind, replica, start, end_counter, epoch, "
        "epoch_key, device, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    // Changes are one per (replica, start) whatever the epoch; keys one per epoch.
    const std::int64_t epoch_key = h.kind == sync::EnvelopeKind::kChange ? 0 : h.epoch;
    if (Status s = st->Bind(1, TeamBytes(team))
                       .Bind(2, std::string_view(h.doc))
                       .Bind(3, static_cast<std::int64_t>(h.kind))
                       .Bind(4, static_cast<std::int64_t>(h.replica))
                       .Bind(5, static_cast<std::int64_t>(h.start))
                       .Bind(6, static_cast<std::int64_t>(h.end))
                       .Bind(7, static_cast<std::int64_t>(h.epoch))
                       .Bind(8, epoch_key)
                       .Bind(9, std::span<const std::uint8_t>(h.device.data(), h.device.size()))
                       .Bind(10, bytes)
                       .Run();
        !s) {
      return s.error();
    }
    return sqlite3_changes(db_.get()) == 1;
  }

  Result<std::vector<StoredEnvelope>> Envelopes(const sync::TeamId& team,
                                                std::int64_t after_seq) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare(
        "SELECT seq, doc, kind, replica, start, end_counter, epoch, length(bytes), device "
        "FROM envelopes "
        "WHERE team = ? AND seq > ? ORDER BY seq");
    if (!st) return st.error();
    st->Bind(1, TeamBytes(team)).Bind(2, after_seq);
    std::vector<StoredEnvelope> out;
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      StoredEnvelope e;
      e.seq = st->Int(0);
      e.doc = st->Text(1);
      e.kind = static_cast<sync::EnvelopeKind>(st->Int(2));
      e.replica = static_cast<std::uint64_t>(st->Int(3));
      e.start = static_cast<std::uint64_t>(st->Int(4));
      e.end = static_cast<std::uint64_t>(st->Int(5));
      e.epoch = static_cast<std::uint32_t>(st->Int(6));
      e.size = st->Int(7);
      const auto device = st->Blob(8);
      if (device.size() == e.device.size()) {
        std::copy(device.begin(), device.end(), e.device.begin());
      }
      out.push_back(std::move(e));
    }
    return out;
  }

  Result<std::vector<std::vector<std::uint8_t>>> Bytes(
      const std::vector<std::int64_t>& seqs) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("SELECT bytes FROM envelopes WHERE seq = ?");
    if (!st) return st.error();
    std::vector<std::vector<std::uint8_t>> out;
    for (std::int64_t seq : seqs) {
      st->Bind(1, seq);
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) return Error{ErrorCode::kIo, "an envelope vanished"};
      out.push_back(st->Blob(0));
      st->Reset();
    }
    return out;
  }

  Result<std::pair<std::int64_t, std::int64_t>> Totals() override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("SELECT count(*), coalesce(sum(length(bytes)), 0) FROM envelopes");
    if (!st) return st.error();
    auto row = st->Step();
    if (!row) return row.error();
    return std::pair{st->Int(0), st->Int(1)};
  }

 private:
  std::mutex mu_;
  Database db_;
};

}  // namespace

Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& data_dir) {
  auto s = std::make_unique<SqliteStorage>();
  if (Status st = s->Open(data_dir); !st) return st.error();
  return std::unique_ptr<Storage>(std::move(s));
}

}  // namespace naast::server
