#include "naast/sync/wire.h"

#include <cstring>

#include "crdt/bytes.h"
#include "naast/crdt/change.h"

namespace naast::sync {
namespace {

using crdt::detail::Fixed;
using crdt::detail::Reader;
using crdt::detail::ReadFixed;
using crdt::detail::Writer;

constexpr std::uint8_t kEnvelopeMagic[4] = {'N', 'E', 'N', 'V'};
constexpr std::uint8_t kRequestMagic[4] = {'N', 'R', 'E', 'Q'};
constexpr std::uint8_t kSyncMagic[4] = {'N', 'S', 'Y', 'Q'};
constexpr std::uint8_t kReplyMagic[4] = {'N', 'S', 'Y', 'R'};
constexpr std::uint8_t kErrorMagic[4] = {'N', 'E', 'R', 'R'};
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kMaxVersionEntries = 100'000;

void Magic(Writer& w, const std::uint8_t (&magic)[4]) {
  w.Raw(std::span<const std::uint8_t>(magic, 4));
  w.Byte(kVersion);
}

bool ReadMagic(Reader& r, const std::uint8_t (&magic)[4]) {
  auto m = r.Raw(4);
  if (!r.ok()) return false;
  if (std::memcmp(m.data(), magic, 4) != 0) {
    r.Fail(ErrorCode::kBadMagic, "not this kind of sync message");
    return false;
  }
  if (r.Byte() != kVersion && r.ok()) {
    r.Fail(ErrorCode::kUnsupportedVersion, "unknown message version");
    return false;
  }
  return r.ok();
}

void Bytes(Writer& w, std::span<const std::uint8_t> b) {
  w.Varint(b.size());
  w.Raw(b);
}
std::vector<std::uint8_t> ReadBytes(Reader& r, std::size_t max, const char* what) {
  const std::size_t n = r.Bounded(max, what);
  auto s = r.Raw(n);
  return r.ok() ? std::vector<std::uint8_t>(s.begin(), s.end()) : std::vector<std::uint8_t>();
}

std::string ReadDoc(Reader& r) {
  std::string doc(r.String(32));
  if (r.ok() && !IsDocumentId(doc)) r.Fail(ErrorCode::kMalformed, "not a document id");
  return doc;
}

void Version(Writer& w, const crdt::VersionVector& v) {
  w.Varint(v.entries().size());
  for (const auto& [replica, counter] : v.entries()) {
    w.Varint(replica);
    w.Varint(counter);
  }
}
crdt::VersionVector ReadVersion(Reader& r) {
  crdt::VersionVector v;
  const std::size_t n = r.Bounded(kMaxVersionEntries, "too many version entries");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    const std::uint64_t replica = r.Varint();
    const std::uint64_t counter = r.Varint();
    v.Advance(replica, counter);
  }
  return v;
}

template <typename T>
Result<T> Finish(Reader& r, T value) {
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the end of the message");
  if (!r.ok()) return r.error();
  return value;
}

void WriteHeader(Writer& w, const EnvelopeHeader& h) {
  Magic(w, kEnvelopeMagic);
  w.Byte(static_cast<std::uint8_t>(h.kind));
  Fixed(w, h.team);
  w.String(h.doc);
  w.Varint(h.epoch);
  Fixed(w, h.device);
  w.Varint(h.replica);
  w.Varint(h.start);
  w.Varint(h.end);
  Version(w, h.covers);
  w.Varint(h.created_ms);
}

EnvelopeHeader ReadHeader(Reader& r) {
  EnvelopeHeader h;
  if (!ReadMagic(r, kEnvelopeMagic)) return h;
  const std::uint8_t kind = r.Byte();
  if (r.ok() && (kind < 1 || kind > 3)) r.Fail(ErrorCode::kMalformed, "unknown envelope kind");
  h.kind = static_cast<EnvelopeKind>(kind);
  ReadFixed(r, h.team);
  h.doc = ReadDoc(r);
  h.epoch = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "epoch out of range"));
  ReadFixed(r, h.device);
  h.replica = r.Varint();
  h.start = r.Varint();
  h.end = r.Varint();
  if (r.ok() && h.kind == EnvelopeKind::kChange && (h.end <= h.start || h.start == 0)) {
    r.Fail(ErrorCode::kMalformed, "a change's counters must be 1 <= start < end");
  }
  h.covers = ReadVersion(r);
  h.created_ms = r.Varint();
  return h;
}

std::vector<std::uint8_t> SignedBytes(std::span<const std::uint8_t> header,
                                      std::span<const std::uint8_t> sealed) {
  std::vector<std::uint8_t> out(header.begin(), header.end());
  out.insert(out.end(), sealed.begin(), sealed.end());
  return out;
}

// The fields a signed request starts with.
void WriteRequestHead(Writer& w, const SignedRequest& q) {
  Magic(w, kRequestMagic);
  Fixed(w, q.device);
  w.Varint(q.time_ms);
  Fixed(w, q.nonce);
  w.String(q.path);
}

std::vector<std::uint8_t> RequestSignedBytes(const SignedRequest& q) {
  Writer w;
  WriteRequestHead(w, q);
  const auto body_hash = crypto::Hash(q.body);
  Fixed(w, body_hash);
  return std::move(w.bytes());
}

}  // namespace

bool IsDocumentId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::vector<std::uint8_t> EncodeHeader(const EnvelopeHeader& header) {
  Writer w;
  WriteHeader(w, header);
  return std::move(w.bytes());
}

std::vector<std::uint8_t> EncodeEnvelope(const Envelope& e) {
  Writer w;
  WriteHeader(w, e.header);
  Bytes(w, e.sealed);
  Fixed(w, e.signature);
  return std::move(w.bytes());
}

Result<Envelope> DecodeEnvelope(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kMaxEnvelopeBytes) {
    return Error{ErrorCode::kLimitExceeded, "envelope larger than the limit"};
  }
  Reader r(bytes);
  Envelope e;
  e.header = ReadHeader(r);
  e.sealed = ReadBytes(r, kMaxEnvelopeBytes, "sealed body larger than the limit");
  ReadFixed(r, e.signature);
  return Finish(r, std::move(e));
}

std::vector<std::uint8_t> EncodeChangeRun(std::span<const crdt::Change> changes) {
  Writer w;
  w.Varint(changes.size());
  for (const auto& c : changes) Bytes(w, crdt::EncodeChange(c));
  return std::move(w.bytes());
}

Result<std::vector<crdt::Change>> DecodeChangeRun(std::span<const std::uint8_t> bytes,
                                                  const EnvelopeHeader& header) {
  Reader r(bytes);
  const std::size_t n = r.Bounded(kMaxEnvelopesPerRequest, "too many changes in a run");
  std::vector<crdt::Change> out;
  std::uint64_t next = header.start;
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    const std::size_t len = r.Bounded(kMaxEnvelopeBytes, "change larger than the limit");
    auto change = crdt::DecodeChange(r.Raw(len));
    if (!r.ok()) break;
    if (!change) return change.error();
    if (change->replica != header.replica || change->start_counter != next) {
      return Error{ErrorCode::kMalformed, "a run's changes do not match its header"};
    }
    next = change->end_counter();
    out.push_back(std::move(change.value()));
  }
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the run");
  if (!r.ok()) return r.error();
  if (out.empty() || next != header.end) {
    return Error{ErrorCode::kMalformed, "a run's changes do not match its header"};
  }
  return out;
}

Envelope SealEnvelope(EnvelopeHeader header, const crypto::SecureBytes& key,
                      std::span<const std::uint8_t> plaintext, const crypto::SigningKey& author) {
  Envelope e;
  header.device = author.public_key;
  e.header = std::move(header);
  const auto head = EncodeHeader(e.header);
  e.sealed = crypto::Seal(key, plaintext, head);
  e.signature = crypto::Sign(author, SignedBytes(head, e.sealed));
  return e;
}

bool VerifyEnvelope(const Envelope& e) {
  return crypto::Verify(e.header.device, SignedBytes(EncodeHeader(e.header), e.sealed),
                        e.signature);
}

Result<crypto::SecureBytes> OpenEnvelope(const Envelope& e, const crypto::SecureBytes& key) {
  return crypto::Open(key, e.sealed, EncodeHeader(e.header));
}

SignedRequest SignRequest(const crypto::SigningKey& device, std::string path,
                          std::vector<std::uint8_t> body, std::uint64_t now_ms) {
  SignedRequest q;
  q.device = device.public_key;
  q.time_ms = now_ms;
  const auto nonce = crypto::RandomBytes(q.nonce.size());
  std::memcpy(q.nonce.data(), nonce.data(), q.nonce.size());
  q.path = std::move(path);
  q.body = std::move(body);
  q.signature = crypto::Sign(device, RequestSignedBytes(q));
  return q;
}

std::vector<std::uint8_t> EncodeSignedRequest(const SignedRequest& q) {
  Writer w;
  WriteRequestHead(w, q);
  Bytes(w, q.body);
  Fixed(w, q.signature);
  return std::move(w.bytes());
}

Result<SignedRequest> DecodeSignedRequest(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  SignedRequest q;
  if (!ReadMagic(r, kRequestMagic)) return r.error();
  ReadFixed(r, q.device);
  q.time_ms = r.Varint();
  ReadFixed(r, q.nonce);
  q.path = std::string(r.String(256));
  q.body = ReadBytes(r, kMaxRequestBytes, "request body larger than the limit");
  ReadFixed(r, q.signature);
  return Finish(r, std::move(q));
}

bool VerifySignedRequest(const SignedRequest& q) {
  return crypto::Verify(q.device, RequestSignedBytes(q), q.signature);
}

std::vector<std::uint8_t> EncodeSyncRequest(const SyncRequest& q) {
  Writer w;
  Magic(w, kSyncMagic);
  w.Varint(q.client_version);
  Fixed(w, q.team);
  w.Varint(q.cursor);
  w.Byte(q.have_listed ? 1 : 0);
  w.Varint(q.have.size());
  for (const auto& d : q.have) {
    w.String(d.doc);
    Version(w, d.version);
  }
  w.Varint(q.push.size());
  for (const auto& e : q.push) Bytes(w, e);
  w.Varint(q.page_bytes);
  return std::move(w.bytes());
}

Result<SyncRequest> DecodeSyncRequest(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  SyncRequest q;
  if (!ReadMagic(r, kSyncMagic)) return r.error();
  q.client_version = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "client version"));
  ReadFixed(r, q.team);
  q.cursor = r.Varint();
  const std::uint8_t listed = r.Byte();
  if (r.ok() && listed > 1) r.Fail(ErrorCode::kMalformed, "have_listed must be 0 or 1");
  q.have_listed = listed == 1;
  const std::size_t docs = r.Bounded(kMaxDocsPerRequest, "too many documents");
  for (std::size_t i = 0; i < docs && r.ok(); ++i) {
    DocVersion d;
    d.doc = ReadDoc(r);
    d.version = ReadVersion(r);
    q.have.push_back(std::move(d));
  }
  const std::size_t n = r.Bounded(kMaxEnvelopesPerRequest, "too many envelopes");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    q.push.push_back(ReadBytes(r, kMaxEnvelopeBytes, "envelope larger than the limit"));
  }
  q.page_bytes = r.Varint();
  return Finish(r, std::move(q));
}

std::vector<std::uint8_t> EncodeSyncResponse(const SyncResponse& p) {
  Writer w;
  Magic(w, kReplyMagic);
  w.Varint(p.server_time_ms);
  w.Varint(p.results.size());
  for (const auto& res : p.results) {
    w.Byte(static_cast<std::uint8_t>(res.status));
    w.String(res.reason);
  }
  w.Varint(p.server_has.size());
  for (const auto& d : p.server_has) {
    w.String(d.doc);
    Version(w, d.version);
    w.Varint(d.snapshot_ops);
  }
  w.Varint(p.pull.size());
  for (const auto& e : p.pull) Bytes(w, e);
  w.Byte(p.more ? 1 : 0);
  w.Varint(p.remaining_bytes);
  w.Varint(p.cursor);
  w.Byte(p.complete ? 1 : 0);
  return std::move(w.bytes());
}

Result<SyncResponse> DecodeSyncResponse(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  SyncResponse p;
  if (!ReadMagic(r, kReplyMagic)) return r.error();
  p.server_time_ms = r.Varint();
  const std::size_t results = r.Bounded(kMaxEnvelopesPerRequest, "too many results");
  for (std::size_t i = 0; i < results && r.ok(); ++i) {
    PushResult res;
    const std::uint8_t status = r.Byte();
    if (r.ok() && status > 2) r.Fail(ErrorCode::kMalformed, "unknown push status");
    res.status = static_cast<PushStatus>(status);
    res.reason = std::string(r.String(1024));
    p.results.push_back(std::move(res));
  }
  const std::size_t docs = r.Bounded(kMaxDocsPerRequest, "too many documents");
  for (std::size_t i = 0; i < docs && r.ok(); ++i) {
    DocVersion d;
    d.doc = ReadDoc(r);
    d.version = ReadVersion(r);
    d.snapshot_ops = r.Varint();
    p.server_has.push_back(std::move(d));
  }
  const std::size_t n = r.Bounded(kMaxEnvelopesPerRequest, "too many envelopes");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    p.pull.push_back(ReadBytes(r, kMaxEnvelopeBytes, "envelope larger than the limit"));
  }
  const std::uint8_t more = r.Byte();
  if (r.ok() && more > 1) r.Fail(ErrorCode::kMalformed, "more must be 0 or 1");
  p.more = more == 1;
  p.remaining_bytes = r.Varint();
  p.cursor = r.Varint();
  const std::uint8_t complete = r.Byte();
  if (r.ok() && complete > 1) r.Fail(ErrorCode::kMalformed, "complete must be 0 or 1");
  p.complete = complete == 1;
  return Finish(r, std::move(p));
}

std::vector<std::uint8_t> EncodeErrorReply(const ErrorReply& e) {
  Writer w;
  Magic(w, kErrorMagic);
  w.String(e.code);
  w.String(e.message);
  w.Byte(e.wipe ? 1 : 0);
  return std::move(w.bytes());
}

Result<ErrorReply> DecodeErrorReply(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  ErrorReply e;
  if (!ReadMagic(r, kErrorMagic)) return r.error();
  e.code = std::string(r.String(64));
  e.message = std::string(r.String(1024));
  e.wipe = r.Byte() == 1;
  return Finish(r, std::move(e));
}

}  // namespace naast::sync
