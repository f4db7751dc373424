// The team's device registry: a chain of entries, each signed by a teamleider's device and
// linked to the one before by its hash. The first teamleider device writes the genesis entry
// (the root of trust); the server and every device check every entry, so the server cannot add
// a device, and a device cannot add itself.
//
// The chain also carries the team key: an entry that adds a teamleider or coach seals the
// current team key to the new device's X25519 key; a revocation starts a new epoch and seals a
// fresh team key to every device that remains. Students get no team key: an assignment seals
// one dossier's key to them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "naast/sync/wire.h"

namespace naast::sync {

enum class Role : std::uint8_t { kTeamleider = 1, kCoach = 2, kStudent = 3 };
const char* RoleName(Role role);

enum class EntryKind : std::uint8_t {
  kGenesis = 1,    // the team and its first teamleider device
  kAddDevice = 2,  // approve an enrolled device with a role
  kRevoke = 3,     // refuse a device from now on; a new epoch
  kAssign = 4,     // give a student one dossier (its key sealed to the student)
};

struct SealedKey {
  PublicKey device{};                // the recipient's signing key
  std::vector<std::uint8_t> sealed;  // crypto_box_seal to the recipient's X25519 key
};

struct RegistryEntry {
  std::uint64_t seq = 0;                // 1, 2, 3, ...
  std::array<std::uint8_t, 32> prev{};  // hash of the previous entry; zeros for genesis
  EntryKind kind = EntryKind::kGenesis;
  TeamId team{};
  PublicKey subject{};      // the device added, revoked or assigned to
  PublicKey subject_box{};  // its X25519 key (genesis and add)
  Role role = Role::kCoach;
  std::string label;            // a pseudonymous device name ("tablet 3"), no personal data
  std::uint32_t epoch = 1;      // the team key epoch after this entry
  std::string doc;              // kAssign: the dossier
  std::vector<SealedKey> keys;  // team key (add, revoke) or dossier key (assign), sealed
  std::uint64_t at_ms = 0;
  PublicKey author{};
  Signature signature{};
};

std::vector<std::uint8_t> EncodeEntry(const RegistryEntry& entry);
Result<RegistryEntry> DecodeEntry(std::span<const std::uint8_t> bytes);
std::array<std::uint8_t, 32> EntryHash(const RegistryEntry& entry);
// Fills author and signature.
void SignEntry(RegistryEntry& entry, const crypto::SigningKey& author);

struct Member {
  PublicKey device{};
  PublicKey box{};
  Role role = Role::kCoach;
  std::string label;
  bool revoked = false;
  std::vector<std::string> assigned;  // students: their dossiers
};

// The state the chain describes. Append() checks an entry against it and refuses, with the
// reason, anything that does not follow: a wrong sequence or hash, a bad signature, an author
// who is not an active teamleider, a device added twice or revoked twice.
class Registry {
 public:
  Status Append(const RegistryEntry& entry);

  bool empty() const { return entries_.empty(); }
  const TeamId& team() const { return team_; }
  std::uint32_t epoch() const { return epoch_; }
  std::uint64_t length() const { return entries_.size(); }
  const std::vector<RegistryEntry>& entries() const { return entries_; }
  std::array<std::uint8_t, 32> head() const;  // hash of the last entry, zeros when empty
  const Member* Find(const PublicKey& device) const;
  bool IsActive(const PublicKey& device) const;
  // May this device read the dossier? Teamleiders and coaches: every one; students: assigned.
  bool MayRead(const PublicKey& device, const std::string& doc) const;

 private:
  std::vector<RegistryEntry> entries_;
  std::map<PublicKey, Member> members_;
  TeamId team_{};
  std::uint32_t epoch_ = 0;
};

// A short code the enrolling device shows and the teamleider types: 8 characters of base32 over
// the hash of its two public keys. It binds the approval to exactly those keys.
std::string EnrolmentCode(const PublicKey& device, const PublicKey& box);

}  // namespace naast::sync
