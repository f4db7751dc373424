// UTF-8 helpers. Text positions in the API are code points; text is stored as UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace naast::crdt::detail {

// Number of code points, or std::nullopt if `s` is not valid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> CountCodePoints(std::string_view s);

// Byte length of the first `n` code points of valid UTF-8 starting at `p`.
inline std::size_t BytesOfCodePoints(const char* p, std::size_t n) {
  const char* q = p;
  while (n > 0) {
    auto b = static_cast<unsigned char>(*q);
    q += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    --n;
  }
  return static_cast<std::size_t>(q - p);
}

}  // namespace naast::crdt::detail
