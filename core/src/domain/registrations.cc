#include "naast/domain/registrations.h"

#include <map>
#include <set>

#include "naast/domain/rules.h"

namespace naast::domain {

std::string RowError::ToString() const {
  return "line " + std::to_string(line) + ", column " + column + ": " + message;
}

namespace {

// Splits CSV into lines of fields (RFC 4180: quoted fields may hold commas, quotes, newlines).
// Returns false on an unterminated quote; `bad_line` then says where it started.
bool SplitCsv(std::string_view csv, std::vector<std::vector<std::string>>* lines,
              std::vector<std::size_t>* line_numbers, std::size_t* bad_line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, any = false;
  std::size_t line = 1, record_start = 1;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char ch = csv[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty()) {
      quoted = any = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        fields.push_back(std::move(field));
        lines->push_back(std::move(fields));
        line_numbers->push_back(record_start);
      }
      fields.clear();
      field.clear();
      any = false;
      record_start = ++line;
    } else {
      field += ch;
      any = true;
    }
  }
  if (quoted) {
    *bad_line = record_start;
    return false;
  }
  if (any || !field.empty()) {
    fields.push_back(std::move(field));
    lines->push_back(std::move(fields));
    line_numbers->push_back(record_start);
  }
  return true;
}

std::string Trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

const char* const kColumns[] = {
    "registration_id", "registered_on",   "referrer",      "mother_birth_date",
    "household",       "children_before", "language",      "housing",
    "due_date",        "delivered",       "vulnerability", "reasons",
};

template <typename E>
std::string Allowed() {
  std::string s;
  for (const auto& c : Codes(E{})) s += (s.empty() ? "" : " | ") + std::string(c.code);
  return s;
}

}  // namespace

ParsedRegistrations ParseRegistrationsCsv(std::string_view csv) {
  ParsedRegistrations out;
  if (csv.size() >= 3 && csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // a BOM
  std::vector<std::vector<std::string>> lines;
  std::vector<std::size_t> numbers;
  std::size_t bad_line = 0;
  if (!SplitCsv(csv, &lines, &numbers, &bad_line)) {
    out.errors.push_back({bad_line, "-", "a quoted field is not closed"});
    return out;
  }
  if (lines.empty()) {
    out.errors.push_back({1, "-", "the file is empty: a header row is expected"});
    return out;
  }
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < lines[0].size(); ++i) index[Trim(lines[0][i])] = i;
  for (const char* c : kColumns) {
    if (!index.count(c)) out.errors.push_back({1, c, "the header has no such column"});
  }
  if (!out.errors.empty()) return out;

  std::set<std::string> seen_ids;
  for (std::size_t l = 1; l < lines.size(); ++l) {
    const auto& f = lines[l];
    const std::size_t line = numbers[l];
    std::size_t errors_before = out.errors.size();
    auto get = [&](const char* col) -> std::string {
      const std::size_t i = index[col];
      return i < f.size() ? Trim(f[i]) : std::string();
    };
    auto fail = [&](const char* col, std::string msg) { out.errors.push_back({line, col, msg}); };
    if (f.size() != lines[0].size()) {
      fail("-", "has " + std::to_string(f.size()) + " fields, the header " +
                    std::to_string(lines[0].size()));
      continue;
    }
    auto date = [&](const char* col, bool required) -> std::optional<Date> {
      const std::string v = get(col);
      if (v.empty()) {
        if (required) fail(col, "is empty; a date YYYY-MM-DD is expected");
        return std::nullopt;
      }
      auto d = Date::Parse(v);
      if (!d) fail(col, "'" + v + "' is not a date YYYY-MM-DD");
      return d;
    };
    auto code = [&]<typename E>(const char* col, E) -> E {
      const std::string v = get(col);
      auto c = FromCode<E>(v);
      if (!c) {
        fail(col, "'" + v + "' is not one of " + Allowed<E>());
        return E{};
      }
      return *c;
    };
    RegistrationRow row;
    row.registration_id = get("registration_id");
    if (row.registration_id.empty()) {
      fail("registration_id", "is empty");
    } else if (!seen_ids.insert(row.registration_id).second) {
      fail("registration_id", "'" + row.registration_id + "' appears twice in the file");
    }
    auto registered = date("registered_on", true);
    row.referrer = code("referrer", Referrer{});
    auto birth = date("mother_birth_date", true);
    row.household = code("household", Household{});
    {
      const std::string v = get("children_before");
      bool ok =
          !v.empty() && v.size() <= 2 && v.find_first_not_of("0123456789") == std::string::npos;
      if (!ok) {
        fail("children_before", "'" + v + "' is not a count (0-99)");
      } else {
        row.children_before = std::stoi(v);
      }
    }
    row.language = code("language", LanguageSkill{});
    row.housing = code("housing", Housing{});
    row.due_date = date("due_date", false);
    {
      const std::string v = get("delivered");
      if (v == "ja") {
        row.delivered = true;
      } else if (v != "nee") {
        fail("delivered", "'" + v + "' is not ja | nee");
      }
    }
    if (!row.delivered && !row.due_date && get("due_date").empty()) {
      fail("due_date", "is empty while delivered is nee");
    }
    row.vulnerability = code("vulnerability", Vulnerability{});
    {
      std::set<RegistrationReason> reasons;
      std::string v = get("reasons");
      std::size_t start = 0;
      while (start <= v.size()) {
        std::size_t end = v.find(';', start);
        if (end == std::string::npos) end = v.size();
        const std::string item = Trim(v.substr(start, end - start));
        if (!item.empty()) {
          auto r = FromCode<RegistrationReason>(item);
          if (!r) {
            fail("reasons",
                 "'" + item + "' is not a reason code (" + Allowed<RegistrationReason>() + ")");
          } else if (reasons.insert(*r).second) {
            row.reasons.push_back(*r);
          }
        }
        start = end + 1;
      }
    }
    if (registered) row.registered_on = *registered;
    if (birth) row.mother_birth_date = *birth;
    if (registered && birth && *birth >= *registered) {
      fail("mother_birth_date", "is not before registered_on");
    }
    if (out.errors.size() == errors_before) out.rows.push_back(std::move(row));
  }
  if (!out.errors.empty()) out.rows.clear();
  return out;
}

Result<ImportResult> ImportRegistrations(store::Store& store,
                                         const std::vector<RegistrationRow>& rows) {
  ImportResult result;
  Status s = store.Atomically([&]() -> Status {
    for (const RegistrationRow& row : rows) {
      auto known = store.Query("SELECT 1 FROM e_registration WHERE registration_id = ? LIMIT 1",
                               {crdt::Value{row.registration_id}});
      if (!known) return known.error();
      if (!known->empty()) {
        ++result.already_there;
        continue;
      }
      auto id = store.CreateDocument("dossier");
      if (!id) return id.error();
      auto doc = store.Get(*id);
      if (!doc) return doc.error();
      crdt::Document& d = **doc;
      const crdt::OpId mother = d.CreateRecord("mother");
      const crdt::OpId reg = d.CreateRecord("registration");
      auto text = [](auto v) { return crdt::Value{std::string(v)}; };
      for (Status st : {
               d.Set(mother, "birth_date", text(row.mother_birth_date.ToString())),
               d.Set(mother, "household", text(ToCode(row.household))),
               d.Set(mother, "children_before", std::int64_t{row.children_before}),
               d.Set(mother, "language", text(ToCode(row.language))),
               d.Set(mother, "housing", text(ToCode(row.housing))),
               d.Set(reg, "registration_id", text(row.registration_id)),
               d.Set(reg, "registered_on", text(row.registered_on.ToString())),
               d.Set(reg, "referrer", text(ToCode(row.referrer))),
               d.Set(reg, "vulnerability", text(ToCode(row.vulnerability))),
               d.Set(reg, "housing", text(ToCode(row.housing))),
               d.Set(reg, "language", text(ToCode(row.language))),
               d.Set(reg, "household", text(ToCode(row.household))),
               d.Set(reg, "children_before", std::int64_t{row.children_before}),
               d.Set(reg, "delivered", row.delivered),
           }) {
        if (!st) return st;
      }
      if (row.due_date) {
        if (Status st = d.Set(mother, "due_date", text(row.due_date->ToString())); !st) return st;
        if (!row.delivered) {
          if (Status st = d.Set(reg, "gestational_week",
                                std::int64_t{GestationalWeek(*row.due_date, row.registered_on)});
              !st) {
            return st;
          }
        }
      }
      for (RegistrationReason r : row.reasons) {
        if (Status st = d.AddToSet(reg, "reasons", text(ToCode(r))); !st) return st;
      }
      auto committed = store.Commit(*id);
      if (!committed) return committed.error();
      ++result.imported;
    }
    return Status::Ok();
  });
  if (!s) return s.error();
  return result;
}

}  // namespace naast::domain
