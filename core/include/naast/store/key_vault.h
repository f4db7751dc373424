// The key vault: the store's random 256-bit database key, wrapped by a key-encryption key
// derived with Argon2id from the coach's PIN and a device secret. Wrong PINs make the next try
// wait longer; after too many the wrapped key is destroyed and the data is gone for good.
// The vault file holds no personal data (format: docs/store-format.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "naast/crypto/crypto.h"
#include "naast/result.h"

namespace naast::store {

using crypto::KdfParams;
using crypto::SecureBytes;

// A secret that stays on the device and is not in the data directory's files that a copied
// backup would carry: the platform keystore on a tablet. On desktop, a file (FileDeviceSecret).
class DeviceSecret {
 public:
  virtual ~DeviceSecret() = default;
  // The secret, created on first use.
  virtual Result<SecureBytes> Load() = 0;
};

// A 32-byte random secret in a file of its own (mode 0600), made on first use.
class FileDeviceSecret : public DeviceSecret {
 public:
  explicit FileDeviceSecret(std::filesystem::path file) : file_(std::move(file)) {}
  Result<SecureBytes> Load() override;

 private:
  std::filesystem::path file_;
};

struct LockoutPolicy {
  std::uint32_t max_attempts = 10;  // wrong PINs in a row before the key is destroyed
  std::uint32_t free_attempts = 3;  // wrong PINs without a delay
  std::uint64_t first_delay_ms = 30'000;
  std::uint64_t max_delay_ms = 60 * 60'000;
  // How long to wait after `failures` wrong PINs in a row: doubling from first_delay_ms.
  std::uint64_t DelayAfter(std::uint32_t failures) const;
};

class KeyVault {
 public:
  // Makes a new vault at `file` (which must not exist) with a fresh random database key.
  static Result<KeyVault> Create(const std::filesystem::path& file, const SecureBytes& pin,
                                 DeviceSecret& secret, const KdfParams& params = {},
                                 const LockoutPolicy& policy = {});
  static Result<KeyVault> Open(const std::filesystem::path& file);

  // The database key, or: kLocked (wait; the message says how long), kWrongPin (the message
  // says how many tries are left), kWiped (the key is gone), kIo. Every attempt is written to
  // the file before the key derivation starts, so killing the app does not reset the count.
  Result<SecureBytes> Unlock(const SecureBytes& pin, DeviceSecret& secret, std::uint64_t now_ms);

  // Re-wraps the same database key under a new PIN (new salt); nothing is re-encrypted.
  Status ChangePin(const SecureBytes& old_pin, const SecureBytes& new_pin, DeviceSecret& secret,
                   std::uint64_t now_ms);

  // Destroys the wrapped key at once (a revoked device, a wipe order).
  Status Wipe();

  std::uint32_t failed_attempts() const { return failed_; }
  std::uint64_t locked_until_ms() const { return locked_until_ms_; }
  bool wiped() const { return wiped_; }
  const KdfParams& params() const { return params_; }

 private:
  Status Write() const;

  std::filesystem::path file_;
  KdfParams params_;
  LockoutPolicy policy_;
  std::vector<std::uint8_t> salt_;
  std::vector<std::uint8_t> wrapped_;  // nonce || ciphertext || tag
  std::uint32_t failed_ = 0;
  std::uint64_t locked_until_ms_ = 0;
  bool wiped_ = false;
};

}  // namespace naast::store
