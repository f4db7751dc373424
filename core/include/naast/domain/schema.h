// The dossier's entities: what kinds of records a dossier holds and their fields. The store
// projects each entity into a table of its own (e_<table>), each set field into a side table
// (e_<table>_<field>), so the app's queries are plain SQL. Names in English; the Dutch term
// coaches use is in `nl`.
#pragma once

#include <span>
#include <string_view>

namespace naast::domain {

enum class FieldType {
  kText,     // register, TEXT
  kInteger,  // register, INTEGER
  kBool,     // register, INTEGER 0/1
  kDate,     // register, TEXT YYYY-MM-DD
  kCode,     // register, TEXT: a code from codes.h
  kSet,      // add-wins set: a side table
  kNote,     // collaborative text (CRDT sequence), TEXT
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  std::string_view nl;
};

struct EntitySpec {
  std::string_view type;   // the CRDT record type
  std::string_view table;  // e_<table>
  std::string_view nl;
  std::span<const FieldSpec> fields;
};

std::span<const EntitySpec> Entities();
const EntitySpec* FindEntity(std::string_view type);

}  // namespace naast::domain
