// The document: records, their fields, local transactions, remote changes, save and load.
#include "naast/crdt/document.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "bytes.h"
#include "text_sequence.h"
#include "utf8.h"

namespace naast::crdt {

namespace detail {
void WriteValue(Writer& w, const Value& v);
Value ReadValue(Reader& r);
}  // namespace detail

namespace {

using detail::CharId;
using detail::TextSequence;

struct Register {
  std::vector<RegisterEntry> heads;  // values no write has seen yet, sorted by id

  const RegisterEntry* Winner() const {
    const RegisterEntry* best = nullptr;
    for (const auto& e : heads) {
      if (!best || std::tie(e.time, e.id) > std::tie(best->time, best->id)) best = &e;
    }
    return best;
  }
  void Write(RegisterEntry entry, const std::vector<OpId>& overwrites) {
    std::erase_if(heads, [&](const RegisterEntry& e) {
      return std::find(overwrites.begin(), overwrites.end(), e.id) != overwrites.end();
    });
    auto at = std::lower_bound(heads.begin(), heads.end(), entry.id,
                               [](const RegisterEntry& e, const OpId& id) { return e.id < id; });
    heads.insert(at, std::move(entry));
  }
};

struct AddWinsSet {
  std::map<Value, std::vector<OpId>> elements;  // element -> its additions not yet removed

  void Add(const Value& v, OpId id) {
    auto& adds = elements[v];
    adds.insert(std::lower_bound(adds.begin(), adds.end(), id), id);
  }
  void Remove(const Value& v, const std::vector<OpId>& additions) {
    auto it = elements.find(v);
    if (it == elements.end()) return;
    std::erase_if(it->second, [&](const OpId& id) {
      return std::find(additions.begin(), additions.end(), id) != additions.end();
    });
    if (it->second.empty()) elements.erase(it);
  }
};

struct Record {
  std::string type;
  bool deleted = false;
  std::map<std::string, Register, std::less<>> registers;
  std::map<std::string, AddWinsSet, std::less<>> sets;
  std::map<std::string, TextSequence, std::less<>> texts;
};

constexpr std::uint8_t kDocMagic[4] = {'N', 'D', 'O', 'C'};
constexpr std::uint8_t kDocVersion = 1;
constexpr std::uint8_t kFlagDeflated = 1;
constexpr std::size_t kMaxDocumentBytes = std::size_t{1} << 30;
constexpr std::size_t kMaxQueuedChanges = 100000;

Error InvalidArgument(std::string msg) {
  return Error{ErrorCode::kInvalidArgument, std::move(msg)};
}
Error UnknownReference(std::string msg) {
  return Error{ErrorCode::kUnknownReference, std::move(msg)};
}

}  // namespace

struct Document::Impl {
  explicit Impl(ReplicaId self_id, HybridClock* shared_clock)
      : self(self_id), clock(shared_clock ? shared_clock : &own_clock) {
    self_index = replicas.Intern(self);
  }

  ReplicaId self;
  HybridClock own_clock;
  HybridClock* clock;
  detail::ReplicaIndex replicas;  // text sequences keep a pointer to it: Impl never moves
  std::uint32_t self_index;
  VersionVector version;
  std::map<OpId, Record> records;
  std::optional<Change> open;  // the local transaction
  std::uint64_t next_counter = 1;
  std::uint64_t last_op_counter = 0;  // counter of open->ops.back()
  std::vector<Change> queue;          // remote changes waiting for dependencies
  std::optional<std::uint64_t> skew;

  Record* FindRecord(OpId id) {
    auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
  }
  const Record* FindRecord(OpId id) const {
    auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
  }
  TextSequence& TextOf(Record& rec, std::string_view field) {
    auto it = rec.texts.find(field);
    if (it == rec.texts.end())
      it = rec.texts.emplace(std::string(field), TextSequence(&replicas)).first;
    return it->second;
  }

  // Starts the local transaction if needed and returns the next operation's counter.
  std::uint64_t BeginOp() {
    if (!open) {
      open.emplace();
      open->replica = self;
      open->start_counter = version.Get(self) + 1;
      open->time = clock->Now();
      open->deps = version;
      next_counter = open->start_counter;
    }
    return next_counter;
  }
  void FinishOp(Op op, std::uint64_t length) {
    last_op_counter = next_counter;
    next_counter += length;
    version.Advance(self, next_counter - 1);
    open->ops.push_back(std::move(op));
  }

  OpId ToOpId(CharId id) const { return id.valid() ? OpId{replicas.At(id.r), id.c} : OpId{}; }
  // Maps an id of a known replica; an invalid CharId when the replica is unknown.
  CharId ToCharId(const OpId& id) const {
    if (!id.valid()) return CharId{};
    std::uint32_t r = replicas.Find(id.replica);
    return r == UINT32_MAX ? CharId{} : CharId{r, static_cast<std::uint32_t>(id.counter)};
  }

  Status Validate(const Change& change) const;
  void ApplyOps(const Change& change);
  Result<ApplyOutcome> ApplyOne(const Change& change);
  void DrainQueue();
  std::vector<Error> rejected;  // queued changes refused once their dependencies came
};

Document::Document(ReplicaId self, HybridClock* clock)
    : impl_(std::make_unique<Impl>(self, clock)) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

ReplicaId Document::self() const {
  return impl_->self;
}

// ---- local edits

OpId Document::CreateRecord(std::string_view type) {
  OpId id{impl_->self, impl_->BeginOp()};
  impl_->records[id].type = std::string(type);
  impl_->FinishOp(crdt::CreateRecord{std::string(type)}, 1);
  return id;
}

namespace {
Status CheckLocal(const Record* rec, std::string_view field, bool need_field = true) {
  if (!rec) return UnknownReference("no such record");
  if (rec->deleted) return InvalidArgument("the record is deleted");
  if (need_field && (field.empty() || !detail::CountCodePoints(field))) {
    return InvalidArgument("field names are non-empty UTF-8");
  }
  return Status::Ok();
}
Status CheckValue(const Value& v) {
  if (auto* s = std::get_if<std::string>(&v); s && !detail::CountCodePoints(*s)) {
    return Error{ErrorCode::kBadUtf8, "string values must be UTF-8"};
  }
  return Status::Ok();
}
}  // namespace

Status Document::DeleteRecord(OpId record) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, {}, false); !s) return s;
  impl_->BeginOp();
  rec->deleted = true;
  impl_->FinishOp(crdt::DeleteRecord{record}, 1);
  return Status::Ok();
}

Status Document::Set(OpId record, std::string_view field, Value value) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, field); !s) return s;
  if (Status s = CheckValue(value); !s) return s;
  OpId id{impl_->self, impl_->BeginOp()};
  Register& reg = rec->registers[std::string(field)];
  std::vector<OpId> overwrites;
  for (const auto& e : reg.heads) overwrites.push_back(e.id);
  reg.Write(RegisterEntry{value, id, impl_->open->time}, overwrites);
  impl_->FinishOp(SetRegister{record, std::string(field), std::move(value), std::move(overwrites)},
                  1);
  return Status::Ok();
}

Status Document::AddToSet(OpId record, std::string_view field, Value element) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, field); !s) return s;
  if (Status s = CheckValue(element); !s) return s;
  OpId id{impl_->self, impl_->BeginOp()};
  rec->sets[std::string(field)].Add(element, id);
  impl_->FinishOp(crdt::AddToSet{record, std::string(field), std::move(element)}, 1);
  return Status::Ok();
}

Status Document::RemoveFromSet(OpId record, std::string_view field, const Value& element) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, field); !s) return s;
  auto set = rec->sets.find(field);
  if (set == rec->sets.end()) return Status::Ok();
  auto it = set->second.elements.find(element);
  if (it == set->second.elements.end()) return Status::Ok();  // not there: nothing to record
  std::vector<OpId> additions = it->second;
  impl_->BeginOp();
  set->second.Remove(element, additions);
  impl_->FinishOp(crdt::RemoveFromSet{record, std::string(field), element, std::move(additions)},
                  1);
  return Status::Ok();
}

Status Document::InsertText(OpId record, std::string_view field, std::size_t pos,
                            std::string_view utf8) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, field); !s) return s;
  auto n = detail::CountCodePoints(utf8);
  if (!n) return Error{ErrorCode::kBadUtf8, "inserted text is not UTF-8"};
  if (*n == 0) return Status::Ok();
  TextSequence& text = impl_->TextOf(*rec, field);
  if (pos > text.length()) return InvalidArgument("insert position beyond the end of the text");
  const std::uint64_t counter = impl_->BeginOp();
  if (counter + *n - 1 > kMaxCounter)
    return Error{ErrorCode::kLimitExceeded, "counter space used up"};
  const auto [left, right] =
      text.LocalInsert(pos, utf8, static_cast<std::uint32_t>(*n),
                       CharId{impl_->self_index, static_cast<std::uint32_t>(counter)});
  const OpId left_id = impl_->ToOpId(left), right_id = impl_->ToOpId(right);
  // Typing on in one transaction extends the previous insertion instead of adding an op.
  if (!impl_->open->ops.empty()) {
    if (auto* last = std::get_if<crdt::InsertText>(&impl_->open->ops.back());
        last && last->record == record && last->field == field && last->origin_right == right_id &&
        left_id == OpId{impl_->self, counter - 1}) {
      last->text.append(utf8);
      impl_->next_counter += *n;
      impl_->version.Advance(impl_->self, impl_->next_counter - 1);
      return Status::Ok();
    }
  }
  impl_->FinishOp(
      crdt::InsertText{record, std::string(field), left_id, right_id, std::string(utf8)}, *n);
  return Status::Ok();
}

Status Document::DeleteText(OpId record, std::string_view field, std::size_t pos,
                            std::size_t length) {
  Record* rec = impl_->FindRecord(record);
  if (Status s = CheckLocal(rec, field); !s) return s;
  if (length == 0) return Status::Ok();
  auto it = rec->texts.find(field);
  if (it == rec->texts.end() || pos > it->second.length() || length > it->second.length() - pos) {
    return InvalidArgument("deleted range beyond the end of the text");
  }
  std::vector<detail::CharRange> deleted;
  impl_->BeginOp();
  it->second.LocalDelete(pos, length, &deleted);
  std::vector<IdRange> ranges;
  ranges.reserve(deleted.size());
  for (const auto& d : deleted) ranges.push_back(IdRange{impl_->ToOpId(d.start), d.length});
  impl_->FinishOp(crdt::DeleteText{record, std::string(field), std::move(ranges)}, 1);
  return Status::Ok();
}

std::optional<Change> Document::Commit() {
  if (!impl_->open) return std::nullopt;
  Change c = std::move(*impl_->open);
  impl_->open.reset();
  return c;
}

// ---- remote changes

Status Document::Impl::Validate(const Change& change) const {
  // References may point into the document or to earlier operations of this change.
  std::set<OpId> created;
  std::map<std::pair<OpId, std::string>, std::vector<IdRange>> inserted;
  auto record_known = [&](const OpId& id) { return records.count(id) || created.count(id); };
  // Whether every id of [id, id + len) is in the field: in the document or inserted earlier in
  // this change (a range may span both).
  auto text_has = [&](const OpId& record, const std::string& field, const OpId& id,
                      std::uint64_t len) {
    const Record* rec = FindRecord(record);
    const TextSequence* text = nullptr;
    if (rec) {
      auto t = rec->texts.find(field);
      if (t != rec->texts.end()) text = &t->second;
    }
    const CharId cid = ToCharId(id);
    auto ins = inserted.find({record, field});
    std::uint64_t c = id.counter;
    const std::uint64_t end = id.counter + len;
    while (c < end) {
      std::uint64_t next = c;
      if (ins != inserted.end()) {
        for (const auto& rg : ins->second) {
          if (rg.start.replica == id.replica && rg.start.counter <= c &&
              c < rg.start.counter + rg.length) {
            next = std::min(end, rg.start.counter + rg.length);
          }
        }
      }
      if (next == c && text && cid.valid()) {
        next = c + text->ContainedPrefix(CharId{cid.r, static_cast<std::uint32_t>(c)},
                                         static_cast<std::uint32_t>(end - c));
      }
      if (next == c) return false;
      c = next;
    }
    return true;
  };
  std::uint64_t counter = change.start_counter;
  for (std::size_t i = 0; i < change.ops.size(); ++i) {
    const Op& op = change.ops[i];
    const OpId id{change.replica, counter};
    const std::string where = "operation " + std::to_string(i) + ": ";
    Status s = std::visit(
        [&](const auto& o) -> Status {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, crdt::CreateRecord>) {
            created.insert(id);
            return Status::Ok();
          } else {
            if (!record_known(o.record)) return UnknownReference(where + "unknown record");
            if constexpr (!std::is_same_v<T, crdt::DeleteRecord>) {
              if (o.field.empty() || !detail::CountCodePoints(o.field)) {
                return Error{ErrorCode::kMalformed, where + "field name empty or not UTF-8"};
              }
            }
            if constexpr (std::is_same_v<T, crdt::InsertText>) {
              auto n = detail::CountCodePoints(o.text);
              if (!n || *n == 0)
                return Error{ErrorCode::kBadUtf8, where + "text empty or not UTF-8"};
              if (o.origin_left.valid() && !text_has(o.record, o.field, o.origin_left, 1)) {
                return UnknownReference(where + "left origin not in the text");
              }
              if (o.origin_right.valid() && !text_has(o.record, o.field, o.origin_right, 1)) {
                return UnknownReference(where + "right origin not in the text");
              }
              inserted[{o.record, o.field}].push_back(IdRange{id, *n});
            }
            if constexpr (std::is_same_v<T, crdt::DeleteText>) {
              for (const auto& rg : o.ranges) {
                if (rg.length == 0 || rg.start.counter + rg.length - 1 > kMaxCounter ||
                    !text_has(o.record, o.field, rg.start, rg.length)) {
                  return UnknownReference(where + "deleted characters not in the text");
                }
              }
            }
            return Status::Ok();
          }
        },
        op);
    if (!s) return s;
    counter += OpLength(op);
  }
  if (counter - 1 > kMaxCounter)
    return Error{ErrorCode::kLimitExceeded, "counters beyond the limit"};
  return Status::Ok();
}

void Document::Impl::ApplyOps(const Change& change) {
  const std::uint32_t author = replicas.Intern(change.replica);
  std::uint64_t counter = change.start_counter;
  for (const Op& op : change.ops) {
    const OpId id{change.replica, counter};
    std::visit(
        [&](const auto& o) {
          using T = std::decay_t<decltype(o)>;
          if constexpr (std::is_same_v<T, crdt::CreateRecord>) {
            records[id].type = o.type;
          } else {
            Record& rec = *FindRecord(o.record);
            if constexpr (std::is_same_v<T, crdt::DeleteRecord>) {
              rec.deleted = true;
            } else if constexpr (std::is_same_v<T, SetRegister>) {
              rec.registers[o.field].Write(RegisterEntry{o.value, id, change.time}, o.overwrites);
            } else if constexpr (std::is_same_v<T, crdt::AddToSet>) {
              rec.sets[o.field].Add(o.element, id);
            } else if constexpr (std::is_same_v<T, crdt::RemoveFromSet>) {
              auto set = rec.sets.find(o.field);
              if (set != rec.sets.end()) set->second.Remove(o.element, o.additions);
            } else if constexpr (std::is_same_v<T, crdt::InsertText>) {
              auto n = static_cast<std::uint32_t>(*detail::CountCodePoints(o.text));
              TextOf(rec, o.field)
                  .RemoteInsert(CharId{author, static_cast<std::uint32_t>(id.counter)},
                                ToCharId(o.origin_left), ToCharId(o.origin_right), o.text, n);
            } else {
              TextSequence& text = TextOf(rec, o.field);
              for (const auto& rg : o.ranges) {
                text.RemoteDelete(ToCharId(rg.start), static_cast<std::uint32_t>(rg.length));
              }
            }
          }
        },
        op);
    counter += OpLength(op);
  }
  version.Advance(change.replica, counter - 1);
}

Result<ApplyOutcome> Document::Impl::ApplyOne(const Change& change) {
  if (change.start_counter == 0 || change.ops.empty()) {
    return Error{ErrorCode::kMalformed, "a change needs a start counter and operations"};
  }
  const std::uint64_t have = version.Get(change.replica);
  const std::uint64_t end = change.end_counter();
  if (end - 1 <= have) return ApplyOutcome::kDuplicate;
  if (change.start_counter <= have) {
    return Error{ErrorCode::kOverlappingChange, "the change overlaps operations already applied"};
  }
  if (change.deps.Get(change.replica) >= change.start_counter) {
    return Error{ErrorCode::kMalformed, "a change cannot depend on itself"};
  }
  if (change.start_counter != have + 1 || !version.Covers(change.deps)) {
    for (const Change& q : queue) {
      if (q.replica == change.replica && q.start_counter == change.start_counter) {
        return ApplyOutcome::kQueued;
      }
    }
    if (queue.size() >= kMaxQueuedChanges) {
      return Error{ErrorCode::kLimitExceeded, "too many changes waiting for dependencies"};
    }
    queue.push_back(change);
    return ApplyOutcome::kQueued;
  }
  if (Status s = Validate(change); !s) return s.error();
  ApplyOps(change);
  if (auto ahead = clock->Observe(change.time)) skew = ahead;
  return ApplyOutcome::kApplied;
}

void Document::Impl::DrainQueue() {
  for (bool progress = true; progress && !queue.empty();) {
    progress = false;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const Change& q = queue[i];
      const std::uint64_t have = version.Get(q.replica);
      const bool stale = q.end_counter() - 1 <= have || q.start_counter <= have;
      if (!stale && (q.start_counter != have + 1 || !version.Covers(q.deps))) continue;
      Change c = std::move(queue[i]);
      queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(i));
      --i;
      if (stale) continue;
      auto r = ApplyOne(c);
      if (!r) rejected.push_back(r.error());
      progress = true;
    }
  }
}

Result<ApplyOutcome> Document::Apply(const Change& change) {
  if (impl_->open) return InvalidArgument("commit the local transaction before applying changes");
  auto r = impl_->ApplyOne(change);
  if (r && *r == ApplyOutcome::kApplied) impl_->DrainQueue();
  return r;
}

std::size_t Document::queued() const {
  return impl_->queue.size();
}
const VersionVector& Document::version() const {
  return impl_->version;
}
std::optional<std::uint64_t> Document::last_clock_skew_ms() const {
  return impl_->skew;
}

// ---- reads

std::vector<OpId> Document::Records() const {
  std::vector<OpId> out;
  for (const auto& [id, rec] : impl_->records) {
    if (!rec.deleted) out.push_back(id);
  }
  return out;
}
std::vector<OpId> Document::AllRecords() const {
  std::vector<OpId> out;
  for (const auto& [id, rec] : impl_->records) out.push_back(id);
  return out;
}

std::vector<std::pair<FieldKind, std::string>> Document::Fields(OpId record) const {
  std::vector<std::pair<FieldKind, std::string>> out;
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return out;
  for (const auto& [name, reg] : rec->registers) out.emplace_back(FieldKind::kRegister, name);
  for (const auto& [name, set] : rec->sets) out.emplace_back(FieldKind::kSet, name);
  for (const auto& [name, text] : rec->texts) out.emplace_back(FieldKind::kText, name);
  return out;
}

bool Document::Exists(OpId record) const {
  return impl_->FindRecord(record) != nullptr;
}
bool Document::IsDeleted(OpId record) const {
  const Record* rec = impl_->FindRecord(record);
  return rec && rec->deleted;
}
std::optional<std::string> Document::TypeOf(OpId record) const {
  const Record* rec = impl_->FindRecord(record);
  return rec ? std::optional<std::string>(rec->type) : std::nullopt;
}

std::optional<RegisterEntry> Document::Get(OpId record, std::string_view field) const {
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return std::nullopt;
  auto it = rec->registers.find(field);
  if (it == rec->registers.end()) return std::nullopt;
  const RegisterEntry* w = it->second.Winner();
  return w ? std::optional<RegisterEntry>(*w) : std::nullopt;
}

std::vector<RegisterEntry> Document::Overwritten(OpId record, std::string_view field) const {
  std::vector<RegisterEntry> out;
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return out;
  auto it = rec->registers.find(field);
  if (it == rec->registers.end()) return out;
  const RegisterEntry* w = it->second.Winner();
  for (const auto& e : it->second.heads) {
    if (&e != w) out.push_back(e);
  }
  return out;
}

std::vector<Value> Document::Elements(OpId record, std::string_view field) const {
  std::vector<Value> out;
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return out;
  auto it = rec->sets.find(field);
  if (it == rec->sets.end()) return out;
  for (const auto& [v, adds] : it->second.elements) out.push_back(v);
  return out;
}

bool Document::Contains(OpId record, std::string_view field, const Value& element) const {
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return false;
  auto it = rec->sets.find(field);
  return it != rec->sets.end() && it->second.elements.count(element);
}

std::string Document::Text(OpId record, std::string_view field) const {
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return {};
  auto it = rec->texts.find(field);
  return it == rec->texts.end() ? std::string() : it->second.ToString();
}

std::size_t Document::TextLength(OpId record, std::string_view field) const {
  const Record* rec = impl_->FindRecord(record);
  if (!rec) return 0;
  auto it = rec->texts.find(field);
  return it == rec->texts.end() ? 0 : it->second.length();
}

// ---- save and load (docs/crdt-encoding.md, "document")

std::vector<std::uint8_t> Document::Save() const {
  const Impl& d = *impl_;
  // The replica table lists the replicas in the version vector, sorted: every id in the state
  // was made by one of them, and unrelated replicas (say, a fresh self) do not change the bytes.
  std::vector<ReplicaId> table;
  for (const auto& [r, c] : d.version.entries()) table.push_back(r);
  std::vector<std::uint32_t> canon(d.replicas.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < table.size(); ++i) {
    std::uint32_t dense = d.replicas.Find(table[i]);
    if (dense != UINT32_MAX) canon[dense] = i;
  }
  auto canon_of = [&](ReplicaId r) {
    return static_cast<std::uint64_t>(std::lower_bound(table.begin(), table.end(), r) -
                                      table.begin());
  };

  detail::Writer w;
  auto write_id = [&](const OpId& id) {
    w.Varint(id.counter);
    if (id.valid()) w.Varint(canon_of(id.replica));
  };
  w.Varint(table.size());
  for (ReplicaId r : table) w.Fixed64(r);
  for (const auto& [r, c] : d.version.entries()) w.Varint(c);
  w.Varint(d.records.size());
  for (const auto& [id, rec] : d.records) {
    write_id(id);
    w.String(rec.type);
    w.Byte(rec.deleted ? 1 : 0);
    w.Varint(rec.registers.size());
    for (const auto& [name, reg] : rec.registers) {
      w.String(name);
      w.Varint(reg.heads.size());
      for (const auto& e : reg.heads) {
        write_id(e.id);
        w.Varint(e.time.wall_ms);
        w.Varint(e.time.logical);
        detail::WriteValue(w, e.value);
      }
    }
    w.Varint(rec.sets.size());
    for (const auto& [name, set] : rec.sets) {
      w.String(name);
      w.Varint(set.elements.size());
      for (const auto& [v, adds] : set.elements) {
        detail::WriteValue(w, v);
        w.Varint(adds.size());
        for (const auto& a : adds) write_id(a);
      }
    }
    w.Varint(rec.texts.size());
    for (const auto& [name, text] : rec.texts) {
      w.String(name);
      text.Encode(w, canon);
    }
  }

  std::vector<std::uint8_t>& body = w.bytes();
  std::vector<std::uint8_t> out(kDocMagic, kDocMagic + 4);
  out.push_back(kDocVersion);
  if (body.size() > 128) {
    uLongf bound = compressBound(body.size());
    std::vector<std::uint8_t> packed(bound);
    if (compress2(packed.data(), &bound, body.data(), body.size(), 6) == Z_OK &&
        bound + 10 < body.size()) {
      out.push_back(kFlagDeflated);
      detail::Writer len;
      len.Varint(body.size());
      out.insert(out.end(), len.bytes().begin(), len.bytes().end());
      out.insert(out.end(), packed.begin(), packed.begin() + static_cast<std::ptrdiff_t>(bound));
      return out;
    }
  }
  out.push_back(0);
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

Result<Document> Document::Load(std::span<const std::uint8_t> bytes, ReplicaId self,
                                HybridClock* clock) {
  detail::Reader head(bytes);
  auto magic = head.Raw(4);
  if (!head.ok() || std::memcmp(magic.data(), kDocMagic, 4) != 0) {
    return Error{ErrorCode::kBadMagic, "not a Naast document (magic NDOC expected)"};
  }
  std::uint8_t version = head.Byte();
  std::uint8_t flags = head.Byte();
  if (!head.ok()) return head.error();
  if (version != kDocVersion) {
    return Error{ErrorCode::kUnsupportedVersion,
                 "document format version " + std::to_string(version) + " (this build reads 1)"};
  }
  if (flags & ~kFlagDeflated) return Error{ErrorCode::kMalformed, "unknown document flags"};
  std::vector<std::uint8_t> inflated;
  std::span<const std::uint8_t> body;
  std::size_t body_offset = 0;
  if (flags & kFlagDeflated) {
    std::uint64_t size = head.Bounded(kMaxDocumentBytes, "document larger than the limit");
    if (!head.ok()) return head.error();
    auto packed = bytes.subspan(head.offset());
    // Deflate expands at most 1032 to 1: a larger declared size is a lie, and believing it would
    // allocate up to the limit for a few bytes of input.
    if (size > packed.size() * 1032 + 64) {
      return Error{ErrorCode::kMalformed,
                   "compressed document declares more bytes than its body can hold"};
    }
    inflated.resize(size);
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return Error{ErrorCode::kLimitExceeded, "zlib unavailable"};
    z.next_in = const_cast<Bytef*>(packed.data());
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = inflated.data();
    z.avail_out = static_cast<uInt>(inflated.size());
    const int rc = inflate(&z, Z_FINISH);
    const bool whole = rc == Z_STREAM_END && z.avail_in == 0 && z.avail_out == 0;
    inflateEnd(&z);
    if (!whole) {
      return Error{ErrorCode::kMalformed,
                   "compressed document body is damaged, truncated or followed by other bytes"};
    }
    body = inflated;
  } else {
    body = bytes.subspan(head.offset());
    body_offset = head.offset();
  }

  Document doc(self, clock);
  Impl& d = *doc.impl_;
  detail::Reader r(body, body_offset);
  std::uint64_t n_table = r.Bounded(r.remaining() / 8, "replica table longer than the input");
  std::vector<ReplicaId> table;
  for (std::uint64_t i = 0; i < n_table && r.ok(); ++i) {
    table.push_back(r.Fixed64());
    if (i > 0 && table[i] <= table[i - 1])
      r.Fail(ErrorCode::kMalformed, "replica table not sorted");
  }
  std::vector<std::uint32_t> from_canon;
  for (ReplicaId rep : table) from_canon.push_back(d.replicas.Intern(rep));
  for (std::uint64_t i = 0; i < n_table && r.ok(); ++i) {
    std::uint64_t c = r.Bounded(kMaxCounter, "version counter beyond the limit");
    if (r.ok() && c == 0) r.Fail(ErrorCode::kMalformed, "zero entry in the version vector");
    d.version.Advance(table[i], c);
  }
  auto read_id = [&]() -> OpId {
    OpId id;
    id.counter = r.Bounded(kMaxCounter, "counter beyond the limit");
    if (!r.ok()) return {};
    if (id.counter == 0) {
      r.Fail(ErrorCode::kMalformed, "id missing");
      return {};
    }
    std::uint64_t i = r.Bounded(table.empty() ? 0 : table.size() - 1, "replica outside the table");
    if (r.ok() && table.empty()) r.Fail(ErrorCode::kMalformed, "id without a replica table");
    if (!r.ok()) return {};
    id.replica = table[i];
    if (!d.version.Includes(id)) r.Fail(ErrorCode::kMalformed, "id beyond the version vector");
    return id;
  };
  auto read_name = [&]() { return std::string(r.String(kMaxStringBytes)); };
  std::uint64_t n_records = r.Bounded(r.remaining(), "more records than bytes");
  OpId prev_record;
  for (std::uint64_t i = 0; i < n_records && r.ok(); ++i) {
    OpId id = read_id();
    if (r.ok() && i > 0 && !(prev_record < id))
      r.Fail(ErrorCode::kMalformed, "records out of order");
    prev_record = id;
    Record& rec = d.records[id];
    rec.type = read_name();
    std::uint8_t deleted = r.Byte();
    if (r.ok() && deleted > 1) r.Fail(ErrorCode::kMalformed, "deleted flag not 0 or 1");
    rec.deleted = deleted == 1;
    std::uint64_t n_regs = r.Bounded(r.remaining(), "more registers than bytes");
    for (std::uint64_t k = 0; k < n_regs && r.ok(); ++k) {
      std::string name = read_name();
      if (r.ok() && (name.empty() || rec.registers.count(name))) {
        r.Fail(ErrorCode::kMalformed, "register name empty or repeated");
      }
      Register& reg = rec.registers[name];
      std::uint64_t n_heads = r.Bounded(r.remaining(), "more register values than bytes");
      if (r.ok() && n_heads == 0) r.Fail(ErrorCode::kMalformed, "register without a value");
      for (std::uint64_t h = 0; h < n_heads && r.ok(); ++h) {
        RegisterEntry e;
        e.id = read_id();
        e.time.wall_ms = r.Varint();
        e.time.logical = static_cast<std::uint32_t>(r.Bounded(UINT32_MAX, "logical clock"));
        e.value = detail::ReadValue(r);
        if (r.ok() && !reg.heads.empty() && !(reg.heads.back().id < e.id)) {
          r.Fail(ErrorCode::kMalformed, "register values out of order");
        }
        reg.heads.push_back(std::move(e));
      }
    }
    std::uint64_t n_sets = r.Bounded(r.remaining(), "more sets than bytes");
    for (std::uint64_t k = 0; k < n_sets && r.ok(); ++k) {
      std::string name = read_name();
      if (r.ok() && (name.empty() || rec.sets.count(name))) {
        r.Fail(ErrorCode::kMalformed, "set name empty or repeated");
      }
      AddWinsSet& set = rec.sets[name];
      std::uint64_t n_elems = r.Bounded(r.remaining(), "more set elements than bytes");
      for (std::uint64_t e = 0; e < n_elems && r.ok(); ++e) {
        Value v = detail::ReadValue(r);
        if (r.ok() && !set.elements.empty() && !(set.elements.rbegin()->first < v)) {
          r.Fail(ErrorCode::kMalformed, "set elements out of order");
        }
        auto& adds = set.elements[v];
        std::uint64_t n_adds = r.Bounded(r.remaining(), "more additions than bytes");
        if (r.ok() && n_adds == 0) r.Fail(ErrorCode::kMalformed, "set element without additions");
        for (std::uint64_t a = 0; a < n_adds && r.ok(); ++a) {
          OpId add = read_id();
          if (r.ok() && !adds.empty() && !(adds.back() < add)) {
            r.Fail(ErrorCode::kMalformed, "set additions out of order");
          }
          adds.push_back(add);
        }
      }
    }
    std::uint64_t n_texts = r.Bounded(r.remaining(), "more text fields than bytes");
    for (std::uint64_t k = 0; k < n_texts && r.ok(); ++k) {
      std::string name = read_name();
      if (r.ok() && (name.empty() || rec.texts.count(name))) {
        r.Fail(ErrorCode::kMalformed, "text name empty or repeated");
      }
      if (!r.ok()) break;
      TextSequence& text = d.TextOf(rec, name);
      text.Decode(r, from_canon);
    }
  }
  if (r.ok() && !r.at_end()) r.Fail(ErrorCode::kMalformed, "trailing bytes after the document");
  if (!r.ok()) return r.error();
  // Local writes after loading must come after the times already in the document (within the
  // skew bound: a far-future time in a file must not drag the clock either).
  Hlc latest;
  for (const auto& [id, rec] : d.records) {
    for (const auto& [name, reg] : rec.registers) {
      for (const auto& e : reg.heads) latest = std::max(latest, e.time);
    }
  }
  if (auto ahead = d.clock->Observe(latest)) d.skew = ahead;
  return doc;
}

}  // namespace naast::crdt
