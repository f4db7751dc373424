// Byte-level building blocks of the binary formats: LEB128 varints, zigzag, length-prefixed
// strings. The Reader never reads past its end; every failure carries the byte offset.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "naast/result.h"

namespace naast::crdt::detail {

inline std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

class Writer {
 public:
  void Byte(std::uint8_t b) { out_.push_back(b); }
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<std::uint8_t>(v));
  }
  void SignedVarint(std::int64_t v) { Varint(ZigZag(v)); }
  void Fixed64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void Raw(std::string_view s) { out_.insert(out_.end(), s.begin(), s.end()); }
  void Raw(std::span<const std::uint8_t> s) { out_.insert(out_.end(), s.begin(), s.end()); }
  void String(std::string_view s) {
    Varint(s.size());
    Raw(s);
  }
  std::vector<std::uint8_t>& bytes() { return out_; }
  std::size_t size() const { return out_.size(); }

 private:
  std::vector<std::uint8_t> out_;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> in, std::size_t base_offset = 0)
      : in_(in), base_(base_offset) {}

  bool ok() const { return failed_ == nullptr; }
  bool at_end() const { return pos_ == in_.size(); }
  std::size_t offset() const { return base_ + pos_; }
  std::size_t remaining() const { return in_.size() - pos_; }

  // The first failure sticks; later reads return zeros, so decoders can check once per record.
  Error error() const {
    return Error{code_,
                 std::string(failed_ ? failed_ : "") + " at byte " + std::to_string(fail_offset_)};
  }
  void Fail(ErrorCode code, const char* what) {
    if (failed_) return;
    failed_ = what;
    code_ = code;
    fail_offset_ = base_ + pos_;
    pos_ = in_.size();
  }

  std::uint8_t Byte() {
    if (pos_ >= in_.size()) {
      Fail(ErrorCode::kTruncated, "input ends inside a byte field");
      return 0;
    }
    return in_[pos_++];
  }
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) {
        Fail(ErrorCode::kTruncated, "input ends inside a varint");
        return 0;
      }
      std::uint8_t b = in_[pos_++];
      if (shift == 63 && b > 1) {
        Fail(ErrorCode::kMalformed, "varint overflows 64 bits");
        return 0;
      }
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    Fail(ErrorCode::kMalformed, "varint longer than 10 bytes");
    return 0;
  }
  // A varint that must not exceed `max`; `what` names the field in the error.
  std::uint64_t Bounded(std::uint64_t max, const char* what) {
    std::uint64_t v = Varint();
    if (ok() && v > max) {
      Fail(ErrorCode::kLimitExceeded, what);
      return 0;
    }
    return v;
  }
  std::int64_t SignedVarint() { return UnZigZag(Varint()); }
  std::uint64_t Fixed64() {
    if (remaining() < 8) {
      Fail(ErrorCode::kTruncated, "input ends inside a 64-bit field");
      return 0;
    }
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(in_[pos_ + i]) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::span<const std::uint8_t> Raw(std::size_t n) {
    if (remaining() < n) {
      Fail(ErrorCode::kTruncated, "input ends inside a byte string");
      return {};
    }
    auto s = in_.subspan(pos_, n);
    pos_ += n;
    return s;
  }
  // A length-prefixed string, at most `max` bytes; checked to be UTF-8.
  std::string_view String(std::size_t max);

 private:
  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
  std::size_t base_ = 0;
  const char* failed_ = nullptr;
  ErrorCode code_ = ErrorCode::kMalformed;
  std::size_t fail_offset_ = 0;
};

// Fixed-size byte arrays (keys, signatures, hashes) as raw bytes.
template <std::size_t N>
void Fixed(Writer& w, const std::array<std::uint8_t, N>& a) {
  w.Raw(std::span<const std::uint8_t>(a.data(), N));
}
template <std::size_t N>
void ReadFixed(Reader& r, std::array<std::uint8_t, N>& a) {
  auto s = r.Raw(N);
  if (r.ok()) std::memcpy(a.data(), s.data(), N);
}

}  // namespace naast::crdt::detail
