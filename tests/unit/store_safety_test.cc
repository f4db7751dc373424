// The store when things go wrong or must go away: failing writes and syncs, a full disk,
// upgrades from every earlier schema, per-document keys and erasure.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fault_vfs.h"
#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "sqlcipher_pages.h"
#include "test_util.h"

using namespace naast;
using namespace naast::store;
using crdt::OpId;
using testing::TempDir;

namespace {

std::span<const unsigned char> Bytes(const crypto::SecureBytes& key) {
  return {key.data(), key.size()};
}

// Writes one visit with a note into the dossier; the note says which edit it was.
Result<std::optional<crdt::Change>> WriteVisit(Store& store, const DocumentId& id, int n,
                                               std::size_t note_bytes = 200) {
  crdt::Document* doc = store.Get(id).value();
  const OpId visit = doc->CreateRecord("visit");
  std::string note = "bezoek-" + std::to_string(n) + ";";
  note.resize(note_bytes, 'x');
  (void)doc->Set(visit, "date", std::string("2026-10-01"));
  (void)doc->InsertText(visit, "notes", 0, note);
  return store.Commit(id);
}

// How many visits hold the note of edit `n` (in the tables, as a query sees them).
std::int64_t VisitsWithNote(Store& store, int n) {
  auto rows = store
                  .Query("SELECT count(*) FROM e_visit WHERE notes LIKE ?",
                         {std::string("bezoek-" + std::to_string(n) + ";%")})
                  .value();
  return std::get<std::int64_t>(rows[0][0]);
}

struct FaultCase {
  const char* what;
  testing::FaultPlan (*plan)(int n);
  ErrorCode expected;
  int min_failures;  // a commit makes at least this many such calls
};

}  // namespace

TEST_CASE("a write or sync that fails reaches the caller, corrupts nothing, and a retry succeeds",
          "[store][faults]") {
  const FaultCase cases[] = {
      {"the Nth write fails",
       [](int n) {
         return testing::FaultPlan{n, 0, -1};
       },
       ErrorCode::kIo, 2},
      {"the Nth sync fails",
       [](int n) {
         return testing::FaultPlan{0, n, -1};
       },
       ErrorCode::kIo},
  };
  for (const FaultCase& fc : cases) {
    DYNAMIC_SECTION(fc.what) {
      TempDir dir;
      const auto key = crypto::RandomKey();
      StoreOptions options;
      options.vfs = testing::FaultVfsName();
      options.snapshot_every = 3;  // snapshots are written inside some of the commits
      auto store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock(), options).value();
      const DocumentId id = store->CreateDocument("dossier").value();
      REQUIRE(WriteVisit(*store, id, 0).ok());
      int failures = 0;
      int n = 1;
      // Fail the 1st, 2nd, ... call of a commit until a commit makes fewer calls than that.
      for (;; ++n) {
        const std::string before = store->DumpTables().value();
        testing::SetFaults(fc.plan(n));
        auto committed = WriteVisit(*store, id, n);
        const bool injected = testing::FaultsInjected() > 0;
        testing::ClearFaults();
        if (!injected) {
          REQUIRE(committed.ok());
          break;
        }
        INFO("call " << n);
        ++failures;
        REQUIRE_FALSE(committed.ok());
        REQUIRE(committed.error().code == fc.expected);
        REQUIRE(store->CheckIntegrity().ok());
        // Nothing of the failed edit is in the tables or the document...
        REQUIRE(store->DumpTables().value() == before);
        REQUIRE(VisitsWithNote(*store, n) == 0);
        // ... and making it again succeeds.
        REQUIRE(WriteVisit(*store, id, n).ok());
        REQUIRE(VisitsWithNote(*store, n) == 1);
      }
      REQUIRE(failures >= fc.min_failures);
      // Reopened from disk, with the default VFS: every edit once, tables as the log says.
      store.reset();
      store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock()).value();
      REQUIRE(store->CheckIntegrity().ok());
      for (int i = 0; i <= n; ++i) {
        INFO("edit " << i);
        REQUIRE(VisitsWithNote(*store, i) == 1);
      }
      const std::string tables = store->DumpTables().value();
      REQUIRE(store->RebuildTables().ok());
      REQUIRE(store->DumpTables().value() == tables);
    }
  }
}

TEST_CASE("a full disk gives a clear error, loses nothing, and writing works again with space",
          "[store][faults]") {
  TempDir dir;
  const auto key = crypto::RandomKey();
  StoreOptions options;
  options.vfs = testing::FaultVfsName();
  auto store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock(), options).value();
  const DocumentId id = store->CreateDocument("dossier").value();
  REQUIRE(WriteVisit(*store, id, 1).ok());
  REQUIRE(store->Checkpoint().ok());
  const std::string before = store->DumpTables().value();

  // Room for a small edit, not for a 200 KB note.
  testing::SetFaults(testing::FaultPlan{0, 0, 64 * 1024});
  auto full = WriteVisit(*store, id, 2, 200 * 1024);
  REQUIRE(testing::FaultsInjected() > 0);
  REQUIRE_FALSE(full.ok());
  REQUIRE(full.error().code == ErrorCode::kDiskFull);
  REQUIRE(store->CheckIntegrity().ok());
  REQUIRE(store->DumpTables().value() == before);
  // Reading still works on a full disk.
  REQUIRE(VisitsWithNote(*store, 1) == 1);

  testing::ClearFaults();  // space was freed
  REQUIRE(WriteVisit(*store, id, 2, 200 * 1024).ok());
  store.reset();
  store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock()).value();
  REQUIRE(store->CheckIntegrity().ok());
  REQUIRE(VisitsWithNote(*store, 1) == 1);
  REQUIRE(VisitsWithNote(*store, 2) == 1);
}

TEST_CASE("a store from every earlier schema version upgrades without losing anything",
          "[store][migrations]") {
  // What a store holds at each version, written with the SQL of that version.
  crdt::Document author(42, &testing::FixedClock());
  const OpId mother = author.CreateRecord("mother");
  REQUIRE(author.Set(mother, "name", std::string("Testmoeder Een")).ok());
  REQUIRE(author.Set(mother, "due_date", std::string("2027-01-15")).ok());
  const crdt::Change change = *author.Commit();
  const auto encoded = crdt::EncodeChange(change);
  const std::string doc_id = "00112233445566778899aabbccddeeff";

  // The schema a fresh store has, to compare the upgraded ones with.
  auto schema_of = [](Store& store) {
    std::string out;
    for (const auto& row :
         store.Query("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").value()) {
      for (const auto& v : row) {
        const auto* s = std::get_if<std::string>(&v);
        out += (s ? *s : "NULL") + "|";
      }
      out += "\n";
    }
    return out;
  };
  TempDir fresh_dir;
  const auto fresh_key = crypto::RandomKey();
  auto fresh = Store::Open(fresh_dir.path / "f.db", fresh_key, 1, &testing::FixedClock()).value();
  const std::string latest_schema = schema_of(*fresh);

  for (int version = 0; version < Store::LatestSchemaVersion(); ++version) {
    DYNAMIC_SECTION("from version " << version) {
      TempDir dir;
      const auto file = dir.path / "old.db";
      const auto key = crypto::RandomKey();
      REQUIRE(Store::CreateAtSchemaVersion(file, key, version).ok());
      if (version >= 1) {
        // Version 1 has documents and the log: put a dossier in, as that build did.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
        const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
        REQUIRE(sqlite3_exec(db, ("PRAGMA key=\"x'" + hex + "'\"").c_str(), nullptr, nullptr,
                             nullptr) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(
            sqlite3_exec(
                db,
                ("INSERT INTO documents (id, kind) VALUES ('" + doc_id + "', 'dossier')").c_str(),
                nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_prepare_v2(db,
                                   "INSERT INTO oplog (doc, replica, start_counter, change) "
                                   "VALUES (?, 42, ?, ?)",
                                   -1, &st, nullptr) == SQLITE_OK);
        sqlite3_bind_text(st, 1, doc_id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, static_cast<sqlite3_int64>(change.start_counter));
        sqlite3_bind_blob(st, 3, encoded.data(), static_cast<int>(encoded.size()),
                          SQLITE_TRANSIENT);
        REQUIRE(sqlite3_step(st) == SQLITE_DONE);
        sqlite3_finalize(st);
        sqlite3_close(db);
      }
      auto store = Store::Open(file, key, 1, &testing::FixedClock());
      REQUIRE(store.ok());
      REQUIRE((*store)->SchemaVersion().value() == Store::LatestSchemaVersion());
      REQUIRE(schema_of(**store) == latest_schema);
      REQUIRE((*store)->CheckIntegrity().ok());
      if (version >= 1) {
        crdt::Document* doc = (*store)->Get(doc_id).value();
        REQUIRE(std::get<std::string>(doc->Get(mother, "name")->value) == "Testmoeder Een");
        // The tables were made and filled from the log; the document got its own key.
        auto rows = (*store)->Query("SELECT name, due_date FROM e_mother").value();
        REQUIRE(rows.size() == 1);
        REQUIRE(std::get<std::string>(rows[0][1]) == "2027-01-15");
        REQUIRE((*store)->DocumentKey(doc_id).value().size() == crypto::kKeyBytes);
      } else {
        REQUIRE((*store)->Documents().value().empty());
      }
    }
  }
  REQUIRE_FALSE(Store::CreateAtSchemaVersion(fresh_dir.path / "x.db", fresh_key, 99).ok());
}

TEST_CASE("every document has its own key, kept across a reopen", "[store][privacy]") {
  TempDir dir;
  const auto key = crypto::RandomKey();
  DocumentId a, b;
  std::vector<unsigned char> key_a;
  {
    auto store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock()).value();
    a = store->CreateDocument("dossier").value();
    b = store->CreateDocument("dossier").value();
    const auto ka = store->DocumentKey(a).value();
    const auto kb = store->DocumentKey(b).value();
    REQUIRE(ka.size() == crypto::kKeyBytes);
    REQUIRE_FALSE(std::equal(ka.data(), ka.data() + ka.size(), kb.data()));
    key_a.assign(ka.data(), ka.data() + ka.size());
    REQUIRE(store->DocumentKey("nope").error().code == ErrorCode::kUnknownReference);
  }
  auto store = Store::Open(dir.path / "s.db", key, 1, &testing::FixedClock()).value();
  const auto again = store->DocumentKey(a).value();
  REQUIRE(std::vector<unsigned char>(again.data(), again.data() + again.size()) == key_a);
}

TEST_CASE("erasing a dossier destroys its key and leaves none of its data in the files",
          "[store][privacy]") {
  TempDir dir;
  const auto file = dir.path / "naast.db";
  const auto key = crypto::RandomKey();
  const std::string gone = "WISMIJ-schulden-7Qx";  // in the erased dossier
  const std::string kept = "BEWAAR-stabiel-3Kp";   // in another one
  auto store = Store::Open(file, key, 1, &testing::FixedClock()).value();
  store->SetActor(Actor{"coach-1", "tablet-1"});
  auto write = [&](const DocumentId& id, const std::string& marker) {
    crdt::Document* doc = store->Get(id).value();
    const OpId m = doc->CreateRecord("mother");
    REQUIRE(doc->Set(m, "name", marker).ok());
    for (int i = 0; i < 30; ++i) {  // enough to spread over many pages and snapshots
      const OpId v = doc->CreateRecord("visit");
      REQUIRE(doc->InsertText(v, "notes", 0, marker + " bezoek " + std::to_string(i)).ok());
      REQUIRE(store->Commit(id).ok());
    }
  };
  const DocumentId erased = store->CreateDocument("dossier").value();
  const DocumentId other = store->CreateDocument("dossier").value();
  write(erased, gone);
  write(other, kept);
  REQUIRE(store->Checkpoint().ok());

  // Positive control: the decryption works and finds both markers before the erasure.
  auto before = testing::DecryptDatabase(file, Bytes(key));
  REQUIRE(before.header_ok);
  REQUIRE(before.plaintext.find(gone) != std::string::npos);
  REQUIRE(before.plaintext.find(kept) != std::string::npos);

  REQUIRE(store->Erase(erased).ok());
  REQUIRE(store->IsErased(erased).value());
  REQUIRE_FALSE(store->IsErased(other).value());
  REQUIRE(store->DocumentKey(erased).error().code == ErrorCode::kUnknownReference);
  REQUIRE(store->Get(erased).error().code == ErrorCode::kUnknownReference);
  REQUIRE(store->Documents().value() == std::vector<DocumentId>{other});
  REQUIRE(store->CheckIntegrity().ok());
  // The audit log keeps that it happened, and still verifies.
  const auto trail = store->AuditTrail(erased).value();
  REQUIRE(trail.back().action == "erase");
  REQUIRE(trail.back().user == "coach-1");
  REQUIRE(store->VerifyAudit().value().ok);

  auto scan = [&] {
    auto db = testing::DecryptDatabase(file, Bytes(key));
    REQUIRE(db.header_ok);
    REQUIRE(db.plaintext.find(gone) == std::string::npos);
    REQUIRE(db.plaintext.find(kept) != std::string::npos);
    const auto wal_file = std::filesystem::path(file.string() + "-wal");
    if (std::filesystem::exists(wal_file)) {
      auto wal = testing::DecryptWal(wal_file, Bytes(key));
      REQUIRE(wal.plaintext.find(gone) == std::string::npos);
    }
  };
  scan();  // while open
  store->SetActor(Actor{"coach-1", "tablet-1"});
  REQUIRE(WriteVisit(*store, other, 99).ok());  // life goes on
  store.reset();
  scan();  // and closed
  REQUIRE(Store::Open(file, key, 1, &testing::FixedClock()).value()->Erase(erased).error().code ==
          ErrorCode::kUnknownReference);
}
