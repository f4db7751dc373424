#include "sqlcipher_pages.h"

#include <openssl/evp.h>

#include <memory>

#include "test_util.h"

namespace naast::testing {
namespace {

constexpr std::size_t kPageSize = 1024;
constexpr std::size_t kReserve = 48;  // IV 16 + HMAC-SHA1 20, rounded up to the AES block
constexpr std::size_t kSaltSize = 16;

// Decrypts one page; `first` for page 1, whose first 16 bytes are the salt.
std::string DecryptPage(const unsigned char* page, bool first, std::span<const unsigned char> key) {
  const std::size_t offset = first ? kSaltSize : 0;
  const unsigned char* iv = page + kPageSize - kReserve;
  const int n = static_cast<int>(kPageSize - kReserve - offset);
  std::string out(static_cast<std::size_t>(n), '\0');
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      EVP_CIPHER_CTX_free);
  int len = 0;
  EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv);
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, page + offset,
                    n);
  return out;
}

// Page 1 after decryption holds the rest of the SQLite header at its start (bytes 16..):
// the page size (big-endian) and the reserve SQLCipher asked for.
bool HeaderOk(const std::string& page1) {
  return page1.size() > 8 && static_cast<unsigned char>(page1[0]) == (kPageSize >> 8) &&
         static_cast<unsigned char>(page1[1]) == (kPageSize & 0xFF) &&
         static_cast<unsigned char>(page1[4]) == kReserve;
}

}  // namespace

DecryptedFile DecryptDatabase(const std::filesystem::path& file,
                              std::span<const unsigned char> key) {
  const std::string bytes = ReadAll(file);
  DecryptedFile out;
  for (std::size_t at = 0; at + kPageSize <= bytes.size(); at += kPageSize) {
    const auto* page = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    std::string plain = DecryptPage(page, at == 0, key);
    if (at == 0) out.header_ok = HeaderOk(plain);
    out.plaintext += plain;
    ++out.pages;
  }
  return out;
}

DecryptedFile DecryptWal(const std::filesystem::path& file, std::span<const unsigned char> key) {
  const std::string bytes = ReadAll(file);
  DecryptedFile out;
  constexpr std::size_t kWalHeader = 32, kFrameHeader = 24;
  for (std::size_t at = kWalHeader; at + kFrameHeader + kPageSize <= bytes.size();
       at += kFrameHeader + kPageSize) {
    const auto* frame = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    const std::uint32_t pgno = (std::uint32_t{frame[0]} << 24) | (std::uint32_t{frame[1]} << 16) |
                               (std::uint32_t{frame[2]} << 8) | frame[3];
    std::string plain = DecryptPage(frame + kFrameHeader, pgno == 1, key);
    if (pgno == 1) out.header_ok = HeaderOk(plain);
    out.plaintext += plain;
    ++out.pages;
  }
  return out;
}

}  // namespace naast::testing
