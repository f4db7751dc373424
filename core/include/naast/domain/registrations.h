// Registrations (aanmeldingen) from the aanmeldpunt's CSV export, and importing them into the
// store as new dossiers. A file with any bad row imports nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "naast/domain/codes.h"
#include "naast/domain/date.h"
#include "naast/result.h"
#include "naast/store/store.h"

namespace naast::domain {

struct RegistrationRow {
  std::string registration_id;
  Date registered_on;
  Referrer referrer;
  Date mother_birth_date;
  Household household;
  int children_before = 0;
  LanguageSkill language;
  Housing housing;
  std::optional<Date> due_date;  // empty once delivered
  bool delivered = false;
  Vulnerability vulnerability;
  std::vector<RegistrationReason> reasons;
};

struct RowError {
  std::size_t line;    // in the file, the header being line 1
  std::string column;  // the column's name from the header
  std::string message;
  std::string ToString() const;
};

struct ParsedRegistrations {
  std::vector<RegistrationRow> rows;
  std::vector<RowError> errors;  // when not empty, nothing may be imported
};

// The columns, in any order, named in a header row; UTF-8, comma-separated, fields may be
// quoted ("..." with "" for a quote). See naast-admin --help for the codes.
ParsedRegistrations ParseRegistrationsCsv(std::string_view csv);

struct ImportResult {
  std::size_t imported = 0;
  std::size_t already_there = 0;  // registration ids imported before: skipped
};

// One new dossier per row (a mother and her registration), all in one transaction.
Result<ImportResult> ImportRegistrations(store::Store& store,
                                         const std::vector<RegistrationRow>& rows);

}  // namespace naast::domain
