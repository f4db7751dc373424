// The mother's rights: an export of her dossier (readable and JSON) and the retention list.
#include "naast/domain/privacy.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "naast/crypto/crypto.h"
#include "test_util.h"

using namespace naast;
using domain::Date;

namespace {

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<store::Store> store =
      store::Store::Open(dir.path / "s.db", crypto::RandomKey(), 1, &testing::FixedClock()).value();

  // A dossier with a mother called `name` and the given register fields on her record.
  store::DocumentId Dossier(const std::string& name,
                            std::vector<std::pair<std::string, std::string>> mother_fields = {}) {
    const store::DocumentId id = store->CreateDocument("dossier").value();
    crdt::Document* doc = store->Get(id).value();
    const crdt::OpId m = doc->CreateRecord("mother");
    REQUIRE(doc->Set(m, "name", name).ok());
    for (const auto& [field, value] : mother_fields) REQUIRE(doc->Set(m, field, value).ok());
    REQUIRE(store->Commit(id).ok());
    return id;
  }
  void Close(const store::DocumentId& id, const std::string& closed_on,
             const std::string& aftercare_until) {
    crdt::Document* doc = store->Get(id).value();
    const crdt::OpId c = doc->CreateRecord("closure");
    REQUIRE(doc->Set(c, "closed_on", closed_on).ok());
    REQUIRE(doc->Set(c, "aftercare_until", aftercare_until).ok());
    REQUIRE(store->Commit(id).ok());
  }
};

}  // namespace

TEST_CASE("a dossier exports as a readable document and as JSON, with who looked at it",
          "[privacy][export]") {
  Fixture f;
  f.store->SetActor(store::Actor{"coach-7", "tablet-3"});
  const auto id = f.Dossier("Testmoeder Inzage", {{"due_date", "2027-02-01"}});
  const auto other = f.Dossier("Andere Testmoeder");
  crdt::Document* doc = f.store->Get(id).value();
  const crdt::OpId visit = doc->CreateRecord("visit");
  REQUIRE(doc->Set(visit, "date", std::string("2026-10-05")).ok());
  REQUIRE(doc->Set(visit, "duration_min", std::int64_t{50}).ok());
  REQUIRE(doc->AddToSet(visit, "present", std::string("moeder")).ok());
  REQUIRE(doc->AddToSet(visit, "present", std::string("partner")).ok());
  REQUIRE(
      doc->InsertText(visit, "notes", 0, "Samen de brieven gesorteerd.\nAfspraak gemaakt.").ok());
  REQUIRE(doc->Set(visit, "future_field", std::string("iets nieuws")).ok());  // not in the schema
  REQUIRE(f.store->Commit(id).ok());
  REQUIRE(f.store->Read(id).ok());

  auto exported = domain::ExportDossier(*f.store, id, Date::Parse("2026-11-25").value());
  REQUIRE(exported.ok());
  const std::string& text = exported->text;
  CHECK(text.find("cliënt (moeder)") != std::string::npos);
  CHECK(text.find("naam: Testmoeder Inzage") != std::string::npos);
  CHECK(text.find("uitgerekende datum: 2027-02-01") != std::string::npos);
  CHECK(text.find("contactmoment (2026-10-05)") != std::string::npos);
  CHECK(text.find("aanwezig: moeder, partner") != std::string::npos);
  CHECK(text.find("verslag:\nSamen de brieven gesorteerd.\nAfspraak gemaakt.") !=
        std::string::npos);
  CHECK(text.find("future_field: iets nieuws") != std::string::npos);
  CHECK(text.find("coach-7 (apparaat tablet-3): read") != std::string::npos);
  CHECK(text.find("Andere Testmoeder") == std::string::npos);  // nobody else's data

  const auto json = nlohmann::json::parse(exported->json);
  REQUIRE(json["dossier"] == id);
  REQUIRE(json["records"].size() == 2);
  const auto& v = json["records"][1];
  CHECK(v["type"] == "visit");
  CHECK(v["fields"]["duration_min"] == 50);
  CHECK(v["fields"]["present"] == nlohmann::json::array({"moeder", "partner"}));
  CHECK(v["fields"]["notes"] == "Samen de brieven gesorteerd.\nAfspraak gemaakt.");
  CHECK(json["access_log"].back()["action"] == "export");  // the export logs itself
  CHECK(exported->json.find("Andere Testmoeder") == std::string::npos);

  const auto trail = f.store->AuditTrail(id).value();
  REQUIRE(trail.back().action == "export");
  REQUIRE(domain::ExportDossier(*f.store, "0000", Date::Parse("2026-11-25").value()).error().code ==
          ErrorCode::kUnknownReference);
  (void)other;
}

TEST_CASE("dossiers past their retention date, and closed ones without a date, are listed",
          "[privacy][retention]") {
  Fixture f;
  const Date today = Date::Parse("2026-11-25").value();
  const auto past = f.Dossier("Moeder Verlopen", {{"retention_until", "2026-11-01"}});
  const auto on_day = f.Dossier("Moeder Vandaag", {{"retention_until", "2026-11-25"}});
  const auto future = f.Dossier("Moeder Later", {{"retention_until", "2027-06-01"}});
  const auto undecided = f.Dossier("Moeder Zonder Datum");
  f.Close(undecided, "2025-03-01", "2025-09-01");
  const auto in_aftercare = f.Dossier("Moeder Nazorg");
  f.Close(in_aftercare, "2026-09-01", "2027-03-01");
  const auto active = f.Dossier("Moeder Actief");
  (void)future;
  (void)in_aftercare;
  (void)active;

  auto due = domain::RetentionDue(*f.store, today);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 3);
  CHECK((*due)[0].doc == past);
  CHECK((*due)[1].doc == on_day);
  CHECK((*due)[2].doc == undecided);
  CHECK_FALSE((*due)[2].retention_until.has_value());
  CHECK((*due)[2].closed_on == Date::Parse("2025-03-01"));
  // After the erasure the dossier is off the list.
  REQUIRE(f.store->Erase(past).ok());
  REQUIRE(domain::RetentionDue(*f.store, today)->size() == 2);
}
