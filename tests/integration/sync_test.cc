// Sync end to end, with a real naast-sync process over TLS on loopback and real encrypted stores:
// enrolment, two devices editing one dossier offline, revocation, and what the server refuses.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/domain/privacy.h"
#include "naast/store/store.h"
#include "naast/sync/https_client.h"
#include "naast/sync/session.h"
#include "server_process.h"
#include "sync_fixture.h"
#include "test_util.h"

#ifndef NAAST_SYNC_SERVER
#error "NAAST_SYNC_SERVER must name the naast-sync executable"
#endif

using namespace naast;
using crdt::OpId;
using testing::Now;
using testing::Tablet;
using testing::Team;

TEST_CASE("two devices edit one dossier offline, sync over TLS, and end identical", "[sync][e2e]") {
  Team t;
  const std::string marker = "MARKER-sync-9Qw-schuldeisers";
  // The teamleider makes a dossier and syncs it.
  const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
  crdt::Document& a = t.leader.Doc(id);
  const OpId mother = a.CreateRecord("mother");
  REQUIRE(a.Set(mother, "name", std::string("Testmoeder Sync")).ok());
  const OpId visit = a.CreateRecord("visit");
  REQUIRE(a.Set(visit, "duration_min", std::int64_t{30}).ok());
  REQUIRE(a.AddToSet(visit, "present", std::string("moeder")).ok());
  REQUIRE(a.InsertText(visit, "notes", 0, "Post doorgenomen. " + marker).ok());
  REQUIRE(t.leader.store->Commit(id).ok());
  CHECK(t.leader.session->PendingChanges().value() == 1);  // the app's "changes waiting"
  auto first = t.leader.Sync();
  REQUIRE(first.ok());
  CHECK(first->pushed >= 2);  // the dossier's key and the change
  CHECK(t.leader.session->PendingChanges().value() == 0);

  auto got = t.coach.Sync();
  REQUIRE(got.ok());
  CHECK(got->applied == 1);
  REQUIRE(t.coach.store->Documents().value() == std::vector<store::DocumentId>{id});
  crdt::Document& b = t.coach.Doc(id);
  REQUIRE(b.Text(visit, "notes") == "Post doorgenomen. " + marker);
  // Who wrote it: the leader's device, learnt from the signed envelope; its own replica is not
  // in the map.
  CHECK(sync::ReplicaAuthor(*t.coach.store, a.self()).value() == t.leader.device->id());
  CHECK_FALSE(sync::ReplicaAuthor(*t.coach.store, b.self()).value().has_value());

  // Offline, both change the same note, the same field and the same set.
  REQUIRE(
      a.InsertText(visit, "notes", a.TextLength(visit, "notes"), " Moeder was opgelucht.").ok());
  REQUIRE(a.Set(visit, "duration_min", std::int64_t{45}).ok());
  REQUIRE(a.AddToSet(visit, "present", std::string("partner")).ok());
  REQUIRE(t.leader.store->Commit(id).ok());
  REQUIRE(b.InsertText(visit, "notes", 0, "Kort: ").ok());
  REQUIRE(b.Set(visit, "duration_min", std::int64_t{60}).ok());
  REQUIRE(b.AddToSet(visit, "present", std::string("oma")).ok());
  REQUIRE(b.RemoveFromSet(visit, "present", std::string("moeder")).ok());
  REQUIRE(t.coach.store->Commit(id).ok());
  CHECK(t.coach.session->PendingChanges().value() == 1);

  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());
  REQUIRE(t.leader.Sync().ok());

  crdt::Document& a2 = t.leader.Doc(id);
  crdt::Document& b2 = t.coach.Doc(id);
  CHECK(a2.Text(visit, "notes") == "Kort: Post doorgenomen. " + marker + " Moeder was opgelucht.");
  CHECK(a2.Save() == b2.Save());
  CHECK(a2.Elements(visit, "present") == b2.Elements(visit, "present"));
  CHECK(a2.Contains(visit, "present", std::string("partner")));
  CHECK(a2.Contains(visit, "present", std::string("oma")));
  CHECK_FALSE(a2.Contains(visit, "present", std::string("moeder")));
  // The losing duration is still there to show, on both.
  REQUIRE(a2.Overwritten(visit, "duration_min").size() == 1);
  REQUIRE(b2.Overwritten(visit, "duration_min").size() == 1);
  CHECK(a2.Get(visit, "duration_min")->value == b2.Get(visit, "duration_min")->value);

  // A second sync with nothing new moves nothing.
  auto idle = t.coach.Sync();
  REQUIRE(idle.ok());
  CHECK(idle->pushed == 0);
  CHECK(idle->applied == 0);

  // The server's storage (its files, or its PostgreSQL tables) holds none of the content.
  const std::string stored = t.server.StoredBytes();
  CHECK(stored.size() > 1000);
  CHECK(stored.find(marker) == std::string::npos);
  CHECK(stored.find("Testmoeder") == std::string::npos);
  CHECK(stored.find("opgelucht") == std::string::npos);
  CHECK(t.server.log().find("Testmoeder") == std::string::npos);
  CHECK(t.server.Stop() == 0);  // SIGTERM: a clean exit
}

TEST_CASE("the server refuses revoked devices, non-members, tampered and replayed requests",
          "[sync][e2e]") {
  Team t;
  const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
  crdt::Document& a = t.leader.Doc(id);
  const OpId visit = a.CreateRecord("visit");
  REQUIRE(a.InsertText(visit, "notes", 0, "Eerste bezoek.").ok());
  REQUIRE(t.leader.store->Commit(id).ok());
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());

  SECTION("a dossier erased on one tablet stays erased there, and sync goes on") {
    REQUIRE(t.coach.store->Erase(id).ok());
    auto after = t.coach.Sync();
    INFO((after ? "" : after.error().ToString()));
    REQUIRE(after.ok());
    CHECK(t.coach.store->Documents().value().empty());
    CHECK(t.coach.store->IsErased(id).value());
  }

  SECTION("a device that was never approved") {
    Tablet stranger(t.server);
    auto refused = stranger.Sync();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("not_enrolled") != std::string::npos);
  }

  SECTION("a change signed by a non-member, and a tampered envelope") {
    Tablet stranger(t.server);
    sync::SyncRequest q;
    q.team = t.leader.device->registry().team();
    const auto doc_key = t.leader.store->DocumentKey(id).value();
    sync::EnvelopeHeader h;
    h.kind = sync::EnvelopeKind::kChange;
    h.team = q.team;
    h.doc = id;
    h.epoch = 1;
    h.replica = 77;
    h.start = 1;
    h.end = 2;
    // Signed by the stranger, sent by the coach (a member): refused per envelope.
    const std::vector<std::uint8_t> junk = {1, 2, 3};
    q.push.push_back(
        sync::EncodeEnvelope(sync::SealEnvelope(h, doc_key, junk, stranger.device->signing())));
    // Signed by the coach, then changed in transit.
    auto tampered = sync::SealEnvelope(h, doc_key, junk, t.coach.device->signing());
    tampered.sealed[tampered.sealed.size() / 2] ^= 1;
    q.push.push_back(sync::EncodeEnvelope(tampered));
    const auto body = sync::EncodeSignedRequest(sync::SignRequest(
        t.coach.device->signing(), sync::kSyncPath, sync::EncodeSyncRequest(q), Now()));
    auto res = t.coach.client->Post(sync::kSyncPath, body);
    REQUIRE(res.ok());
    REQUIRE(res->status == 200);
    auto reply = sync::DecodeSyncResponse(res->body).value();
    REQUIRE(reply.results.size() == 2);
    CHECK(reply.results[0].status == sync::PushStatus::kRefused);
    CHECK(reply.results[0].reason.find("not signed by a team device") != std::string::npos);
    CHECK(reply.results[1].status == sync::PushStatus::kRefused);
    CHECK(reply.results[1].reason.find("signature") != std::string::npos);

    // The same signed request again: refused as a replay.
    auto again = t.coach.client->Post(sync::kSyncPath, body);
    REQUIRE(again.ok());
    CHECK(again->status == 409);
    CHECK(sync::ServerError(*again).message.find("replayed") != std::string::npos);
  }

  SECTION("malformed and oversized requests get a 4xx, and the server serves others") {
    const std::vector<std::uint8_t> garbage = {'h', 'e', 'l', 'l', 'o'};
    auto bad = t.coach.client->Post(sync::kSyncPath, garbage);
    REQUIRE(bad.ok());
    CHECK(bad->status == 400);
    CHECK(sync::ServerError(*bad).message.find("bad_request") != std::string::npos);
    sync::HttpsClient big(t.server.ClientOptions());
    auto huge = big.Post(sync::kSyncPath, std::vector<std::uint8_t>(20 << 20, 0));
    if (huge.ok()) CHECK(huge->status == 413);  // or the server cut the connection
    auto health = t.coach.client->Get("/healthz");
    REQUIRE(health.ok());
    CHECK(health->status == 200);
    REQUIRE(t.coach.Sync().ok());
    auto metrics = t.coach.client->Get("/metrics");
    REQUIRE(metrics.ok());
    const std::string text(metrics->body.begin(), metrics->body.end());
    CHECK(text.find("naast_requests_bad_total 1") != std::string::npos);
    CHECK(text.find("naast_envelopes_stored_total") != std::string::npos);
  }

  SECTION("a revoked device is refused and told to wipe; writes under the old key are refused") {
    REQUIRE(t.leader.device->Revoke(t.coach.device->id(), Now()).ok());
    REQUIRE(t.leader.Sync().ok());
    REQUIRE(t.leader.device->registry().epoch() == 2);
    bool wipe = false;
    auto refused = t.coach.Sync(&wipe);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("revoked") != std::string::npos);
    CHECK(wipe);
    // The teamleider goes on under the new epoch.
    REQUIRE(a.InsertText(visit, "notes", 0, "Na intrekking: ").ok());
    REQUIRE(t.leader.store->Commit(id).ok());
    auto after = t.leader.Sync();
    REQUIRE(after.ok());
    CHECK(after->refused == 0);
  }
}

TEST_CASE("a student sees only the dossiers assigned to her", "[sync][e2e]") {
  Team t;
  Tablet student(t.server);
  REQUIRE(t.leader.device
              ->Approve(student.device->id(), student.device->box().public_key,
                        student.device->Code(), sync::Role::kStudent, "tablet 3", Now())
              .ok());
  auto make = [&](const std::string& name) {
    const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
    crdt::Document& d = t.leader.Doc(id);
    const OpId m = d.CreateRecord("mother");
    REQUIRE(d.Set(m, "name", name).ok());
    REQUIRE(t.leader.store->Commit(id).ok());
    return id;
  };
  const store::DocumentId assigned = make("Testmoeder Toegewezen");
  const store::DocumentId other = make("Testmoeder Anders");
  REQUIRE(t.leader.device->Assign(student.device->id(), assigned, Now()).ok());
  REQUIRE(t.leader.Sync().ok());

  auto pulled = student.Sync();
  INFO((pulled ? "" : pulled.error().ToString()));
  REQUIRE(pulled.ok());
  REQUIRE(student.store->Documents().value() == std::vector<store::DocumentId>{assigned});
  CHECK(student.device->TeamKey(1) == nullptr);  // no team key for students
  crdt::Document& mine = student.Doc(assigned);
  REQUIRE(mine.Records().size() == 1);

  // She writes in her dossier; the coach sees it.
  const OpId visit = mine.CreateRecord("visit");
  REQUIRE(mine.InsertText(visit, "notes", 0, "Verslag van de student.").ok());
  REQUIRE(student.store->Commit(assigned).ok());
  auto pushed = student.Sync();
  REQUIRE(pushed.ok());
  CHECK(pushed->refused == 0);
  REQUIRE(t.coach.Sync().ok());
  CHECK(t.coach.Doc(assigned).Text(visit, "notes") == "Verslag van de student.");

  // A change to a dossier she was not given is refused by the server.
  sync::SyncRequest q;
  q.team = t.leader.device->registry().team();
  sync::EnvelopeHeader h;
  h.team = q.team;
  h.doc = other;
  h.epoch = 1;
  h.replica = 5;
  h.start = 1;
  h.end = 2;
  const std::vector<std::uint8_t> junk = {1};
  q.push.push_back(sync::EncodeEnvelope(
      sync::SealEnvelope(h, crypto::RandomKey(), junk, student.device->signing())));
  auto res = student.client->Post(sync::kSyncPath, sync::EncodeSignedRequest(sync::SignRequest(
                                                       student.device->signing(), sync::kSyncPath,
                                                       sync::EncodeSyncRequest(q), Now())));
  REQUIRE(res.ok());
  REQUIRE(res->status == 200);
  auto reply = sync::DecodeSyncResponse(res->body).value();
  REQUIRE(reply.results.size() == 1);
  CHECK(reply.results[0].status == sync::PushStatus::kRefused);
  CHECK(reply.results[0].reason.find("no access") != std::string::npos);
  for (const auto& d : reply.server_has) CHECK(d.doc != other);
}

TEST_CASE("a closed dossier leaves a coach's tablet after nazorg and does not come back",
          "[sync][e2e]") {
  Team t;
  auto make = [&](const std::string& name, const std::string& closed_on,
                  const std::string& aftercare_until) {
    const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
    crdt::Document& d = t.leader.Doc(id);
    const OpId m = d.CreateRecord("mother");
    REQUIRE(d.Set(m, "name", name).ok());
    if (!closed_on.empty()) {
      const OpId c = d.CreateRecord("closure");
      REQUIRE(d.Set(c, "closed_on", closed_on).ok());
      REQUIRE(d.Set(c, "aftercare_until", aftercare_until).ok());
    }
    REQUIRE(t.leader.store->Commit(id).ok());
    return id;
  };
  const store::DocumentId active = make("Testmoeder Actief", "", "");
  const store::DocumentId aftercare = make("Testmoeder Nazorg", "2026-09-01", "2027-03-01");
  const store::DocumentId ended = make("Testmoeder Afgesloten", "2025-10-01", "2026-04-01");
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());
  REQUIRE(t.coach.store->Documents().value().size() == 3);

  const domain::Date today = domain::Date::Parse("2026-11-25").value();
  auto removed = domain::RemoveDossiersPastAftercare(*t.coach.store, today);
  REQUIRE(removed.ok());
  CHECK(*removed == 1);
  const auto left = t.coach.store->Documents().value();
  CHECK(std::find(left.begin(), left.end(), ended) == left.end());
  CHECK(std::find(left.begin(), left.end(), active) != left.end());
  CHECK(std::find(left.begin(), left.end(), aftercare) != left.end());
  CHECK(t.coach.store->IsErased(ended).value());

  // The teamleider's tablet keeps it for the retention decision, and may still write in it.
  crdt::Document& kept = t.leader.Doc(ended);
  const OpId note = kept.CreateRecord("visit");
  REQUIRE(kept.InsertText(note, "notes", 0, "Overdracht afgerond.").ok());
  REQUIRE(t.leader.store->Commit(ended).ok());
  REQUIRE(t.leader.Sync().ok());
  auto again = t.coach.Sync();
  INFO((again ? "" : again.error().ToString()));
  REQUIRE(again.ok());
  CHECK(again->refused == 0);
  CHECK(t.coach.store->IsErased(ended).value());
  CHECK(t.coach.store->Documents().value().size() == 2);
  // Nothing more to remove.
  CHECK(domain::RemoveDossiersPastAftercare(*t.coach.store, today).value() == 0);
  CHECK(domain::DossiersPastAftercare(*t.leader.store, today).value() ==
        std::vector<store::DocumentId>{ended});
}

TEST_CASE("a dagboek entry marked discussed on one tablet reaches the other", "[sync][e2e]") {
  Team t;
  const store::DocumentId id = t.leader.store->CreateDocument("dossier").value();
  crdt::Document& d = t.leader.Doc(id);
  const OpId m = d.CreateRecord("mother");
  REQUIRE(d.Set(m, "name", std::string("Testmoeder Dagboek")).ok());
  REQUIRE(t.leader.store->Commit(id).ok());
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());

  // What the app's "Besproken" writes: a diary_progress record with the mother's own note.
  crdt::Document& c = t.coach.Doc(id);
  const OpId progress = c.CreateRecord("diary_progress");
  REQUIRE(c.Set(progress, "entry", std::string("baby:6")).ok());
  REQUIRE(c.Set(progress, "discussed_on", std::string("2026-11-25")).ok());
  REQUIRE(c.InsertText(progress, "mother_note", 0, "Ze schrijft de nummers op.").ok());
  REQUIRE(t.coach.store->Commit(id).ok());
  REQUIRE(t.coach.Sync().ok());
  REQUIRE(t.leader.Sync().ok());

  auto rows = t.leader.store->Query(
      "SELECT entry, discussed_on, mother_note FROM e_diary_progress WHERE doc = ?1 AND "
      "deleted = 0",
      {id});
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK(std::get<std::string>((*rows)[0][0]) == "baby:6");
  CHECK(std::get<std::string>((*rows)[0][1]) == "2026-11-25");
  CHECK(std::get<std::string>((*rows)[0][2]) == "Ze schrijft de nummers op.");
}
