#include "naast/store/store.h"

#include <cstring>
#include <map>
#include <set>

#include "crdt/bytes.h"
#include "naast/crypto/crypto.h"
#include "naast/domain/schema.h"
#include "store/sqlite.h"

namespace naast::store {
namespace {

using crdt::Change;
using crdt::Document;
using crdt::OpId;

// Each entry upgrades the schema from version i to i + 1. Never edit a released entry: add one.
// SQL for SQLite 3.15 (SQLCipher 3.4): no UPSERT, no JSON, no window functions.
const char* const kMigrations[] = {
    // 0 -> 1: documents, the operation log, the generic record tables.
    R"sql(
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  snapshot BLOB,                 -- Document::Save() bytes
  snapshot_seq INTEGER NOT NULL DEFAULT 0  -- the last log entry the snapshot includes
);
CREATE TABLE oplog (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order: a causal order
  doc TEXT NOT NULL REFERENCES documents(id),
  replica INTEGER NOT NULL,
  start_counter INTEGER NOT NULL,
  change BLOB NOT NULL,          -- EncodeChange() bytes
  UNIQUE (doc, replica, start_counter)
);
CREATE TABLE records (
  doc TEXT NOT NULL, replica INTEGER NOT NULL, counter INTEGER NOT NULL,
  type TEXT NOT NULL, deleted INTEGER NOT NULL,
  PRIMARY KEY (doc, replica, counter)
);
CREATE TABLE record_fields (
  doc TEXT NOT NULL, replica INTEGER NOT NULL, counter INTEGER NOT NULL,
  field TEXT NOT NULL, kind TEXT NOT NULL,  -- register | set | text
  ord INTEGER NOT NULL,                     -- element index for sets, else 0
  value,                                    -- NULL, INTEGER or TEXT
  PRIMARY KEY (doc, replica, counter, field, ord)
);
)sql",
    // 1 -> 2: settings of the store itself (the projection's signature, ...).
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql",
    // 2 -> 3: the audit log (NEN 7513), hash-chained.
    R"sql(
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,       -- 1, 2, 3, ... without gaps
  at_ms INTEGER NOT NULL,
  user TEXT NOT NULL,
  device TEXT NOT NULL,
  doc TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  hash BLOB NOT NULL             -- keyed BLAKE2b(previous hash, this entry)
);
CREATE INDEX audit_by_doc ON audit (doc, seq);
)sql",
    // 3 -> 4: a key per document (filled in by Open() from libsodium's generator, not SQL's),
    // and the ids of erased documents.
    R"sql(
CREATE TABLE document_keys (
  doc TEXT PRIMARY KEY REFERENCES documents(id),
  key BLOB NOT NULL
);
CREATE TABLE erased (doc TEXT PRIMARY KEY, at_ms INTEGER NOT NULL);
)sql",
    // 4 -> 5: the sync's own state: this device's keys, the team's registry, what the server
    // has of each document.
    R"sql(
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
)sql",
    // 5 -> 6: a document received as a snapshot (a fresh device) has its history before the
    // snapshot only there: the log builds on `base` (Document::Save bytes), which includes the
    // changes in `base_covers` (a version vector).
    R"sql(
ALTER TABLE documents ADD COLUMN base BLOB;
ALTER TABLE documents ADD COLUMN base_covers BLOB;
)sql",
};

// Every entity table and set side table.
std::vector<std::string> EntityTableNames() {
  std::vector<std::string> out;
  for (const auto& e : domain::Entities()) {
    const std::string table = "e_" + std::string(e.table);
    out.push_back(table);
    for (const auto& f : e.fields) {
      if (f.type == domain::FieldType::kSet) out.push_back(table + "_" + std::string(f.name));
    }
  }
  return out;
}

// The entity tables are derived data: when the entity schema changes they are dropped, made
// again from it and refilled from the operation log, so they need no migrations of their own.
std::string EntityTablesSql() {
  std::string sql;
  for (const auto& e : domain::Entities()) {
    sql += "CREATE TABLE e_" + std::string(e.table) +
           " (doc TEXT NOT NULL, replica INTEGER NOT NULL, counter INTEGER NOT NULL, "
           "deleted INTEGER NOT NULL";
    std::string sets;
    for (const auto& f : e.fields) {
      if (f.type == domain::FieldType::kSet) {
        sets += "CREATE TABLE e_" + std::string(e.table) + "_" + std::string(f.name) +
                " (doc TEXT NOT NULL, replica INTEGER NOT NULL, counter INTEGER NOT NULL, "
                "value, PRIMARY KEY (doc, replica, counter, value));\n";
      } else {
        const bool integer =
            f.type == domain::FieldType::kInteger || f.type == domain::FieldType::kBool;
        sql += ", " + std::string(f.name) + (integer ? " INTEGER" : " TEXT");
      }
    }
    sql += ", PRIMARY KEY (doc, replica, counter));\n" + sets;
    // The first date of an entity places it in time: the caseload and the timeline look it up
    // per dossier without reading the rows (visit rows hold whole notes).
    for (const auto& f : e.fields) {
      if (f.type != domain::FieldType::kDate) continue;
      sql += "CREATE INDEX e_" + std::string(e.table) + "_by_" + std::string(f.name) + " ON e_" +
             std::string(e.table) + " (doc, deleted, " + std::string(f.name) + ");\n";
      break;
    }
  }
  return sql;
}

std::string Hex(std::span<const std::uint8_t> bytes) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (auto b : bytes) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

void BindValue(sql::Statement& st, int i, const crdt::Value& v) {
  if (auto* b = std::get_if<bool>(&v)) {
    st.Bind(i, static_cast<std::int64_t>(*b));
  } else if (auto* n = std::get_if<std::int64_t>(&v)) {
    st.Bind(i, *n);
  } else if (auto* s = std::get_if<std::string>(&v)) {
    st.Bind(i, std::string_view(*s));
  } else {
    st.BindNull(i);
  }
}

// "delete" when the change deletes a record, else "change".
std::string ChangeAction(const Change& c) {
  for (const auto& op : c.ops) {
    if (std::holds_alternative<crdt::DeleteRecord>(op)) return "delete";
  }
  return "change";
}

// Which kinds of record a change touched ("visit, goal"): what, without the content.
std::string ChangeDetail(const Document& doc, const Change& c);

// The records a change touches.
std::set<OpId> Touched(const Change& c) {
  std::set<OpId> out;
  std::uint64_t counter = c.start_counter;
  for (const auto& op : c.ops) {
    std::visit(
        [&](const auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, crdt::CreateRecord>) {
            out.insert(OpId{c.replica, counter});
          } else {
            out.insert(o.record);
          }
        },
        op);
    counter += crdt::OpLength(op);
  }
  return out;
}

std::string ChangeDetail(const Document& doc, const Change& c) {
  std::set<std::string> types;
  for (const OpId& rec : Touched(c)) {
    if (auto t = doc.TypeOf(rec)) types.insert(*t);
  }
  std::string out;
  for (const auto& t : types) out += (out.empty() ? "" : ", ") + t;
  return out;
}

// Opens `file` and gives SQLCipher the raw key, then the settings every connection needs.
Status OpenKeyed(sql::Database& db, const std::filesystem::path& file,
                 const crypto::SecureBytes& key, const std::string& vfs) {
  if (Status s =
          db.Open(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                  vfs.empty() ? nullptr : vfs.c_str());
      !s) {
    return s;
  }
  // The raw key must be the first statement: SQLCipher's own PBKDF2 is never used.
  {
    crypto::SecureBytes hex = crypto::HexOf(key);
    crypto::SecureBytes pragma(hex.size() + 17);
    std::memcpy(pragma.data(), "PRAGMA key=\"x'", 14);
    std::memcpy(pragma.data() + 14, hex.data(), hex.size());
    std::memcpy(pragma.data() + 14 + hex.size(), "'\"", 3);  // with the terminating NUL
    if (Status s = db.Exec(reinterpret_cast<const char*>(pragma.data())); !s) return s;
  }
  // Reading the schema fails with SQLITE_NOTADB when the key is wrong.
  if (Status s = db.Exec("SELECT count(*) FROM sqlite_master"); !s) {
    if (s.error().code == ErrorCode::kMalformed) {
      return Error{ErrorCode::kMalformed, "not a Naast store, or the wrong key"};
    }
    return s;
  }
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON",
        "PRAGMA temp_store=MEMORY", "PRAGMA foreign_keys=ON"}) {
    if (Status s = db.Exec(pragma); !s) return s;
  }
  return Status::Ok();
}

}  // namespace

struct Store::Impl {
  sql::Database db;
  crdt::ReplicaId self;
  crdt::HybridClock* clock;
  StoreOptions options;
  struct Loaded {
    std::unique_ptr<Document> doc;
    std::uint32_t since_snapshot = 0;
  };
  std::map<DocumentId, Loaded> docs;

  Result<Loaded*> Load(const DocumentId& id);
  Status Log(const DocumentId& id, const Change& c);
  Status Project(const DocumentId& id, const Document& doc, const std::set<OpId>& records);
  Status Snapshot(const DocumentId& id, Loaded& loaded);
  Status Migrate(int target);
  Status EnsureDocumentKeys();
  Status NewDocumentKey(const DocumentId& id);
  Status EnsureEntityTables(bool* rebuilt);
  Status ProjectEntity(const DocumentId& id, const Document& doc, const OpId& rec,
                       const domain::EntitySpec& spec);
  Status ProjectGeneric(const DocumentId& id, const Document& doc, const OpId& rec,
                        const domain::EntitySpec* spec);
  // Prepared statements, kept: projecting runs for every change.
  Result<sql::Statement*> Cached(const std::string& sql);
  std::map<std::string, sql::Statement> statements;
  Actor actor;
  crypto::SecureBytes audit_key;  // derived from the store key
  std::vector<std::uint8_t> AuditHash(std::span<const std::uint8_t> prev,
                                      const AuditEntry& e) const;
};

std::vector<std::uint8_t> Store::Impl::AuditHash(std::span<const std::uint8_t> prev,
                                                 const AuditEntry& e) const {
  // Length-prefixed fields, so that no two different entries hash the same bytes.
  crdt::detail::Writer w;
  w.String(std::string_view(reinterpret_cast<const char*>(prev.data()), prev.size()));
  w.Varint(static_cast<std::uint64_t>(e.seq));
  w.Varint(static_cast<std::uint64_t>(e.at_ms));
  for (const std::string* f : {&e.user, &e.device, &e.doc, &e.action, &e.detail}) w.String(*f);
  return crypto::KeyedHash(audit_key, w.bytes());
}

Result<sql::Statement*> Store::Impl::Cached(const std::string& text) {
  auto it = statements.find(text);
  if (it == statements.end()) {
    auto st = db.Prepare(text);
    if (!st) return st.error();
    it = statements.emplace(text, std::move(st.value())).first;
  }
  return &it->second;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::LatestSchemaVersion() {
  return static_cast<int>(std::size(kMigrations));
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& file,
                                           const crypto::SecureBytes& key, crdt::ReplicaId self,
                                           crdt::HybridClock* clock, StoreOptions options) {
  if (key.size() != crypto::kKeyBytes) {
    return Error{ErrorCode::kInvalidArgument, "the store key must be 32 bytes"};
  }
  auto impl = std::make_unique<Impl>();
  impl->audit_key = crypto::DeriveSubkey(key, 1, "naastaud");
  impl->self = self;
  impl->clock = clock;
  impl->options = options;
  if (Status s = OpenKeyed(impl->db, file, key, options.vfs); !s) return s.error();
  if (Status s = impl->Migrate(LatestSchemaVersion()); !s) return s.error();
  if (Status s = impl->EnsureDocumentKeys(); !s) return s.error();
  if (impl->self == 0) {
    // This store's own replica id, made once and kept.
    auto st = impl->db.Prepare("SELECT value FROM meta WHERE key = 'replica_id'");
    if (!st) return st.error();
    auto row = st->Step();
    if (!row) return row.error();
    if (*row) {
      impl->self = std::stoull(st->Text(0));
    } else {
      const auto r = crypto::RandomBytes(8);
      for (auto b : r) impl->self = (impl->self << 8) | b;
      auto put = impl->db.Prepare("INSERT INTO meta (key, value) VALUES ('replica_id', ?)");
      if (!put) return put.error();
      if (Status s = put->Bind(1, std::string_view(std::to_string(impl->self))).Run(); !s) {
        return s.error();
      }
    }
  }
  bool rebuilt = false;
  if (Status s = impl->EnsureEntityTables(&rebuilt); !s) return s.error();
  auto store = std::unique_ptr<Store>(new Store(std::move(impl)));
  if (rebuilt) {
    if (Status s = store->RebuildTables(); !s) return s.error();
  }
  return store;
}

Status Store::CreateAtSchemaVersion(const std::filesystem::path& file,
                                    const crypto::SecureBytes& key, int version) {
  if (version < 0 || version > LatestSchemaVersion()) {
    return Error{ErrorCode::kInvalidArgument, "no such schema version"};
  }
  Impl impl;
  if (Status s = OpenKeyed(impl.db, file, key, ""); !s) return s;
  return impl.Migrate(version);
}

Status Store::Impl::EnsureDocumentKeys() {
  auto missing = db.Prepare(
      "SELECT id FROM documents WHERE id NOT IN (SELECT doc FROM document_keys) ORDER BY id");
  if (!missing) return missing.error();
  std::vector<DocumentId> ids;
  for (;;) {
    auto row = missing->Step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back(missing->Text(0));
  }
  if (ids.empty()) return Status::Ok();
  sql::Transaction tx(db);
  if (Status s = tx.Begin(); !s) return s;
  for (const auto& id : ids) {
    if (Status s = NewDocumentKey(id); !s) return s;
  }
  return tx.Commit();
}

Status Store::Impl::NewDocumentKey(const DocumentId& id) {
  auto put = Cached("INSERT INTO document_keys (doc, key) VALUES (?, ?)");
  if (!put) return put.error();
  const crypto::SecureBytes key = crypto::RandomKey();
  return (*put)
      ->Bind(1, std::string_view(id))
      .Bind(2, std::span<const std::uint8_t>(key.data(), key.size()))
      .Run();
}

Status Store::Impl::Migrate(int target) {
  auto st = db.Prepare("PRAGMA user_version");
  if (!st) return st.error();
  auto row = st->Step();
  if (!row) return row.error();
  const int version = static_cast<int>(st->Int(0));
  const int latest = target;
  if (version > LatestSchemaVersion()) {
    return Error{ErrorCode::kUnsupportedVersion, "the store was written by a newer version"};
  }
  for (int v = version; v < latest; ++v) {
    sql::Transaction tx(db);
    if (Status s = tx.Begin(); !s) return s;
    if (Status s = db.Exec(kMigrations[v]); !s) return s;
    const std::string bump = "PRAGMA user_version=" + std::to_string(v + 1);
    if (Status s = db.Exec(bump.c_str()); !s) return s;
    if (Status s = tx.Commit(); !s) return s;
  }
  return Status::Ok();
}

Result<int> Store::SchemaVersion() {
  auto st = impl_->db.Prepare("PRAGMA user_version");
  if (!st) return st.error();
  auto row = st->Step();
  if (!row) return row.error();
  return static_cast<int>(st->Int(0));
}

Result<DocumentId> Store::CreateDocument(std::string_view kind) {
  DocumentId id = Hex(crypto::RandomBytes(16));
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s.error();
  auto st = impl_->db.Prepare("INSERT INTO documents (id, kind) VALUES (?, ?)");
  if (!st) return st.error();
  if (Status s = st->Bind(1, std::string_view(id)).Bind(2, kind).Run(); !s) return s.error();
  if (Status s = impl_->NewDocumentKey(id); !s) return s.error();
  if (Status s = Audit(id, "create", kind); !s) return s.error();
  if (Status s = tx.Commit(); !s) return s.error();
  return id;
}

Result<std::vector<DocumentId>> Store::Documents() {
  auto st = impl_->db.Prepare("SELECT id FROM documents ORDER BY id");
  if (!st) return st.error();
  std::vector<DocumentId> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(st->Text(0));
  }
  return out;
}

Result<std::string> Store::KindOf(const DocumentId& id) {
  auto st = impl_->db.Prepare("SELECT kind FROM documents WHERE id = ?");
  if (!st) return st.error();
  st->Bind(1, std::string_view(id));
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kUnknownReference, "no such document"};
  return st->Text(0);
}

Result<crypto::SecureBytes> Store::DocumentKey(const DocumentId& id) {
  auto st = impl_->db.Prepare("SELECT key FROM document_keys WHERE doc = ?");
  if (!st) return st.error();
  st->Bind(1, std::string_view(id));
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kUnknownReference, "no such document"};
  const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(st->get(), 0));
  const int n = sqlite3_column_bytes(st->get(), 0);
  crypto::SecureBytes key(static_cast<std::size_t>(n));
  if (n > 0) std::memcpy(key.data(), bytes, static_cast<std::size_t>(n));
  return key;
}

Status Store::Erase(const DocumentId& id) {
  if (auto kind = KindOf(id); !kind) return kind.error();
  {
    sql::Transaction tx(impl_->db);
    if (Status s = tx.Begin(); !s) return s;
    std::vector<std::string> tables = EntityTableNames();
    for (const char* t : {"records", "record_fields", "oplog", "document_keys"}) {
      tables.push_back(t);
    }
    for (const auto& table : tables) {
      auto del = impl_->Cached("DELETE FROM " + table + " WHERE doc = ?");
      if (!del) return del.error();
      if (Status s = (*del)->Bind(1, std::string_view(id)).Run(); !s) return s;
    }
    auto doc = impl_->db.Prepare("DELETE FROM documents WHERE id = ?");
    if (!doc) return doc.error();
    if (Status s = doc->Bind(1, std::string_view(id)).Run(); !s) return s;
    // The sync's notes about the document (what the server has of it) go too.
    auto notes = impl_->db.Prepare("DELETE FROM sync_state WHERE key LIKE ?");
    if (!notes) return notes.error();
    if (Status s = notes->Bind(1, std::string_view("%." + id)).Run(); !s) return s;
    auto mark = impl_->db.Prepare("INSERT OR REPLACE INTO erased (doc, at_ms) VALUES (?, ?)");
    if (!mark) return mark.error();
    const auto at = static_cast<std::int64_t>(impl_->clock ? impl_->clock->Now().wall_ms : 0);
    if (Status s = mark->Bind(1, std::string_view(id)).Bind(2, at).Run(); !s) return s;
    if (Status s = Audit(id, "erase", ""); !s) return s;
    if (Status s = tx.Commit(); !s) return s;
  }
  impl_->docs.erase(id);
  // Secure delete zeroed the freed space in the pages; the old pages still sit in the
  // write-ahead log until it is copied back and truncated.
  return impl_->db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status Store::AdoptDocument(const DocumentId& id, std::string_view kind,
                            const crypto::SecureBytes& key) {
  if (key.size() != crypto::kKeyBytes) {
    return Error{ErrorCode::kInvalidArgument, "a document key is 32 bytes"};
  }
  auto erased = IsErased(id);
  if (!erased) return erased.error();
  if (*erased) return Error{ErrorCode::kInvalidArgument, "the document was erased here"};
  if (auto existing = KindOf(id); existing) return Status::Ok();
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s;
  auto st = impl_->db.Prepare("INSERT INTO documents (id, kind) VALUES (?, ?)");
  if (!st) return st.error();
  if (Status s = st->Bind(1, std::string_view(id)).Bind(2, kind).Run(); !s) return s;
  auto put = impl_->db.Prepare("INSERT INTO document_keys (doc, key) VALUES (?, ?)");
  if (!put) return put.error();
  if (Status s = put->Bind(1, std::string_view(id)).Bind(2, key.span()).Run(); !s) return s;
  if (Status s = Audit(id, "receive", kind); !s) return s;
  return tx.Commit();
}

Result<bool> Store::AdoptSnapshot(const DocumentId& id, std::span<const std::uint8_t> bytes,
                                  const crdt::VersionVector& covers) {
  auto erased = IsErased(id);
  if (!erased) return erased.error();
  if (*erased) return false;
  auto current = impl_->Load(id);
  if (!current) return current.error();
  if ((*current)->doc->version().Covers(covers)) return false;  // nothing new in it
  auto st = impl_->db.Prepare("SELECT base_covers FROM documents WHERE id = ?");
  if (!st) return st.error();
  st->Bind(1, std::string_view(id));
  if (auto row = st->Step(); !row) return row.error();
  if (!st->IsNull(0)) {
    // The log here builds on an earlier snapshot: only one that includes it can replace it.
    auto old = crdt::DecodeVersionVector(st->Blob(0));
    if (!old) return old.error();
    if (!covers.Covers(*old)) return false;
  }
  auto snapshot = Document::Load(bytes, impl_->self, impl_->clock);
  if (!snapshot) return snapshot.error();
  if (!(snapshot->version() == covers)) {
    return Error{ErrorCode::kMalformed, "the snapshot does not hold what its header says"};
  }
  // Everything logged here goes on top: the result holds both (changes the snapshot has are
  // duplicates).
  auto log = impl_->db.Prepare("SELECT change FROM oplog WHERE doc = ? ORDER BY seq");
  if (!log) return log.error();
  log->Bind(1, std::string_view(id));
  for (;;) {
    auto r = log->Step();
    if (!r) return r.error();
    if (!*r) break;
    auto change = crdt::DecodeChange(log->Blob(0));
    if (!change) return change.error();
    (void)snapshot->Apply(*change);
  }
  auto merged = std::make_unique<Document>(std::move(snapshot.value()));
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s.error();
  auto put = impl_->db.Prepare(
      "UPDATE documents SET base = ?1, base_covers = ?2, snapshot = NULL, snapshot_seq = 0 "
      "WHERE id = ?3");
  if (!put) return put.error();
  const auto covers_bytes = crdt::EncodeVersionVector(covers);
  if (Status s = put->Bind(1, bytes)
                     .Bind(2, std::span<const std::uint8_t>(covers_bytes))
                     .Bind(3, std::string_view(id))
                     .Run();
      !s) {
    return s.error();
  }
  const auto all = merged->AllRecords();
  if (Status s = impl_->Project(id, *merged, std::set<OpId>(all.begin(), all.end())); !s) {
    return s.error();
  }
  if (Status s = tx.Commit(); !s) {
    impl_->docs.erase(id);
    return s.error();
  }
  impl_->docs[id] = Impl::Loaded{std::move(merged), 0};
  return true;
}

Status Store::PutValue(std::string_view key, std::span<const std::uint8_t> value) {
  auto st = impl_->Cached("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)");
  if (!st) return st.error();
  return (*st)->Bind(1, key).Bind(2, value).Run();
}

Result<std::optional<crypto::SecureBytes>> Store::GetValue(std::string_view key) {
  auto st = impl_->Cached("SELECT value FROM sync_state WHERE key = ?");
  if (!st) return st.error();
  (*st)->Bind(1, key);
  auto row = (*st)->Step();
  if (!row) return row.error();
  std::optional<crypto::SecureBytes> out;
  if (*row) {
    const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob((*st)->get(), 0));
    const int n = sqlite3_column_bytes((*st)->get(), 0);
    out = crypto::SecureBytes::Copy({bytes, static_cast<std::size_t>(n)});
  }
  (*st)->Reset();
  return out;
}

Result<bool> Store::IsErased(const DocumentId& id) {
  auto st = impl_->db.Prepare("SELECT 1 FROM erased WHERE doc = ?");
  if (!st) return st.error();
  st->Bind(1, std::string_view(id));
  auto row = st->Step();
  if (!row) return row.error();
  return *row;
}

Status Store::CheckIntegrity() {
  auto st = impl_->db.Prepare("PRAGMA integrity_check");
  if (!st) return st.error();
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row || st->Text(0) != "ok") {
    return Error{ErrorCode::kMalformed, "the store is damaged: " + (*row ? st->Text(0) : "")};
  }
  auto fk = impl_->db.Prepare("PRAGMA foreign_key_check");
  if (!fk) return fk.error();
  auto bad = fk->Step();
  if (!bad) return bad.error();
  if (*bad) return Error{ErrorCode::kMalformed, "the store is damaged: a dangling reference"};
  return Status::Ok();
}

Result<Store::Impl::Loaded*> Store::Impl::Load(const DocumentId& id) {
  auto it = docs.find(id);
  if (it != docs.end()) return &it->second;
  // The cached snapshot when there is one, else the base the log builds on.
  auto st = db.Prepare(
      "SELECT COALESCE(snapshot, base), CASE WHEN snapshot IS NULL THEN 0 ELSE snapshot_seq END "
      "FROM documents WHERE id = ?");
  if (!st) return st.error();
  st->Bind(1, std::string_view(id));
  auto row = st->Step();
  if (!row) return row.error();
  if (!*row) return Error{ErrorCode::kUnknownReference, "no such document"};
  Loaded loaded;
  if (st->IsNull(0)) {
    loaded.doc = std::make_unique<Document>(self, clock);
  } else {
    auto doc = Document::Load(st->Blob(0), self, clock);
    if (!doc) return doc.error();
    loaded.doc = std::make_unique<Document>(std::move(doc.value()));
  }
  const std::int64_t snapshot_seq = st->Int(1);
  auto log = db.Prepare("SELECT change FROM oplog WHERE doc = ? AND seq > ? ORDER BY seq");
  if (!log) return log.error();
  log->Bind(1, std::string_view(id)).Bind(2, snapshot_seq);
  for (;;) {
    auto r = log->Step();
    if (!r) return r.error();
    if (!*r) break;
    auto change = crdt::DecodeChange(log->Blob(0));
    if (!change) return change.error();
    // A logged change can be refused here only if it was refused when it left the queue
    // live; it is skipped the same way.
    (void)loaded.doc->Apply(*change);
    ++loaded.since_snapshot;
  }
  return &docs.emplace(id, std::move(loaded)).first->second;
}

Result<crdt::Document*> Store::Get(const DocumentId& id) {
  auto loaded = impl_->Load(id);
  if (!loaded) return loaded.error();
  return (*loaded)->doc.get();
}

Status Store::Impl::Log(const DocumentId& id, const Change& c) {
  auto st = db.Prepare(
      "INSERT OR IGNORE INTO oplog (doc, replica, start_counter, change) VALUES (?, ?, ?, ?)");
  if (!st) return st.error();
  const auto bytes = crdt::EncodeChange(c);
  return st->Bind(1, std::string_view(id))
      .Bind(2, static_cast<std::int64_t>(c.replica))
      .Bind(3, static_cast<std::int64_t>(c.start_counter))
      .Bind(4, std::span<const std::uint8_t>(bytes))
      .Run();
}

Status Store::Impl::Project(const DocumentId& id, const Document& doc,
                            const std::set<OpId>& records) {
  for (const OpId& rec : records) {
    const auto replica = static_cast<std::int64_t>(rec.replica);
    const auto counter = static_cast<std::int64_t>(rec.counter);
    auto del = Cached("DELETE FROM records WHERE doc = ? AND replica = ? AND counter = ?");
    if (!del) return del.error();
    if (Status s = (*del)->Bind(1, std::string_view(id)).Bind(2, replica).Bind(3, counter).Run();
        !s) {
      return s;
    }
    if (!doc.Exists(rec)) continue;
    const std::string type = *doc.TypeOf(rec);
    auto ins =
        Cached("INSERT INTO records (doc, replica, counter, type, deleted) VALUES (?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    if (Status s = (*ins)
                       ->Bind(1, std::string_view(id))
                       .Bind(2, replica)
                       .Bind(3, counter)
                       .Bind(4, std::string_view(type))
                       .Bind(5, std::int64_t{doc.IsDeleted(rec)})
                       .Run();
        !s) {
      return s;
    }
    const domain::EntitySpec* spec = domain::FindEntity(type);
    if (spec) {
      if (Status s = ProjectEntity(id, doc, rec, *spec); !s) return s;
    }
    if (Status s = ProjectGeneric(id, doc, rec, spec); !s) return s;
  }
  return Status::Ok();
}

Status Store::Impl::ProjectEntity(const DocumentId& id, const Document& doc, const OpId& rec,
                                  const domain::EntitySpec& spec) {
  const auto replica = static_cast<std::int64_t>(rec.replica);
  const auto counter = static_cast<std::int64_t>(rec.counter);
  const std::string table = "e_" + std::string(spec.table);
  auto run_keyed = [&](const std::string& text) -> Status {
    auto st = Cached(text);
    if (!st) return st.error();
    return (*st)->Bind(1, std::string_view(id)).Bind(2, replica).Bind(3, counter).Run();
  };
  const char* where = " WHERE doc = ? AND replica = ? AND counter = ?";
  if (Status s = run_keyed("DELETE FROM " + table + where); !s) return s;
  for (const auto& f : spec.fields) {
    if (f.type != domain::FieldType::kSet) continue;
    if (Status s = run_keyed("DELETE FROM " + table + "_" + std::string(f.name) + where); !s) {
      return s;
    }
  }
  // One row with a column per register and note; a side row per set element.
  std::string columns = "doc, replica, counter, deleted", marks = "?, ?, ?, ?";
  for (const auto& f : spec.fields) {
    if (f.type == domain::FieldType::kSet) continue;
    columns += ", " + std::string(f.name);
    marks += ", ?";
  }
  auto row = Cached("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
  if (!row) return row.error();
  sql::Statement& st = **row;
  st.Bind(1, std::string_view(id)).Bind(2, replica).Bind(3, counter);
  st.Bind(4, std::int64_t{doc.IsDeleted(rec)});
  int col = 5;
  for (const auto& f : spec.fields) {
    if (f.type == domain::FieldType::kSet) continue;
    if (f.type == domain::FieldType::kNote) {
      st.Bind(col++, std::string_view(doc.Text(rec, f.name)));
    } else {
      auto v = doc.Get(rec, f.name);
      BindValue(st, col++, v ? v->value : crdt::Value{});
    }
  }
  if (Status s = st.Run(); !s) return s;
  for (const auto& f : spec.fields) {
    if (f.type != domain::FieldType::kSet) continue;
    auto ins = Cached("INSERT INTO " + table + "_" + std::string(f.name) +
                      " (doc, replica, counter, value) VALUES (?, ?, ?, ?)");
    if (!ins) return ins.error();
    for (const auto& e : doc.Elements(rec, f.name)) {
      (*ins)->Bind(1, std::string_view(id)).Bind(2, replica).Bind(3, counter);
      BindValue(**ins, 4, e);
      if (Status s = (*ins)->Run(); !s) return s;
    }
  }
  return Status::Ok();
}

// Fields the schema does not know (a newer app's, say) are kept generically, so a query can
// still see everything the document holds.
Status Store::Impl::ProjectGeneric(const DocumentId& id, const Document& doc, const OpId& rec,
                                   const domain::EntitySpec* spec) {
  const auto replica = static_cast<std::int64_t>(rec.replica);
  const auto counter = static_cast<std::int64_t>(rec.counter);
  auto del = Cached("DELETE FROM record_fields WHERE doc = ? AND replica = ? AND counter = ?");
  if (!del) return del.error();
  if (Status s = (*del)->Bind(1, std::string_view(id)).Bind(2, replica).Bind(3, counter).Run();
      !s) {
    return s;
  }
  auto ins = Cached(
      "INSERT INTO record_fields (doc, replica, counter, field, kind, ord, value) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  auto insert = [&](const std::string& field, const char* kind, std::int64_t ord,
                    const crdt::Value& v) {
    (*ins)
        ->Bind(1, std::string_view(id))
        .Bind(2, replica)
        .Bind(3, counter)
        .Bind(4, std::string_view(field))
        .Bind(5, std::string_view(kind))
        .Bind(6, ord);
    BindValue(**ins, 7, v);
    return (*ins)->Run();
  };
  auto known = [&](const std::string& field) {
    if (!spec) return false;
    for (const auto& f : spec->fields) {
      if (f.name == field) return true;
    }
    return false;
  };
  for (const auto& [kind, field] : doc.Fields(rec)) {
    if (known(field)) continue;
    Status s;
    if (kind == crdt::FieldKind::kRegister) {
      auto v = doc.Get(rec, field);
      s = insert(field, "register", 0, v ? v->value : crdt::Value{});
    } else if (kind == crdt::FieldKind::kSet) {
      std::int64_t ord = 0;
      for (const auto& e : doc.Elements(rec, field)) {
        if (s = insert(field, "set", ord++, e); !s) break;
      }
    } else {
      s = insert(field, "text", 0, doc.Text(rec, field));
    }
    if (!s) return s;
  }
  return Status::Ok();
}

Status Store::Impl::EnsureEntityTables(bool* rebuilt) {
  *rebuilt = false;
  const std::string want = EntityTablesSql();
  auto st = db.Prepare("SELECT value FROM meta WHERE key = 'entity_tables'");
  if (!st) return st.error();
  auto row = st->Step();
  if (!row) return row.error();
  if (*row && st->Text(0) == want) return Status::Ok();
  st->Reset();
  statements.clear();
  sql::Transaction tx(db);
  if (Status s = tx.Begin(); !s) return s;
  std::vector<std::string> old;
  auto names = db.Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'e!_%' ESCAPE '!'");
  if (!names) return names.error();
  for (;;) {
    auto r = names->Step();
    if (!r) return r.error();
    if (!*r) break;
    old.push_back(names->Text(0));
  }
  for (const auto& name : old) {
    if (Status s = db.Exec(("DROP TABLE " + name).c_str()); !s) return s;
  }
  if (Status s = db.Exec(want.c_str()); !s) return s;
  auto put = db.Prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('entity_tables', ?)");
  if (!put) return put.error();
  if (Status s = put->Bind(1, std::string_view(want)).Run(); !s) return s;
  if (Status s = tx.Commit(); !s) return s;
  *rebuilt = true;
  return Status::Ok();
}

Status Store::Impl::Snapshot(const DocumentId& id, Loaded& loaded) {
  if (loaded.doc->queued() > 0) return Status::Ok();  // a snapshot would lose the queue
  auto st = db.Prepare(
      "UPDATE documents SET snapshot = ?, "
      "snapshot_seq = (SELECT COALESCE(MAX(seq), 0) FROM oplog WHERE doc = ?2) WHERE id = ?2");
  if (!st) return st.error();
  const auto bytes = loaded.doc->Save();
  if (Status s =
          st->Bind(1, std::span<const std::uint8_t>(bytes)).Bind(2, std::string_view(id)).Run();
      !s) {
    return s;
  }
  loaded.since_snapshot = 0;
  return Status::Ok();
}

Result<std::optional<Change>> Store::Commit(const DocumentId& id) {
  auto loaded = impl_->Load(id);
  if (!loaded) return loaded.error();
  std::optional<Change> change = (*loaded)->doc->Commit();
  if (!change) return change;
  auto write = [&]() -> Status {
    sql::Transaction tx(impl_->db);
    if (Status s = tx.Begin(); !s) return s;
    if (Status s = impl_->Log(id, *change); !s) return s;
    if (Status s = impl_->Project(id, *(*loaded)->doc, Touched(*change)); !s) return s;
    if (++(*loaded)->since_snapshot >= impl_->options.snapshot_every) {
      if (Status s = impl_->Snapshot(id, **loaded); !s) return s;
    }
    if (Status s = Audit(id, ChangeAction(*change), ChangeDetail(*(*loaded)->doc, *change)); !s) {
      return s;
    }
    return tx.Commit();
  };
  if (Status s = write(); !s) {
    impl_->docs.erase(id);  // the edit is not in the file: forget it in memory too
    return s.error();
  }
  return change;
}

Result<crdt::ApplyOutcome> Store::Apply(const DocumentId& id, const Change& change) {
  auto loaded = impl_->Load(id);
  if (!loaded) return loaded.error();
  Document& doc = *(*loaded)->doc;
  const std::size_t queued_before = doc.queued();
  auto outcome = doc.Apply(change);
  if (!outcome) return outcome.error();  // refused: the document did not change
  if (*outcome == crdt::ApplyOutcome::kDuplicate) return outcome;
  auto write = [&]() -> Status {
    sql::Transaction tx(impl_->db);
    if (Status s = tx.Begin(); !s) return s;
    // Queued changes are logged too: after a restart they wait again for their dependencies.
    if (Status s = impl_->Log(id, change); !s) return s;
    if (*outcome == crdt::ApplyOutcome::kApplied) {
      // When the change released queued ones (rare), every record may have moved.
      std::set<OpId> touched = Touched(change);
      if (doc.queued() < queued_before) {
        const auto all = doc.AllRecords();
        touched.insert(all.begin(), all.end());
      }
      if (Status s = impl_->Project(id, doc, touched); !s) return s;
    }
    if (++(*loaded)->since_snapshot >= impl_->options.snapshot_every) {
      if (Status s = impl_->Snapshot(id, **loaded); !s) return s;
    }
    return tx.Commit();
  };
  if (Status s = write(); !s) {
    impl_->docs.erase(id);
    return s.error();
  }
  return outcome;
}

Result<std::vector<Change>> Store::ChangesSince(const DocumentId& id,
                                                const crdt::VersionVector& version) {
  // The ids first (cheap: the blobs sit after them in the row), then only the changes needed.
  auto ids =
      impl_->Cached("SELECT seq, replica, start_counter FROM oplog WHERE doc = ? ORDER BY seq");
  if (!ids) return ids.error();
  (*ids)->Bind(1, std::string_view(id));
  std::vector<std::int64_t> wanted;
  for (;;) {
    auto row = (*ids)->Step();
    if (!row) return row.error();
    if (!*row) break;
    const OpId first{static_cast<std::uint64_t>((*ids)->Int(1)),
                     static_cast<std::uint64_t>((*ids)->Int(2))};
    if (!version.Includes(first)) wanted.push_back((*ids)->Int(0));
  }
  (*ids)->Reset();
  auto get = impl_->Cached("SELECT change FROM oplog WHERE seq = ?");
  if (!get) return get.error();
  std::vector<Change> out;
  for (std::int64_t seq : wanted) {
    (*get)->Bind(1, seq);
    auto row = (*get)->Step();
    if (!row) return row.error();
    auto change = crdt::DecodeChange((*get)->Blob(0));
    (*get)->Reset();
    if (!change) return change.error();
    out.push_back(std::move(change.value()));
  }
  return out;
}

Status Store::Atomically(const std::function<Status()>& work) {
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s;
  Status s = work();
  if (s) s = tx.Commit();
  if (!s) impl_->docs.clear();  // in-memory documents may hold what was rolled back
  return s;
}

Status Store::Checkpoint() {
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s;
  for (auto& [id, loaded] : impl_->docs) {
    if (Status s = impl_->Snapshot(id, loaded); !s) return s;
  }
  if (Status s = tx.Commit(); !s) return s;
  return impl_->db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status Store::RebuildTables() {
  sql::Transaction tx(impl_->db);
  if (Status s = tx.Begin(); !s) return s;
  if (Status s = impl_->db.Exec("DELETE FROM records; DELETE FROM record_fields;"); !s) return s;
  for (const auto& e : domain::Entities()) {
    const std::string table = "e_" + std::string(e.table);
    if (Status s = impl_->db.Exec(("DELETE FROM " + table).c_str()); !s) return s;
    for (const auto& f : e.fields) {
      if (f.type != domain::FieldType::kSet) continue;
      if (Status s = impl_->db.Exec(("DELETE FROM " + table + "_" + std::string(f.name)).c_str());
          !s) {
        return s;
      }
    }
  }
  auto docs = Documents();
  if (!docs) return docs.error();
  for (const DocumentId& id : *docs) {
    // From the log alone (on the base, for a document received as a snapshot): every logged
    // change in log order.
    auto base = impl_->db.Prepare("SELECT base FROM documents WHERE id = ?");
    if (!base) return base.error();
    base->Bind(1, std::string_view(id));
    if (auto row = base->Step(); !row) return row.error();
    Document doc(impl_->self, impl_->clock);
    if (!base->IsNull(0)) {
      auto loaded = Document::Load(base->Blob(0), impl_->self, impl_->clock);
      if (!loaded) return loaded.error();
      doc = std::move(loaded.value());
    }
    auto st = impl_->db.Prepare("SELECT change FROM oplog WHERE doc = ? ORDER BY seq");
    if (!st) return st.error();
    st->Bind(1, std::string_view(id));
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      auto change = crdt::DecodeChange(st->Blob(0));
      if (!change) return change.error();
      (void)doc.Apply(*change);  // refused live too (see Load): skipped the same way
    }
    const auto all = doc.AllRecords();
    if (Status s = impl_->Project(id, doc, std::set<OpId>(all.begin(), all.end())); !s) return s;
  }
  return tx.Commit();
}

void Store::SetActor(Actor actor) {
  impl_->actor = std::move(actor);
}

Status Store::Audit(const DocumentId& doc, std::string_view action, std::string_view detail) {
  auto last = impl_->Cached("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  if (!last) return last.error();
  auto row = (*last)->Step();
  if (!row) return row.error();
  AuditEntry e;
  std::vector<std::uint8_t> prev;
  if (*row) {
    e.seq = (*last)->Int(0) + 1;
    prev = (*last)->Blob(1);
  } else {
    e.seq = 1;
  }
  (*last)->Reset();
  e.at_ms = static_cast<std::int64_t>(impl_->clock ? impl_->clock->Now().wall_ms : 0);
  e.user = impl_->actor.user;
  e.device = impl_->actor.device;
  e.doc = doc;
  e.action = action;
  e.detail = detail;
  const auto hash = impl_->AuditHash(prev, e);
  auto ins = impl_->Cached(
      "INSERT INTO audit (seq, at_ms, user, device, doc, action, detail, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins) return ins.error();
  return (*ins)
      ->Bind(1, e.seq)
      .Bind(2, e.at_ms)
      .Bind(3, std::string_view(e.user))
      .Bind(4, std::string_view(e.device))
      .Bind(5, std::string_view(e.doc))
      .Bind(6, std::string_view(e.action))
      .Bind(7, std::string_view(e.detail))
      .Bind(8, std::span<const std::uint8_t>(hash))
      .Run();
}

Result<crdt::Document*> Store::Read(const DocumentId& id) {
  auto doc = Get(id);
  if (!doc) return doc.error();
  if (Status s = Audit(id, "read", ""); !s) return s.error();
  return doc;
}

Result<std::vector<AuditEntry>> Store::AuditTrail(const DocumentId& doc) {
  auto st = impl_->db.Prepare(
      "SELECT seq, at_ms, user, device, doc, action, detail FROM audit WHERE doc = ? ORDER BY seq");
  if (!st) return st.error();
  st->Bind(1, std::string_view(doc));
  std::vector<AuditEntry> out;
  for (;;) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(AuditEntry{st->Int(0), st->Int(1), st->Text(2), st->Text(3), st->Text(4),
                             st->Text(5), st->Text(6)});
  }
  return out;
}

Result<AuditVerification> Store::VerifyAudit() {
  auto st = impl_->db.Prepare(
      "SELECT seq, at_ms, user, device, doc, action, detail, hash FROM audit ORDER BY seq");
  if (!st) return st.error();
  AuditVerification v;
  std::vector<std::uint8_t> prev;
  for (std::int64_t expected = 1;; ++expected) {
    auto row = st->Step();
    if (!row) return row.error();
    if (!*row) break;
    AuditEntry e{st->Int(0),  st->Int(1),  st->Text(2), st->Text(3),
                 st->Text(4), st->Text(5), st->Text(6)};
    const auto hash = st->Blob(7);
    ++v.entries;
    if (e.seq != expected) {
      v.ok = false;
      v.first_bad_seq = expected;
      v.problem = "entry " + std::to_string(expected) + " is missing";
      return v;
    }
    if (impl_->AuditHash(prev, e) != hash) {
      v.ok = false;
      v.first_bad_seq = e.seq;
      v.problem = "entry " + std::to_string(e.seq) + " was changed, or one before it was removed";
      return v;
    }
    prev = hash;
  }
  return v;
}

Result<std::vector<Store::Row>> Store::Query(std::string_view text,
                                             const std::vector<crdt::Value>& params) {
  auto st = impl_->Cached(std::string(text));
  if (!st) return st.error();
  if (!sqlite3_stmt_readonly((*st)->get())) {
    return Error{ErrorCode::kInvalidArgument, "Query() is for reading only"};
  }
  for (std::size_t i = 0; i < params.size(); ++i)
    BindValue(**st, static_cast<int>(i + 1), params[i]);
  std::vector<Row> rows;
  for (;;) {
    auto r = (*st)->Step();
    if (!r) {
      (*st)->Reset();
      return r.error();
    }
    if (!*r) break;
    Row row;
    for (int c = 0; c < (*st)->ColumnCount(); ++c) {
      switch ((*st)->Type(c)) {
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        case SQLITE_INTEGER:
          row.emplace_back((*st)->Int(c));
          break;
        default:
          row.emplace_back((*st)->Text(c));
          break;
      }
    }
    rows.push_back(std::move(row));
  }
  (*st)->Reset();
  return rows;
}

Result<std::string> Store::DumpTables() {
  std::vector<std::string> tables = {"records", "record_fields"};
  auto names = impl_->db.Prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'e!_%' ESCAPE '!' "
      "ORDER BY name");
  if (!names) return names.error();
  for (;;) {
    auto r = names->Step();
    if (!r) return r.error();
    if (!*r) break;
    tables.push_back(names->Text(0));
  }
  std::string out;
  for (const auto& table : tables) {
    auto probe = impl_->db.Prepare("SELECT * FROM " + table);
    if (!probe) return probe.error();
    std::string order;
    for (int c = 1; c <= probe->ColumnCount(); ++c)
      order += (c > 1 ? ", " : "") + std::to_string(c);
    auto st = impl_->db.Prepare("SELECT * FROM " + table + " ORDER BY " + order);
    if (!st) return st.error();
    for (;;) {
      auto row = st->Step();
      if (!row) return row.error();
      if (!*row) break;
      std::string line = table;
      for (int c = 0; c < st->ColumnCount(); ++c)
        line += '|' + (st->IsNull(c) ? "NULL" : st->Text(c));
      out += line + '\n';
    }
  }
  return out;
}

}  // namespace naast::store
