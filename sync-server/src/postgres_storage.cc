// The sync server's storage on PostgreSQL, through libpq, so that several naast-sync processes
// can share one database.
//
// Envelope seqs come from one sequence. Within a team they must grow in commit order, or a
// device that pulled up to seq 9 could miss a seq 8 committed after it: Put therefore locks
// the team's row in `teams` first, so the puts of one team take their seqs and commit one after
// the other (across every server process), while different teams do not wait for each other.
//
// Every value travels in binary: integers big-endian, bytea and text as their bytes.
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

#include "storage.h"

namespace naast::server {
namespace {

// Type oids from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr Oid kBytea = 17, kInt8 = 20, kInt4 = 23, kText = 25, kInt8Array = 1016;

constexpr int kSchemaVersion = 1;

Error PgError(const char* what, const PGconn* conn) {
  std::string message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return Error{ErrorCode::kIo, std::string(what) + ": " + message};
}

// Owns a PGresult.
class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : r_(r) {}
  PgResult(PgResult&& o) noexcept : r_(std::exchange(o.r_, nullptr)) {}
  PgResult& operator=(PgResult&& o) noexcept {
    if (this != &o) {
      if (r_) PQclear(r_);
      r_ = std::exchange(o.r_, nullptr);
    }
    return *this;
  }
  ~PgResult() {
    if (r_) PQclear(r_);
  }
  int rows() const { return PQntuples(r_); }
  std::int64_t Int8(int row, int col) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(PQgetvalue(r_, row, col));
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
    return static_cast<std::int64_t>(v);
  }
  std::int32_t Int4(int row, int col) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(PQgetvalue(r_, row, col));
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | p[i];
    return static_cast<std::int32_t>(v);
  }
  bool IsNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
  std::vector<std::uint8_t> Bytes(int row, int col) const {
    const auto* p = reinterpret_cast<const std::uint8_t*>(PQgetvalue(r_, row, col));
    return {p, p + PQgetlength(r_, row, col)};
  }
  std::string Text(int row, int col) const {
    return {PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col))};
  }
  std::string affected() const { return PQcmdTuples(r_); }
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

// Parameters of one statement, kept alive until it runs.
class Params {
 public:
  Params& Int8(std::int64_t v) {
    std::string s(8, '\0');
    for (int i = 7; i >= 0; --i) {
      s[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
      v = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) >> 8);
    }
    return Add(kInt8, std::move(s), 1);
  }
  Params& Int4(std::int32_t v) {
    std::string s(4, '\0');
    auto u = static_cast<std::uint32_t>(v);
    for (int i = 3; i >= 0; --i) {
      s[static_cast<std::size_t>(i)] = static_cast<char>(u & 0xff);
      u >>= 8;
    }
    return Add(kInt4, std::move(s), 1);
  }
  Params& Bytea(std::span<const std::uint8_t> b) {
    return Add(kBytea, std::string(b.begin(), b.end()), 1);
  }
  Params& Text(std::string_view t) { return Add(kText, std::string(t), 1); }
  Params& Null(Oid type) {
    types_.push_back(type);
    values_.emplace_back();
    null_.push_back(true);
    formats_.push_back(1);
    return *this;
  }
  // An int8[] in PostgreSQL's text form, {1,2,3}.
  Params& Int8Array(const std::vector<std::int64_t>& v) {
    std::string s = "{";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) s += ',';
      s += std::to_string(v[i]);
    }
    s += '}';
    return Add(kInt8Array, std::move(s), 0);
  }

  // Prepares the statement as `name` (once per connection: the caller keeps track).
  PGresult* Prepare(PGconn* conn, const char* name, const char* sql) const {
    return PQprepare(conn, name, sql, static_cast<int>(types_.size()), types_.data());
  }
  PGresult* ExecPrepared(PGconn* conn, const char* name) const {
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      values.push_back(null_[i] ? nullptr : values_[i].data());
      lengths.push_back(static_cast<int>(values_[i].size()));
    }
    return PQexecPrepared(conn, name, static_cast<int>(values_.size()), values.data(),
                          lengths.data(), formats_.data(), /*resultFormat=*/1);
  }

 private:
  Params& Add(Oid type, std::string value, int format) {
    types_.push_back(type);
    values_.push_back(std::move(value));
    null_.push_back(false);
    formats_.push_back(format);
    return *this;
  }
  std::vector<Oid> types_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<int> formats_;
};

std::span<const std::uint8_t> TeamBytes(const sync::TeamId& team) {
  return {team.data(), team.size()};
}
std::span<const std::uint8_t> KeyBytes(const sync::PublicKey& key) {
  return {key.data(), key.size()};
}

// A connection of the pool with the statements prepared on it (parsed and planned once).
struct Connection {
  PGconn* pg = nullptr;
  std::unordered_map<std::string, std::string> prepared;  // SQL -> statement name
};

// One connection of the pool, checked out for the length of one Storage call.
class Session {
 public:
  explicit Session(Connection& conn) : c_(conn), conn_(conn.pg) {}

  Result<PgResult> Run(const char* sql, const Params& params = Params()) {
    auto it = c_.prepared.find(sql);
    if (it == c_.prepared.end()) {
      const std::string name = "s" + std::to_string(c_.prepared.size());
      auto prepared = Check(PgResult(params.Prepare(conn_, name.c_str(), sql)));
      if (!prepared) return prepared.error();
      it = c_.prepared.emplace(sql, name).first;
    }
    return Check(PgResult(params.ExecPrepared(conn_, it->second.c_str())));
  }
  // Runs one or more statements without parameters.
  Status Exec(const char* sql) {
    auto r = Check(PgResult(PQexec(conn_, sql)));
    if (!r) return r.error();
    return Status::Ok();
  }

 private:
  Result<PgResult> Check(PgResult r) {
    const ExecStatusType status = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    return PgError("PostgreSQL", conn_);
  }

  Connection& c_;
  PGconn* conn_;
};

class PostgresStorage : public Storage {
 public:
  ~PostgresStorage() override {
    for (auto& c : all_) PQfinish(c->pg);
  }

  Status Open(const std::string& url, int connections) {
    if (connections < 1) connections = 1;
    for (int i = 0; i < connections; ++i) {
      auto& conn = all_.emplace_back(std::make_unique<Connection>());
      conn->pg = PQconnectdb(url.c_str());
      if (PQstatus(conn->pg) != CONNECTION_OK) {
        return PgError("cannot connect to PostgreSQL", conn->pg);
      }
      free_.push_back(conn.get());
    }
    return CreateSchema();
  }

  Result<std::vector<std::vector<std::uint8_t>>> Registry(const sync::TeamId& team) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run("SELECT entry FROM registry WHERE team = $1 ORDER BY seq",
                        Params().Bytea(TeamBytes(team)));
    if (!r) return r.error();
    std::vector<std::vector<std::uint8_t>> out;
    for (int i = 0; i < r->rows(); ++i) out.push_back(r->Bytes(i, 0));
    return out;
  }

  Status AppendRegistry(const sync::TeamId& team, std::uint64_t seq, const sync::PublicKey& subject,
                        std::span<const std::uint8_t> entry) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run("INSERT INTO registry (team, seq, subject, entry) VALUES ($1, $2, $3, $4)",
                        Params()
                            .Bytea(TeamBytes(team))
                            .Int8(static_cast<std::int64_t>(seq))
                            .Bytea(KeyBytes(subject))
                            .Bytea(entry));
    if (!r) return r.error();
    return Status::Ok();
  }

  Result<std::optional<sync::TeamId>> TeamOf(const sync::PublicKey& device) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run("SELECT team FROM registry WHERE subject = $1 ORDER BY seq LIMIT 1",
                        Params().Bytea(KeyBytes(device)));
    if (!r) return r.error();
    std::optional<sync::TeamId> out;
    if (r->rows() == 1) {
      const auto bytes = r->Bytes(0, 0);
      if (bytes.size() == sync::TeamId().size()) {
        sync::TeamId team;
        std::copy(bytes.begin(), bytes.end(), team.begin());
        out = team;
      }
    }
    return out;
  }

  Result<bool> FirstUse(const sync::PublicKey& device, const std::array<std::uint8_t, 16>& nonce,
                        std::uint64_t time_ms, std::uint64_t forget_before_ms) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    // Forgetting is housekeeping: every 256th call is enough, and it keeps the hot path to
    // one statement.
    if (calls_.fetch_add(1, std::memory_order_relaxed) % 256 == 0) {
      if (auto r = lease->Run("DELETE FROM nonces WHERE time_ms < $1",
                              Params().Int8(static_cast<std::int64_t>(forget_before_ms)));
          !r) {
        return r.error();
      }
    }
    auto r = lease->Run(
        "INSERT INTO nonces (device, nonce, time_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        Params().Bytea(KeyBytes(device)).Bytea(nonce).Int8(static_cast<std::int64_t>(time_ms)));
    if (!r) return r.error();
    return r->affected() == "1";
  }

  Result<std::vector<bool>> Put(const sync::TeamId& team,
                                std::span<const NewEnvelope> envelopes) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    Session& s = *lease;
    if (Status st = s.Exec("BEGIN"); !st) return st.error();
    auto rollback = [&](Error e) -> Result<std::vector<bool>> {
      (void)s.Exec("ROLLBACK");
      return e;
    };
    // Serializes the puts of this team (see the top of the file).
    if (auto r = s.Run("INSERT INTO teams (team) VALUES ($1) ON CONFLICT DO NOTHING",
                       Params().Bytea(TeamBytes(team)));
        !r) {
      return rollback(r.error());
    }
    if (auto r = s.Run("SELECT 1 FROM teams WHERE team = $1 FOR UPDATE",
                       Params().Bytea(TeamBytes(team)));
        !r) {
      return rollback(r.error());
    }
    std::vector<bool> out;
    out.reserve(envelopes.size());
    for (const NewEnvelope& e : envelopes) {
      const sync::EnvelopeHeader& h = e.header;
      Params p;
      p.Bytea(TeamBytes(team))
          .Text(h.doc)
          .Int4(static_cast<std::int32_t>(h.kind))
          .Int8(static_cast<std::int64_t>(h.replica))
          .Int8(static_cast<std::int64_t>(h.start))
          .Int8(static_cast<std::int64_t>(h.end))
          .Int8(static_cast<std::int64_t>(h.epoch))
          .Bytea(KeyBytes(h.device))
          .Bytea(EnvelopeIdentity(h));
      if (h.kind == sync::EnvelopeKind::kSnapshot) {
        p.Bytea(crdt::EncodeVersionVector(h.covers));
      } else {
        p.Null(kBytea);
      }
      p.Bytea(e.bytes);
      auto r = s.Run(
          "INSERT INTO envelopes (team, doc, kind, replica, start, end_counter, epoch, "
          "device, ident, covers, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
          "ON CONFLICT (team, doc, kind, ident) DO NOTHING",
          p);
      if (!r) return rollback(r.error());
      const bool stored = r->affected() == "1";
      out.push_back(stored);
      if (!stored || h.kind != sync::EnvelopeKind::kChange || h.end == 0) continue;
      if (auto head =
              s.Run("INSERT INTO heads (team, doc, replica, counter) VALUES ($1, $2, $3, $4) "
                    "ON CONFLICT (team, doc, replica) DO UPDATE "
                    "SET counter = GREATEST(heads.counter, EXCLUDED.counter)",
                    Params()
                        .Bytea(TeamBytes(team))
                        .Text(h.doc)
                        .Int8(static_cast<std::int64_t>(h.replica))
                        .Int8(static_cast<std::int64_t>(h.end - 1)));
          !head) {
        return rollback(head.error());
      }
    }
    if (Status st = s.Exec("COMMIT"); !st) return rollback(st.error());
    return out;
  }

  Result<std::vector<DocState>> Documents(const sync::TeamId& team) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    Session& s = *lease;
    // One snapshot for the three queries, so they agree with each other.
    if (Status st = s.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !st) {
      return st.error();
    }
    auto fail = [&](Error e) -> Result<std::vector<DocState>> {
      (void)s.Exec("ROLLBACK");
      return e;
    };
    std::map<std::string, DocState> docs;
    auto heads = s.Run("SELECT doc, replica, counter FROM heads WHERE team = $1",
                       Params().Bytea(TeamBytes(team)));
    if (!heads) return fail(heads.error());
    for (int i = 0; i < heads->rows(); ++i) {
      docs[heads->Text(i, 0)].version.Advance(static_cast<std::uint64_t>(heads->Int8(i, 1)),
                                              static_cast<std::uint64_t>(heads->Int8(i, 2)));
    }
    auto keys =
        s.Run("SELECT doc, epoch FROM envelopes WHERE team = $1 AND kind = $2 ORDER BY doc, epoch",
              Params()
                  .Bytea(TeamBytes(team))
                  .Int4(static_cast<std::int32_t>(sync::EnvelopeKind::kDocKey)));
    if (!keys) return fail(keys.error());
    for (int i = 0; i < keys->rows(); ++i) {
      docs[keys->Text(i, 0)].key_epochs.push_back(static_cast<std::uint32_t>(keys->Int8(i, 1)));
    }
    auto snapshots = s.Run(
        "SELECT DISTINCT ON (doc) doc, seq, covers FROM envelopes WHERE team = $1 AND kind = $2 "
        "ORDER BY doc, seq DESC",
        Params()
            .Bytea(TeamBytes(team))
            .Int4(static_cast<std::int32_t>(sync::EnvelopeKind::kSnapshot)));
    if (!snapshots) return fail(snapshots.error());
    for (int i = 0; i < snapshots->rows(); ++i) {
      DocState& d = docs[snapshots->Text(i, 0)];
      d.snapshot_seq = snapshots->Int8(i, 1);
      auto covers = crdt::DecodeVersionVector(snapshots->Bytes(i, 2));
      if (!covers) return fail(covers.error());
      d.snapshot_covers = std::move(covers.value());
    }
    if (Status st = s.Exec("COMMIT"); !st) return st.error();
    std::vector<DocState> out;
    out.reserve(docs.size());
    for (auto& [doc, state] : docs) {
      state.doc = doc;
      out.push_back(std::move(state));
    }
    return out;
  }

  Result<std::int64_t> LastSeq(const sync::TeamId& team) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run("SELECT COALESCE(MAX(seq), 0)::int8 FROM envelopes WHERE team = $1",
                        Params().Bytea(TeamBytes(team)));
    if (!r) return r.error();
    return r->Int8(0, 0);
  }

  Result<std::vector<StoredEnvelope>> Envelopes(const sync::TeamId& team,
                                                std::int64_t after_seq) override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run(
        "SELECT seq, doc, kind, replica, start, end_counter, epoch, "
        "octet_length(bytes)::int8, device FROM envelopes WHERE team = $1 AND seq > $2 "
        "ORDER BY seq",
        Params().Bytea(TeamBytes(team)).Int8(after_seq));
    if (!r) return r.error();
    std::vector<StoredEnvelope> out;
    out.reserve(static_cast<std::size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
      StoredEnvelope e;
      e.seq = r->Int8(i, 0);
      e.doc = r->Text(i, 1);
      e.kind = static_cast<sync::EnvelopeKind>(r->Int4(i, 2));
      e.replica = static_cast<std::uint64_t>(r->Int8(i, 3));
      e.start = static_cast<std::uint64_t>(r->Int8(i, 4));
      e.end = static_cast<std::uint64_t>(r->Int8(i, 5));
      e.epoch = static_cast<std::uint32_t>(r->Int8(i, 6));
      e.size = r->Int8(i, 7);
      const auto device = r->Bytes(i, 8);
      if (device.size() == e.device.size()) {
        std::copy(device.begin(), device.end(), e.device.begin());
      }
      out.push_back(std::move(e));
    }
    return out;
  }

  Result<std::vector<std::vector<std::uint8_t>>> Bytes(
      const std::vector<std::int64_t>& seqs) override {
    if (seqs.empty()) return std::vector<std::vector<std::uint8_t>>{};
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run("SELECT seq, bytes FROM envelopes WHERE seq = ANY($1)",
                        Params().Int8Array(seqs));
    if (!r) return r.error();
    std::map<std::int64_t, int> row_of;
    for (int i = 0; i < r->rows(); ++i) row_of[r->Int8(i, 0)] = i;
    std::vector<std::vector<std::uint8_t>> out;
    out.reserve(seqs.size());
    for (std::int64_t seq : seqs) {
      auto it = row_of.find(seq);
      if (it == row_of.end()) return Error{ErrorCode::kIo, "an envelope vanished"};
      out.push_back(r->Bytes(it->second, 1));
    }
    return out;
  }

  Result<std::pair<std::int64_t, std::int64_t>> Totals() override {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    auto r = lease->Run(
        "SELECT count(*)::int8, COALESCE(sum(octet_length(bytes)), 0)::int8 FROM envelopes");
    if (!r) return r.error();
    return std::pair{r->Int8(0, 0), r->Int8(0, 1)};
  }

 private:
  // Checks out a connection for one call; waits while all are in use. A connection that broke
  // (the database restarted) is reset before it is handed out.
  class Lease {
   public:
    explicit Lease(PostgresStorage& owner) : owner_(owner) {
      std::unique_lock lock(owner_.mu_);
      owner_.cv_.wait(lock, [&] { return !owner_.free_.empty(); });
      conn_ = owner_.free_.back();
      owner_.free_.pop_back();
      lock.unlock();
      if (PQstatus(conn_->pg) != CONNECTION_OK) {
        PQreset(conn_->pg);
        conn_->prepared.clear();  // a new server session has none of them
      }
      if (PQstatus(conn_->pg) != CONNECTION_OK) {
        error_ = PgError("lost the connection to PostgreSQL", conn_->pg);
      }
      session_.emplace(*conn_);
    }
    ~Lease() {
      {
        std::lock_guard lock(owner_.mu_);
        owner_.free_.push_back(conn_);
      }
      owner_.cv_.notify_one();
    }
    bool ok() const { return !error_; }
    Error error() const { return *error_; }
    Session* operator->() { return &*session_; }
    Session& operator*() { return *session_; }

   private:
    PostgresStorage& owner_;
    Connection* conn_ = nullptr;
    std::optional<Error> error_;
    std::optional<Session> session_;
  };

  Status CreateSchema() {
    Lease lease(*this);
    if (!lease.ok()) return lease.error();
    Session& s = *lease;
    // Two servers starting at once must not both create the tables: an advisory lock
    // (released at commit) makes the second wait and then find them.
    const char* kSql = R"sql(
BEGIN;
SELECT pg_advisory_xact_lock(7314142);
CREATE TABLE IF NOT EXISTS naast_schema (version INT NOT NULL);
CREATE TABLE IF NOT EXISTS teams (team BYTEA PRIMARY KEY);
CREATE TABLE IF NOT EXISTS registry (
  team BYTEA NOT NULL, seq BIGINT NOT NULL, subject BYTEA NOT NULL, entry BYTEA NOT NULL,
  PRIMARY KEY (team, seq));
CREATE INDEX IF NOT EXISTS registry_by_subject ON registry (subject);
CREATE TABLE IF NOT EXISTS envelopes (
  seq BIGSERIAL PRIMARY KEY,
  team BYTEA NOT NULL, doc TEXT NOT NULL, kind INT NOT NULL,
  replica BIGINT NOT NULL, start BIGINT NOT NULL, end_counter BIGINT NOT NULL,
  epoch BIGINT NOT NULL, device BYTEA NOT NULL,
  ident BYTEA NOT NULL, covers BYTEA, bytes BYTEA NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS envelope_identity ON envelopes (team, doc, kind, ident);
CREATE INDEX IF NOT EXISTS envelopes_by_team ON envelopes (team, seq);
CREATE INDEX IF NOT EXISTS envelopes_by_kind ON envelopes (team, kind, doc);
CREATE TABLE IF NOT EXISTS heads (
  team BYTEA NOT NULL, doc TEXT NOT NULL, replica BIGINT NOT NULL, counter BIGINT NOT NULL,
  PRIMARY KEY (team, doc, replica));
CREATE TABLE IF NOT EXISTS nonces (
  device BYTEA NOT NULL, nonce BYTEA NOT NULL, time_ms BIGINT NOT NULL,
  PRIMARY KEY (device, nonce));
CREATE INDEX IF NOT EXISTS nonces_by_time ON nonces (time_ms);
INSERT INTO naast_schema (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM naast_schema);
COMMIT;
)sql";
    if (Status st = s.Exec(kSql); !st) {
      (void)s.Exec("ROLLBACK");
      return st;
    }
    auto v = s.Run("SELECT max(version)::int8 FROM naast_schema");
    if (!v) return v.error();
    if (v->Int8(0, 0) > kSchemaVersion) {
      return Error{ErrorCode::kUnsupportedVersion,
                   "the database was written by a newer naast-sync"};
    }
    return Status::Ok();
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> all_;
  std::vector<Connection*> free_;
  std::atomic<std::uint64_t> calls_{0};
};

}  // namespace

Result<std::unique_ptr<Storage>> OpenPostgresStorage(const std::string& url, int connections) {
  auto s = std::make_unique<PostgresStorage>();
  if (Status st = s->Open(url, connections); !st) return st.error();
  return std::unique_ptr<Storage>(std::move(s));
}

}  // namespace naast::server
