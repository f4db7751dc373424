#include "naast/sync/session.h"

#include <cstdio>
#include <cstring>

#include "crdt/bytes.h"

namespace naast::sync {
namespace {

std::string AuthorKey(crdt::ReplicaId replica) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "author.%016llx", static_cast<unsigned long long>(replica));
  return buf;
}

using crdt::detail::Reader;
using crdt::detail::Writer;

constexpr std::uint8_t kRegReqMagic[4] = {'N', 'R', 'G', 'Q'};
constexpr std::uint8_t kRegRespMagic[4] = {'N', 'R', 'G', 'R'};
constexpr std::size_t kMaxEntries = 100'000;

std::span<const std::uint8_t> Span(const crypto::SecureBytes& b) {
  return {b.data(), b.size()};
}

std::string Text(const crypto::SecureBytes& b) {
  return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

Status PutText(store::Store& store, std::string_view key, std::string_view text) {
  return store.PutValue(key,
                        std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

void WriteEntries(Writer& w, const std::vector<RegistryEntry>& entries) {
  w.Varint(entries.size());
  for (const auto& e : entries) {
    const auto bytes = EncodeEntry(e);
    w.Varint(bytes.size());
    w.Raw(bytes);
  }
}

std::vector<RegistryEntry> ReadEntries(Reader& r) {
  std::vector<RegistryEntry> out;
  const std::size_t n = r.Bounded(kMaxEntries, "too many registry entries");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    const std::size_t len = r.Bounded(1 << 20, "registry entry too long");
    auto bytes = r.Raw(len);
    if (!r.ok()) break;
    auto e = DecodeEntry(bytes);
    if (!e) {
      r.Fail(e.error().code, "a registry entry does not decode");
      break;
    }
    out.push_back(std::move(e.value()));
  }
  return out;
}

bool ReadMagic(Reader& r, const std::uint8_t (&magic)[4]) {
  auto m = r.Raw(4);
  if (r.ok() && std::memcmp(m.data(), magic, 4) != 0) r.Fail(ErrorCode::kBadMagic, "bad magic");
  if (r.ok() && r.Byte() != 1 && r.ok()) r.Fail(ErrorCode::kUnsupportedVersion, "bad version");
  return r.ok();
}

// The plaintext of a kDocKey envelope: the document's kind and its key.
std::vector<std::uint8_t> DocKeyPlaintext(std::string_view kind, const crypto::SecureBytes& key) {
  Writer w;
  w.String(kind);
  w.Raw(Span(key));
  return std::move(w.bytes());
}

}  // namespace

// ---- registry messages

std::vector<std::uint8_t> EncodeRegistryRequest(const RegistryRequest& q) {
  Writer w;
  w.Raw(std::span<const std::uint8_t>(kRegReqMagic, 4));
  w.Byte(1);
  w.Raw(std::span<const std::uint8_t>(q.team.data(), q.team.size()));
  w.Varint(q.since);
  WriteEntries(w, q.append);
  return std::move(w.bytes());
}

Result<RegistryRequest> DecodeRegistryRequest(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  RegistryRequest q;
  if (!ReadMagic(r, kRegReqMagic)) return r.error();
  auto team = r.Raw(q.team.size());
  if (r.ok()) std::memcpy(q.team.data(), team.data(), q.team.size());
  q.since = r.Varint();
  q.append = ReadEntries(r);
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the request");
  if (!r.ok()) return r.error();
  return q;
}

std::vector<std::uint8_t> EncodeRegistryResponse(const RegistryResponse& p) {
  Writer w;
  w.Raw(std::span<const std::uint8_t>(kRegRespMagic, 4));
  w.Byte(1);
  WriteEntries(w, p.entries);
  return std::move(w.bytes());
}

Result<RegistryResponse> DecodeRegistryResponse(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  RegistryResponse p;
  if (!ReadMagic(r, kRegRespMagic)) return r.error();
  p.entries = ReadEntries(r);
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the response");
  if (!r.ok()) return r.error();
  return p;
}

// ---- Device

Result<Device> Device::Load(store::Store& store) {
  Device d(store);
  auto sign = store.GetValue("device.sign");
  if (!sign) return sign.error();
  auto box = store.GetValue("device.box");
  if (!box) return box.error();
  if (!*sign || !*box) {
    d.sign_ = crypto::NewSigningKey();
    d.box_ = crypto::NewBoxKey();
    // Secret keys only; the public halves are derived again on loading.
    if (Status s = store.PutValue("device.sign", Span(d.sign_.secret)); !s) return s.error();
    if (Status s = store.PutValue("device.box", Span(d.box_.secret)); !s) return s.error();
  } else {
    if ((*sign)->size() != 64 || (*box)->size() != 32) {
      return Error{ErrorCode::kMalformed, "the device keys in the store are damaged"};
    }
    d.sign_.secret = std::move(**sign);
    // libsodium's Ed25519 secret key is seed || public key.
    std::memcpy(d.sign_.public_key.data(), d.sign_.secret.data() + 32, 32);
    d.box_.secret = std::move(**box);
    d.box_.public_key = crypto::BoxPublicKey(d.box_.secret);
  }
  auto chain = store.GetValue("registry");
  if (!chain) return chain.error();
  if (*chain) {
    Reader r(Span(**chain));
    const auto entries = ReadEntries(r);
    if (!r.ok()) return Error{ErrorCode::kMalformed, "the stored registry is damaged"};
    for (const auto& e : entries) {
      if (Status s = d.registry_.Append(e); !s) return s.error();
      if (Status s = d.OpenKeys(e); !s) return s.error();
    }
  }
  auto unsent = store.GetValue("registry.unsent");
  if (!unsent) return unsent.error();
  if (*unsent) {
    Reader r(Span(**unsent));
    d.unsent_ = ReadEntries(r);
  }
  return d;
}

const crypto::SecureBytes* Device::TeamKey(std::uint32_t epoch) const {
  auto it = team_keys_.find(epoch);
  return it == team_keys_.end() ? nullptr : &it->second;
}

Status Device::Save() {
  Writer chain, unsent;
  WriteEntries(chain, registry_.entries());
  WriteEntries(unsent, unsent_);
  if (Status s = store_->PutValue("registry", chain.bytes()); !s) return s;
  return store_->PutValue("registry.unsent", unsent.bytes());
}

Status Device::OpenKeys(const RegistryEntry& e) {
  for (const auto& k : e.keys) {
    if (k.device != id()) continue;
    auto key = crypto::OpenSealed(box_, k.sealed);
    if (!key) return key.error();
    if (e.kind == EntryKind::kAssign) {
      if (Status s = store_->AdoptDocument(e.doc, "dossier", *key); !s) return s;
    } else {
      team_keys_[e.epoch] = std::move(key.value());
    }
  }
  return Status::Ok();
}

Status Device::AppendOwn(RegistryEntry entry) {
  SignEntry(entry, sign_);
  if (Status s = registry_.Append(entry); !s) return s;
  if (Status s = OpenKeys(entry); !s) return s;
  unsent_.push_back(entry);
  return Save();
}

Result<RegistryEntry> Device::CreateTeam(std::string label, std::uint64_t now_ms) {
  if (!registry_.empty()) return Error{ErrorCode::kInvalidArgument, "already in a team"};
  RegistryEntry e;
  e.seq = 1;
  e.kind = EntryKind::kGenesis;
  const auto team = crypto::RandomBytes(16);
  std::memcpy(e.team.data(), team.data(), 16);
  e.subject = id();
  e.subject_box = box_.public_key;
  e.role = Role::kTeamleider;
  e.label = std::move(label);
  e.epoch = 1;
  const crypto::SecureBytes team_key = crypto::RandomKey();
  e.keys.push_back(SealedKey{id(), crypto::SealTo(box_.public_key, Span(team_key))});
  e.at_ms = now_ms;
  if (Status s = AppendOwn(e); !s) return s.error();
  return registry_.entries().back();
}

Result<RegistryEntry> Device::Approve(const PublicKey& device, const PublicKey& box,
                                      std::string_view code, Role role, std::string label,
                                      std::uint64_t now_ms) {
  if (code != EnrolmentCode(device, box)) {
    return Error{ErrorCode::kInvalidArgument,
                 "the code does not match the device's keys: scan its code again"};
  }
  const crypto::SecureBytes* team_key = TeamKey(registry_.epoch());
  if (!team_key) return Error{ErrorCode::kInvalidArgument, "this device has no team key"};
  RegistryEntry e;
  e.seq = registry_.length() + 1;
  e.prev = registry_.head();
  e.kind = EntryKind::kAddDevice;
  e.team = registry_.team();
  e.subject = device;
  e.subject_box = box;
  e.role = role;
  e.label = std::move(label);
  e.epoch = registry_.epoch();
  if (role != Role::kStudent)
    e.keys.push_back(SealedKey{device, crypto::SealTo(box, Span(*team_key))});
  e.at_ms = now_ms;
  if (Status s = AppendOwn(e); !s) return s.error();
  return registry_.entries().back();
}

Result<RegistryEntry> Device::Revoke(const PublicKey& device, std::uint64_t now_ms) {
  RegistryEntry e;
  e.seq = registry_.length() + 1;
  e.prev = registry_.head();
  e.kind = EntryKind::kRevoke;
  e.team = registry_.team();
  e.subject = device;
  e.epoch = registry_.epoch() + 1;
  // A fresh team key for the new epoch, sealed to every device that stays (not students).
  const crypto::SecureBytes team_key = crypto::RandomKey();
  for (const auto& entry : registry_.entries()) {
    if (entry.kind != EntryKind::kGenesis && entry.kind != EntryKind::kAddDevice) continue;
    const Member* m = registry_.Find(entry.subject);
    if (!m || m->revoked || m->device == device || m->role == Role::kStudent) continue;
    e.keys.push_back(SealedKey{m->device, crypto::SealTo(m->box, Span(team_key))});
  }
  e.at_ms = now_ms;
  if (Status s = AppendOwn(e); !s) return s.error();
  return registry_.entries().back();
}

Result<RegistryEntry> Device::Assign(const PublicKey& student, const store::DocumentId& doc,
                                     std::uint64_t now_ms) {
  const Member* m = registry_.Find(student);
  if (!m) return Error{ErrorCode::kUnknownReference, "no such device"};
  auto key = store_->DocumentKey(doc);
  if (!key) return key.error();
  RegistryEntry e;
  e.seq = registry_.length() + 1;
  e.prev = registry_.head();
  e.kind = EntryKind::kAssign;
  e.team = registry_.team();
  e.subject = student;
  e.role = Role::kStudent;
  e.epoch = registry_.epoch();
  e.doc = doc;
  e.keys.push_back(SealedKey{student, crypto::SealTo(m->box, Span(*key))});
  e.at_ms = now_ms;
  if (Status s = AppendOwn(e); !s) return s.error();
  return registry_.entries().back();
}

Status Device::Learn(const std::vector<RegistryEntry>& entries) {
  for (const auto& e : entries) {
    if (e.seq <= registry_.length()) {
      // Already known: it must be the same entry, or someone rewrote history.
      if (EntryHash(registry_.entries()[e.seq - 1]) != EntryHash(e)) {
        return Error{ErrorCode::kMalformed, "the server's registry differs from this device's"};
      }
      continue;
    }
    if (Status s = registry_.Append(e); !s) return s;
    if (Status s = OpenKeys(e); !s) return s;
  }
  return Save();
}

void Device::MarkSent(std::uint64_t up_to_seq) {
  std::erase_if(unsent_, [&](const RegistryEntry& e) { return e.seq <= up_to_seq; });
  (void)Save();
}

// ---- SyncSession

std::vector<std::uint8_t> SyncSession::RegistryRequestBody(std::uint64_t now_ms) {
  RegistryRequest q;
  q.team = device_.registry().team();
  q.since = device_.registry().length() - device_.unsent().size();
  q.append = device_.unsent();
  return EncodeSignedRequest(
      SignRequest(device_.signing(), kRegistryPath, EncodeRegistryRequest(q), now_ms));
}

Status SyncSession::HandleRegistryResponse(std::span<const std::uint8_t> body) {
  auto response = DecodeRegistryResponse(body);
  if (!response) return response.error();
  if (Status s = device_.Learn(response->entries); !s) return s;
  device_.MarkSent(device_.registry().length());
  return Status::Ok();
}

Result<std::vector<std::vector<std::uint8_t>>> SyncSession::Outgoing(const store::DocumentId& doc) {
  std::vector<std::vector<std::uint8_t>> out;
  const Registry& reg = device_.registry();
  const std::uint32_t epoch = reg.epoch();
  auto doc_key = store_.DocumentKey(doc);
  if (!doc_key) return doc_key.error();
  EnvelopeHeader base;
  base.team = reg.team();
  base.doc = doc;
  base.epoch = epoch;
  // The document's key, for the team, once per epoch (teamleiders and coaches only).
  const std::string key_sent = "keysent." + doc;
  auto sent = store_.GetValue(key_sent);
  if (!sent) return sent.error();
  const std::string epoch_text = std::to_string(epoch);
  const bool key_current = *sent && std::string(reinterpret_cast<const char*>((*sent)->data()),
                                                (*sent)->size()) == epoch_text;
  if (!key_current && device_.TeamKey(epoch)) {
    auto kind = store_.KindOf(doc);
    if (!kind) return kind.error();
    EnvelopeHeader h = base;
    h.kind = EnvelopeKind::kDocKey;
    out.push_back(EncodeEnvelope(SealEnvelope(
        h, *device_.TeamKey(epoch), DocKeyPlaintext(*kind, *doc_key), device_.signing())));
  }
  auto server_has = ServerHas(doc);
  if (!server_has) return server_has.error();
  auto changes = store_.ChangesSince(doc, *server_has);
  if (!changes) return changes.error();
  // Consecutive changes of one replica travel as one run: one header and one signature.
  constexpr std::size_t kMaxRunBytes = 1 << 20;
  std::size_t i = 0;
  while (i < changes->size()) {
    std::size_t j = i + 1, bytes = 0;
    while (j < changes->size() && (*changes)[j].replica == (*changes)[i].replica &&
           (*changes)[j].start_counter == (*changes)[j - 1].end_counter() && bytes < kMaxRunBytes) {
      bytes += (*changes)[j].ops.size() * 16;  // a rough bound; the exact size does not matter
      ++j;
    }
    const std::span<const crdt::Change> run(changes->data() + i, j - i);
    EnvelopeHeader h = base;
    h.kind = EnvelopeKind::kChange;
    h.replica = run.front().replica;
    h.start = run.front().start_counter;
    h.end = run.back().end_counter();
    h.created_ms = run.back().time.wall_ms;
    out.push_back(
        EncodeEnvelope(SealEnvelope(h, *doc_key, EncodeChangeRun(run), device_.signing())));
    i = j;
  }
  // A snapshot when the server's newest one lags far behind, so that a fresh device need not
  // replay the history. Only from a device that has everything the server has (then it
  // includes every older snapshot) and no changes waiting for their dependencies.
  if (snapshot_every_ops > 0) {
    auto d = store_.Get(doc);
    if (!d) return d.error();
    const crdt::VersionVector& version = (*d)->version();
    std::uint64_t ops = 0;
    for (const auto& [replica, counter] : version.entries()) ops += counter;
    auto last = store_.GetValue("snapshot_ops." + doc);
    if (!last) return last.error();
    const std::uint64_t snapshot_ops = *last ? std::stoull(Text(**last)) : 0;
    if ((*d)->queued() == 0 && version.Covers(*server_has) &&
        ops >= snapshot_ops + snapshot_every_ops) {
      const std::vector<std::uint8_t> saved = (*d)->Save();
      if (saved.size() + 4096 < kMaxEnvelopeBytes) {
        EnvelopeHeader h = base;
        h.kind = EnvelopeKind::kSnapshot;
        h.covers = version;
        out.push_back(EncodeEnvelope(SealEnvelope(h, *doc_key, saved, device_.signing())));
      }
    }
  }
  return out;
}

Result<std::vector<std::uint8_t>> SyncSession::NextRequest(std::uint64_t now_ms) {
  if (!device_.IsMember()) {
    return Error{ErrorCode::kInvalidArgument, "this device is not (or no longer) in a team"};
  }
  SyncRequest q;
  q.team = device_.registry().team();
  auto cursor = store_.GetValue("cursor");
  if (!cursor) return cursor.error();
  if (*cursor)
    q.cursor = std::stoull(
        std::string(reinterpret_cast<const char*>((*cursor)->data()), (*cursor)->size()));
  auto paging = store_.GetValue("paging");
  if (!paging) return paging.error();
  // While a pull goes on over several pages the server needs to know what is here, so that it
  // sends a document new to this device as a snapshot and not as its history.
  q.page_bytes = page_bytes;
  q.have_listed = q.cursor == 0 || (*paging && Text(**paging) == "1");
  auto docs = store_.Documents();
  if (!docs) return docs.error();
  std::size_t bytes = 0;
  push_more_ = false;
  for (const auto& doc : *docs) {
    if (q.have_listed) {
      auto d = store_.Get(doc);
      if (!d) return d.error();
      q.have.push_back(DocVersion{doc, (*d)->version()});
    }
    if (bytes >= max_push_bytes) {
      push_more_ = true;
      continue;
    }
    auto out = Outgoing(doc);
    if (!out) return out.error();
    for (auto& e : *out) {
      bytes += e.size();
      q.push.push_back(std::move(e));
    }
  }
  return EncodeSignedRequest(
      SignRequest(device_.signing(), kSyncPath, EncodeSyncRequest(q), now_ms));
}

Status SyncSession::Receive(const Envelope& e, SyncProgress& progress) {
  const Registry& reg = device_.registry();
  if (!VerifyEnvelope(e) || !reg.Find(e.header.device)) {
    return Error{ErrorCode::kMalformed, "an envelope not signed by a team device"};
  }
  if (e.header.team != reg.team()) return Error{ErrorCode::kMalformed, "another team's envelope"};
  // A dossier erased on this device stays erased: what the server still holds of it is skipped.
  auto erased = store_.IsErased(e.header.doc);
  if (!erased) return erased.error();
  if (*erased) return Status::Ok();
  switch (e.header.kind) {
    case EnvelopeKind::kDocKey: {
      if (store_.KindOf(e.header.doc)) return Status::Ok();  // known already
      const crypto::SecureBytes* team_key = device_.TeamKey(e.header.epoch);
      if (!team_key) return Status::Ok();  // not for this device (a student)
      auto plain = OpenEnvelope(e, *team_key);
      if (!plain) return plain.error();
      Reader r(Span(*plain));
      const std::string kind(r.String(64));
      auto key = r.Raw(crypto::kKeyBytes);
      if (!r.ok() || !r.at_end()) return Error{ErrorCode::kMalformed, "a damaged document key"};
      return store_.AdoptDocument(e.header.doc, kind, crypto::SecureBytes::Copy(key));
    }
    case EnvelopeKind::kChange: {
      auto key = store_.DocumentKey(e.header.doc);
      if (!key) return Error{ErrorCode::kUnknownReference, "a change for a document without key"};
      auto plain = OpenEnvelope(e, *key);
      if (!plain) return plain.error();
      auto run = DecodeChangeRun(Span(*plain), e.header);
      if (!run) return run.error();
      // Which team device wrote with this replica: the app shows who made a change.
      const std::string author_key = AuthorKey(e.header.replica);
      auto known = store_.GetValue(author_key);
      if (!known) return known.error();
      if (!*known) {
        if (Status s = store_.PutValue(author_key, e.header.device); !s) return s;
      }
      for (const auto& change : *run) {
        auto applied = store_.Apply(e.header.doc, change);
        if (!applied) return applied.error();
        if (*applied != crdt::ApplyOutcome::kDuplicate) ++progress.applied;
      }
      return Status::Ok();
    }
    case EnvelopeKind::kSnapshot: {
      auto key = store_.DocumentKey(e.header.doc);
      if (!key) return Error{ErrorCode::kUnknownReference, "a snapshot of a document without key"};
      auto plain = OpenEnvelope(e, *key);
      if (!plain) return plain.error();
      auto adopted = store_.AdoptSnapshot(e.header.doc, Span(*plain), e.header.covers);
      if (!adopted) return adopted.error();
      if (*adopted) ++progress.snapshots;
      return Status::Ok();
    }
  }
  return Status::Ok();
}

Result<SyncProgress> SyncSession::HandleResponse(std::span<const std::uint8_t> body,
                                                 std::uint64_t now_ms) {
  auto response = DecodeSyncResponse(body);
  if (!response) return response.error();
  SyncProgress progress;
  progress.clock_offset_ms =
      static_cast<std::int64_t>(response->server_time_ms) - static_cast<std::int64_t>(now_ms);
  for (const auto& r : response->results) {
    if (r.status == PushStatus::kStored) ++progress.pushed;
    if (r.status == PushStatus::kDuplicate) ++progress.duplicates;
    if (r.status == PushStatus::kRefused) {
      ++progress.refused;
      progress.problems.push_back("the server refused a change: " + r.reason);
    }
  }
  Status applied = store_.Atomically([&]() -> Status {
    // Envelopes of a document whose key has not come yet wait here (in the store) for it.
    auto waiting = store_.GetValue("waiting");
    if (!waiting) return waiting.error();
    std::vector<std::vector<std::uint8_t>> held;
    if (*waiting) {
      Reader r(Span(**waiting));
      const std::size_t n = r.Bounded(kMaxEnvelopesPerRequest * 16, "waiting envelopes");
      for (std::size_t i = 0; i < n && r.ok(); ++i) {
        const std::size_t size = r.Bounded(kMaxEnvelopeBytes, "waiting envelope");
        auto raw = r.Raw(size);
        if (r.ok()) held.emplace_back(raw.begin(), raw.end());
      }
      if (!r.ok()) return r.error();
    }
    std::vector<std::vector<std::uint8_t>> still_waiting;
    auto receive = [&](const std::vector<std::uint8_t>& bytes) -> Status {
      auto e = DecodeEnvelope(bytes);
      if (!e) return e.error();
      if (e->header.kind != EnvelopeKind::kDocKey && !store_.KindOf(e->header.doc)) {
        auto erased = store_.IsErased(e->header.doc);
        if (!erased) return erased.error();
        if (!*erased) still_waiting.push_back(bytes);
        return Status::Ok();
      }
      return Receive(*e, progress);
    };
    for (const auto& bytes : response->pull) {
      ++progress.pulled;
      if (Status s = receive(bytes); !s) return s;
    }
    for (const auto& bytes : held) {
      if (Status s = receive(bytes); !s) return s;
    }
    progress.waiting = still_waiting.size();
    Writer w;
    w.Varint(still_waiting.size());
    for (const auto& bytes : still_waiting) {
      w.Varint(bytes.size());
      w.Raw(bytes);
    }
    if (Status s = store_.PutValue("waiting", w.bytes()); !s) return s;
    if (Status s = PutText(store_, "paging", response->more ? "1" : "0"); !s) return s;
    for (const auto& d : response->server_has) {
      if (Status s = PutText(store_, "snapshot_ops." + d.doc, std::to_string(d.snapshot_ops)); !s) {
        return s;
      }
    }
    for (const auto& d : response->server_has) {
      if (Status s = store_.PutValue("server_has." + d.doc, crdt::EncodeVersionVector(d.version));
          !s) {
        return s;
      }
    }
    return PutText(store_, "cursor", std::to_string(response->cursor));
  });
  if (!applied) return applied.error();
  // The document keys the server stored are now there for this epoch.
  const std::string epoch_text = std::to_string(device_.registry().epoch());
  for (const auto& d : response->server_has) {
    if (Status s = store_.PutValue(
            "keysent." + d.doc,
            std::span(reinterpret_cast<const std::uint8_t*>(epoch_text.data()), epoch_text.size()));
        !s) {
      return s.error();
    }
  }
  progress.more = response->more || push_more_;
  progress.remaining_bytes = response->remaining_bytes;
  return progress;
}

Result<std::optional<PublicKey>> ReplicaAuthor(store::Store& store, crdt::ReplicaId replica) {
  auto value = store.GetValue(AuthorKey(replica));
  if (!value) return value.error();
  if (!*value || (*value)->size() != PublicKey{}.size()) return std::optional<PublicKey>{};
  PublicKey key{};
  std::memcpy(key.data(), (*value)->data(), key.size());
  return std::optional<PublicKey>{key};
}

Result<crdt::VersionVector> SyncSession::ServerHas(const store::DocumentId& doc) {
  crdt::VersionVector server_has;
  auto has = store_.GetValue("server_has." + doc);
  if (!has) return has.error();
  if (*has) {
    auto v = crdt::DecodeVersionVector(Span(**has));
    if (!v) return v.error();
    server_has = std::move(v.value());
  }
  return server_has;
}

Result<std::size_t> SyncSession::PendingChanges() {
  auto docs = store_.Documents();
  if (!docs) return docs.error();
  std::size_t n = 0;
  for (const auto& doc : *docs) {
    auto server_has = ServerHas(doc);
    if (!server_has) return server_has.error();
    auto changes = store_.ChangesSince(doc, *server_has);
    if (!changes) return changes.error();
    n += changes->size();
  }
  return n;
}

Error ServerError(const HttpResponse& response, bool* wipe) {
  const ErrorCode code = response.status >= 500 ? ErrorCode::kIo : ErrorCode::kInvalidArgument;
  auto reply = DecodeErrorReply(response.body);
  if (!reply) {
    return Error{code, "the server answered " + std::to_string(response.status)};
  }
  if (wipe) *wipe = reply->wipe;
  return Error{code, reply->code + ": " + reply->message};
}

Result<SyncProgress> SyncNow(SyncSession& session, const PostFn& post,
                             const std::function<std::uint64_t()>& now_ms,
                             const std::function<void(const SyncProgress&)>& progress, bool* wipe) {
  auto reg = post(kRegistryPath, session.RegistryRequestBody(now_ms()));
  if (!reg) return reg.error();
  if (reg->status != 200) return ServerError(*reg, wipe);
  if (Status s = session.HandleRegistryResponse(reg->body); !s) return s.error();
  SyncProgress total;
  for (int page = 0; page < 100'000; ++page) {
    auto body = session.NextRequest(now_ms());
    if (!body) return body.error();
    auto res = post(kSyncPath, *body);
    if (!res) return res.error();
    if (res->status != 200) return ServerError(*res, wipe);
    auto p = session.HandleResponse(res->body, now_ms());
    if (!p) return p.error();
    total.pushed += p->pushed;
    total.duplicates += p->duplicates;
    total.refused += p->refused;
    total.pulled += p->pulled;
    total.applied += p->applied;
    total.snapshots += p->snapshots;
    total.waiting = p->waiting;
    total.clock_offset_ms = p->clock_offset_ms;
    total.remaining_bytes = p->remaining_bytes;
    total.problems.insert(total.problems.end(), p->problems.begin(), p->problems.end());
    if (progress) progress(*p);
    if (!p->more) break;
  }
  return total;
}

}  // namespace naast::sync
