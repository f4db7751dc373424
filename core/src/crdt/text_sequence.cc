#include "text_sequence.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "naast/crdt/change.h"
#include "utf8.h"

namespace naast::crdt::detail {

// ---- ReplicaIndex

std::uint32_t ReplicaIndex::Intern(ReplicaId r) {
  auto [it, added] = map_.try_emplace(r, static_cast<std::uint32_t>(ids_.size()));
  if (added) ids_.push_back(r);
  return it->second;
}

std::uint32_t ReplicaIndex::Find(ReplicaId r) const {
  auto it = map_.find(r);
  return it == map_.end() ? UINT32_MAX : it->second;
}

// ---- construction

TextSequence::TextSequence(const ReplicaIndex* replicas) : replicas_(replicas) {
  first_ = new Leaf;
  ResetCursor();
}

TextSequence::~TextSequence() {
  for (Leaf* l = first_; l;) {
    Leaf* next = l->next;
    delete l;
    l = next;
  }
}

TextSequence::TextSequence(TextSequence&& o) noexcept
    : replicas_(o.replicas_),
      first_(o.first_),
      visible_(o.visible_),
      cursor_leaf_(o.cursor_leaf_),
      cursor_start_(o.cursor_start_),
      bytes_(std::move(o.bytes_)),
      last_append_(o.last_append_),
      inserts_(std::move(o.inserts_)),
      index_built_(o.index_built_),
      index_(std::move(o.index_)) {
  o.first_ = new Leaf;
  o.visible_ = 0;
  o.index_built_ = false;
  o.ResetCursor();
}

TextSequence& TextSequence::operator=(TextSequence&& o) noexcept {
  if (this != &o) {
    this->~TextSequence();
    new (this) TextSequence(std::move(o));
  }
  return *this;
}

void TextSequence::Clear() {
  this->~TextSequence();
  new (this) TextSequence(replicas_);
}

std::string TextSequence::ToString() const {
  std::string out;
  out.reserve(bytes_.size());
  for (const Leaf* l = first_; l; l = l->next) {
    for (std::uint32_t i = 0; i < l->n; ++i) {
      const Run& run = l->runs[i];
      if (run.deleted()) continue;
      const char* p = bytes_.data() + run.off;
      out.append(p, BytesOfCodePoints(p, run.len()));
    }
  }
  return out;
}

// ---- positions

TextSequence::Pos TextSequence::FindVisible(std::size_t pos) {
  Leaf* l = cursor_leaf_;
  std::size_t start = cursor_start_;
  while (pos < start) {
    l = l->prev;
    start -= l->visible;
  }
  while (pos >= start + l->visible && l->next) {
    start += l->visible;
    l = l->next;
  }
  cursor_leaf_ = l;
  cursor_start_ = start;
  std::size_t rel = pos - start;
  for (std::uint32_t i = 0; i < l->n; ++i) {
    const Run& run = l->runs[i];
    if (run.deleted()) continue;
    if (rel < run.len()) return Pos{l, i, static_cast<std::uint32_t>(rel)};
    rel -= run.len();
  }
  return Pos{l, l->n, 0};
}

TextSequence::Pos TextSequence::Normalize(Pos p) const {
  while (p.i == p.leaf->n && p.leaf->next) p = Pos{p.leaf->next, 0, 0};
  return p;
}

CharId TextSequence::CharBefore(const Pos& p) const {
  if (p.k > 0) {
    const Run& run = p.leaf->runs[p.i];
    return CharId{run.r, run.c + p.k - 1};
  }
  const Leaf* l = p.leaf;
  std::uint32_t i = p.i;
  while (i == 0) {
    l = l->prev;
    if (!l) return CharId{};
    i = l->n;
  }
  const Run& run = l->runs[i - 1];
  return CharId{run.r, run.c + run.len() - 1};
}

CharId TextSequence::CharAt(const Pos& p) const {
  Pos q = Normalize(p);
  if (q.i == q.leaf->n) return CharId{};
  const Run& run = q.leaf->runs[q.i];
  return CharId{run.r, run.c + q.k};
}

TextSequence::Pos TextSequence::PrevRun(const Pos& p) const {
  if (p.i > 0) return Pos{p.leaf, p.i - 1, 0};
  Leaf* l = p.leaf->prev;
  return Pos{l, l->n - 1, 0};
}

// ---- structural edits (all index maintenance happens here)

void TextSequence::IndexSet(const Run& run, Leaf* leaf) {
  if (!index_built_) return;
  if (index_.size() <= run.r) index_.resize(run.r + 1);
  index_[run.r][run.c] = leaf;
}

TextSequence::Pos TextSequence::InsertRun(Leaf* leaf, std::uint32_t i, Run run) {
  if (leaf->n == kLeafRuns) {
    // Split the full leaf in halves; the visible count before `leaf` does not change, so the
    // cursor stays valid wherever it is.
    Leaf* b = new Leaf;
    const std::uint32_t half = kLeafRuns / 2;
    b->n = leaf->n - half;
    std::memcpy(b->runs, leaf->runs + half, b->n * sizeof(Run));
    leaf->n = half;
    for (std::uint32_t j = 0; j < b->n; ++j) {
      if (!b->runs[j].deleted()) b->visible += b->runs[j].len();
      IndexSet(b->runs[j], b);
    }
    leaf->visible -= b->visible;
    b->prev = leaf;
    b->next = leaf->next;
    if (leaf->next) leaf->next->prev = b;
    leaf->next = b;
    if (i > half) {
      leaf = b;
      i -= half;
    }
  }
  std::memmove(leaf->runs + i + 1, leaf->runs + i, (leaf->n - i) * sizeof(Run));
  leaf->runs[i] = run;
  ++leaf->n;
  if (!run.deleted()) leaf->visible += run.len();
  IndexSet(run, leaf);
  return Pos{leaf, i, 0};
}

TextSequence::Pos TextSequence::SplitRun(Leaf* leaf, std::uint32_t i, std::uint32_t k) {
  Run& run = leaf->runs[i];
  assert(k > 0 && k < run.len());
  Run second = run;
  second.c = run.c + k;
  second.len_del = (run.len() - k) | (run.len_del & kDeletedBit);
  if (!run.deleted()) {
    second.off =
        run.off + static_cast<std::uint32_t>(BytesOfCodePoints(bytes_.data() + run.off, k));
    leaf->visible -= run.len() - k;  // InsertRun adds it back
  }
  run.len_del = k | (run.len_del & kDeletedBit);
  return InsertRun(leaf, i + 1, second);
}

void TextSequence::EraseRun(Leaf* leaf, std::uint32_t i) {
  const Run& run = leaf->runs[i];
  if (index_built_) index_[run.r].erase(run.c);
  if (!run.deleted()) leaf->visible -= run.len();
  std::memmove(leaf->runs + i, leaf->runs + i + 1, (leaf->n - i - 1) * sizeof(Run));
  --leaf->n;
}

// Marks a live run deleted and merges it with deleted neighbours of consecutive ids in the same
// leaf, so backspacing over a word leaves one tombstone run, not one per letter.
std::uint32_t TextSequence::MarkDeleted(Leaf* leaf, std::uint32_t i, std::vector<CharRange>* out) {
  Run& run = leaf->runs[i];
  const std::uint32_t len = run.len();
  if (out) {
    if (!out->empty() && out->back().start.r == run.r &&
        out->back().start.c + out->back().length == run.c) {
      out->back().length += len;
    } else {
      out->push_back(CharRange{CharId{run.r, run.c}, len});
    }
  }
  run.len_del |= kDeletedBit;
  leaf->visible -= len;
  visible_ -= len;
  if (i + 1 < leaf->n) {
    Run& next = leaf->runs[i + 1];
    if (next.deleted() && next.r == run.r && run.c + run.len() == next.c) {
      run.len_del += next.len();
      EraseRun(leaf, i + 1);
    }
  }
  if (i > 0) {
    Run& prev = leaf->runs[i - 1];
    if (prev.deleted() && prev.r == run.r && prev.c + prev.len() == run.c) {
      prev.len_del += run.len();
      EraseRun(leaf, i);
      return i - 1;
    }
  }
  return i;
}

// ---- insert log

void TextSequence::AppendInsertOp(CharId id, CharId left, CharId right, std::uint32_t n) {
  if (inserts_.size() <= id.r) inserts_.resize(id.r + 1);
  auto& ops = inserts_[id.r];
  if (!ops.empty()) {
    InsertOp& last = ops.back();
    if (last.c + last.len == id.c && left == CharId{id.r, id.c - 1} && last.right == right) {
      last.len += n;
      return;
    }
  }
  ops.push_back(InsertOp{id.c, n, left, right});
}

const TextSequence::InsertOp* TextSequence::FindOp(CharId id) const {
  if (id.r >= inserts_.size()) return nullptr;
  const auto& ops = inserts_[id.r];
  auto it = std::upper_bound(ops.begin(), ops.end(), id.c,
                             [](std::uint32_t c, const InsertOp& op) { return c < op.c; });
  if (it == ops.begin()) return nullptr;
  --it;
  return id.c < it->c + it->len ? &*it : nullptr;
}

std::uint32_t TextSequence::ContainedPrefix(CharId start, std::uint32_t length) const {
  std::uint64_t c = start.c;
  const std::uint64_t end = std::uint64_t{start.c} + length;
  while (c < end) {
    const InsertOp* op = FindOp(CharId{start.r, static_cast<std::uint32_t>(c)});
    if (!op) break;
    c = std::uint64_t{op->c} + op->len;
  }
  return static_cast<std::uint32_t>(std::min(c, end) - start.c);
}

// ---- local edits

std::pair<CharId, CharId> TextSequence::LocalInsert(std::size_t pos, std::string_view utf8,
                                                    std::uint32_t n, CharId id) {
  Pos p = FindVisible(pos);
  const CharId left = CharBefore(p);
  const CharId right = CharAt(p);
  AppendInsertOp(id, left, right, n);
  const auto off = static_cast<std::uint32_t>(bytes_.size());
  const bool contiguous = last_append_ == id;
  bytes_.append(utf8);
  last_append_ = CharId{id.r, id.c + n};
  visible_ += n;

  if (p.k == 0 && contiguous) {
    // Typing on: extend the run that ends just before the cursor if it is ours and its content
    // ends where this content starts.
    Leaf* l = p.leaf;
    std::uint32_t i = p.i;
    if (i == 0 && l->prev) {
      l = l->prev;
      i = l->n;
      cursor_leaf_ = l;
      cursor_start_ -= l->visible;
    }
    if (i > 0) {
      Run& prev = l->runs[i - 1];
      if (!prev.deleted() && prev.r == id.r && prev.c + prev.len() == id.c) {
        prev.len_del += n;
        l->visible += n;
        return {left, right};
      }
    }
  }
  if (p.k > 0) p = SplitRun(p.leaf, p.i, p.k);
  if (p.leaf != cursor_leaf_) {
    // Only possible when the cursor stepped back a leaf above; the insertion goes into the
    // leaf after it, whose start is the cursor's start plus the cursor leaf.
    cursor_start_ += cursor_leaf_->visible;
    cursor_leaf_ = p.leaf;
  }
  InsertRun(p.leaf, p.i, Run{id.r, id.c, n, off});
  return {left, right};
}

void TextSequence::LocalDelete(std::size_t pos, std::size_t n, std::vector<CharRange>* deleted) {
  Pos p = FindVisible(pos);
  Leaf* l = p.leaf;
  std::uint32_t i = p.i, k = p.k;
  while (n > 0) {
    if (i == l->n) {
      l = l->next;
      i = 0;
      k = 0;
      continue;
    }
    const Run& run = l->runs[i];
    if (run.deleted()) {
      ++i;
      k = 0;
      continue;
    }
    if (k > 0) {
      Pos q = SplitRun(l, i, k);
      l = q.leaf;
      i = q.i;
      k = 0;
      continue;
    }
    const std::uint32_t m = static_cast<std::uint32_t>(std::min<std::size_t>(n, run.len()));
    if (m < run.len()) {
      Pos q = PrevRun(SplitRun(l, i, m));
      l = q.leaf;
      i = q.i;
    }
    i = MarkDeleted(l, i, deleted) + 1;
    n -= m;
  }
  // Only the cursor leaf and leaves after it changed: the cursor's start is still right.
}

// ---- remote edits

void TextSequence::EnsureIndex() {
  if (index_built_) return;
  index_built_ = true;
  index_.assign(replicas_->size(), {});
  for (Leaf* l = first_; l; l = l->next) {
    for (std::uint32_t i = 0; i < l->n; ++i) IndexSet(l->runs[i], l);
  }
}

TextSequence::Pos TextSequence::Locate(CharId id) {
  auto& map = index_[id.r];
  auto it = map.upper_bound(id.c);
  assert(it != map.begin());
  --it;
  Leaf* l = it->second;
  for (std::uint32_t i = 0; i < l->n; ++i) {
    const Run& run = l->runs[i];
    if (run.r == id.r && run.c <= id.c && id.c < run.c + run.len()) {
      return Pos{l, i, id.c - run.c};
    }
  }
  assert(false && "id index out of date");
  return Pos{first_, 0, 0};
}

// A stretch of the integration window: characters of one run that belong to one insertion.
struct TextSequence::Segment {
  Pos pos;
  CharId first;
  std::uint32_t len;
  CharId left;   // the left origin of the first character
  CharId right;  // the right origin of all of them
};

void TextSequence::RemoteInsert(CharId id, CharId left, CharId right, std::string_view utf8,
                                std::uint32_t n) {
  EnsureIndex();
  ResetCursor();
  Pos start{first_, 0, 0};
  if (left.valid()) {
    start = Locate(left);
    ++start.k;
    if (start.k == start.leaf->runs[start.i].len()) start = Pos{start.leaf, start.i + 1, 0};
  }
  Pos scan = Normalize(start);

  // The window holds the characters between `left` and `right`: those inserted concurrently.
  // It is read lazily, one segment at a time, only as far as the decision needs.
  std::vector<Segment> window;
  auto extend = [&]() -> bool {
    if (scan.i == scan.leaf->n) return false;  // end of text
    const Run& run = scan.leaf->runs[scan.i];
    const CharId first{run.r, run.c + scan.k};
    if (first == right) return false;
    const InsertOp* op = FindOp(first);
    std::uint32_t end = std::min(run.c + run.len(), op->c + op->len);
    if (right.valid() && right.r == run.r && right.c > first.c && right.c < end) end = right.c;
    window.push_back(Segment{scan, first, end - first.c,
                             first.c == op->c ? op->left : CharId{first.r, first.c - 1},
                             op->right});
    if (end == run.c + run.len()) {
      scan = Normalize(Pos{scan.leaf, scan.i + 1, 0});
    } else {
      scan.k = end - run.c;
    }
    return true;
  };
  auto contains = [](const Segment& s, CharId x) {
    return s.first.r == x.r && s.first.c <= x.c && x.c < s.first.c + s.len;
  };
  auto in_window_before = [&](CharId x, std::size_t end) {
    for (std::size_t j = 0; j < end; ++j) {
      if (contains(window[j], x)) return true;
    }
    return false;
  };
  auto in_window_after = [&](CharId x, std::size_t from) {
    for (std::size_t j = from;; ++j) {
      if (j == window.size() && !extend()) return false;
      if (contains(window[j], x)) return true;
    }
  };
  const ReplicaId self = replicas_->At(id.r);

  std::size_t dest = 0;
  bool scanning = false;
  for (std::size_t s = 0;; ++s) {
    if (!scanning) dest = s;
    if (s == window.size() && !extend()) break;
    const Segment& o = window[s];
    // Where is o's left origin relative to ours: before it, the same, or inside the window?
    bool same_left;
    if (!o.left.valid()) {
      if (left.valid()) break;  // before ours
      same_left = true;
    } else if (o.left == left) {
      same_left = true;
    } else if (in_window_before(o.left, s)) {
      same_left = false;  // after ours: o is nested in the window, skip it
    } else {
      break;  // before ours
    }
    if (!same_left) continue;
    if (o.right == right) {
      // A true conflict: the same origins. The lower replica goes first.
      const ReplicaId other = replicas_->At(o.first.r);
      if (self < other || (self == other && id.c < o.first.c)) break;
      scanning = false;
    } else if (o.right.valid() && in_window_after(o.right, s + 1)) {
      scanning = true;  // o's right origin comes before ours: maybe we go after o, maybe not
    } else {
      scanning = false;
    }
  }

  Pos at = dest < window.size() ? window[dest].pos : scan;
  const auto off = static_cast<std::uint32_t>(bytes_.size());
  bytes_.append(utf8);
  last_append_ = CharId{id.r, id.c + n};
  AppendInsertOp(id, left, right, n);
  if (at.k > 0) at = SplitRun(at.leaf, at.i, at.k);
  InsertRun(at.leaf, at.i, Run{id.r, id.c, n, off});
  visible_ += n;
}

void TextSequence::RemoteDelete(CharId start, std::uint32_t length) {
  EnsureIndex();
  ResetCursor();
  std::uint32_t c = start.c;
  const std::uint32_t end = start.c + length;
  while (c < end) {
    Pos p = Locate(CharId{start.r, c});
    const Run& run = p.leaf->runs[p.i];
    const std::uint32_t m = std::min(end - c, run.len() - p.k);
    if (!run.deleted()) {
      if (p.k > 0) p = SplitRun(p.leaf, p.i, p.k);
      if (m < p.leaf->runs[p.i].len()) p = PrevRun(SplitRun(p.leaf, p.i, m));
      MarkDeleted(p.leaf, p.i, nullptr);
    }
    c += m;
  }
}

// ---- encoding (docs/crdt-encoding.md, "text field")

namespace {
void WriteCharId(Writer& w, CharId id, std::uint32_t base_c,
                 const std::vector<std::uint32_t>& canon) {
  if (!id.valid()) {
    w.Varint(0);
    return;
  }
  w.Varint(canon[id.r] + 1);
  w.SignedVarint(static_cast<std::int64_t>(base_c) - id.c);
}
}  // namespace

void TextSequence::Encode(Writer& w, const std::vector<std::uint32_t>& canon) const {
  // Runs in document order, coalesced so that equal states give equal bytes.
  std::vector<Run> runs;
  for (const Leaf* l = first_; l; l = l->next) {
    for (std::uint32_t i = 0; i < l->n; ++i) {
      const Run& run = l->runs[i];
      if (!runs.empty()) {
        Run& last = runs.back();
        if (last.r == run.r && last.c + last.len() == run.c && last.deleted() == run.deleted()) {
          last.len_del += run.len();
          continue;
        }
      }
      runs.push_back(run);
    }
  }
  w.Varint(runs.size());
  for (const Run& run : runs) w.Varint(canon[run.r]);
  for (const Run& run : runs) w.Varint((std::uint64_t{run.len()} << 1) | run.deleted());
  std::int64_t prev_end = 0;
  for (const Run& run : runs) {
    w.SignedVarint(static_cast<std::int64_t>(run.c) - prev_end);
    prev_end = run.c + run.len();
  }
  w.String(ToString());

  // The insert log, per replica in canonical order.
  std::vector<std::uint32_t> order;
  for (std::uint32_t r = 0; r < inserts_.size(); ++r) {
    if (!inserts_[r].empty()) order.push_back(r);
  }
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return canon[a] < canon[b]; });
  w.Varint(order.size());
  for (std::uint32_t r : order) {
    const auto& ops = inserts_[r];
    w.Varint(canon[r]);
    w.Varint(ops.size());
    std::uint32_t prev = 0;
    for (const InsertOp& op : ops) {
      w.Varint(op.c - prev);
      w.Varint(op.len);
      prev = op.c + op.len;
    }
    for (const InsertOp& op : ops) WriteCharId(w, op.left, op.c, canon);
    for (const InsertOp& op : ops) WriteCharId(w, op.right, op.c, canon);
  }
}

bool TextSequence::Decode(Reader& r, const std::vector<std::uint32_t>& from_canon) {
  Clear();
  const auto n_replicas = static_cast<std::uint32_t>(from_canon.size());
  auto fail = [&](const char* what) {
    r.Fail(ErrorCode::kMalformed, what);
    return false;
  };
  // Runs: replica, length and counter columns.
  const std::uint64_t n_runs = r.Bounded(r.remaining(), "more text runs than bytes");
  if (r.ok() && n_runs > 0 && n_replicas == 0) return fail("text runs without replicas");
  std::vector<Run> runs(r.ok() ? n_runs : 0);
  for (auto& run : runs) {
    std::uint64_t rep = r.Bounded(n_replicas - 1, "text run replica outside the table");
    run.r = r.ok() ? from_canon[rep] : 0;
  }
  std::uint64_t live_total = 0, all_total = 0;
  for (auto& run : runs) {
    std::uint64_t v = r.Bounded((std::uint64_t{kDeletedBit} << 1) - 1, "text run too long");
    std::uint64_t len = v >> 1;
    if (r.ok() && len == 0) return fail("empty text run");
    run.len_del = static_cast<std::uint32_t>(len) | ((v & 1) ? kDeletedBit : 0);
    run.off = 0;
    all_total += len;
    if (!(v & 1)) live_total += len;
  }
  std::int64_t prev_end = 0;
  for (auto& run : runs) {
    std::int64_t c = prev_end + r.SignedVarint();
    if (!r.ok()) return false;
    if (c < 1 || c + run.len() - 1 > 0xFFFFFFFFll) return fail("text run counter out of range");
    run.c = static_cast<std::uint32_t>(c);
    prev_end = c + run.len();
  }
  std::string_view text = r.String(kMaxStringBytes);
  if (!r.ok()) return false;
  if (CountCodePoints(text) != live_total) return fail("text length differs from its runs");

  // The insert log.
  const std::uint64_t n_logs = r.Bounded(n_replicas, "more insert logs than replicas");
  const std::size_t n_dense = replicas_->size();  // dense indexes: from_canon's values
  inserts_.assign(n_dense, {});
  std::uint64_t prev_canon = 0, ops_total = 0;
  auto read_origin = [&](std::uint32_t base_c) -> CharId {
    std::uint64_t rep = r.Bounded(n_replicas, "origin replica outside the table");
    if (!r.ok() || rep == 0) return CharId{};
    std::int64_t c = static_cast<std::int64_t>(base_c) - r.SignedVarint();
    if (r.ok() && (c < 1 || c > 0xFFFFFFFFll))
      r.Fail(ErrorCode::kMalformed, "origin counter out of range");
    return CharId{from_canon[rep - 1], static_cast<std::uint32_t>(c)};
  };
  for (std::uint64_t k = 0; k < n_logs && r.ok(); ++k) {
    std::uint64_t canon = r.Bounded(n_replicas - 1, "insert log replica outside the table");
    if (r.ok() && k > 0 && canon <= prev_canon) return fail("insert logs out of order");
    prev_canon = canon;
    auto& ops = inserts_[r.ok() ? from_canon[canon] : 0];
    std::uint64_t n_ops = r.Bounded(r.remaining(), "more insertions than bytes");
    if (!r.ok()) return false;
    ops.resize(n_ops);
    std::uint64_t prev = 0;
    for (auto& op : ops) {
      std::uint64_t c = prev + r.Varint();
      std::uint64_t len = r.Varint();
      if (!r.ok()) return false;
      if (c < 1 || len == 0 || c + len - 1 > 0xFFFFFFFFull || (prev > 0 && c < prev)) {
        return fail("insertion out of range or overlapping");
      }
      op.c = static_cast<std::uint32_t>(c);
      op.len = static_cast<std::uint32_t>(len);
      prev = c + len;
      ops_total += len;
    }
    for (auto& op : ops) op.left = read_origin(op.c);
    for (auto& op : ops) op.right = read_origin(op.c);
  }
  if (!r.ok()) return false;
  if (ops_total != all_total) return fail("text runs and insertions cover different ids");
  if (ops_total > kMaxTextIds) {
    r.Fail(ErrorCode::kLimitExceeded, "text field with more characters than the limit");
    return false;
  }
  for (const auto& ops : inserts_) {
    for (const auto& op : ops) {
      if ((op.left.valid() && !Contains(op.left, 1)) ||
          (op.right.valid() && !Contains(op.right, 1))) {
        return fail("origin refers to a character that is not there");
      }
    }
  }
  // Every inserted character is in exactly one run: mark each one off in a bitmap laid over
  // the insert logs.
  std::vector<std::uint64_t> base(n_dense + 1, 0);
  std::vector<std::vector<std::uint64_t>> prefix(n_dense);
  for (std::uint32_t rep = 0; rep < n_dense; ++rep) {
    std::uint64_t sum = 0;
    for (const auto& op : inserts_[rep]) {
      prefix[rep].push_back(sum);
      sum += op.len;
    }
    base[rep + 1] = base[rep] + sum;
  }
  std::vector<std::uint64_t> seen((ops_total + 63) / 64, 0);
  for (const Run& run : runs) {
    std::uint32_t c = run.c;
    const std::uint64_t end = std::uint64_t{run.c} + run.len();
    while (c < end) {
      const InsertOp* op = FindOp(CharId{run.r, c});
      if (!op) return fail("text run covers ids that were never inserted");
      std::uint64_t at = base[run.r] + prefix[run.r][op - inserts_[run.r].data()] + (c - op->c);
      std::uint32_t stop =
          static_cast<std::uint32_t>(std::min<std::uint64_t>(end, op->c + op->len));
      for (; c < stop; ++c, ++at) {
        if (seen[at / 64] & (std::uint64_t{1} << (at % 64)))
          return fail("a character is in two runs");
        seen[at / 64] |= std::uint64_t{1} << (at % 64);
      }
    }
  }

  // Build the leaves three quarters full, so the first edits do not split every leaf.
  bytes_.assign(text);
  std::uint32_t off = 0;
  Leaf* leaf = first_;
  for (Run run : runs) {
    if (leaf->n == kLeafRuns * 3 / 4) {
      Leaf* next = new Leaf;
      next->prev = leaf;
      leaf->next = next;
      leaf = next;
    }
    if (!run.deleted()) {
      run.off = off;
      off += static_cast<std::uint32_t>(BytesOfCodePoints(bytes_.data() + off, run.len()));
      leaf->visible += run.len();
    }
    leaf->runs[leaf->n++] = run;
  }
  visible_ = live_total;
  ResetCursor();
  return true;
}

}  // namespace naast::crdt::detail
