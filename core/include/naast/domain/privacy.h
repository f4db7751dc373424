// The mother's rights under the AVG: access (an export of her dossier) and storage limitation
// (dossiers past their retention date, listed for a decision). Erasure itself is
// store::Store::Erase.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "naast/domain/date.h"
#include "naast/result.h"
#include "naast/store/store.h"

namespace naast::domain {

struct DossierExport {
  std::string text;  // a readable document in Dutch (inzageverzoek), plain UTF-8 text
  std::string json;  // the same content, machine-readable (data portability)
};

// Everything one dossier holds: each record with its fields (Dutch labels in the text), the
// notes in full, and who looked at the file (the audit trail). Logs an export.
Result<DossierExport> ExportDossier(store::Store& store, const store::DocumentId& doc, Date today);

struct RetentionItem {
  store::DocumentId doc;
  std::string name;
  std::optional<Date> closed_on;
  std::optional<Date> retention_until;  // empty: closed, but no date decided yet
};

// Dossiers whose retention date (mother.retention_until, set per dossier) is on or before
// `today`, then closed dossiers whose nazorg has ended and that have no retention date yet:
// both need a teamleider's decision (erase, or keep with a new date). Logs a search.
Result<std::vector<RetentionItem>> RetentionDue(store::Store& store, Date today);

// Dossiers that leave the tablets of coaches and students: closed, and their nazorg over (no
// nazorg date, or one before `today`). A teamleider's tablet keeps them for the retention
// decision (RetentionDue).
Result<std::vector<store::DocumentId>> DossiersPastAftercare(store::Store& store, Date today);

// Removes those dossiers from this tablet with Store::Erase (key destroyed, content overwritten;
// a later sync does not bring them back). The copies on the server and on teamleider tablets
// stay. Returns how many were removed.
Result<int> RemoveDossiersPastAftercare(store::Store& store, Date today);

}  // namespace naast::domain
