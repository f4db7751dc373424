// Snapshots: a fresh device starts from the newest snapshot of each dossier and pulls only the
// changes after it, over many small pages, also after the team moved to a new key epoch.
#include <catch2/catch.hpp>
#include <string>

#include "naast/store/store.h"
#include "naast/sync/session.h"
#include "sync_fixture.h"

using namespace naast;
using crdt::OpId;
using testing::Now;
using testing::Tablet;
using testing::Team;

namespace {

// A visit note typed in bursts: one change per burst, one operation per character.
void TypeNote(Tablet& t, const store::DocumentId& id, int bursts) {
  crdt::Document& d = t.Doc(id);
  const OpId visit = d.CreateRecord("visit");
  REQUIRE(d.Set(visit, "duration_min", std::int64_t{30}).ok());
  REQUIRE(t.store->Commit(id).ok());
  for (int i = 0; i < bursts; ++i) {
    REQUIRE(d.InsertText(visit, "notes", d.TextLength(visit, "notes"),
                         "Gesprek over de post en de afspraken van deze week. ")
                .ok());
    REQUIRE(t.store->Commit(id).ok());
  }
}

void Approve(Tablet& leader, Tablet& device, const char* label) {
  REQUIRE(leader.device
              ->Approve(device.device->id(), device.device->box().public_key, device.device->Code(),
                        sync::Role::kCoach, label, Now())
              .ok());
  REQUIRE(leader.Sync().ok());
}

}  // namespace

TEST_CASE("a fresh device starts from snapshots and pulls only the changes after them",
          "[sync][e2e][snapshot]") {
  Team t;
  t.leader.session->snapshot_every_ops = 500;
  std::vector<store::DocumentId> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(t.leader.store->CreateDocument("dossier").value());
    TypeNote(t.leader, ids.back(), 30);  // ~1,600 operations in 31 changes
  }
  auto first = t.leader.Sync();
  REQUIRE(first.ok());
  CHECK(first->refused == 0);
  // After the snapshots, more history that they do not include: from the teamleider and,
  // concurrently, from the coach.
  REQUIRE(t.coach.Sync().ok());
  for (const auto& id : ids) TypeNote(t.leader, id, 3);
  TypeNote(t.coach, ids[0], 2);
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.coach.Sync().ok());
  REQUIRE(t.leader.Sync().ok());

  // The team moves to a new key epoch before the new device joins: the dossier keys it can
  // open come after the changes in the server's order.
  Tablet old_device(t.server);
  Approve(t.leader, old_device, "tablet 3");
  REQUIRE(t.leader.device->Revoke(old_device.device->id(), Now()).ok());
  REQUIRE(t.leader.Sync().ok());
  REQUIRE(t.leader.device->registry().epoch() == 2);

  Tablet fresh(t.server);
  fresh.session->page_bytes = 400;  // a page or two per envelope: every page boundary must hold
  fresh.session->snapshot_every_ops = 0;
  Approve(t.leader, fresh, "tablet 4");
  int pages = 0;
  sync::SyncProgress total;
  auto pulled = sync::SyncNow(*fresh.session, *fresh.client, Now,
                              [&](const sync::SyncProgress&) { ++pages; });
  INFO((pulled ? "" : pulled.error().ToString()));
  REQUIRE(pulled.ok());
  CHECK(pages > 3);
  CHECK(pulled->snapshots == ids.size());
  CHECK(pulled->waiting == 0);
  // Far fewer changes than the history holds: only those after the snapshots.
  std::size_t history = 0;
  for (const auto& id : ids) history += t.leader.store->ChangesSince(id, {}).value().size();
  CHECK(pulled->applied <= 3 * 4 + 3);
  CHECK(pulled->applied < history / 4);
  for (const auto& id : ids) {
    CHECK(fresh.Doc(id).Save() == t.leader.Doc(id).Save());
  }

  // The fresh device writes on top of its snapshots; the others receive it.
  TypeNote(fresh, ids[1], 1);
  REQUIRE(fresh.Sync().ok());
  REQUIRE(t.leader.Sync().ok());
  CHECK(t.leader.Doc(ids[1]).Save() == fresh.Doc(ids[1]).Save());

  // Its tables rebuilt from the log (on the snapshot) are the same, and so is a reopened store.
  const std::string tables = fresh.store->DumpTables().value();
  REQUIRE(fresh.store->RebuildTables().ok());
  CHECK(fresh.store->DumpTables().value() == tables);
}
