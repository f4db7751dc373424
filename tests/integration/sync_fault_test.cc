// Sync through a TCP proxy that refuses, cuts and delays connections: every interrupted sync is
// retried, and in the end both tablets hold the same dossier with every edit from both.
#include <catch2/catch.hpp>
#include <string>

#include "fault_proxy.h"
#include "naast/sync/session.h"
#include "sync_fixture.h"

using namespace naast;
using crdt::OpId;
using testing::FaultProxy;
using testing::Now;
using testing::Tablet;
using testing::Team;

namespace {

// Syncs until a sync goes through whole; returns how many attempts failed.
int SyncUntilDone(Tablet& t) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    auto r = t.Sync();
    if (r.ok()) return attempt;
  }
  FAIL("no sync went through in 200 attempts");
  return 0;
}

}  // namespace

TEST_CASE("devices converge through a proxy that drops, cuts and delays connections",
          "[sync][e2e][faults]") {
  Team t;
  const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
  crdt::Document& a0 = t.leader.Doc(id);
  const OpId visit = a0.CreateRecord("visit");
  REQUIRE(a0.InsertText(visit, "notes", 0, "Start.").ok());
  REQUIRE(t.leader.store->Commit(id).ok());
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());

  const std::uint32_t seed = 20261125;
  INFO("proxy seed " << seed);
  FaultProxy proxy(t.server.ClientOptions().port, seed);
  proxy.SetFaultRate(0.6);
  auto options = t.server.ClientOptions();
  options.port = proxy.port();
  options.timeout = std::chrono::milliseconds(5'000);
  t.leader.client = std::make_unique<sync::HttpsClient>(options);
  t.coach.client = std::make_unique<sync::HttpsClient>(options);

  int failed = 0;
  std::vector<std::string> markers;
  for (int round = 0; round < 12; ++round) {
    // Offline, both tablets write; each edit is a change of its own.
    for (Tablet* tablet : {&t.leader, &t.coach}) {
      crdt::Document& d = tablet->Doc(id);
      const std::string marker =
          " [" + std::string(tablet == &t.leader ? "L" : "C") + std::to_string(round) + "]";
      markers.push_back(marker);
      REQUIRE(d.InsertText(visit, "notes", d.TextLength(visit, "notes"), marker).ok());
      REQUIRE(d.Set(visit, "duration_min", std::int64_t{round}).ok());
      REQUIRE(d.AddToSet(visit, "present", marker).ok());
      REQUIRE(tablet->store->Commit(id).ok());
    }
    failed += SyncUntilDone(t.leader);
    failed += SyncUntilDone(t.coach);
  }
  // Until both have everything: each goes through once more after the other.
  failed += SyncUntilDone(t.leader);
  failed += SyncUntilDone(t.coach);
  failed += SyncUntilDone(t.leader);

  const crdt::Document& a = t.leader.Doc(id);
  const crdt::Document& b = t.coach.Doc(id);
  CHECK(a.Save() == b.Save());
  const std::string notes = a.Text(visit, "notes");
  for (const auto& m : markers) {
    CHECK(notes.find(m) != std::string::npos);
    CHECK(a.Contains(visit, "present", m));
  }
  // The faults did happen.
  CHECK(failed > 0);
  CHECK(proxy.counts().refused + proxy.counts().cut_request + proxy.counts().cut_reply > 0);
  CHECK(proxy.counts().delayed > 0);
}
