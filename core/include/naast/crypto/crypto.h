// The few cryptographic operations the core needs, all from libsodium (DESIGN.md, "Crypto
// choices"). Nothing here logs, and secrets come and go as SecureBytes.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "naast/crypto/secure_bytes.h"
#include "naast/result.h"

namespace naast::crypto {

using crdt::Error;
using crdt::ErrorCode;
using crdt::Result;
using crdt::Status;

inline constexpr std::size_t kKeyBytes = 32;
inline constexpr std::size_t kSaltBytes = 16;   // crypto_pwhash_SALTBYTES
inline constexpr std::size_t kNonceBytes = 24;  // XChaCha20-Poly1305 IETF
inline constexpr std::size_t kTagBytes = 16;

// Initialises libsodium once; safe to call from several threads. False if it cannot.
bool Init();

std::vector<std::uint8_t> RandomBytes(std::size_t n);
SecureBytes RandomKey();

// Argon2id parameters, stored beside the salt so they can be raised later.
struct KdfParams {
  std::uint64_t ops_limit = 3;                     // passes
  std::uint64_t mem_limit = 128ull * 1024 * 1024;  // bytes
  // Cheap parameters for tests only: derivation in milliseconds.
  static KdfParams ForTests() { return KdfParams{1, 8ull * 1024 * 1024}; }
};

// The key-encryption key: Argon2id over the PIN and the device secret (the secret makes an
// offline guess of a short PIN need the device too).
Result<SecureBytes> DeriveKek(const SecureBytes& pin, const SecureBytes& device_secret,
                              std::span<const std::uint8_t> salt, const KdfParams& params);

// XChaCha20-Poly1305 IETF with a random nonce: returns nonce || ciphertext || tag.
std::vector<std::uint8_t> Seal(const SecureBytes& key, std::span<const std::uint8_t> plaintext,
                               std::span<const std::uint8_t> associated_data);
// The inverse; an Error when the key, the data or the associated data are not those sealed.
Result<SecureBytes> Open(const SecureBytes& key, std::span<const std::uint8_t> sealed,
                         std::span<const std::uint8_t> associated_data);

// Keyed BLAKE2b-256 (crypto_generichash) of `data`.
std::vector<std::uint8_t> KeyedHash(const SecureBytes& key, std::span<const std::uint8_t> data);
// A 32-byte subkey of `key` for one purpose (crypto_kdf; `context` is exactly 8 characters).
SecureBytes DeriveSubkey(const SecureBytes& key, std::uint64_t id, const char (&context)[9]);

// BLAKE2b-256 of public data (ids, chains of signed entries).
std::array<std::uint8_t, 32> Hash(std::span<const std::uint8_t> data);

// ---- device keys (issue 4: sync)
inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSignatureBytes = 64;
using PublicKey = std::array<std::uint8_t, kPublicKeyBytes>;
using Signature = std::array<std::uint8_t, kSignatureBytes>;

// An Ed25519 key pair: a device signs what it sends with it.
struct SigningKey {
  PublicKey public_key{};
  SecureBytes secret;  // 64 bytes (libsodium's seed || public key form)
};
SigningKey NewSigningKey();
Signature Sign(const SigningKey& key, std::span<const std::uint8_t> message);
bool Verify(const PublicKey& public_key, std::span<const std::uint8_t> message,
            std::span<const std::uint8_t> signature);

// An X25519 key pair: keys for a device are sealed to it (crypto_box_seal: anonymous sender,
// only the holder of the secret can open).
struct BoxKey {
  PublicKey public_key{};
  SecureBytes secret;  // 32 bytes
};
BoxKey NewBoxKey();
PublicKey BoxPublicKey(const SecureBytes& secret);
std::vector<std::uint8_t> SealTo(const PublicKey& recipient,
                                 std::span<const std::uint8_t> plaintext);
Result<SecureBytes> OpenSealed(const BoxKey& key, std::span<const std::uint8_t> sealed);

// Lower-case hex of a secret, in secure memory (for SQLCipher's raw-key PRAGMA).
SecureBytes HexOf(const SecureBytes& bytes);

}  // namespace naast::crypto
