// A change: a run of operations made by one replica in one transaction, with the version it
// was made on (its causal dependencies) and a hybrid logical timestamp. Changes are what sync
// moves; their binary format is in docs/crdt-encoding.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "naast/crdt/types.h"
#include "naast/crdt/version_vector.h"
#include "naast/result.h"

namespace naast::crdt {

// Creates a record; the operation's id becomes the record's id. `type` says what it is
// ("visit", "goal", ...), chosen by the domain layer.
struct CreateRecord {
  std::string type;
  bool operator==(const CreateRecord&) const = default;
};

// Marks a record deleted. Its fields stay in the document, so a delete can be reviewed.
struct DeleteRecord {
  OpId record;
  bool operator==(const DeleteRecord&) const = default;
};

// Writes a last-writer-wins register. `overwrites` are the values the writer saw (the
// register's current values on its replica); values not listed there were concurrent and stay
// readable as conflicts.
struct SetRegister {
  OpId record;
  std::string field;
  Value value;
  std::vector<OpId> overwrites;
  bool operator==(const SetRegister&) const = default;
};

// Adds an element to an add-wins set; the operation's id tags this addition.
struct AddToSet {
  OpId record;
  std::string field;
  Value element;
  bool operator==(const AddToSet&) const = default;
};

// Removes the additions of an element that the remover had seen. An addition made concurrently
// survives (add wins).
struct RemoveFromSet {
  OpId record;
  std::string field;
  Value element;
  std::vector<OpId> additions;
  bool operator==(const RemoveFromSet&) const = default;
};

// Inserts a run of text between two characters (by id; an invalid id means the start or the end
// of the text). The characters get the ids (replica, counter), (replica, counter + 1), ... and
// each one after the first has the one before it as its left origin.
struct InsertText {
  OpId record;
  std::string field;
  OpId origin_left;   // invalid: the start of the text
  OpId origin_right;  // invalid: the end of the text
  std::string text;   // UTF-8, at least one code point
  bool operator==(const InsertText&) const = default;
};

// Deletes characters by id.
struct DeleteText {
  OpId record;
  std::string field;
  std::vector<IdRange> ranges;
  bool operator==(const DeleteText&) const = default;
};

using Op = std::variant<CreateRecord, DeleteRecord, SetRegister, AddToSet, RemoveFromSet,
                        InsertText, DeleteText>;

// How many counters an operation uses: the number of code points for InsertText, else 1.
std::uint64_t OpLength(const Op& op);

struct Change {
  ReplicaId replica = 0;
  std::uint64_t start_counter = 0;  // the first operation's counter
  Hlc time;
  VersionVector deps;  // what the author had applied when it made the change
  std::vector<Op> ops;

  // One past the last counter the change uses.
  std::uint64_t end_counter() const;
  OpId OpIdAt(std::size_t index) const;  // the id of ops[index]
  bool operator==(const Change&) const = default;
};

// Binary encoding (docs/crdt-encoding.md). Decode validates everything it reads: structure,
// UTF-8, limits. It does not check references to the document; Document::Apply does.
std::vector<std::uint8_t> EncodeChange(const Change& change);
Result<Change> DecodeChange(std::span<const std::uint8_t> bytes);

// Limits that decoding enforces, so a hostile message cannot make us allocate without bound.
inline constexpr std::size_t kMaxOpsPerChange = 1 << 20;
inline constexpr std::size_t kMaxStringBytes = 16 << 20;
inline constexpr std::size_t kMaxReplicasPerMessage = 1 << 16;
inline constexpr std::uint64_t kMaxCounter = (std::uint64_t{1} << 32) - 1;

}  // namespace naast::crdt
