// naast-sync-demo: what scripts/run shows until the app exists. Two tablets and a running
// naast-sync: a teamleider starts a team and approves a coach's tablet by its code, writes a
// synthetic caseload, the coach pulls it, both edit one visit offline, and both sync and agree.
//
//   naast-sync-demo --server HOST:PORT --ca CERT.pem --work DIR [--approve QR-PAYLOAD]
// --approve: at the end the teamleider also approves the app tablet that shows this QR
// payload (naast-app prints it), as a coach, so that the app can join and sync.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/domain/queries.h"
#include "naast/domain/team_generator.h"
#include "naast/store/store.h"
#include "naast/sync/enrolment.h"
#include "naast/sync/https_client.h"
#include "naast/sync/session.h"

using namespace naast;

namespace {

std::uint64_t Now() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

struct Tablet {
  std::string name;
  crdt::HybridClock clock;
  std::unique_ptr<store::Store> store;
  std::optional<sync::Device> device;
  std::optional<sync::SyncSession> session;
  std::unique_ptr<sync::HttpsClient> client;
};

int Fail(const std::string& what) {
  std::fprintf(stderr, "naast-sync-demo: %s\n", what.c_str());
  return 1;
}

Status Open(Tablet& t, const std::filesystem::path& dir, const sync::HttpsClient::Options& o) {
  std::filesystem::create_directories(dir);
  // The app unlocks this key with the coach's PIN (KeyVault); the demo makes a fresh one.
  auto store = store::Store::Open(dir / "naast.db", crypto::RandomKey(), 0, &t.clock);
  if (!store) return store.error();
  t.store = std::move(store.value());
  t.store->SetActor(store::Actor{t.name, t.name + "-tablet"});
  auto device = sync::Device::Load(*t.store);
  if (!device) return device.error();
  t.device.emplace(std::move(device.value()));
  t.session.emplace(*t.store, *t.device);
  t.client = std::make_unique<sync::HttpsClient>(o);
  return Status::Ok();
}

Result<sync::SyncProgress> Sync(Tablet& t) {
  const auto started = std::chrono::steady_clock::now();
  auto p = sync::SyncNow(*t.session, *t.client, Now);
  if (!p) return p;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  std::printf("  %-11s synced in %4lld ms: pushed %zu, pulled %zu, applied %zu changes\n",
              t.name.c_str(), static_cast<long long>(ms), p->pushed, p->pulled, p->applied);
  return p;
}

void ShowVisit(const char* who, crdt::Document& doc, crdt::OpId visit) {
  auto duration = doc.Get(visit, "duration_min");
  std::printf("  %s\n    duration_min: %s", who,
              duration ? crdt::ToString(duration->value).c_str() : "-");
  for (const auto& lost : doc.Overwritten(visit, "duration_min")) {
    std::printf("   (overwritten: %s)", crdt::ToString(lost.value).c_str());
  }
  std::printf("\n    notes: %s\n", doc.Text(visit, "notes").c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string server, ca, work, approve;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--server") server = argv[i + 1];
    if (a == "--ca") ca = argv[i + 1];
    if (a == "--work") work = argv[i + 1];
    if (a == "--approve") approve = argv[i + 1];
  }
  const auto colon = server.rfind(':');
  if (server.empty() || ca.empty() || work.empty() || colon == std::string::npos) {
    std::fprintf(stderr, "usage: naast-sync-demo --server HOST:PORT --ca CERT.pem --work DIR\n");
    return 2;
  }
  sync::HttpsClient::Options o;
  o.host = server.substr(0, colon);
  o.port = static_cast<std::uint16_t>(std::stoi(server.substr(colon + 1)));
  o.ca_file = ca;

  Tablet leader, coach;
  leader.name = "teamleider";
  coach.name = "coach";
  if (Status s = Open(leader, std::filesystem::path(work) / "teamleider", o); !s) {
    return Fail(s.error().ToString());
  }
  if (Status s = Open(coach, std::filesystem::path(work) / "coach", o); !s) {
    return Fail(s.error().ToString());
  }

  std::printf("1. The teamleider starts a team; the coach's tablet shows its code: %s\n",
              coach.device->Code().c_str());
  if (auto e = leader.device->CreateTeam("tablet teamleider", Now()); !e) {
    return Fail(e.error().ToString());
  }
  if (auto e =
          leader.device->Approve(coach.device->id(), coach.device->box().public_key,
                                 coach.device->Code(), sync::Role::kCoach, "tablet coach", Now());
      !e) {
    return Fail(e.error().ToString());
  }
  if (auto p = Sync(leader); !p) return Fail(p.error().ToString());

  std::printf("2. The teamleider's tablet holds a synthetic team (3 years) and syncs it\n");
  domain::TeamShape shape;
  auto stats = domain::GenerateTeam(*leader.store, shape);
  if (!stats) return Fail(stats.error().ToString());
  std::printf("  %d dossiers, %d visits, %d changes\n", stats->dossiers, stats->visits,
              stats->changes);
  if (auto p = Sync(leader); !p) return Fail(p.error().ToString());
  if (auto p = Sync(coach); !p) return Fail(p.error().ToString());

  std::printf("3. The coach's caseload, from the pulled dossiers (first five):\n");
  auto caseload = domain::Caseload(*coach.store, domain::TeamSettings{}, shape.today);
  if (!caseload) return Fail(caseload.error().ToString());
  for (std::size_t i = 0; i < caseload->size() && i < 5; ++i) {
    const auto& c = (*caseload)[i];
    std::printf("  %-24s %-10s next visit %s%s%s\n", c.name.c_str(),
                std::string(domain::Describe(c.phase).en).c_str(),
                c.next_visit_due.ToString().c_str(), c.overdue ? "  OVERDUE" : "",
                c.crisis ? "  CRISIS" : "");
  }

  std::printf("4. Offline, both write in the same visit of the first mother\n");
  const store::DocumentId doc = caseload->front().doc;
  crdt::Document& a = *leader.store->Get(doc).value();
  const crdt::OpId visit = a.CreateRecord("visit");
  (void)a.Set(visit, "date", shape.today.ToString());
  (void)a.Set(visit, "duration_min", std::int64_t{45});
  (void)a.InsertText(visit, "notes", 0, "Samen de post doorgenomen.");
  if (auto c = leader.store->Commit(doc); !c) return Fail(c.error().ToString());
  if (auto p = Sync(leader); !p) return Fail(p.error().ToString());
  if (auto p = Sync(coach); !p) return Fail(p.error().ToString());
  crdt::Document& b = *coach.store->Get(doc).value();
  (void)a.InsertText(visit, "notes", a.TextLength(visit, "notes"), " Afspraak bij de schuldhulp.");
  (void)a.Set(visit, "duration_min", std::int64_t{50});
  (void)b.InsertText(visit, "notes", 0, "Moeder was moe. ");
  (void)b.Set(visit, "duration_min", std::int64_t{60});
  if (auto c = leader.store->Commit(doc); !c) return Fail(c.error().ToString());
  if (auto c = coach.store->Commit(doc); !c) return Fail(c.error().ToString());
  ShowVisit("teamleider, before sync:", a, visit);
  ShowVisit("coach, before sync:", b, visit);

  std::printf("5. Both sync\n");
  for (Tablet* t : {&leader, &coach, &leader}) {
    if (auto p = Sync(*t); !p) return Fail(p.error().ToString());
  }
  crdt::Document& a2 = *leader.store->Get(doc).value();
  crdt::Document& b2 = *coach.store->Get(doc).value();
  ShowVisit("teamleider, after sync:", a2, visit);
  ShowVisit("coach, after sync:", b2, visit);
  const bool same = a2.Save() == b2.Save();
  std::printf("same dossier on both tablets: %s\n", same ? "yes" : "NO");
  if (!approve.empty()) {
    auto keys = sync::ParseEnrolmentPayload(approve);
    if (!keys) return Fail("--approve: " + keys.error().ToString());
    const std::string code = sync::EnrolmentCode(keys->device, keys->box);
    std::printf("6. The teamleider approves the app's tablet (code %s) as a coach\n", code.c_str());
    if (auto e = leader.device->Approve(keys->device, keys->box, code, sync::Role::kCoach,
                                        "tablet coach (app)", Now());
        !e) {
      return Fail(e.error().ToString());
    }
    if (auto p = Sync(leader); !p) return Fail(p.error().ToString());
  }
  return same ? 0 : 1;
}
