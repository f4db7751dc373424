// A deliberately naive list CRDT (YjsMod / FugueMax, after Gentle's reference-crdts): one
// vector entry per character, positions found by linear search. Slow and obviously faithful to
// the published algorithm; tests compare the real TextSequence against it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "naast/crdt/change.h"

namespace naast::test {

class ReferenceList {
 public:
  // Integrates an InsertText operation whose first character has id `id`.
  void Insert(crdt::OpId id, crdt::OpId left, crdt::OpId right, const std::string& utf8) {
    std::size_t i = 0;
    while (i < utf8.size()) {
      std::size_t len = CharLen(static_cast<unsigned char>(utf8[i]));
      Integrate(Item{id, left, right, utf8.substr(i, len), false});
      left = id;
      ++id.counter;
      i += len;
    }
  }
  void Delete(crdt::OpId start, std::uint64_t length) {
    for (auto& item : items_) {
      if (item.id.replica == start.replica && item.id.counter >= start.counter &&
          item.id.counter < start.counter + length) {
        item.deleted = true;
      }
    }
  }
  std::string Text() const {
    std::string out;
    for (const auto& item : items_) {
      if (!item.deleted) out += item.content;
    }
    return out;
  }

 private:
  struct Item {
    crdt::OpId id, left, right;
    std::string content;
    bool deleted;
  };
  static std::size_t CharLen(unsigned char b) {
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }
  // -1 for "none" on the left, size() for "none" on the right.
  long IndexOf(const crdt::OpId& id, long none) const {
    if (!id.valid()) return none;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (items_[i].id == id) return static_cast<long>(i);
    }
    throw std::logic_error("reference list: unknown origin");
  }
  void Integrate(Item item) {
    const long size = static_cast<long>(items_.size());
    const long left = IndexOf(item.left, -1);
    const long right = IndexOf(item.right, size);
    long dest = left + 1;
    bool scanning = false;
    for (long i = dest;; ++i) {
      if (!scanning) dest = i;
      if (i == size || i == right) break;
      const Item& other = items_[static_cast<std::size_t>(i)];
      const long oleft = IndexOf(other.left, -1);
      const long oright = IndexOf(other.right, size);
      if (oleft < left) break;
      if (oleft == left) {
        if (oright < right) {
          scanning = true;
        } else if (oright == right) {
          if (item.id.replica < other.id.replica) break;
          scanning = false;
        } else {
          scanning = false;
        }
      }
    }
    items_.insert(items_.begin() + dest, std::move(item));
  }

  std::vector<Item> items_;
};

// Feeds the text operations of a change to the list `list_for(record, field)` returns.
template <typename ListFor>
void FeedTextOps(const crdt::Change& c, ListFor list_for) {
  std::uint64_t counter = c.start_counter;
  for (const crdt::Op& op : c.ops) {
    if (auto* ins = std::get_if<crdt::InsertText>(&op)) {
      list_for(ins->record, ins->field)
          .Insert(crdt::OpId{c.replica, counter}, ins->origin_left, ins->origin_right, ins->text);
    } else if (auto* del = std::get_if<crdt::DeleteText>(&op)) {
      for (const auto& rg : del->ranges)
        list_for(del->record, del->field).Delete(rg.start, rg.length);
    }
    counter += crdt::OpLength(op);
  }
}

}  // namespace naast::test
