// What the sync benchmarks share: a tablet (its own encrypted store, keys, session and HTTPS
// connection) and helpers that stop the benchmark with a message when something fails.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/https_client.h"
#include "naast/sync/session.h"

namespace naast::bench {

using Clock = std::chrono::steady_clock;

inline double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

inline std::uint64_t Now() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r) {
    std::fprintf(stderr, "benchmark: %s: %s\n", what, r.error().ToString().c_str());
    std::exit(1);
  }
  return std::move(r.value());
}
inline void Must(Status s, const char* what) {
  if (!s) {
    std::fprintf(stderr, "benchmark: %s: %s\n", what, s.error().ToString().c_str());
    std::exit(1);
  }
}

struct Tablet {
  crdt::HybridClock clock;
  std::unique_ptr<store::Store> store;
  std::optional<sync::Device> device;
  std::optional<sync::SyncSession> session;
  std::unique_ptr<sync::HttpsClient> client;
  Tablet(const std::filesystem::path& dir, const sync::HttpsClient::Options& o) {
    std::filesystem::create_directories(dir);
    store = Must(store::Store::Open(dir / "naast.db", crypto::RandomKey(), 0, &clock), "open");
    device.emplace(Must(sync::Device::Load(*store), "device"));
    session.emplace(*store, *device);
    client = std::make_unique<sync::HttpsClient>(o);
  }
  sync::SyncProgress Sync() { return Must(sync::SyncNow(*session, *client, Now), "sync"); }
};

}  // namespace naast::bench
