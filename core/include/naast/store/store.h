// The encrypted store: one SQLCipher file per device holding its documents (dossiers, the
// team). Every change is appended to an operation log and applied to the tables in one
// transaction; the tables can be rebuilt from the log at any time. Nothing personal is written
// outside the encrypted file (temporary data stays in memory).
//
// Not thread-safe: one thread at a time (the app gives the store its own thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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

// Who works with the store: pseudonymous ids, never names (they end up in the audit log).
struct Actor {
  std::string user;    // the coach's or student's id in the team
  std::string device;  // this tablet's id
};

// One entry of the audit log (NEN 7513): who did what to which dossier, when, from where.
struct AuditEntry {
  std::int64_t seq = 0;
  std::int64_t at_ms = 0;  // wall clock, milliseconds since 1970
  std::string user;
  std::string device;
  DocumentId doc;      // empty for actions on no single dossier (a search)
  std::string action;  // create | read | change | delete | search | export | erase
  std::string detail;  // what: record types changed, the number of results; no personal data
};

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;
  std::int64_t first_bad_seq = 0;  // where the chain breaks, when !ok
  std::string problem;
};

struct StoreOptions {
  // A snapshot of a document is written after this many changes since the last one, so that
  // opening does not replay the whole log.
  std::uint32_t snapshot_every = 256;
  // The SQLite VFS to open the file with; empty for the default. Tests pass one that fails the
  // Nth write or sync, or fills up like a disk.
  std::string vfs;
};

class Store {
 public:
  // Opens the store at `file` with the raw 256-bit key, creating it if absent and migrating an
  // older schema. A wrong key gives kMalformed ("not a Naast store, or the wrong key").
  // `self` 0: the store's own replica id, made on first use and kept in the file.
  static Result<std::unique_ptr<Store>> Open(const std::filesystem::path& file,
                                             const crypto::SecureBytes& key, crdt::ReplicaId self,
                                             crdt::HybridClock* clock, StoreOptions options = {});
  ~Store();

  static int LatestSchemaVersion();
  Result<int> SchemaVersion();
  // Makes a store file as an older build made it: migrations 1..`version` only, nothing else.
  // For the upgrade tests, which open it with Open() and check nothing is lost.
  static Status CreateAtSchemaVersion(const std::filesystem::path& file,
                                      const crypto::SecureBytes& key, int version);
  // PRAGMA integrity_check and foreign keys; kMalformed with SQLite's first complaint if not ok.
  Status CheckIntegrity();

  // ---- documents
  Result<DocumentId> CreateDocument(std::string_view kind);
  Result<std::vector<DocumentId>> Documents();
  // The kind given at creation ("dossier", "team", ...).
  Result<std::string> KindOf(const DocumentId& id);
  // Each document has its own random 256-bit key, kept in this file: what leaves the device
  // for the sync server is encrypted with it (crypto-shredding: without the key, copies are
  // unreadable).
  Result<crypto::SecureBytes> DocumentKey(const DocumentId& id);
  // Erasure (AVG art. 17): the document's key is destroyed and its log, snapshot and table rows
  // are deleted with secure delete (overwritten with zeros), then the write-ahead log is
  // truncated, so none of its content remains in the files. The audit log keeps that it
  // happened (ids and actions only). The id is remembered as erased: the document cannot
  // come back through Apply().
  Status Erase(const DocumentId& id);
  Result<bool> IsErased(const DocumentId& id);
  // A document made on another device, received through sync with its key. Nothing happens if
  // it is already here; an erased document is refused.
  Status AdoptDocument(const DocumentId& id, std::string_view kind, const crypto::SecureBytes& key);
  // A snapshot of an adopted document (Document::Save bytes including the changes in `covers`),
  // so a fresh device does not replay years of history. What this device holds of the
  // document already is kept: the result has both. False when it adds nothing, or when the
  // document here builds on a snapshot the new one does not include.
  Result<bool> AdoptSnapshot(const DocumentId& id, std::span<const std::uint8_t> bytes,
                             const crdt::VersionVector& covers);

  // ---- the sync's own state (device keys, the team registry, cursors), inside the encrypted
  // file. Values come back in secure memory.
  Status PutValue(std::string_view key, std::span<const std::uint8_t> value);
  Result<std::optional<crypto::SecureBytes>> GetValue(std::string_view key);
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
  // Runs `work` (which may commit several documents) as one transaction: all or nothing. When
  // it fails, documents it touched are reloaded from the file.
  Status Atomically(const std::function<Status()>& work);
  // Writes snapshots of every loaded document now.
  Status Checkpoint();

  // ---- the audit log: append-only, every entry chained to the one before by a keyed hash
  // (BLAKE2b with a key derived from the store key), so an edited, inserted or removed entry
  // breaks the chain. Commit() and CreateDocument() log themselves; the app logs what it shows.
  void SetActor(Actor actor);
  Status Audit(const DocumentId& doc, std::string_view action, std::string_view detail);
  // Reading a dossier for a person: returns the document and logs the read.
  Result<crdt::Document*> Read(const DocumentId& id);
  // "Who looked at this file": the entries about one dossier, oldest first.
  Result<std::vector<AuditEntry>> AuditTrail(const DocumentId& doc);
  Result<AuditVerification> VerifyAudit();

  // ---- the tables
  // A read-only query over the tables (records, e_<entity>, ...), for the domain's queries.
  // Columns come back as null, integer or text values.
  using Row = std::vector<crdt::Value>;
  Result<std::vector<Row>> Query(std::string_view sql, const std::vector<crdt::Value>& params = {});
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
