// What the sync server keeps: per team, the registry chain and the envelopes devices pushed.
// Opaque to the server apart from the headers; an embedded SQLite file by default.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "naast/crdt/version_vector.h"
#include "naast/result.h"
#include "naast/sync/wire.h"

namespace naast::server {

struct StoredEnvelope {
  std::int64_t seq = 0;  // the server's arrival order, increasing within a team
  std::string doc;
  sync::EnvelopeKind kind = sync::EnvelopeKind::kChange;
  std::uint64_t replica = 0, start = 0, end = 0;
  std::uint32_t epoch = 0;
  sync::PublicKey device{};  // who signed it
  std::int64_t size = 0;     // of the envelope's bytes
};

// What the server holds of one document, kept up to date by Put.
struct DocState {
  std::string doc;
  crdt::VersionVector version;  // every change stored (the highest counter per replica)
  // The epochs for which a document key envelope is stored.
  std::vector<std::uint32_t> key_epochs;
  // The newest snapshot (highest seq), 0 when none, and the changes it includes.
  std::int64_t snapshot_seq = 0;
  crdt::VersionVector snapshot_covers;
};

struct NewEnvelope {
  sync::EnvelopeHeader header;
  std::span<const std::uint8_t> bytes;
};

// Implementations must be safe to call from several threads, and several server processes may
// share one database (PostgreSQL): every method is one transaction.
class Storage {
 public:
  virtual ~Storage() = default;
  virtual Result<std::vector<std::vector<std::uint8_t>>> Registry(const sync::TeamId& team) = 0;
  // Appends entry `seq` about device `subject`; an error when that seq exists already
  // (another server won the race).
  virtual Status AppendRegistry(const sync::TeamId& team, std::uint64_t seq,
                                const sync::PublicKey& subject,
                                std::span<const std::uint8_t> entry) = 0;
  // The team a device was added to, for a freshly approved device that does not know it yet.
  virtual Result<std::optional<sync::TeamId>> TeamOf(const sync::PublicKey& device) = 0;
  // Records a request nonce of `device`: false when the device used it before. Nonces of
  // requests made before `forget_before_ms` may be forgotten (older requests are refused by
  // their time anyway).
  virtual Result<bool> FirstUse(const sync::PublicKey& device,
                                const std::array<std::uint8_t, 16>& nonce, std::uint64_t time_ms,
                                std::uint64_t forget_before_ms) = 0;
  // Stores the envelopes in one transaction, each unless one with the same identity is there
  // (kChange: doc, replica, start, end; kDocKey: doc, epoch; kSnapshot: doc, covers), and
  // updates the documents' DocState. One bool per envelope: true when stored.
  virtual Result<std::vector<bool>> Put(const sync::TeamId& team,
                                        std::span<const NewEnvelope> envelopes) = 0;
  // Every document of the team.
  virtual Result<std::vector<DocState>> Documents(const sync::TeamId& team) = 0;
  // The highest seq of the team, 0 when it has none.
  virtual Result<std::int64_t> LastSeq(const sync::TeamId& team) = 0;
  // The team's envelopes after `after_seq`, in seq order, without their bytes.
  virtual Result<std::vector<StoredEnvelope>> Envelopes(const sync::TeamId& team,
                                                        std::int64_t after_seq) = 0;
  // The bytes of the envelopes with these seqs, in the same order.
  virtual Result<std::vector<std::vector<std::uint8_t>>> Bytes(
      const std::vector<std::int64_t>& seqs) = 0;
  // Envelope count and bytes, for /metrics.
  virtual Result<std::pair<std::int64_t, std::int64_t>> Totals() = 0;
};

// The bytes that make an envelope's identity within (team, doc, kind): see Storage::Put.
std::vector<std::uint8_t> EnvelopeIdentity(const sync::EnvelopeHeader& header);

// The embedded store: one SQLite file (WAL, synchronous FULL) in `data_dir`.
Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& data_dir);

// PostgreSQL at `url` (a libpq connection string or URI); creates the tables when missing.
// `connections` is the size of the connection pool.
Result<std::unique_ptr<Storage>> OpenPostgresStorage(const std::string& url, int connections);

}  // namespace naast::server
