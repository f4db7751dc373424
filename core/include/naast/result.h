// Errors as values (after LevelDB's Status): decoding untrusted bytes, applying remote changes,
// opening the store never throw across the API; they return an Error saying what and where.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace naast {

enum class ErrorCode {
  kTruncated,           // input ended inside a field
  kBadMagic,            // not a Naast change or document
  kUnsupportedVersion,  // a format version this build cannot read
  kMalformed,           // a field holds a value the format does not allow
  kBadUtf8,             // text that is not valid UTF-8
  kLimitExceeded,       // a count or length beyond the documented limits
  kUnknownReference,    // refers to a record, field or character this document does not have
  kOverlappingChange,   // partly overlaps operations already applied
  kInvalidArgument,     // a local call with arguments out of range
  kIo,                  // the file system or the database failed (full disk, I/O error)
  kWrongPin,            // the PIN did not unlock the key
  kLocked,              // too many wrong PINs: wait before the next try
  kWiped,               // the key was destroyed after too many wrong PINs: the data is gone
  kDiskFull,            // the device's storage is full: free space, then try again
};

const char* ToString(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // says what and, for decoding, at which byte offset
  std::string ToString() const;
};

// Either a value or an Error. Small on purpose; C++23's std::expected is not in our toolchain.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  // By value: `for (auto& x : F().value())` must not dangle.
  T value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// The result of an operation that yields nothing but may fail.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_{ErrorCode::kMalformed, {}};
  bool ok_ = true;
};

}  // namespace naast

namespace naast::crdt {
using naast::Error;
using naast::ErrorCode;
using naast::Result;
using naast::Status;
using naast::ToString;
}  // namespace naast::crdt
