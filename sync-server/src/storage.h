// What the sync server keeps: per team, the registry chain and the envelopes devices pushed.
// Opaque to the server apart from the headers; an embedded SQLite file by default.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "naast/result.h"
#include "naast/sync/wire.h"

namespace naast::server {

struct StoredEnvelope {
  std::int64_t seq = 0;  // the server's arrival order
  std::string doc;
  sync::EnvelopeKind kind = sync::EnvelopeKind::kChange;
  std::uint64_t replica = 0, start = 0, end = 0;
  std::uint32_t epoch = 0;
  sync::PublicKey device{};  // who signed it
  std::int64_t size = 0;     // of the envelope's bytes
};

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
  // Stores an envelope unless one with the same identity is there: true when stored.
  virtual Result<bool> Put(const sync::TeamId& team, const sync::EnvelopeHeader& header,
                           std::span<const std::uint8_t> bytes) = 0;
  // Every envelope of the team, in arrival order, after `after_seq`, without their bytes.
  virtual Result<std::vector<StoredEnvelope>> Envelopes(const sync::TeamId& team,
                                                        std::int64_t after_seq) = 0;
  // The bytes of the envelopes with these seqs, in the same order.
  virtual Result<std::vector<std::vector<std::uint8_t>>> Bytes(
      const std::vector<std::int64_t>& seqs) = 0;
  // Envelope count and bytes, for /metrics.
  virtual Result<std::pair<std::int64_t, std::int64_t>> Totals() = 0;
};

// The embedded store: one SQLite file (WAL, synchronous FULL) in `data_dir`.
Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& data_dir);

}  // namespace naast::server
