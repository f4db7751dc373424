// Secrets in memory: keys and PINs live in sodium_malloc'd pages (guarded, locked, never
// swapped) and are wiped when freed. Never log them; never copy them into std::string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace naast::crypto {

class SecureBytes {
 public:
  SecureBytes() = default;
  explicit SecureBytes(std::size_t size);  // zero-filled; aborts if sodium cannot allocate
  static SecureBytes Copy(std::span<const std::uint8_t> bytes);
  ~SecureBytes();
  SecureBytes(SecureBytes&& other) noexcept;
  SecureBytes& operator=(SecureBytes&& other) noexcept;
  SecureBytes(const SecureBytes&) = delete;
  SecureBytes& operator=(const SecureBytes&) = delete;

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const std::uint8_t> span() const { return {data_, size_}; }
  // Constant-time comparison.
  bool Equals(const SecureBytes& other) const;

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace naast::crypto
