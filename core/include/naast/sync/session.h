// The client side of sync, without a transport: a Device (this tablet's keys and what it knows
// of its team) and a SyncSession that turns the store into request bodies and applies the
// server's responses to it. The app sends the bytes with Qt Network; tests and tools with
// sync::HttpsClient. Paths: POST /v1/registry and POST /v1/sync (docs/sync-protocol.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "naast/store/store.h"
#include "naast/sync/registry.h"
#include "naast/sync/wire.h"

namespace naast::sync {

inline constexpr char kRegistryPath[] = "/v1/registry";
inline constexpr char kSyncPath[] = "/v1/sync";

// POST /v1/registry: entries to append (a teamleider's), and the chain from `since` on.
struct RegistryRequest {
  TeamId team{};
  std::uint64_t since = 0;  // the number of entries the device has
  std::vector<RegistryEntry> append;
};
struct RegistryResponse {
  std::vector<RegistryEntry> entries;  // seq > since
};
std::vector<std::uint8_t> EncodeRegistryRequest(const RegistryRequest& r);
Result<RegistryRequest> DecodeRegistryRequest(std::span<const std::uint8_t> bytes);
std::vector<std::uint8_t> EncodeRegistryResponse(const RegistryResponse& r);
Result<RegistryResponse> DecodeRegistryResponse(std::span<const std::uint8_t> bytes);

// This device: its signing and key-exchange keys (made once, kept in the encrypted store), the
// team registry as far as it knows it, and the team keys sealed to it.
class Device {
 public:
  static Result<Device> Load(store::Store& store);

  const crypto::SigningKey& signing() const { return sign_; }
  const crypto::BoxKey& box() const { return box_; }
  const PublicKey& id() const { return sign_.public_key; }
  std::string Code() const { return EnrolmentCode(sign_.public_key, box_.public_key); }
  const Registry& registry() const { return registry_; }
  bool IsMember() const { return registry_.IsActive(id()); }
  const crypto::SecureBytes* TeamKey(std::uint32_t epoch) const;

  // ---- a teamleider's device. Each returns the entry, already appended locally; send it with
  // the next registry request.
  Result<RegistryEntry> CreateTeam(std::string label, std::uint64_t now_ms);
  // Approves a device from its public keys (the QR payload), which must match the code it
  // shows on its screen.
  Result<RegistryEntry> Approve(const PublicKey& device, const PublicKey& box,
                                std::string_view code, Role role, std::string label,
                                std::uint64_t now_ms);
  Result<RegistryEntry> Revoke(const PublicKey& device, std::uint64_t now_ms);
  Result<RegistryEntry> Assign(const PublicKey& student, const store::DocumentId& doc,
                               std::uint64_t now_ms);

  // Entries from the server: each is checked before it is believed; team and dossier keys
  // sealed to this device are opened and kept.
  Status Learn(const std::vector<RegistryEntry>& entries);
  // Entries made here that the server has not confirmed yet.
  const std::vector<RegistryEntry>& unsent() const { return unsent_; }
  void MarkSent(std::uint64_t up_to_seq);

 private:
  explicit Device(store::Store& store) : store_(&store) {}
  Status Save();
  Status AppendOwn(RegistryEntry entry);
  Status OpenKeys(const RegistryEntry& entry);

  store::Store* store_;
  crypto::SigningKey sign_;
  crypto::BoxKey box_;
  Registry registry_;
  std::map<std::uint32_t, crypto::SecureBytes> team_keys_;
  std::vector<RegistryEntry> unsent_;
};

struct SyncProgress {
  std::size_t pushed = 0;      // stored by the server now
  std::size_t duplicates = 0;  // the server had them already
  std::size_t refused = 0;     // refused by the server; see problems
  std::size_t pulled = 0;      // envelopes received
  std::size_t applied = 0;     // changes applied to the store
  std::size_t snapshots = 0;   // documents received as a snapshot
  std::size_t waiting = 0;     // envelopes held until their document's key comes
  bool more = false;           // call NextRequest again
  std::uint64_t remaining_bytes = 0;
  std::int64_t clock_offset_ms = 0;   // server time minus this device's time
  std::vector<std::string> problems;  // in words, no content
};

class SyncSession {
 public:
  SyncSession(store::Store& store, Device& device) : store_(store), device_(device) {}

  // The signed body of the next registry request (sends unsent entries, asks for new ones).
  std::vector<std::uint8_t> RegistryRequestBody(std::uint64_t now_ms);
  Status HandleRegistryResponse(std::span<const std::uint8_t> body);

  // The signed body of the next POST /v1/sync.
  Result<std::vector<std::uint8_t>> NextRequest(std::uint64_t now_ms);
  Result<SyncProgress> HandleResponse(std::span<const std::uint8_t> body, std::uint64_t now_ms);

  // Local changes the server has not stored yet (the app's "changes waiting").
  Result<std::size_t> PendingChanges();

  std::size_t max_push_bytes = 4 << 20;
  std::uint64_t page_bytes = 4 << 20;  // the most envelope bytes to pull per request
  // Upload a snapshot of a document when it has this many more operations than the server's
  // newest snapshot of it (0: never).
  std::uint64_t snapshot_every_ops = 4000;

 private:
  Result<std::vector<std::vector<std::uint8_t>>> Outgoing(const store::DocumentId& doc);
  // What the server has of `doc`, as far as this device knows (empty at first).
  Result<crdt::VersionVector> ServerHas(const store::DocumentId& doc);
  Status Receive(const Envelope& e, SyncProgress& progress);

  store::Store& store_;
  Device& device_;
  bool push_more_ = false;
};

// The team device whose changes carry `replica` (learnt from the signed envelopes it came in);
// empty when unknown (this device's own replica, or changes that came inside a snapshot).
Result<std::optional<PublicKey>> ReplicaAuthor(store::Store& store, crdt::ReplicaId replica);

// ---- one whole sync, over any transport (the app's Qt Network, tests' HttpsClient)

struct HttpResponse {
  int status = 0;
  std::vector<std::uint8_t> body;
};
// POSTs `body` to `path` on the sync server; an Error when no answer came (kIo).
using PostFn =
    std::function<Result<HttpResponse>(const std::string& path, std::span<const std::uint8_t>)>;

// The words of a server's 4xx/5xx reply, as an Error (kInvalidArgument for 4xx, kIo for 5xx).
// A revoked device's error says "revoked"; `wipe` tells the app to destroy its data.
Error ServerError(const HttpResponse& response, bool* wipe = nullptr);

// The registry, then sync pages until nothing is left. `progress` (optional) hears about every
// page; `wipe` is set when the server orders this device to destroy its data.
Result<SyncProgress> SyncNow(SyncSession& session, const PostFn& post,
                             const std::function<std::uint64_t()>& now_ms,
                             const std::function<void(const SyncProgress&)>& progress = {},
                             bool* wipe = nullptr);

}  // namespace naast::sync
