#include "naast/store/key_vault.h"

#include <cstring>

#include "crdt/bytes.h"
#include "util/file.h"

namespace naast::store {
namespace {

constexpr std::uint8_t kMagic[4] = {'N', 'V', 'L', 'T'};
constexpr std::uint8_t kVersion = 1;
constexpr char kWrapContext[] = "naast key vault v1: database key";

std::vector<std::uint8_t> AssociatedData(std::span<const std::uint8_t> salt) {
  constexpr std::size_t n = sizeof kWrapContext - 1;
  std::vector<std::uint8_t> ad(n + salt.size());
  std::memcpy(ad.data(), kWrapContext, n);
  if (!salt.empty()) std::memcpy(ad.data() + n, salt.data(), salt.size());
  return ad;
}

std::string Seconds(std::uint64_t ms) {
  return std::to_string((ms + 999) / 1000) + " s";
}

}  // namespace

Result<SecureBytes> FileDeviceSecret::Load() {
  if (std::filesystem::exists(file_)) {
    auto bytes = util::ReadFile(file_, 64);
    if (!bytes) return bytes.error();
    if (bytes->size() != crypto::kKeyBytes) {
      return Error{ErrorCode::kMalformed, "the device secret file is damaged"};
    }
    SecureBytes s = SecureBytes::Copy(*bytes);
    std::fill(bytes->begin(), bytes->end(), 0);
    return s;
  }
  SecureBytes secret = crypto::RandomKey();
  if (Status s = util::WriteFileAtomically(file_, secret.span()); !s) return s.error();
  return secret;
}

std::uint64_t LockoutPolicy::DelayAfter(std::uint32_t failures) const {
  if (failures <= free_attempts) return 0;
  const std::uint32_t doublings = failures - free_attempts - 1;
  if (doublings >= 32) return max_delay_ms;
  const std::uint64_t d = first_delay_ms << doublings;
  return d > max_delay_ms || (d >> doublings) != first_delay_ms ? max_delay_ms : d;
}

Result<KeyVault> KeyVault::Create(const std::filesystem::path& file, const SecureBytes& pin,
                                  DeviceSecret& secret, const KdfParams& params,
                                  const LockoutPolicy& policy) {
  if (std::filesystem::exists(file)) {
    return Error{ErrorCode::kInvalidArgument, "a key vault exists already"};
  }
  auto device = secret.Load();
  if (!device) return device.error();
  KeyVault v;
  v.file_ = file;
  v.params_ = params;
  v.policy_ = policy;
  v.salt_ = crypto::RandomBytes(crypto::kSaltBytes);
  auto kek = crypto::DeriveKek(pin, *device, v.salt_, params);
  if (!kek) return kek.error();
  SecureBytes db_key = crypto::RandomKey();
  v.wrapped_ = crypto::Seal(*kek, db_key.span(), AssociatedData(v.salt_));
  if (Status s = v.Write(); !s) return s.error();
  return v;
}

Result<KeyVault> KeyVault::Open(const std::filesystem::path& file) {
  auto bytes = util::ReadFile(file, 4096);
  if (!bytes) return bytes.error();
  crdt::detail::Reader r(*bytes);
  auto magic = r.Raw(4);
  if (!r.ok() || std::memcmp(magic.data(), kMagic, 4) != 0) {
    return Error{ErrorCode::kBadMagic, "not a Naast key vault"};
  }
  if (r.Byte() != kVersion) return Error{ErrorCode::kUnsupportedVersion, "key vault version"};
  KeyVault v;
  v.file_ = file;
  v.params_.ops_limit = r.Varint();
  v.params_.mem_limit = r.Varint();
  v.policy_.max_attempts = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "max attempts"));
  v.policy_.free_attempts = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "free attempts"));
  v.policy_.first_delay_ms = r.Varint();
  v.policy_.max_delay_ms = r.Varint();
  v.failed_ = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "failed attempts"));
  v.locked_until_ms_ = r.Varint();
  v.wiped_ = r.Byte() != 0;
  auto salt = r.Raw(crypto::kSaltBytes);
  v.salt_.assign(salt.begin(), salt.end());
  std::uint64_t n = r.Bounded(256, "wrapped key too long");
  auto wrapped = r.Raw(static_cast<std::size_t>(n));
  v.wrapped_.assign(wrapped.begin(), wrapped.end());
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "trailing bytes in the key vault");
  if (!r.ok()) return r.error();
  return v;
}

Status KeyVault::Write() const {
  crdt::detail::Writer w;
  w.Raw(std::span<const std::uint8_t>(kMagic, 4));
  w.Byte(kVersion);
  w.Varint(params_.ops_limit);
  w.Varint(params_.mem_limit);
  w.Varint(policy_.max_attempts);
  w.Varint(policy_.free_attempts);
  w.Varint(policy_.first_delay_ms);
  w.Varint(policy_.max_delay_ms);
  w.Varint(failed_);
  w.Varint(locked_until_ms_);
  w.Byte(wiped_ ? 1 : 0);
  w.Raw(salt_);
  w.Varint(wrapped_.size());
  w.Raw(wrapped_);
  return util::WriteFileAtomically(file_, w.bytes());
}

Result<SecureBytes> KeyVault::Unlock(const SecureBytes& pin, DeviceSecret& secret,
                                     std::uint64_t now_ms) {
  if (wiped_) return Error{ErrorCode::kWiped, "too many wrong PINs: the key was destroyed"};
  if (now_ms < locked_until_ms_) {
    return Error{ErrorCode::kLocked,
                 "too many wrong PINs: try again in " + Seconds(locked_until_ms_ - now_ms)};
  }
  auto device = secret.Load();
  if (!device) return device.error();
  // Count the attempt first: killing the app during the derivation must not reset the count.
  ++failed_;
  if (Status s = Write(); !s) {
    --failed_;
    return s.error();
  }
  auto kek = crypto::DeriveKek(pin, *device, salt_, params_);
  if (!kek) return kek.error();
  auto key = crypto::Open(*kek, wrapped_, AssociatedData(salt_));
  if (key) {
    failed_ = 0;
    locked_until_ms_ = 0;
    if (Status s = Write(); !s) return s.error();
    return key;
  }
  if (failed_ >= policy_.max_attempts) {
    if (Status s = Wipe(); !s) return s.error();
    return Error{ErrorCode::kWiped, "too many wrong PINs: the key was destroyed"};
  }
  locked_until_ms_ = now_ms + policy_.DelayAfter(failed_);
  if (Status s = Write(); !s) return s.error();
  return Error{ErrorCode::kWrongPin,
               "wrong PIN; " + std::to_string(policy_.max_attempts - failed_) + " tries left"};
}

Status KeyVault::ChangePin(const SecureBytes& old_pin, const SecureBytes& new_pin,
                           DeviceSecret& secret, std::uint64_t now_ms) {
  auto key = Unlock(old_pin, secret, now_ms);
  if (!key) return key.error();
  auto device = secret.Load();
  if (!device) return device.error();
  std::vector<std::uint8_t> salt = crypto::RandomBytes(crypto::kSaltBytes);
  auto kek = crypto::DeriveKek(new_pin, *device, salt, params_);
  if (!kek) return kek.error();
  KeyVault next = *this;
  next.salt_ = std::move(salt);
  next.wrapped_ = crypto::Seal(*kek, key->span(), AssociatedData(next.salt_));
  if (Status s = next.Write(); !s) return s;
  *this = std::move(next);
  return Status::Ok();
}

Status KeyVault::Wipe() {
  std::fill(wrapped_.begin(), wrapped_.end(), 0);
  wrapped_.clear();
  wiped_ = true;
  locked_until_ms_ = 0;
  return Write();
}

}  // namespace naast::store
