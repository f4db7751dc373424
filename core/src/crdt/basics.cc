// Small types: errors, ids, values, the hybrid logical clock and version vectors.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "naast/crdt/clock.h"
#include "naast/crdt/types.h"
#include "naast/crdt/version_vector.h"
#include "naast/result.h"

namespace naast {

const char* ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kTruncated:
      return "truncated";
    case ErrorCode::kBadMagic:
      return "bad magic";
    case ErrorCode::kUnsupportedVersion:
      return "unsupported version";
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kBadUtf8:
      return "bad UTF-8";
    case ErrorCode::kLimitExceeded:
      return "limit exceeded";
    case ErrorCode::kUnknownReference:
      return "unknown reference";
    case ErrorCode::kOverlappingChange:
      return "overlapping change";
    case ErrorCode::kInvalidArgument:
      return "invalid argument";
    case ErrorCode::kIo:
      return "I/O error";
    case ErrorCode::kWrongPin:
      return "wrong PIN";
    case ErrorCode::kLocked:
      return "locked";
    case ErrorCode::kDiskFull:
      return "disk full";
    case ErrorCode::kWiped:
      return "wiped";
  }
  return "unknown error";
}

std::string Error::ToString() const {
  return std::string(naast::ToString(code)) + ": " + message;
}

}  // namespace naast

namespace naast::crdt {

std::string ToString(const OpId& id) {
  if (!id.valid()) return "none";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%llx@%llu", static_cast<unsigned long long>(id.replica),
                static_cast<unsigned long long>(id.counter));
  return buf;
}

std::string ToString(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "null"; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(const std::string& s) const { return '"' + s + '"'; }
  };
  return std::visit(Visitor{}, value);
}

// ---- HybridClock

namespace {
std::uint64_t SystemMillis() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}
}  // namespace

HybridClock::HybridClock(PhysicalClock physical, std::uint64_t max_skew_ms)
    : physical_(physical ? std::move(physical) : PhysicalClock(SystemMillis)),
      max_skew_ms_(max_skew_ms) {}

Hlc HybridClock::Now() {
  std::uint64_t pt = physical_();
  if (pt > last_.wall_ms) {
    last_ = Hlc{pt, 0};
  } else if (last_.logical == UINT32_MAX) {
    last_ = Hlc{last_.wall_ms + 1, 0};  // logical space exhausted: step the wall part
  } else {
    ++last_.logical;
  }
  return last_;
}

std::optional<std::uint64_t> HybridClock::Observe(const Hlc& remote) {
  std::uint64_t pt = physical_();
  if (remote.wall_ms > pt + max_skew_ms_) {
    // Do not adopt: keep the clock where it is; the caller reports the skew.
    return remote.wall_ms - pt;
  }
  if (remote > last_) last_ = remote;
  return std::nullopt;
}

// ---- VersionVector

std::uint64_t VersionVector::Get(ReplicaId replica) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), replica,
                             [](const auto& e, ReplicaId r) { return e.first < r; });
  return it != entries_.end() && it->first == replica ? it->second : 0;
}

void VersionVector::Advance(ReplicaId replica, std::uint64_t counter) {
  if (counter == 0) return;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), replica,
                             [](const auto& e, ReplicaId r) { return e.first < r; });
  if (it != entries_.end() && it->first == replica) {
    it->second = std::max(it->second, counter);
  } else {
    entries_.insert(it, {replica, counter});
  }
}

bool VersionVector::Covers(const VersionVector& other) const {
  for (const auto& [replica, counter] : other.entries_) {
    if (Get(replica) < counter) return false;
  }
  return true;
}

void VersionVector::Merge(const VersionVector& other) {
  for (const auto& [replica, counter] : other.entries_) Advance(replica, counter);
}

VersionVector::Order VersionVector::Compare(const VersionVector& other) const {
  bool covers = Covers(other), covered = other.Covers(*this);
  if (covers && covered) return Order::kEqual;
  if (covers) return Order::kAfter;
  if (covered) return Order::kBefore;
  return Order::kConcurrent;
}

std::string VersionVector::ToString() const {
  std::string s = "{";
  for (const auto& [replica, counter] : entries_) {
    if (s.size() > 1) s += ", ";
    s += crdt::ToString(OpId{replica, counter});
  }
  return s + "}";
}

}  // namespace naast::crdt
