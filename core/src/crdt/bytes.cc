#include "bytes.h"

#include "utf8.h"

namespace naast::crdt::detail {

std::string_view Reader::String(std::size_t max) {
  std::uint64_t n = Varint();
  if (!ok()) return {};
  if (n > max) {
    Fail(ErrorCode::kLimitExceeded, "string longer than the limit");
    return {};
  }
  auto raw = Raw(static_cast<std::size_t>(n));
  if (!ok()) return {};
  std::string_view s(reinterpret_cast<const char*>(raw.data()), raw.size());
  if (!CountCodePoints(s)) {
    pos_ -= raw.size();
    Fail(ErrorCode::kBadUtf8, "string is not valid UTF-8");
    return {};
  }
  return s;
}

std::optional<std::size_t> CountCodePoints(std::string_view s) {
  std::size_t count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char b = *p;
    if (b < 0x80) {
      ++p;
    } else {
      int extra;
      std::uint32_t cp;
      if (b >= 0xC2 && b <= 0xDF) {
        extra = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        extra = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        extra = 3;
        cp = b & 0x07;
      } else {
        return std::nullopt;
      }
      if (end - p <= extra) return std::nullopt;
      for (int i = 1; i <= extra; ++i) {
        if ((p[i] & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (p[i] & 0x3F);
      }
      if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
          (cp >= 0xD800 && cp <= 0xDFFF)) {
        return std::nullopt;
      }
      p += extra + 1;
    }
    ++count;
  }
  return count;
}

}  // namespace naast::crdt::detail
