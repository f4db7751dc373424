#include "naast/sync/registry.h"

#include <algorithm>
#include <cstring>

#include "crdt/bytes.h"

namespace naast::sync {
namespace {

using crdt::detail::Fixed;
using crdt::detail::Reader;
using crdt::detail::ReadFixed;
using crdt::detail::Writer;

constexpr std::uint8_t kMagic[4] = {'N', 'R', 'E', 'G'};
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kMaxKeys = 10'000;

// Everything but the signature: what the author signs.
void WriteBody(Writer& w, const RegistryEntry& e) {
  w.Raw(std::span<const std::uint8_t>(kMagic, 4));
  w.Byte(kVersion);
  w.Varint(e.seq);
  Fixed(w, e.prev);
  w.Byte(static_cast<std::uint8_t>(e.kind));
  Fixed(w, e.team);
  Fixed(w, e.subject);
  Fixed(w, e.subject_box);
  w.Byte(static_cast<std::uint8_t>(e.role));
  w.String(e.label);
  w.Varint(e.epoch);
  w.String(e.doc);
  w.Varint(e.keys.size());
  for (const auto& k : e.keys) {
    Fixed(w, k.device);
    w.Varint(k.sealed.size());
    w.Raw(k.sealed);
  }
  w.Varint(e.at_ms);
  Fixed(w, e.author);
}

std::vector<std::uint8_t> Body(const RegistryEntry& e) {
  Writer w;
  WriteBody(w, e);
  return std::move(w.bytes());
}

Error Refused(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "registry entry refused: " + why};
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kTeamleider:
      return "teamleider";
    case Role::kCoach:
      return "coach";
    case Role::kStudent:
      return "student";
  }
  return "?";
}

std::vector<std::uint8_t> EncodeEntry(const RegistryEntry& e) {
  Writer w;
  WriteBody(w, e);
  Fixed(w, e.signature);
  return std::move(w.bytes());
}

Result<RegistryEntry> DecodeEntry(std::span<const std::uint8_t> bytes) {
  Reader r(bytes);
  RegistryEntry e;
  auto magic = r.Raw(4);
  if (!r.ok()) return r.error();
  if (std::memcmp(magic.data(), kMagic, 4) != 0) {
    return Error{ErrorCode::kBadMagic, "not a registry entry"};
  }
  if (r.Byte() != kVersion) {
    return Error{ErrorCode::kUnsupportedVersion, "unknown registry entry version"};
  }
  e.seq = r.Varint();
  ReadFixed(r, e.prev);
  const std::uint8_t kind = r.Byte();
  if (r.ok() && (kind < 1 || kind > 4)) r.Fail(ErrorCode::kMalformed, "unknown entry kind");
  e.kind = static_cast<EntryKind>(kind);
  ReadFixed(r, e.team);
  ReadFixed(r, e.subject);
  ReadFixed(r, e.subject_box);
  const std::uint8_t role = r.Byte();
  if (r.ok() && (role < 1 || role > 3)) r.Fail(ErrorCode::kMalformed, "unknown role");
  e.role = static_cast<Role>(role);
  e.label = std::string(r.String(64));
  e.epoch = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "epoch out of range"));
  e.doc = std::string(r.String(32));
  const std::size_t keys = r.Bounded(kMaxKeys, "too many sealed keys");
  for (std::size_t i = 0; i < keys && r.ok(); ++i) {
    SealedKey k;
    ReadFixed(r, k.device);
    const std::size_t n = r.Bounded(256, "sealed key too long");
    auto s = r.Raw(n);
    if (r.ok()) k.sealed.assign(s.begin(), s.end());
    e.keys.push_back(std::move(k));
  }
  e.at_ms = r.Varint();
  ReadFixed(r, e.author);
  ReadFixed(r, e.signature);
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the entry");
  if (!r.ok()) return r.error();
  return e;
}

std::array<std::uint8_t, 32> EntryHash(const RegistryEntry& e) {
  return crypto::Hash(EncodeEntry(e));
}

void SignEntry(RegistryEntry& e, const crypto::SigningKey& author) {
  e.author = author.public_key;
  e.signature = crypto::Sign(author, Body(e));
}

std::array<std::uint8_t, 32> Registry::head() const {
  if (entries_.empty()) return {};
  return EntryHash(entries_.back());
}

const Member* Registry::Find(const PublicKey& device) const {
  auto it = members_.find(device);
  return it == members_.end() ? nullptr : &it->second;
}

bool Registry::IsActive(const PublicKey& device) const {
  const Member* m = Find(device);
  return m && !m->revoked;
}

bool Registry::MayRead(const PublicKey& device, const std::string& doc) const {
  const Member* m = Find(device);
  if (!m || m->revoked) return false;
  if (m->role != Role::kStudent) return true;
  return std::find(m->assigned.begin(), m->assigned.end(), doc) != m->assigned.end();
}

Status Registry::Append(const RegistryEntry& e) {
  if (e.seq != entries_.size() + 1) return Refused("out of sequence");
  if (e.prev != head()) return Refused("does not follow the previous entry");
  if (!crypto::Verify(e.author, Body(e), e.signature)) return Refused("bad signature");
  if (e.kind == EntryKind::kGenesis) {
    if (!entries_.empty()) return Refused("a team has one genesis");
    if (e.author != e.subject || e.role != Role::kTeamleider || e.epoch != 1) {
      return Refused("the genesis is a teamleider device adding itself, epoch 1");
    }
  } else {
    if (entries_.empty()) return Refused("the chain starts with a genesis");
    if (e.team != team_) return Refused("another team's entry");
    const Member* author = Find(e.author);
    if (!author || author->revoked || author->role != Role::kTeamleider) {
      return Refused("the author is not an active teamleider device");
    }
  }
  const std::uint32_t expected_epoch = e.kind == EntryKind::kRevoke ? epoch_ + 1 : epoch_;
  if (e.kind != EntryKind::kGenesis && e.epoch != expected_epoch) {
    return Refused("wrong key epoch");
  }
  switch (e.kind) {
    case EntryKind::kGenesis:
    case EntryKind::kAddDevice: {
      if (members_.count(e.subject)) return Refused("the device is already in the team");
      break;
    }
    case EntryKind::kRevoke: {
      const Member* m = Find(e.subject);
      if (!m || m->revoked) return Refused("no such active device");
      break;
    }
    case EntryKind::kAssign: {
      const Member* m = Find(e.subject);
      if (!m || m->revoked || m->role != Role::kStudent) return Refused("not an active student");
      if (!IsDocumentId(e.doc)) return Refused("not a document id");
      break;
    }
  }
  // Accepted: apply it.
  if (e.kind == EntryKind::kGenesis) team_ = e.team;
  if (e.kind == EntryKind::kGenesis || e.kind == EntryKind::kAddDevice) {
    members_[e.subject] = Member{e.subject, e.subject_box, e.role, e.label, false, {}};
  } else if (e.kind == EntryKind::kRevoke) {
    members_[e.subject].revoked = true;
  } else {
    members_[e.subject].assigned.push_back(e.doc);
  }
  epoch_ = e.epoch;
  entries_.push_back(e);
  return Status::Ok();
}

std::string EnrolmentCode(const PublicKey& device, const PublicKey& box) {
  std::vector<std::uint8_t> both(device.begin(), device.end());
  both.insert(both.end(), box.begin(), box.end());
  const auto h = crypto::Hash(both);
  // Crockford's base32 without I, L, O, U: easy to read aloud and to type.
  static const char* alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::uint64_t bits = 0;
  for (int i = 0; i < 5; ++i) bits = (bits << 8) | h[static_cast<std::size_t>(i)];
  std::string code;
  for (int i = 7; i >= 0; --i) code += alphabet[(bits >> (5 * i)) & 31];
  return code.substr(0, 4) + "-" + code.substr(4);
}

}  // namespace naast::sync
