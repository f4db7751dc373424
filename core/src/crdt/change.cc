// Changes and their binary encoding; the format is written down in docs/crdt-encoding.md.
#include "naast/crdt/change.h"

#include <algorithm>
#include <cstring>

#include "bytes.h"
#include "utf8.h"

namespace naast::crdt {
namespace {

constexpr std::uint8_t kChangeMagic[4] = {'N', 'C', 'H', 'G'};
constexpr std::uint8_t kChangeVersion = 1;

enum OpTag : std::uint8_t {
  kTagCreateRecord = 1,
  kTagDeleteRecord = 2,
  kTagSetRegister = 3,
  kTagAddToSet = 4,
  kTagRemoveFromSet = 5,
  kTagInsertText = 6,
  kTagDeleteText = 7,
};

enum ValueTag : std::uint8_t { kNull = 0, kFalse = 1, kTrue = 2, kInt = 3, kString = 4 };

// Replica ids appear in a change once, in a sorted table; ops refer to them by index.
class ReplicaTable {
 public:
  void Note(ReplicaId r) { ids_.push_back(r); }
  void Note(const OpId& id) {
    if (id.valid()) ids_.push_back(id.replica);
  }
  void Finish() {
    std::sort(ids_.begin(), ids_.end());
    ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  }
  std::uint64_t IndexOf(ReplicaId r) const {
    return static_cast<std::uint64_t>(std::lower_bound(ids_.begin(), ids_.end(), r) - ids_.begin());
  }
  const std::vector<ReplicaId>& ids() const { return ids_; }

 private:
  std::vector<ReplicaId> ids_;
};

}  // namespace

namespace detail {

void WriteValue(Writer& w, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    w.Byte(kNull);
  } else if (auto* b = std::get_if<bool>(&v)) {
    w.Byte(*b ? kTrue : kFalse);
  } else if (auto* i = std::get_if<std::int64_t>(&v)) {
    w.Byte(kInt);
    w.SignedVarint(*i);
  } else {
    w.Byte(kString);
    w.String(std::get<std::string>(v));
  }
}

Value ReadValue(Reader& r) {
  switch (r.Byte()) {
    case kNull:
      return std::monostate{};
    case kFalse:
      return false;
    case kTrue:
      return true;
    case kInt:
      return r.SignedVarint();
    case kString:
      return std::string(r.String(kMaxStringBytes));
    default:
      r.Fail(ErrorCode::kMalformed, "unknown value tag");
      return std::monostate{};
  }
}

}  // namespace detail

std::uint64_t OpLength(const Op& op) {
  if (auto* ins = std::get_if<InsertText>(&op)) {
    return detail::CountCodePoints(ins->text).value_or(0);
  }
  return 1;
}

std::uint64_t Change::end_counter() const {
  std::uint64_t c = start_counter;
  for (const auto& op : ops) c += OpLength(op);
  return c;
}

OpId Change::OpIdAt(std::size_t index) const {
  std::uint64_t c = start_counter;
  for (std::size_t i = 0; i < index; ++i) c += OpLength(ops[i]);
  return OpId{replica, c};
}

std::vector<std::uint8_t> EncodeChange(const Change& change) {
  ReplicaTable table;
  for (const auto& [r, c] : change.deps.entries()) table.Note(r);
  for (const auto& op : change.ops) {
    std::visit(
        [&](const auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (!std::is_same_v<T, CreateRecord>) table.Note(o.record);
          if constexpr (std::is_same_v<T, SetRegister>)
            for (auto& id : o.overwrites) table.Note(id);
          if constexpr (std::is_same_v<T, RemoveFromSet>)
            for (auto& id : o.additions) table.Note(id);
          if constexpr (std::is_same_v<T, InsertText>) {
            table.Note(o.origin_left);
            table.Note(o.origin_right);
          }
          if constexpr (std::is_same_v<T, DeleteText>)
            for (auto& rg : o.ranges) table.Note(rg.start);
        },
        op);
  }
  table.Finish();

  detail::Writer w;
  w.Raw(std::span<const std::uint8_t>(kChangeMagic, 4));
  w.Byte(kChangeVersion);
  w.Fixed64(change.replica);
  w.Varint(change.start_counter);
  w.Varint(change.time.wall_ms);
  w.Varint(change.time.logical);
  w.Varint(table.ids().size());
  for (ReplicaId r : table.ids()) w.Fixed64(r);
  auto write_id = [&](const OpId& id) {
    w.Varint(id.counter);
    if (id.valid()) w.Varint(table.IndexOf(id.replica));
  };
  w.Varint(change.deps.entries().size());
  for (const auto& [r, c] : change.deps.entries()) {
    w.Varint(table.IndexOf(r));
    w.Varint(c);
  }
  w.Varint(change.ops.size());
  for (const auto& op : change.ops) {
    std::visit(
        [&](const auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, CreateRecord>) {
            w.Byte(kTagCreateRecord);
            w.String(o.type);
          } else if constexpr (std::is_same_v<T, DeleteRecord>) {
            w.Byte(kTagDeleteRecord);
            write_id(o.record);
          } else if constexpr (std::is_same_v<T, SetRegister>) {
            w.Byte(kTagSetRegister);
            write_id(o.record);
            w.String(o.field);
            detail::WriteValue(w, o.value);
            w.Varint(o.overwrites.size());
            for (auto& id : o.overwrites) write_id(id);
          } else if constexpr (std::is_same_v<T, AddToSet>) {
            w.Byte(kTagAddToSet);
            write_id(o.record);
            w.String(o.field);
            detail::WriteValue(w, o.element);
          } else if constexpr (std::is_same_v<T, RemoveFromSet>) {
            w.Byte(kTagRemoveFromSet);
            write_id(o.record);
            w.String(o.field);
            detail::WriteValue(w, o.element);
            w.Varint(o.additions.size());
            for (auto& id : o.additions) write_id(id);
          } else if constexpr (std::is_same_v<T, InsertText>) {
            w.Byte(kTagInsertText);
            write_id(o.record);
            w.String(o.field);
            write_id(o.origin_left);
            write_id(o.origin_right);
            w.String(o.text);
          } else {
            w.Byte(kTagDeleteText);
            write_id(o.record);
            w.String(o.field);
            w.Varint(o.ranges.size());
            for (auto& rg : o.ranges) {
              write_id(rg.start);
              w.Varint(rg.length);
            }
          }
        },
        op);
  }
  return std::move(w.bytes());
}

Result<Change> DecodeChange(std::span<const std::uint8_t> bytes) {
  detail::Reader r(bytes);
  auto magic = r.Raw(4);
  if (!r.ok() || std::memcmp(magic.data(), kChangeMagic, 4) != 0) {
    return Error{ErrorCode::kBadMagic, "not a Naast change (magic NCHG expected)"};
  }
  std::uint8_t version = r.Byte();
  if (!r.ok()) return r.error();
  if (version != kChangeVersion) {
    return Error{ErrorCode::kUnsupportedVersion,
                 "change format version " + std::to_string(version) + " (this build reads 1)"};
  }
  Change c;
  c.replica = r.Fixed64();
  c.start_counter = r.Bounded(kMaxCounter, "start counter beyond the limit");
  if (r.ok() && c.start_counter == 0) r.Fail(ErrorCode::kMalformed, "start counter is 0");
  c.time.wall_ms = r.Varint();
  c.time.logical =
      static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "logical clock beyond 32 bits"));
  std::uint64_t n_replicas = r.Bounded(kMaxReplicasPerMessage, "too many replicas");
  if (r.ok() && n_replicas * 8 > r.remaining()) r.Fail(ErrorCode::kTruncated, "replica table");
  std::vector<ReplicaId> table;
  table.reserve(r.ok() ? n_replicas : 0);
  for (std::uint64_t i = 0; i < n_replicas && r.ok(); ++i) {
    table.push_back(r.Fixed64());
    if (i > 0 && table[i] <= table[i - 1]) {
      r.Fail(ErrorCode::kMalformed, "replica table not sorted or has duplicates");
    }
  }
  auto read_replica = [&]() -> ReplicaId {
    std::uint64_t i = r.Varint();
    if (r.ok() && i >= table.size()) {
      r.Fail(ErrorCode::kMalformed, "replica index outside the table");
      return 0;
    }
    return r.ok() ? table[i] : 0;
  };
  auto read_id = [&](bool allow_none) -> OpId {
    OpId id;
    id.counter = r.Bounded(kMaxCounter, "counter beyond the limit");
    if (!r.ok()) return {};
    if (id.counter == 0) {
      if (!allow_none) r.Fail(ErrorCode::kMalformed, "id missing where one is required");
      return {};
    }
    id.replica = read_replica();
    return id;
  };
  std::uint64_t n_deps = r.Bounded(table.size(), "more dependencies than replicas");
  for (std::uint64_t i = 0; i < n_deps && r.ok(); ++i) {
    ReplicaId rep = read_replica();
    std::uint64_t counter = r.Bounded(kMaxCounter, "dependency counter beyond the limit");
    if (r.ok() && counter == 0) r.Fail(ErrorCode::kMalformed, "dependency counter is 0");
    if (r.ok() && c.deps.Get(rep) != 0) r.Fail(ErrorCode::kMalformed, "duplicate dependency");
    if (r.ok()) c.deps.Advance(rep, counter);
  }
  std::uint64_t n_ops = r.Bounded(kMaxOpsPerChange, "too many operations");
  if (r.ok() && n_ops > r.remaining()) r.Fail(ErrorCode::kTruncated, "fewer bytes than operations");
  if (r.ok() && n_ops == 0) r.Fail(ErrorCode::kMalformed, "a change without operations");
  c.ops.reserve(r.ok() ? n_ops : 0);
  std::uint64_t counter = c.start_counter;
  auto read_ids = [&](std::vector<OpId>& out) {
    std::uint64_t n = r.Bounded(r.remaining(), "more ids than bytes");
    for (std::uint64_t i = 0; i < n && r.ok(); ++i) out.push_back(read_id(false));
  };
  for (std::uint64_t i = 0; i < n_ops && r.ok(); ++i) {
    std::uint8_t tag = r.Byte();
    switch (tag) {
      case kTagCreateRecord:
        c.ops.emplace_back(CreateRecord{std::string(r.String(kMaxStringBytes))});
        break;
      case kTagDeleteRecord:
        c.ops.emplace_back(DeleteRecord{read_id(false)});
        break;
      case kTagSetRegister: {
        SetRegister o;
        o.record = read_id(false);
        o.field = r.String(kMaxStringBytes);
        o.value = detail::ReadValue(r);
        read_ids(o.overwrites);
        c.ops.emplace_back(std::move(o));
        break;
      }
      case kTagAddToSet: {
        AddToSet o;
        o.record = read_id(false);
        o.field = r.String(kMaxStringBytes);
        o.element = detail::ReadValue(r);
        c.ops.emplace_back(std::move(o));
        break;
      }
      case kTagRemoveFromSet: {
        RemoveFromSet o;
        o.record = read_id(false);
        o.field = r.String(kMaxStringBytes);
        o.element = detail::ReadValue(r);
        read_ids(o.additions);
        c.ops.emplace_back(std::move(o));
        break;
      }
      case kTagInsertText: {
        InsertText o;
        o.record = read_id(false);
        o.field = r.String(kMaxStringBytes);
        o.origin_left = read_id(true);
        o.origin_right = read_id(true);
        o.text = r.String(kMaxStringBytes);
        if (r.ok() && o.text.empty()) r.Fail(ErrorCode::kMalformed, "empty text insertion");
        c.ops.emplace_back(std::move(o));
        break;
      }
      case kTagDeleteText: {
        DeleteText o;
        o.record = read_id(false);
        o.field = r.String(kMaxStringBytes);
        std::uint64_t n = r.Bounded(r.remaining(), "more ranges than bytes");
        if (r.ok() && n == 0) r.Fail(ErrorCode::kMalformed, "text deletion without ranges");
        for (std::uint64_t k = 0; k < n && r.ok(); ++k) {
          IdRange rg;
          rg.start = read_id(false);
          rg.length = r.Bounded(kMaxCounter, "range length beyond the limit");
          if (r.ok() && rg.length == 0) r.Fail(ErrorCode::kMalformed, "empty deleted range");
          if (r.ok() && rg.start.counter + rg.length - 1 > kMaxCounter) {
            r.Fail(ErrorCode::kLimitExceeded, "deleted range beyond the counter limit");
          }
          o.ranges.push_back(rg);
        }
        c.ops.emplace_back(std::move(o));
        break;
      }
      default:
        r.Fail(ErrorCode::kMalformed, "unknown operation tag");
        break;
    }
    if (r.ok()) {
      counter += OpLength(c.ops.back());
      if (counter - 1 > kMaxCounter)
        r.Fail(ErrorCode::kLimitExceeded, "change uses counters beyond the limit");
    }
  }
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "trailing bytes after the change");
  if (!r.ok()) return r.error();
  return c;
}

std::vector<std::uint8_t> EncodeVersionVector(const VersionVector& v) {
  detail::Writer w;
  w.Varint(v.entries().size());
  for (const auto& [replica, counter] : v.entries()) {
    w.Varint(replica);
    w.Varint(counter);
  }
  return std::move(w.bytes());
}

Result<VersionVector> DecodeVersionVector(std::span<const std::uint8_t> bytes) {
  detail::Reader r(bytes);
  VersionVector v;
  const std::size_t n = r.Bounded(kMaxReplicasPerMessage, "too many version entries");
  for (std::size_t i = 0; i < n && r.ok(); ++i) {
    const std::uint64_t replica = r.Varint();
    const std::uint64_t counter = r.Bounded(kMaxCounter, "counter beyond the limit");
    v.Advance(replica, counter);
  }
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "bytes after the version vector");
  if (!r.ok()) return r.error();
  return v;
}

}  // namespace naast::crdt
