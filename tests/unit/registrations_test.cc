// Importing the aanmeldpunt's CSV export: all rows or none, errors naming line and column.
#include "naast/domain/registrations.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "naast/crypto/crypto.h"

using namespace naast;
using namespace naast::domain;

namespace {

struct TempStore {
  std::filesystem::path dir;
  crdt::HybridClock clock{[] { return std::uint64_t{1'790'000'000'000}; }};
  std::unique_ptr<store::Store> store;
  TempStore() {
    char tmpl[] = "/tmp/naast-import-XXXXXX";
    dir = mkdtemp(tmpl);
    store = store::Store::Open(dir / "s.db", crypto::RandomKey(), 1, &clock).value();
  }
  ~TempStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

const char* kHeader =
    "registration_id,registered_on,referrer,mother_birth_date,household,children_before,"
    "language,housing,due_date,delivered,vulnerability,reasons\n";

}  // namespace

TEST_CASE("a good export imports one dossier per row, once", "[import]") {
  const std::string csv =
      std::string("\xEF\xBB\xBF") + kHeader +
      "A-1001,2026-02-03,verloskundige,2004-05-06,alleenstaand,0,matig,"
      "dreigende_uitzetting,2026-07-20,nee,zeer_kwetsbaar,schulden;veel_stress\r\n"
      "\"A-1002, tweede\",2026-02-10,zelfmelder,1990-01-31,partner,3,geen,"
      "stabiel,,ja,kwetsbaar,taalprobleem\r\n"
      "A-1003,2026-03-01,wijkteam,1999-12-31,alleenstaand,1,voldoende_nl,"
      "dakloos,2026-09-01,nee,potentieel,\n";
  auto parsed = ParseRegistrationsCsv(csv);
  REQUIRE(parsed.errors.empty());
  REQUIRE(parsed.rows.size() == 3);
  REQUIRE(parsed.rows[1].registration_id == "A-1002, tweede");
  REQUIRE(parsed.rows[0].reasons ==
          std::vector{RegistrationReason::kDebts, RegistrationReason::kStress});
  REQUIRE(parsed.rows[1].delivered);
  REQUIRE(parsed.rows[2].reasons.empty());

  TempStore t;
  auto result = ImportRegistrations(*t.store, parsed.rows);
  REQUIRE(result.ok());
  REQUIRE(result->imported == 3);
  REQUIRE(t.store->Documents()->size() == 3);
  auto rows = t.store
                  ->Query(
                      "SELECT registration_id, referrer, gestational_week FROM e_registration "
                      "ORDER BY registration_id")
                  .value();
  REQUIRE(rows.size() == 3);
  REQUIRE(std::get<std::string>(rows[0][1]) == "verloskundige");
  REQUIRE(std::get<std::int64_t>(rows[0][2]) == 16);  // due 2026-07-20, registered 2026-02-03
  REQUIRE(std::holds_alternative<std::monostate>(rows[1][2]));  // delivered: no pregnancy week
  auto reasons = t.store->Query("SELECT count(*) FROM e_registration_reasons").value();
  REQUIRE(std::get<std::int64_t>(reasons[0][0]) == 3);

  // The same export again adds nothing.
  auto again = ImportRegistrations(*t.store, parsed.rows);
  REQUIRE(again->imported == 0);
  REQUIRE(again->already_there == 3);
  REQUIRE(t.store->Documents()->size() == 3);
}

TEST_CASE("a bad row names its line and column, and nothing is imported", "[import]") {
  struct Case {
    std::string row;
    std::string column;
  };
  const Case cases[] = {
      {"B-1,2026-02-03,buurvrouw,2004-05-06,alleenstaand,0,matig,stabiel,2026-07-20,nee,kwetsbaar,",
       "referrer"},
      {"B-1,2026-02-30,huisarts,2004-05-06,alleenstaand,0,matig,stabiel,2026-07-20,nee,kwetsbaar,",
       "registered_on"},
      {"B-1,2026-02-03,huisarts,2004-05-06,alleenstaand,twee,matig,stabiel,2026-07-20,nee,"
       "kwetsbaar,",
       "children_before"},
      {"B-1,2026-02-03,huisarts,2004-05-06,alleenstaand,0,matig,stabiel,,nee,kwetsbaar,",
       "due_date"},
      {"B-1,2026-02-03,huisarts,2004-05-06,alleenstaand,0,matig,stabiel,2026-07-20,misschien,"
       "kwetsbaar,",
       "delivered"},
      {"B-1,2026-02-03,huisarts,2004-05-06,alleenstaand,0,matig,stabiel,2026-07-20,nee,kwetsbaar,"
       "schulden;geldzorgen",
       "reasons"},
      {"B-1,2026-02-03,huisarts,2030-05-06,alleenstaand,0,matig,stabiel,2026-07-20,nee,kwetsbaar,",
       "mother_birth_date"},
      {"B-1,2026-02-03,huisarts", "-"},
  };
  for (const Case& c : cases) {
    INFO(c.row);
    const std::string good =
        "G-1,2026-01-05,huisarts,2001-01-01,partner,1,geen,stabiel,2026-06-01,nee,kwetsbaar,"
        "schulden\n";
    auto parsed = ParseRegistrationsCsv(std::string(kHeader) + good + c.row + "\n");
    REQUIRE(parsed.errors.size() >= 1);
    REQUIRE(parsed.errors[0].line == 3);
    REQUIRE(parsed.errors[0].column == c.column);
    REQUIRE(parsed.rows.empty());  // the good row is not imported either
  }
  auto dup = ParseRegistrationsCsv(std::string(kHeader) +
                                   "D-1,2026-01-05,huisarts,2001-01-01,partner,1,geen,stabiel,"
                                   "2026-06-01,nee,kwetsbaar,\n"
                                   "D-1,2026-01-06,huisarts,2001-01-01,partner,1,geen,stabiel,"
                                   "2026-06-01,nee,kwetsbaar,\n");
  REQUIRE(dup.errors.at(0).column == "registration_id");
  auto missing = ParseRegistrationsCsv("registration_id,registered_on\nX,2026-01-01\n");
  REQUIRE(missing.errors.at(0).line == 1);
  REQUIRE(missing.errors.at(0).column == "referrer");
  REQUIRE(ParseRegistrationsCsv("").errors.size() == 1);
  REQUIRE(ParseRegistrationsCsv(std::string(kHeader) + "\"open quote,").errors.at(0).line == 2);
  REQUIRE(ParseRegistrationsCsv(std::string(kHeader) + "X,1\n")
              .errors.at(0)
              .ToString()
              .find("line 2") == 0);
}
