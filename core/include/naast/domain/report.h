// The programme's monitoring figures (seeds 000 and 002), computed from the records: counts
// only, no personal data in the output.
#pragma once

#include <string>
#include <vector>

#include "naast/domain/date.h"
#include "naast/result.h"
#include "naast/store/store.h"

namespace naast::domain {

struct Figure {
  std::string table;     // registrations_by_year, vulnerability, age_at_registration, ...
  std::string category;  // the code or bucket
  std::string value;     // a count, or for mean_trajectory_weeks a number with one decimal
};

// Figures over the registrations with registered_on in [from, to].
Result<std::vector<Figure>> ComputeReport(store::Store& store, Date from, Date to);

std::string ReportCsv(const std::vector<Figure>& figures);   // table,category,count
std::string ReportText(const std::vector<Figure>& figures);  // for people, grouped by table

}  // namespace naast::domain
