// Tablets and a team for the sync tests: each tablet has its own encrypted store, keys,
// session and HTTPS connection to a real naast-sync process.
#pragma once

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <optional>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/https_client.h"
#include "naast/sync/session.h"
#include "server_process.h"
#include "test_util.h"

namespace naast::testing {

inline std::uint64_t Now() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

// One tablet: its own encrypted store, keys, session and connection.
struct Tablet {
  TempDir dir;
  crdt::HybridClock clock;
  std::unique_ptr<store::Store> store;
  std::optional<sync::Device> device;
  std::optional<sync::SyncSession> session;
  std::unique_ptr<sync::HttpsClient> client;

  explicit Tablet(const ServerProcess& server) {
    store = store::Store::Open(dir.path / "naast.db", crypto::RandomKey(), 0, &clock).value();
    device.emplace(sync::Device::Load(*store).value());
    session.emplace(*store, *device);
    client = std::make_unique<sync::HttpsClient>(server.ClientOptions());
  }
  Result<sync::SyncProgress> Sync(bool* wipe = nullptr) {
    return sync::SyncNow(*session, *client, Now, {}, wipe);
  }
  crdt::Document& Doc(const store::DocumentId& id) { return *store->Get(id).value(); }
};

// `leader` approves `t` with `role` and syncs; `t` syncs and is then a member.
inline void Join(Tablet& leader, Tablet& t, sync::Role role, const std::string& label) {
  REQUIRE(leader.device
              ->Approve(t.device->id(), t.device->box().public_key, t.device->Code(), role, label,
                        Now())
              .ok());
  REQUIRE(leader.Sync().ok());
  auto joined = t.Sync();
  INFO((joined ? "" : joined.error().ToString()));
  REQUIRE(joined.ok());
  REQUIRE(t.device->IsMember());
}

// A teamleider's tablet that made a team, and a coach's tablet it approved.
struct Team {
  TempDir server_dir;
  ServerProcess server{NAAST_SYNC_SERVER, server_dir.path};
  Tablet leader{server};
  Tablet coach{server};

  Team() {
    REQUIRE(leader.device->CreateTeam("tablet 1", Now()).ok());
    REQUIRE(leader.Sync().ok());
    Join(leader, coach, sync::Role::kCoach, "tablet 2");
  }
};

}  // namespace naast::testing
