// The sequence CRDT behind free-text fields (visit notes). Ordering follows FugueMax, in its
// YjsMod formulation (Weidner & Kleppmann, "The Art of the Fugue", 2023; Gentle's
// reference-crdts): every character has an id, a left origin and a right origin, and concurrent
// insertions at one place never interleave character by character.
//
// Layout, after Yjs and diamond-types: characters live in runs of consecutive ids (one replica,
// typed one after the other) in a linked list of leaves of at most kLeafRuns runs. Each leaf knows
// how many visible characters it holds, and a cursor remembers the last leaf used, so typing
// near the last edit costs O(1). Origins are kept once per insertion in a per-replica insert log,
// not per run. Lookups by id (needed only to merge remote changes) go through an index that is
// built on the first remote change and maintained from then on.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bytes.h"
#include "naast/crdt/types.h"

namespace naast::crdt::detail {

// Dense document-local indexes for replica ids.
class ReplicaIndex {
 public:
  std::uint32_t Intern(ReplicaId r);
  // UINT32_MAX when unknown.
  std::uint32_t Find(ReplicaId r) const;
  ReplicaId At(std::uint32_t i) const { return ids_[i]; }
  std::size_t size() const { return ids_.size(); }

 private:
  std::vector<ReplicaId> ids_;
  std::unordered_map<ReplicaId, std::uint32_t> map_;
};

// A character id with the replica as a dense index. counter 0 means "none".
struct CharId {
  std::uint32_t r = 0;
  std::uint32_t c = 0;
  bool valid() const { return c != 0; }
  bool operator==(const CharId&) const = default;
};

struct CharRange {
  CharId start;
  std::uint32_t length = 0;
};

class TextSequence {
 public:
  // Characters ever inserted into one text field, deleted ones included, that Decode accepts.
  static constexpr std::uint64_t kMaxTextIds = std::uint64_t{1} << 26;

  explicit TextSequence(const ReplicaIndex* replicas);
  ~TextSequence();
  TextSequence(TextSequence&& other) noexcept;
  TextSequence& operator=(TextSequence&& other) noexcept;
  TextSequence(const TextSequence&) = delete;
  TextSequence& operator=(const TextSequence&) = delete;

  std::size_t length() const { return visible_; }
  std::string ToString() const;

  // Inserts before the pos-th visible character (pos <= length()). `n` is the code point count
  // of `utf8`. Returns the origins the operation must carry.
  std::pair<CharId, CharId> LocalInsert(std::size_t pos, std::string_view utf8, std::uint32_t n,
                                        CharId id);
  // Deletes visible characters [pos, pos + n) (pos + n <= length()); appends their ids.
  void LocalDelete(std::size_t pos, std::size_t n, std::vector<CharRange>* deleted);

  // Whether every id of the range was inserted here (by the insert log; no index needed).
  bool Contains(CharId start, std::uint32_t length) const {
    return ContainedPrefix(start, length) == length;
  }
  // How many ids from `start` on (at most `length`) were inserted here.
  std::uint32_t ContainedPrefix(CharId start, std::uint32_t length) const;
  // Applies a remote insertion whose origins are Contains()ed and whose ids are new.
  void RemoteInsert(CharId id, CharId left, CharId right, std::string_view utf8, std::uint32_t n);
  // Marks characters deleted; deleting twice is harmless. The range must be Contains()ed.
  void RemoteDelete(CharId start, std::uint32_t length);

  // Canonical encoding. `canon[r]` maps a dense replica index to its position in the document's
  // sorted replica table; `from_canon` is the inverse used when decoding.
  void Encode(Writer& w, const std::vector<std::uint32_t>& canon) const;
  bool Decode(Reader& r, const std::vector<std::uint32_t>& from_canon);

 private:
  static constexpr std::uint32_t kLeafRuns = 64;
  static constexpr std::uint32_t kDeletedBit = 0x80000000u;

  struct Run {
    std::uint32_t r;
    std::uint32_t c;
    std::uint32_t len_del;  // length in code points, top bit: deleted
    std::uint32_t off;      // byte offset of the content in bytes_ (live runs only)
    std::uint32_t len() const { return len_del & ~kDeletedBit; }
    bool deleted() const { return len_del & kDeletedBit; }
  };
  struct Leaf {
    Leaf* prev = nullptr;
    Leaf* next = nullptr;
    std::uint32_t visible = 0;
    std::uint32_t n = 0;
    Run runs[kLeafRuns];
  };
  // Before character k of run i of leaf; i == leaf->n only at the very end of the text.
  struct Pos {
    Leaf* leaf;
    std::uint32_t i;
    std::uint32_t k;
  };
  struct InsertOp {
    std::uint32_t c;
    std::uint32_t len;
    CharId left;
    CharId right;
  };
  struct Segment;  // used while integrating a remote insertion

  void Clear();
  Pos FindVisible(std::size_t pos);
  CharId CharBefore(const Pos& p) const;
  CharId CharAt(const Pos& p) const;
  Pos Normalize(Pos p) const;
  Pos Locate(CharId id);
  Pos InsertRun(Leaf* leaf, std::uint32_t i, Run run);
  Pos SplitRun(Leaf* leaf, std::uint32_t i, std::uint32_t k);
  Pos PrevRun(const Pos& p) const;
  // Returns the index the (possibly merged) run ends up at.
  std::uint32_t MarkDeleted(Leaf* leaf, std::uint32_t i, std::vector<CharRange>* out);
  void EraseRun(Leaf* leaf, std::uint32_t i);
  void AppendInsertOp(CharId id, CharId left, CharId right, std::uint32_t n);
  const InsertOp* FindOp(CharId id) const;
  void EnsureIndex();
  void IndexSet(const Run& run, Leaf* leaf);
  void ResetCursor() {
    cursor_leaf_ = first_;
    cursor_start_ = 0;
  }

  const ReplicaIndex* replicas_;
  Leaf* first_ = nullptr;
  std::size_t visible_ = 0;
  Leaf* cursor_leaf_ = nullptr;
  std::size_t cursor_start_ = 0;  // visible characters before cursor_leaf_
  std::string bytes_;             // UTF-8 content of inserted characters
  CharId last_append_;            // the id after the last character appended to bytes_
  std::vector<std::vector<InsertOp>> inserts_;  // per replica, sorted by counter
  bool index_built_ = false;
  std::vector<std::map<std::uint32_t, Leaf*>> index_;  // per replica: run start -> leaf
};

}  // namespace naast::crdt::detail
