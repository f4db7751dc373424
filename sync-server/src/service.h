// The sync server's logic without the network: a request body in, a reply out. It checks who
// asks (a signed, fresh request from an active team device), checks every registry entry and
// every envelope's signature, stores what is new and answers with what the device lacks. It
// never sees a key, so it cannot read a dossier.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "naast/sync/registry.h"
#include "storage.h"

namespace naast::server {

struct Reply {
  int status = 200;
  std::string content_type = "application/octet-stream";
  std::vector<std::uint8_t> body;
  // For the log line: who (a short device id) and what happened, no content.
  std::string device;
  std::string outcome;
};

struct ServiceOptions {
  std::uint32_t min_client_version = 1;
  std::uint64_t max_clock_skew_ms = 24ull * 3600 * 1000;  // requests older or newer are refused
  std::uint64_t default_page_bytes = 4 << 20;
  bool allow_new_teams = true;
  // Per device: sustained requests per minute, with bursts of as many (0: no limit).
  std::uint32_t device_requests_per_minute = 600;
};

struct Counters {
  std::atomic<std::uint64_t> stored{0}, duplicates{0}, refused{0}, pulled{0};
  std::atomic<std::uint64_t> bad_requests{0}, unauthorized{0}, revoked{0}, replayed{0};
  std::atomic<std::uint64_t> rate_limited{0};
};

class Service {
 public:
  Service(Storage& storage, ServiceOptions options) : storage_(storage), options_(options) {}
  Reply Handle(const std::string& path, std::span<const std::uint8_t> body, std::uint64_t now_ms);
  const Counters& counters() const { return counters_; }

 private:
  Reply HandleRegistry(const sync::SignedRequest& q, std::uint64_t now_ms);
  Reply HandleSync(const sync::SignedRequest& q, std::uint64_t now_ms);
  Result<bool> Replayed(const sync::SignedRequest& q, std::uint64_t now_ms);
  bool OverLimit(const sync::PublicKey& device, std::uint64_t now_ms);
  // The team's registry, verified; from the cache plus what storage holds beyond it.
  Result<sync::Registry> TeamRegistry(const sync::TeamId& team);

  Storage& storage_;
  ServiceOptions options_;
  Counters counters_;
  struct Bucket {
    double tokens = 0;
    std::uint64_t at_ms = 0;
  };
  std::mutex limit_mu_;
  std::map<sync::PublicKey, Bucket> buckets_;  // per device, in this process
  std::mutex registry_mu_;
  std::map<sync::TeamId, sync::Registry> registries_;  // verified chains, per team
};

// A short, non-personal device id for logs: the first 8 hex digits of its public key.
std::string ShortId(const sync::PublicKey& key);

}  // namespace naast::server
