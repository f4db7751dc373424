// The sync protocol's messages (docs/sync-protocol.md): what a device sends the server and back.
// Everything personal travels inside envelopes, encrypted with a key the server never has and
// signed by the device that made it. The server reads only headers: ids, counters, sizes.
//
// Decoding untrusted bytes returns a typed Error and never reads out of bounds.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "naast/crdt/change.h"
#include "naast/crdt/version_vector.h"
#include "naast/crypto/crypto.h"
#include "naast/result.h"

namespace naast::sync {

inline constexpr std::uint32_t kProtocolVersion = 1;
inline constexpr std::size_t kMaxEnvelopeBytes = 4 << 20;  // one change or snapshot
inline constexpr std::size_t kMaxRequestBytes = 16 << 20;  // one HTTP body
inline constexpr std::size_t kMaxDocsPerRequest = 10'000;
inline constexpr std::size_t kMaxEnvelopesPerRequest = 20'000;

using TeamId = std::array<std::uint8_t, 16>;
using crypto::PublicKey;
using crypto::Signature;

// A document id as the store has it: 32 lower-case hex characters.
bool IsDocumentId(std::string_view id);

// ---- envelopes

enum class EnvelopeKind : std::uint8_t {
  kChange = 1,    // one CRDT change, sealed with the document's key
  kSnapshot = 2,  // a whole document (Document::Save), sealed with the document's key
  kDocKey = 3,    // the document's key, sealed with the team key of `epoch`
};

struct EnvelopeHeader {
  EnvelopeKind kind = EnvelopeKind::kChange;
  TeamId team{};
  std::string doc;          // document id
  std::uint32_t epoch = 0;  // the team key epoch the author wrote under
  PublicKey device{};       // the author's signing key
  // kChange: a run of one replica's consecutive changes, counters [start, end). kSnapshot: 0.
  std::uint64_t replica = 0;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  // kSnapshot: the changes the snapshot includes; empty otherwise.
  crdt::VersionVector covers;
  std::uint64_t created_ms = 0;  // the author's clock
};

struct Envelope {
  EnvelopeHeader header;
  std::vector<std::uint8_t> sealed;  // nonce || ciphertext || tag, header bytes as associated data
  Signature signature{};             // Ed25519 over header bytes || sealed
};

std::vector<std::uint8_t> EncodeHeader(const EnvelopeHeader& header);
std::vector<std::uint8_t> EncodeEnvelope(const Envelope& envelope);
Result<Envelope> DecodeEnvelope(std::span<const std::uint8_t> bytes);

// The plaintext of a kChange envelope: consecutive changes of one replica.
std::vector<std::uint8_t> EncodeChangeRun(std::span<const crdt::Change> changes);
// Decodes and checks the run against the header: one replica, contiguous, [start, end).
Result<std::vector<crdt::Change>> DecodeChangeRun(std::span<const std::uint8_t> bytes,
                                                  const EnvelopeHeader& header);

// Seals `plaintext` under `key` and signs the result with the author's key.
Envelope SealEnvelope(EnvelopeHeader header, const crypto::SecureBytes& key,
                      std::span<const std::uint8_t> plaintext, const crypto::SigningKey& author);
// True when the signature is the header's device's.
bool VerifyEnvelope(const Envelope& envelope);
// The plaintext; an Error when the key is wrong or anything was changed.
Result<crypto::SecureBytes> OpenEnvelope(const Envelope& envelope, const crypto::SecureBytes& key);

// ---- requests: every request body is wrapped in a signed, timestamped frame

struct SignedRequest {
  PublicKey device{};
  std::uint64_t time_ms = 0;
  std::array<std::uint8_t, 16> nonce{};
  std::string path;  // the HTTP path the frame is for: a frame cannot be replayed elsewhere
  std::vector<std::uint8_t> body;
  Signature signature{};
};
SignedRequest SignRequest(const crypto::SigningKey& device, std::string path,
                          std::vector<std::uint8_t> body, std::uint64_t now_ms);
std::vector<std::uint8_t> EncodeSignedRequest(const SignedRequest& request);
Result<SignedRequest> DecodeSignedRequest(std::span<const std::uint8_t> bytes);
bool VerifySignedRequest(const SignedRequest& request);

// ---- POST /v1/sync

struct DocVersion {
  std::string doc;
  crdt::VersionVector version;
  // In a response: how many operations the server's newest snapshot of the document includes
  // (0: none), so devices know when a new one is due.
  std::uint64_t snapshot_ops = 0;
};

struct SyncRequest {
  std::uint32_t client_version = kProtocolVersion;
  TeamId team{};
  // Everything up to this server position has been received (0: nothing yet, or start over).
  std::uint64_t cursor = 0;
  // What the device has, per document: sent with cursor 0 (so a device that has data but no
  // cursor is not sent it all again) and while a pull goes on over several pages.
  std::vector<DocVersion> have;
  // `have` lists every document the device holds: one missing from it is new to the device,
  // which then gets the newest snapshot of it rather than its whole history.
  bool have_listed = false;
  // Envelopes the device believes the server lacks, in the order the device made them.
  std::vector<std::vector<std::uint8_t>> push;
  std::uint64_t page_bytes = 4 << 20;  // the most envelope bytes to send back
};

enum class PushStatus : std::uint8_t { kStored = 0, kDuplicate = 1, kRefused = 2 };
struct PushResult {
  PushStatus status = PushStatus::kStored;
  std::string reason;  // for kRefused: why, in words (never content)
};

struct SyncResponse {
  std::uint64_t server_time_ms = 0;  // a hint: the device compares it with its own clock
  std::vector<PushResult> results;   // one per pushed envelope, in order
  // Documents the device may read whose server copy changed after the request's cursor (all of
  // them when `complete`), with what the server holds of each.
  std::vector<DocVersion> server_has;
  std::vector<std::vector<std::uint8_t>> pull;  // envelopes the device lacks, in server order
  bool more = false;                            // another page is waiting
  std::uint64_t remaining_bytes = 0;            // for a progress bar
  std::uint64_t cursor = 0;  // send this next time: everything up to it is received or not needed
  bool complete = false;     // server_has lists every readable document
};

std::vector<std::uint8_t> EncodeSyncRequest(const SyncRequest& request);
Result<SyncRequest> DecodeSyncRequest(std::span<const std::uint8_t> bytes);
std::vector<std::uint8_t> EncodeSyncResponse(const SyncResponse& response);
Result<SyncResponse> DecodeSyncResponse(std::span<const std::uint8_t> bytes);

// An error the server sends with a 4xx or 5xx status: a code and words for the user.
struct ErrorReply {
  std::string code;     // bad_request | unauthorized | revoked | too_large | old_client | ...
  std::string message;  // plain words, no content
  bool wipe = false;    // a revoked device must destroy its data
};
std::vector<std::uint8_t> EncodeErrorReply(const ErrorReply& reply);
Result<ErrorReply> DecodeErrorReply(std::span<const std::uint8_t> bytes);

}  // namespace naast::sync
