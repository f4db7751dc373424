// A CRDT document: records (create, delete) whose fields are last-writer-wins registers,
// add-wins sets and collaborative text. One mother's dossier is one document.
//
// Local edits are recorded in an open transaction; Commit() closes it and returns the change to
// send to other replicas. Apply() merges a remote change; one that arrives before its
// dependencies waits (queued) and applies as soon as they are there. Merging is commutative,
// associative and idempotent: replicas that applied the same changes, in any order, have the
// same state and the same Save() bytes.
//
// Not thread-safe: one thread at a time per document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "naast/crdt/change.h"
#include "naast/crdt/clock.h"
#include "naast/crdt/types.h"
#include "naast/crdt/version_vector.h"
#include "naast/result.h"

namespace naast::crdt {

// One value of a register, with who wrote it and when.
struct RegisterEntry {
  Value value;
  OpId id;  // id.replica is the author's replica
  Hlc time;
  bool operator==(const RegisterEntry&) const = default;
};

enum class FieldKind { kRegister, kSet, kText };

enum class ApplyOutcome {
  kApplied,    // applied now (and maybe queued changes after it)
  kDuplicate,  // already applied before: nothing changed
  kQueued,     // waits for changes it depends on
};

class Document {
 public:
  // `clock` is shared by the documents of one device and must outlive them; nullptr gives the
  // document a clock of its own on the system time.
  explicit Document(ReplicaId self, HybridClock* clock = nullptr);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  ReplicaId self() const;

  // ---- Local edits: recorded in the open transaction. Text positions are code points.
  OpId CreateRecord(std::string_view type);
  Status DeleteRecord(OpId record);
  Status Set(OpId record, std::string_view field, Value value);
  Status AddToSet(OpId record, std::string_view field, Value element);
  Status RemoveFromSet(OpId record, std::string_view field, const Value& element);
  Status InsertText(OpId record, std::string_view field, std::size_t pos, std::string_view utf8);
  Status DeleteText(OpId record, std::string_view field, std::size_t pos, std::size_t length);
  // Closes the transaction; std::nullopt when nothing was edited since the last Commit().
  std::optional<Change> Commit();

  // ---- Remote changes. Apply() refuses while a local transaction is open (commit first).
  // A change with a reference this document does not have once its dependencies are met, or
  // one that partly overlaps applied operations, is refused whole with an Error.
  Result<ApplyOutcome> Apply(const Change& change);
  std::size_t queued() const;  // changes waiting for their dependencies
  const VersionVector& version() const;
  // How far ahead of the local clock the last remote change was, when beyond the bound.
  std::optional<std::uint64_t> last_clock_skew_ms() const;

  // ---- Reads.
  std::vector<OpId> Records() const;     // records not deleted, in id order
  std::vector<OpId> AllRecords() const;  // deleted ones too
  // The record's fields, by kind and name (sorted).
  std::vector<std::pair<FieldKind, std::string>> Fields(OpId record) const;
  bool Exists(OpId record) const;  // created, deleted or not
  bool IsDeleted(OpId record) const;
  std::optional<std::string> TypeOf(OpId record) const;
  // The register's winning value: the latest by (time, replica, counter).
  std::optional<RegisterEntry> Get(OpId record, std::string_view field) const;
  // Values written concurrently with the winner and not seen by a later write: what a merge
  // overwrote. Cleared when someone writes the field having seen them.
  std::vector<RegisterEntry> Overwritten(OpId record, std::string_view field) const;
  std::vector<Value> Elements(OpId record, std::string_view field) const;  // sorted
  bool Contains(OpId record, std::string_view field, const Value& element) const;
  std::string Text(OpId record, std::string_view field) const;
  std::size_t TextLength(OpId record, std::string_view field) const;  // code points

  // ---- Encoding (docs/crdt-encoding.md). Save() is canonical: equal states, equal bytes.
  std::vector<std::uint8_t> Save() const;
  static Result<Document> Load(std::span<const std::uint8_t> bytes, ReplicaId self,
                               HybridClock* clock = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace naast::crdt
