// The encrypted store: one SQLCipher file per device holding its documents (dossiers, the
// team). Every change is appended to an operation log and applied to the tables in one
// transaction; the tables can be rebuilt from the log at any time. Nothing personal is written
// outside the encrypted file (temporary data stays in memory).
//
// Not thread-safe: one thread at a time (the app gives the store its own thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "naast/crdt/document.h"
#include "naast/crypto/secure_bytes.h"
#include "naast/result.h"

namespace naast::store {

// A document's id: 32 lower-case hex characters (16 random bytes). Not personal data.
using DocumentId = std::string;

struct StoreOptions {
  // A snapshot of a document is written after this many changes since the last one, so that
  // opening does not replay the whole log.
  std::uint32_t snapshot_every = 256;
};

class Store {
 public:
  // Opens the store at `file` with the raw 256-bit key, creating it if absent and migrating an
  // older schema. A wrong key gives kMalformed ("not a Naast store, or the wrong key").
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& file,
                                             const crypto::SecureBytes& key, crdt::ReplicaId self,
                                             crdt::HybridClock* clock, StoreOptions options = {});
  ~Store();

  static int LatestSchemaVersion();
  Result<int> SchemaVersion();

  // ---- documents
  Result<DocumentId> CreateDocument(std::string_view kind);
  Result<std::vector<DocumentId>> Documents();
  // The document as it is now, loaded on first use and kept. Edit it, then Commit().
  Result<crdt::Document*> Get(const DocumentId& id);
  // Writes the document's open local transaction to the log and the tables in one SQLite
  // transaction. On failure (a full disk, say) the error comes back, the file is unchanged and
  // the in-memory document is reloaded from it: the edit must be made again.
  Result<std::optional<crdt::Change>> Commit(const DocumentId& id);
  // Applies a remote change the same way; applying a change twice changes nothing.
  Result<crdt::ApplyOutcome> Apply(const DocumentId& id, const crdt::Change& change);
  // The logged changes of a document that `version` does not include, in log order.
  Result<std::vector<crdt::Change>> ChangesSince(const DocumentId& id,
                                                 const crdt::VersionVector& version);
  // Writes snapshots of every loaded document now.
  Status Checkpoint();

  // ---- the tables
  // Drops the tables and computes them again from the operation log alone.
  Status RebuildTables();
  // The tables rendered as text, one line per row in key order (for tests and debugging).
  Result<std::string> DumpTables();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace naast::store
