#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "storage.h"
#include "store/sqlite.h"

namespace naast::server {
namespace {

using store::sql::Database;
using store::sql::Transaction;

constexpr std::int64_t kSchemaVersion = 1;

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
    if (Status s = db_.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"); !s) return s;
    auto version = db_.Prepare("PRAGMA user_version");
    if (!version) return version.error();
    if (auto row = version->Step(); !row) return row.error();
    const std::int64_t user_version = version->Int(0);
    if (user_version > kSchemaVersion) {
      return Error{ErrorCode::kUnsupportedVersion,
                   "the data directory was written by a newer naast-sync"};
    }
    if (user_version == kSchemaVersion) return Status::Ok();
    auto has_envelopes = db_.Prepare("SELECT count(*) FROM sqlite_master WHERE name = 'envelopes'");
    if (!has_envelopes) return has_envelopes.error();
    if (auto row = has_envelopes->Step(); !row) return row.error();
    if (has_envelopes->Int(0) != 0) {
      return Error{ErrorCode::kUnsupportedVersion,
                   "the data directory holds an early development format; start with an empty "
                   "one"};
    }
    return db_.Exec(R"sql(
BEGIN;
CREATE TABLE registry (
  team BLOB NOT NULL, seq INTEGER NOT NULL, subject BLOB NOT NULL, entry BLOB NOT NULL,
  PRIMARY KEY (team, seq));
CREATE INDEX registry_by_subject ON registry (subject);
CREATE TABLE envelopes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  team BLOB NOT NULL, doc TEXT NOT NULL, kind INTEGER NOT NULL,
  replica INTEGER NOT NULL, start INTEGER NOT NULL, end_counter INTEGER NOT NULL,
  epoch INTEGER NOT NULL, device BLOB NOT NULL,
  -- What makes two envelopes the same (see Storage::Put): for a change its counters, for a
  -- key its epoch, for a snapshot the changes it covers.
  ident BLOB NOT NULL,
  covers BLOB,
  bytes BLOB NOT NULL);
CREATE UNIQUE INDEX envelope_identity ON envelopes (team, doc, kind, ident);
CREATE INDEX envelopes_by_team ON envelopes (team, seq);
CREATE INDEX envelopes_by_kind ON envelopes (team, kind, doc);
-- Per document, the highest counter stored per replica.
CREATE TABLE heads (
  team BLOB NOT NULL, doc TEXT NOT NULL, replica INTEGER NOT NULL, counter INTEGER NOT NULL,
  PRIMARY KEY (team, doc, replica));
CREATE TABLE nonces (
  device BLOB NOT NULL, nonce BLOB NOT NULL, time_ms INTEGER NOT NULL,
  PRIMARY KEY (device, nonce));
CREATE INDEX nonces_by_time ON nonces (time_ms);
PRAGMA user_version = 1;
COMMIT;
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

  Result<bool> FirstUse(const sync::PublicKey& device, const std::array<std::uint8_t, 16>& nonce,
                        std::uint64_t time_ms, std::uint64_t forget_before_ms) override {
    Write w;
    w.nonce = Write::Nonce{device, nonce, time_ms, forget_before_ms};
    if (Status s = Submit(w); !s) return s.error();
    return w.first_use;
  }

  Result<std::vector<bool>> Put(const sync::TeamId& team,
                                std::span<const NewEnvelope> envelopes) override {
    Write w;
    w.team = team;
    w.envelopes = envelopes;
    if (Status s = Submit(w); !s) return s.error();
    return std::move(w.stored);
  }

  Result<std::vector<DocState>> Documents(const sync::TeamId& team) override {
    std::lock_guard lock(mu_);
    std::map<std::string, DocState> docs;
    auto heads = db_.Prepare("SELECT doc, replica, counter FROM heads WHERE team = ?");
    if (!heads) return heads.error();
    heads->Bind(1, TeamBytes(team));
    for (;;) {
      auto row = heads->Step();
      if (!row) return row.error();
      if (!*row) break;
      DocState& d = docs[heads->Text(0)];
      d.version.Advance(static_cast<std::uint64_t>(heads->Int(1)),
                        static_cast<std::uint64_t>(heads->Int(2)));
    }
    auto keys = db_.Prepare(
        "SELECT doc, epoch FROM envelopes WHERE team = ? AND kind = ? ORDER BY doc, epoch");
    if (!keys) return keys.error();
    keys->Bind(1, TeamBytes(team)).Bind(2, static_cast<std::int64_t>(sync::EnvelopeKind::kDocKey));
    for (;;) {
      auto row = keys->Step();
      if (!row) return row.error();
      if (!*row) break;
      docs[keys->Text(0)].key_epochs.push_back(static_cast<std::uint32_t>(keys->Int(1)));
    }
    // SQLite returns the other columns of the row with the maximum.
    auto snapshots = db_.Prepare(
        "SELECT doc, MAX(seq), covers FROM envelopes WHERE team = ? AND kind = ? GROUP BY doc");
    if (!snapshots) return snapshots.error();
    snapshots->Bind(1, TeamBytes(team))
        .Bind(2, static_cast<std::int64_t>(sync::EnvelopeKind::kSnapshot));
    for (;;) {
      auto row = snapshots->Step();
      if (!row) return row.error();
      if (!*row) break;
      DocState& d = docs[snapshots->Text(0)];
      d.snapshot_seq = snapshots->Int(1);
      auto covers = crdt::DecodeVersionVector(snapshots->Blob(2));
      if (!covers) return covers.error();
      d.snapshot_covers = std::move(covers.value());
    }
    std::vector<DocState> out;
    out.reserve(docs.size());
    for (auto& [doc, state] : docs) {
      state.doc = doc;
      out.push_back(std::move(state));
    }
    return out;
  }

  Result<std::int64_t> LastSeq(const sync::TeamId& team) override {
    std::lock_guard lock(mu_);
    auto st = db_.Prepare("SELECT COALESCE(MAX(seq), 0) FROM envelopes WHERE team = ?");
    if (!st) return st.error();
    st->Bind(1, TeamBytes(team));
    auto row = st->Step();
    if (!row) return row.error();
    return st->Int(0);
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
  // Group commit, as LevelDB's writers queue: every write waits in line; the first in line
  // writes the whole line in one transaction (one fsync) and hands each its result. Under load
  // many requests share a commit; alone, a write commits at once.
  struct Write {
    struct Nonce {
      sync::PublicKey device;
      std::array<std::uint8_t, 16> nonce;
      std::uint64_t time_ms, forget_before_ms;
    };
    std::optional<Nonce> nonce;  // FirstUse, or else Put
    sync::TeamId team{};
    std::span<const NewEnvelope> envelopes;
    // Results.
    bool first_use = false;
    std::vector<bool> stored;
    Status status;
    bool done = false;
    std::condition_variable cv;
  };

  Status Submit(Write& w) {
    std::unique_lock queue(queue_mu_);
    writers_.push_back(&w);
    while (!w.done && &w != writers_.front()) w.cv.wait(queue);
    if (w.done) return w.status;
    // First in line: write everyone waiting now (bounded, so a commit stays short).
    std::vector<Write*> batch;
    for (Write* x : writers_) {
      batch.push_back(x);
      if (batch.size() == 64) break;
    }
    queue.unlock();
    {
      std::lock_guard lock(mu_);
      Status s = WriteAll(batch);
      if (!s && batch.size() > 1) {
        // Something failed: write them one by one, so that one bad write fails alone.
        for (Write* x : batch) x->status = WriteAll({x});
      } else {
        for (Write* x : batch) x->status = s;
      }
    }
    queue.lock();
    for (Write* x : batch) {
      writers_.pop_front();
      x->done = true;
      if (x != &w) x->cv.notify_one();
    }
    if (!writers_.empty()) writers_.front()->cv.notify_one();
    return w.status;
  }

  // In one transaction; the caller holds mu_.
  Status WriteAll(const std::vector<Write*>& batch) {
    Transaction tx(db_);
    if (Status s = tx.Begin(); !s) return s;
    // Old nonces are forgotten once per batch, not once per request.
    std::uint64_t forget_before = 0;
    for (const Write* w : batch) {
      if (w->nonce) forget_before = std::max(forget_before, w->nonce->forget_before_ms);
    }
    if (forget_before > 0) {
      auto forget = db_.Prepare("DELETE FROM nonces WHERE time_ms < ?");
      if (!forget) return forget.error();
      if (Status s = forget->Bind(1, static_cast<std::int64_t>(forget_before)).Run(); !s) return s;
    }
    for (Write* w : batch) {
      w->stored.clear();
      if (Status s = w->nonce ? WriteNonce(*w) : WriteEnvelopes(*w); !s) return s;
    }
    return tx.Commit();
  }

  Status WriteNonce(Write& w) {
    const Write::Nonce& n = *w.nonce;
    auto st = db_.Prepare("INSERT OR IGNORE INTO nonces (device, nonce, time_ms) VALUES (?, ?, ?)");
    if (!st) return st.error();
    if (Status s = st->Bind(1, std::span<const std::uint8_t>(n.device.data(), n.device.size()))
                       .Bind(2, std::span<const std::uint8_t>(n.nonce.data(), n.nonce.size()))
                       .Bind(3, static_cast<std::int64_t>(n.time_ms))
                       .Run();
        !s) {
      return s;
    }
    w.first_use = sqlite3_changes(db_.get()) == 1;
    return Status::Ok();
  }

  Status WriteEnvelopes(Write& w) {
    const sync::TeamId& team = w.team;
    auto insert = db_.Prepare(
        "INSERT OR IGNORE INTO envelopes (team, doc, kind, replica, start, end_counter, epoch, "
        "device, ident, covers, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto head = db_.Prepare(
        "INSERT OR IGNORE INTO heads (team, doc, replica, counter) VALUES (?, ?, ?, 0)");
    auto advance = db_.Prepare(
        "UPDATE heads SET counter = ?4 WHERE team = ?1 AND doc = ?2 AND replica = ?3 AND "
        "counter < ?4");
    if (!insert) return insert.error();
    if (!head) return head.error();
    if (!advance) return advance.error();
    for (const NewEnvelope& e : w.envelopes) {
      const sync::EnvelopeHeader& h = e.header;
      const std::vector<std::uint8_t> ident = EnvelopeIdentity(h);
      const std::vector<std::uint8_t> covers = crdt::EncodeVersionVector(h.covers);
      insert->Bind(1, TeamBytes(team))
          .Bind(2, std::string_view(h.doc))
          .Bind(3, static_cast<std::int64_t>(h.kind))
          .Bind(4, static_cast<std::int64_t>(h.replica))
          .Bind(5, static_cast<std::int64_t>(h.start))
          .Bind(6, static_cast<std::int64_t>(h.end))
          .Bind(7, static_cast<std::int64_t>(h.epoch))
          .Bind(8, std::span<const std::uint8_t>(h.device.data(), h.device.size()))
          .Bind(9, std::span<const std::uint8_t>(ident))
          .Bind(11, e.bytes);
      if (h.kind == sync::EnvelopeKind::kSnapshot) {
        insert->Bind(10, std::span<const std::uint8_t>(covers));
      } else {
        insert->BindNull(10);
      }
      if (Status s = insert->Run(); !s) return s;
      const bool stored = sqlite3_changes(db_.get()) == 1;
      w.stored.push_back(stored);
      if (!stored || h.kind != sync::EnvelopeKind::kChange || h.end == 0) continue;
      const auto replica = static_cast<std::int64_t>(h.replica);
      if (Status s = head->Bind(1, TeamBytes(team))
                         .Bind(2, std::string_view(h.doc))
                         .Bind(3, replica)
                         .Run();
          !s) {
        return s;
      }
      if (Status s = advance->Bind(1, TeamBytes(team))
                         .Bind(2, std::string_view(h.doc))
                         .Bind(3, replica)
                         .Bind(4, static_cast<std::int64_t>(h.end - 1))
                         .Run();
          !s) {
        return s;
      }
    }
    return Status::Ok();
  }

  std::mutex mu_;  // the database
  Database db_;
  std::mutex queue_mu_;  // writers_
  std::deque<Write*> writers_;
};

}  // namespace

Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& data_dir) {
  auto s = std::make_unique<SqliteStorage>();
  if (Status st = s->Open(data_dir); !st) return st.error();
  return std::unique_ptr<Storage>(std::move(s));
}

}  // namespace naast::server
