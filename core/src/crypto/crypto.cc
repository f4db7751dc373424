#include "naast/crypto/crypto.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace naast::crypto {

// ---- SecureBytes

SecureBytes::SecureBytes(std::size_t size) : size_(size) {
  if (!Init()) std::abort();
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size == 0 ? 1 : size));
  if (!data_) std::abort();
  sodium_memzero(data_, size == 0 ? 1 : size);
}

SecureBytes SecureBytes::Copy(std::span<const std::uint8_t> bytes) {
  SecureBytes s(bytes.size());
  if (!bytes.empty()) std::memcpy(s.data_, bytes.data(), bytes.size());
  return s;
}

SecureBytes::~SecureBytes() {
  if (data_) sodium_free(data_);  // wipes before freeing
}

SecureBytes::SecureBytes(SecureBytes&& o) noexcept : data_(o.data_), size_(o.size_) {
  o.data_ = nullptr;
  o.size_ = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& o) noexcept {
  if (this != &o) {
    if (data_) sodium_free(data_);
    data_ = o.data_;
    size_ = o.size_;
    o.data_ = nullptr;
    o.size_ = 0;
  }
  return *this;
}

bool SecureBytes::Equals(const SecureBytes& other) const {
  return size_ == other.size_ && (size_ == 0 || sodium_memcmp(data_, other.data_, size_) == 0);
}

// ---- operations

bool Init() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::vector<std::uint8_t> RandomBytes(std::size_t n) {
  if (!Init()) std::abort();
  std::vector<std::uint8_t> out(n);
  randombytes_buf(out.data(), n);
  return out;
}

SecureBytes RandomKey() {
  SecureBytes key(kKeyBytes);
  randombytes_buf(key.data(), key.size());
  return key;
}

Result<SecureBytes> DeriveKek(const SecureBytes& pin, const SecureBytes& device_secret,
                              std::span<const std::uint8_t> salt, const KdfParams& params) {
  if (!Init()) return Error{ErrorCode::kInvalidArgument, "libsodium failed to initialise"};
  if (salt.size() != crypto_pwhash_SALTBYTES) {
    return Error{ErrorCode::kInvalidArgument, "salt must be 16 bytes"};
  }
  if (params.ops_limit < crypto_pwhash_OPSLIMIT_MIN ||
      params.mem_limit < crypto_pwhash_MEMLIMIT_MIN || params.mem_limit > (1ull << 32)) {
    return Error{ErrorCode::kInvalidArgument, "Argon2id parameters out of range"};
  }
  // The password is the PIN followed by the device secret; both stay in secure memory.
  SecureBytes password(pin.size() + device_secret.size());
  if (!pin.empty()) std::memcpy(password.data(), pin.data(), pin.size());
  if (!device_secret.empty()) {
    std::memcpy(password.data() + pin.size(), device_secret.data(), device_secret.size());
  }
  SecureBytes kek(kKeyBytes);
  if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char*>(password.data()),
                    password.size(), salt.data(), params.ops_limit,
                    static_cast<std::size_t>(params.mem_limit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error{ErrorCode::kLimitExceeded, "key derivation ran out of memory"};
  }
  return kek;
}

std::vector<std::uint8_t> Seal(const SecureBytes& key, std::span<const std::uint8_t> plaintext,
                               std::span<const std::uint8_t> associated_data) {
  std::vector<std::uint8_t> out(kNonceBytes + plaintext.size() + kTagBytes);
  randombytes_buf(out.data(), kNonceBytes);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + kNonceBytes, &len, plaintext.data(), plaintext.size(), associated_data.data(),
      associated_data.size(), nullptr, out.data(), key.data());
  return out;
}

Result<SecureBytes> Open(const SecureBytes& key, std::span<const std::uint8_t> sealed,
                         std::span<const std::uint8_t> associated_data) {
  if (key.size() != kKeyBytes) return Error{ErrorCode::kInvalidArgument, "key must be 32 bytes"};
  if (sealed.size() < kNonceBytes + kTagBytes) {
    return Error{ErrorCode::kTruncated, "sealed data shorter than nonce and tag"};
  }
  SecureBytes plain(sealed.size() - kNonceBytes - kTagBytes);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          plain.data(), &len, nullptr, sealed.data() + kNonceBytes, sealed.size() - kNonceBytes,
          associated_data.data(), associated_data.size(), sealed.data(), key.data()) != 0) {
    return Error{ErrorCode::kMalformed, "authentication failed: wrong key or damaged data"};
  }
  return plain;
}

std::vector<std::uint8_t> KeyedHash(const SecureBytes& key, std::span<const std::uint8_t> data) {
  std::vector<std::uint8_t> out(crypto_generichash_BYTES);
  crypto_generichash(out.data(), out.size(), data.data(), data.size(), key.data(), key.size());
  return out;
}

SecureBytes DeriveSubkey(const SecureBytes& key, std::uint64_t id, const char (&context)[9]) {
  SecureBytes sub(kKeyBytes);
  crypto_kdf_derive_from_key(sub.data(), sub.size(), id, context, key.data());
  return sub;
}

std::array<std::uint8_t, 32> Hash(std::span<const std::uint8_t> data) {
  std::array<std::uint8_t, 32> out{};
  crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
  return out;
}

SigningKey NewSigningKey() {
  Init();
  SigningKey key;
  key.secret = SecureBytes(crypto_sign_SECRETKEYBYTES);
  crypto_sign_keypair(key.public_key.data(), key.secret.data());
  return key;
}

Signature Sign(const SigningKey& key, std::span<const std::uint8_t> message) {
  Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), key.secret.data());
  return sig;
}

bool Verify(const PublicKey& public_key, std::span<const std::uint8_t> message,
            std::span<const std::uint8_t> signature) {
  if (signature.size() != kSignatureBytes) return false;
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                     public_key.data()) == 0;
}

BoxKey NewBoxKey() {
  Init();
  BoxKey key;
  key.secret = SecureBytes(crypto_box_SECRETKEYBYTES);
  crypto_box_keypair(key.public_key.data(), key.secret.data());
  return key;
}

PublicKey BoxPublicKey(const SecureBytes& secret) {
  PublicKey pk{};
  crypto_scalarmult_base(pk.data(), secret.data());
  return pk;
}

std::vector<std::uint8_t> SealTo(const PublicKey& recipient,
                                 std::span<const std::uint8_t> plaintext) {
  Init();
  std::vector<std::uint8_t> out(plaintext.size() + crypto_box_SEALBYTES);
  crypto_box_seal(out.data(), plaintext.data(), plaintext.size(), recipient.data());
  return out;
}

Result<SecureBytes> OpenSealed(const BoxKey& key, std::span<const std::uint8_t> sealed) {
  if (sealed.size() < crypto_box_SEALBYTES) {
    return Error{ErrorCode::kTruncated, "sealed box too short"};
  }
  SecureBytes out(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(out.data(), sealed.data(), sealed.size(), key.public_key.data(),
                           key.secret.data()) != 0) {
    return Error{ErrorCode::kMalformed, "sealed box does not open with this key"};
  }
  return out;
}

SecureBytes HexOf(const SecureBytes& bytes) {
  SecureBytes hex(bytes.size() * 2 + 1);
  sodium_bin2hex(reinterpret_cast<char*>(hex.data()), hex.size(), bytes.data(), bytes.size());
  SecureBytes out = SecureBytes::Copy({hex.data(), bytes.size() * 2});
  return out;
}

}  // namespace naast::crypto
