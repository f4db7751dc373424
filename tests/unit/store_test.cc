// The encrypted store: open with a raw key, the operation log, the tables, rebuild, and
// nothing personal outside the encrypted file.
#include "naast/store/store.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "naast/crypto/crypto.h"
#include "test_util.h"

using namespace naast;
using namespace naast::store;
using crdt::OpId;

namespace {

using testing::TempDir;
crdt::HybridClock& TestClock() {
  return testing::FixedClock();
}
std::string FileText(const std::filesystem::path& p) {
  return testing::ReadAll(p);
}

std::string Run(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  REQUIRE(f != nullptr);
  char buf[256];
  while (fgets(buf, sizeof buf, f)) out += buf;
  pclose(f);
  return out;
}

}  // namespace

TEST_CASE("a store keeps documents across a reopen and refuses the wrong key", "[store]") {
  TempDir dir;
  const auto file = dir.path / "naast.db";
  auto key = crypto::RandomKey();
  DocumentId id;
  OpId visit;
  {
    auto store = Store::Open(file, key, 1, &TestClock());
    REQUIRE(store.ok());
    REQUIRE((*store)->SchemaVersion().value() == Store::LatestSchemaVersion());
    id = (*store)->CreateDocument("dossier").value();
    crdt::Document* doc = (*store)->Get(id).value();
    visit = doc->CreateRecord("visit");
    REQUIRE(doc->InsertText(visit, "note", 0, "Samen de post doorgenomen.").ok());
    REQUIRE(doc->Set(visit, "duration_min", std::int64_t{45}).ok());
    REQUIRE((*store)->Commit(id).ok());
  }
  {
    auto store = Store::Open(file, key, 1, &TestClock());
    REQUIRE(store.ok());
    crdt::Document* doc = (*store)->Get(id).value();
    REQUIRE(doc->Text(visit, "note") == "Samen de post doorgenomen.");
    REQUIRE(std::get<std::int64_t>(doc->Get(visit, "duration_min")->value) == 45);
  }
  auto wrong = Store::Open(file, crypto::RandomKey(), 1, &TestClock());
  REQUIRE_FALSE(wrong.ok());
  REQUIRE(wrong.error().code == ErrorCode::kMalformed);
}

TEST_CASE("applying a change twice logs and changes it once", "[store]") {
  TempDir dir;
  auto key = crypto::RandomKey();
  auto store = Store::Open(dir.path / "a.db", key, 2, &TestClock()).value();
  const DocumentId id = store->CreateDocument("dossier").value();
  crdt::Document remote(7, &TestClock());
  OpId goal = remote.CreateRecord("goal");
  REQUIRE(remote.Set(goal, "status", std::string("open")).ok());
  const crdt::Change change = *remote.Commit();
  REQUIRE(store->Apply(id, change).value() == crdt::ApplyOutcome::kApplied);
  const std::string tables = store->DumpTables().value();
  REQUIRE(tables.find("goal") != std::string::npos);
  REQUIRE(store->Apply(id, change).value() == crdt::ApplyOutcome::kDuplicate);
  REQUIRE(store->DumpTables().value() == tables);
  REQUIRE(store->ChangesSince(id, {}).value().size() == 1);
  // A change the document refuses is not logged.
  crdt::Change bad = change;
  bad.start_counter = 100;
  bad.deps = crdt::VersionVector();
  bad.ops = {crdt::DeleteRecord{OpId{99, 99}}};
  auto refused = store->Apply(id, bad);
  REQUIRE((!refused.ok() || refused.value() == crdt::ApplyOutcome::kQueued));
}

TEST_CASE("rebuilding the tables from the log gives the same tables", "[store]") {
  TempDir dir;
  auto key = crypto::RandomKey();
  StoreOptions options;
  options.snapshot_every = 5;
  auto store = Store::Open(dir.path / "r.db", key, 3, &TestClock(), options).value();
  const DocumentId id = store->CreateDocument("dossier").value();
  std::mt19937 rng(11);
  // Local edits, and remote changes delivered out of order (some wait in the queue).
  crdt::Document other(8, &TestClock());
  std::vector<crdt::Change> remote;
  crdt::Document* doc = store->Get(id).value();
  OpId rec = doc->CreateRecord("visit");
  REQUIRE(store->Commit(id).ok());
  REQUIRE(other.Apply(store->ChangesSince(id, other.version()).value()[0]).ok());
  for (int i = 0; i < 60; ++i) {
    REQUIRE(doc->InsertText(rec, "note", rng() % (doc->TextLength(rec, "note") + 1), "ab").ok());
    REQUIRE(doc->Set(rec, "kind", std::string(i % 2 ? "huisbezoek" : "telefonisch")).ok());
    REQUIRE(store->Commit(id).ok());
    REQUIRE(other.AddToSet(rec, "life_domains", std::int64_t{i % 7}).ok());
    REQUIRE(other.InsertText(rec, "note", 0, "x").ok());
    remote.push_back(*other.Commit());
  }
  std::shuffle(remote.begin(), remote.end(), rng);
  for (const auto& c : remote) REQUIRE(store->Apply(id, c).ok());
  REQUIRE(doc->queued() == 0);
  const std::string live = store->DumpTables().value();
  REQUIRE(live.find("huisbezoek") != std::string::npos);  // the last write
  REQUIRE(live.find("life_domains") != std::string::npos);
  REQUIRE(store->RebuildTables().ok());
  REQUIRE(store->DumpTables().value() == live);
  // And a reopened store (snapshot plus the log after it) holds the same document.
  const auto bytes = doc->Save();
  store.reset();
  auto reopened = Store::Open(dir.path / "r.db", key, 3, &TestClock(), options).value();
  REQUIRE(reopened->Get(id).value()->Save() == bytes);
}

TEST_CASE("nothing personal is written outside the encrypted file", "[store][privacy]") {
  TempDir dir;
  const auto file = dir.path / "naast.db";
  auto key = crypto::RandomKey();
  const std::string marker = "MARKER-q7Zr-schuldhulp";
  auto store = Store::Open(file, key, 4, &TestClock()).value();
  const DocumentId id = store->CreateDocument("dossier").value();
  crdt::Document* doc = store->Get(id).value();
  OpId rec = doc->CreateRecord("visit");
  REQUIRE(doc->InsertText(rec, "notes", 0, marker).ok());
  REQUIRE(doc->Set(rec, "kind", std::string("huisbezoek")).ok());
  REQUIRE(store->Commit(id).ok());
  auto scan = [&] {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
      ++files;
      INFO(entry.path().filename().string());
      const std::string name = entry.path().filename().string();
      REQUIRE((name == "naast.db" || name == "naast.db-wal" || name == "naast.db-shm"));
      REQUIRE(FileText(entry.path()).find(marker) == std::string::npos);
      REQUIRE(FileText(entry.path()).find("visit") == std::string::npos);
    }
    return files;
  };
  REQUIRE(scan() >= 2);  // the database and its write-ahead log, while open
  REQUIRE(store->Checkpoint().ok());
  store.reset();
  REQUIRE(scan() >= 1);

  // The sqlcipher tool reads the file with the raw key and fails without it.
  const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  const std::string with_key = Run("printf %s \"PRAGMA key=\\\"x'" + hex +
                                   "'\\\"; SELECT notes FROM e_visit;\" "
                                   "| sqlcipher " +
                                   file.string() + " 2>&1");
  REQUIRE(with_key.find(marker) != std::string::npos);
  const std::string without =
      Run("printf %s \"SELECT value FROM record_fields;\" | sqlcipher " + file.string() + " 2>&1");
  REQUIRE(without.find(marker) == std::string::npos);
  REQUIRE(without.find("not a database") != std::string::npos);
}

TEST_CASE("a store written by a newer version is refused", "[store]") {
  TempDir dir;
  auto key = crypto::RandomKey();
  const auto file = dir.path / "n.db";
  REQUIRE(Store::Open(file, key, 5, &TestClock()).ok());
  const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  Run("printf %s \"PRAGMA key=\\\"x'" + hex + "'\\\"; PRAGMA user_version=99;\" | sqlcipher " +
      file.string());
  auto newer = Store::Open(file, key, 5, &TestClock());
  REQUIRE_FALSE(newer.ok());
  REQUIRE(newer.error().code == ErrorCode::kUnsupportedVersion);
}

TEST_CASE("records land in their entity's table; the tables are remade when the schema changes",
          "[store]") {
  TempDir dir;
  auto key = crypto::RandomKey();
  const auto file = dir.path / "e.db";
  std::string before;
  {
    auto store = Store::Open(file, key, 6, &TestClock()).value();
    const DocumentId id = store->CreateDocument("dossier").value();
    crdt::Document* doc = store->Get(id).value();
    OpId reg = doc->CreateRecord("registration");
    REQUIRE(doc->Set(reg, "registered_on", std::string("2026-03-02")).ok());
    REQUIRE(doc->Set(reg, "referrer", std::string("verloskundige")).ok());
    REQUIRE(doc->Set(reg, "gestational_week", std::int64_t{14}).ok());
    REQUIRE(doc->AddToSet(reg, "reasons", std::string("schulden")).ok());
    REQUIRE(doc->AddToSet(reg, "reasons", std::string("veel_stress")).ok());
    REQUIRE(doc->Set(reg, "field_of_a_newer_app", std::int64_t{1}).ok());
    REQUIRE(store->Commit(id).ok());
    before = store->DumpTables().value();
    REQUIRE(before.find("|2026-03-02|verloskundige|") != std::string::npos);
    REQUIRE(before.find("e_registration_reasons|" + id) != std::string::npos);
    REQUIRE(before.find("|schulden") != std::string::npos);
    REQUIRE(before.find("record_fields|" + id) != std::string::npos);  // the unknown field
  }
  // Pretend an older app made the tables: the store drops them and refills them from the log.
  const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  Run("printf %s \"PRAGMA key=\\\"x'" + hex +
      "'\\\"; UPDATE meta SET value='old' WHERE key='entity_tables'; DELETE FROM e_registration;\" "
      "| sqlcipher " +
      file.string());
  auto store = Store::Open(file, key, 6, &TestClock()).value();
  REQUIRE(store->DumpTables().value() == before);
}

TEST_CASE("the audit log records who did what to which dossier, and detects tampering",
          "[store][audit]") {
  TempDir dir;
  auto key = crypto::RandomKey();
  const auto file = dir.path / "audit.db";
  DocumentId id;
  {
    auto store = Store::Open(file, key, 7, &TestClock()).value();
    store->SetActor(Actor{"coach-17", "tablet-3"});
    id = store->CreateDocument("dossier").value();
    crdt::Document* doc = store->Read(id).value();
    OpId visit = doc->CreateRecord("visit");
    REQUIRE(doc->Set(visit, "kind", std::string("huisbezoek")).ok());
    REQUIRE(store->Commit(id).ok());
    REQUIRE(doc->DeleteRecord(visit).ok());
    REQUIRE(store->Commit(id).ok());
    store->SetActor(Actor{"student-4", "tablet-9"});
    REQUIRE(store->Read(id).ok());
    REQUIRE(store->Audit("", "search", "3 results").ok());
    auto trail = store->AuditTrail(id).value();
    REQUIRE(trail.size() == 5);
    REQUIRE(trail[0].action == "create");
    REQUIRE(trail[1].action == "read");
    REQUIRE(trail[2].action == "change");
    REQUIRE(trail[2].detail == "visit");
    REQUIRE(trail[3].action == "delete");
    REQUIRE(trail[4].action == "read");
    REQUIRE(trail[4].user == "student-4");
    REQUIRE(trail[4].device == "tablet-9");
    REQUIRE(trail[4].at_ms > 0);
    auto v = store->VerifyAudit().value();
    REQUIRE(v.ok);
    REQUIRE(v.entries == 6);
  }
  const std::string hex(reinterpret_cast<const char*>(crypto::HexOf(key).data()), 64);
  auto sql = [&](const std::string& statement) {
    Run("printf %s \"PRAGMA key=\\\"x'" + hex + "'\\\"; " + statement + "\" | sqlcipher " +
        file.string());
  };
  SECTION("an edited entry breaks the chain there") {
    sql("UPDATE audit SET user='someone-else' WHERE seq=4;");
    auto v = Store::Open(file, key, 7, &TestClock()).value()->VerifyAudit().value();
    REQUIRE_FALSE(v.ok);
    REQUIRE(v.first_bad_seq == 4);
  }
  SECTION("a removed entry is noticed") {
    sql("DELETE FROM audit WHERE seq=2;");
    auto v = Store::Open(file, key, 7, &TestClock()).value()->VerifyAudit().value();
    REQUIRE_FALSE(v.ok);
    REQUIRE(v.first_bad_seq == 2);
  }
  SECTION("renumbering after a removal is noticed too") {
    sql("DELETE FROM audit WHERE seq=2; UPDATE audit SET seq=seq-1 WHERE seq>2;");
    auto v = Store::Open(file, key, 7, &TestClock()).value()->VerifyAudit().value();
    REQUIRE_FALSE(v.ok);
    REQUIRE(v.first_bad_seq == 2);
  }
}

TEST_CASE("a document received as a snapshot keeps what was here, survives a reopen and a rebuild",
          "[store][snapshot]") {
  TempDir dir;
  auto source = Store::Open(dir.path / "a.db", crypto::RandomKey(), 1, &TestClock()).value();
  const DocumentId id = source->CreateDocument("dossier").value();
  crdt::Document& a = *source->Get(id).value();
  const OpId visit = a.CreateRecord("visit");
  REQUIRE(a.InsertText(visit, "notes", 0, "Eerste bezoek.").ok());
  REQUIRE(source->Commit(id).ok());
  const auto early = a.Save();
  const auto early_version = a.version();
  REQUIRE(a.InsertText(visit, "notes", a.TextLength(visit, "notes"), " Tweede.").ok());
  const auto second = source->Commit(id).value().value();
  const auto later = a.Save();
  const auto later_version = a.version();

  const auto file = dir.path / "b.db";
  const auto key = crypto::RandomKey();
  {
    auto b = Store::Open(file, key, 2, &TestClock()).value();
    REQUIRE(b->AdoptDocument(id, "dossier", source->DocumentKey(id).value()).ok());
    // A change that arrived before the snapshot waits for what it builds on.
    REQUIRE(b->Apply(id, second).ok());
    // Bytes that are not what the header says are refused.
    auto mismatch = b->AdoptSnapshot(id, early, later_version);
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == ErrorCode::kMalformed);
    REQUIRE(b->AdoptSnapshot(id, early, early_version).value());
    CHECK(b->Get(id).value()->Save() == later);  // the waiting change applied on top
    // An older or equal snapshot adds nothing.
    CHECK_FALSE(b->AdoptSnapshot(id, early, early_version).value());
    crdt::Document& d = *b->Get(id).value();
    REQUIRE(d.InsertText(visit, "notes", 0, "B: ").ok());
    REQUIRE(b->Commit(id).ok());
    const std::string tables = b->DumpTables().value();
    REQUIRE(b->RebuildTables().ok());
    CHECK(b->DumpTables().value() == tables);
  }
  auto b = Store::Open(file, key, 2, &TestClock()).value();
  CHECK(b->Get(id).value()->Text(visit, "notes") == "B: Eerste bezoek. Tweede.");
  // Only the changes made or received here are in its log.
  CHECK(b->ChangesSince(id, {}).value().size() == 2);
}
