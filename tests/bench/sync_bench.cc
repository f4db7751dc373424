// naast-bench-sync: sync figures with a real naast-sync over TLS on loopback, each beside a
// baseline measured in the same run.
//   fresh pull  a new coach's tablet pulls the realistic team (35 active mothers, three years):
//               decrypting, verifying and applying included; target <= 5 s. Baseline: applying
//               the same changes from store to store with no network and no crypto.
//   day's work  five visits with notes typed in bursts: HTTP requests after the registry call
//               (target 1) and bytes on the wire (HTTP headers and bodies) against the
//               encrypted payload (the sealed changes): target <= 1.3.
//
//   naast-bench-sync [--server PATH/TO/naast-sync]   (default: naast-sync beside this binary)
#include <cstdio>
#include <filesystem>
#include <string>

#include "bench_tablet.h"
#include "naast/domain/team_generator.h"
#include "server_process.h"

using namespace naast;
using namespace naast::bench;

namespace {

// The size of the HTTP/1.1 header lines the client and the server write around a body.
std::size_t HeaderBytes(std::size_t request_body, std::size_t response_body) {
  const std::string req =
      "POST /v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
      "application/octet-stream\r\nContent-Length: " +
      std::to_string(request_body) + "\r\n\r\n";
  const std::string res =
      "HTTP/1.1 200 OK\r\nServer: naast-sync\r\nContent-Type: "
      "application/octet-stream\r\nContent-Length: " +
      std::to_string(response_body) + "\r\n\r\n";
  return req.size() + res.size();
}

void Row(const char* figure, double ours, double base, const char* ratio_target, const char* note) {
  std::printf("%-38s %10.1f %12.1f %8.2f %10s  %s\n", figure, ours, base,
              base > 0 ? ours / base : 0, ratio_target, note);
}

}  // namespace

int main(int argc, char** argv) {
  std::string server = (std::filesystem::path(argv[0]).parent_path() / "naast-sync").string();
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--server") server = argv[i + 1];
  }
  const auto dir = std::filesystem::temp_directory_path() / "naast-bench-sync";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "server");
  testing::ServerProcess process(server, dir / "server");
  const auto options = process.ClientOptions();

  Tablet leader(dir / "leader", options);
  Must(leader.device->CreateTeam("tablet 1", Now()), "team");
  domain::TeamShape shape;
  const auto stats = Must(domain::GenerateTeam(*leader.store, shape), "generate");
  const auto upload_started = Clock::now();
  leader.Sync();
  const double upload_ms = Ms(upload_started, Clock::now());

  // Fresh pull.
  Tablet coach(dir / "coach", options);
  Must(leader.device->Approve(coach.device->id(), coach.device->box().public_key,
                              coach.device->Code(), sync::Role::kCoach, "tablet 2", Now()),
       "approve");
  leader.Sync();
  const auto pull_started = Clock::now();
  const auto pulled = coach.Sync();
  const double pull_ms = Ms(pull_started, Clock::now());

  // Baseline: the same changes from store to store, no network, no crypto.
  Tablet plain(dir / "plain", options);
  const auto docs = Must(leader.store->Documents(), "documents");
  std::vector<std::pair<store::DocumentId, std::vector<crdt::Change>>> all;
  for (const auto& d : docs) all.emplace_back(d, Must(leader.store->ChangesSince(d, {}), "log"));
  const auto base_started = Clock::now();
  for (const auto& entry : all) {
    const store::DocumentId& d = entry.first;
    const auto& changes = entry.second;
    Must(plain.store->AdoptDocument(d, "dossier", crypto::RandomKey()), "adopt");
    Must(plain.store->Atomically([&]() -> Status {
      for (const auto& c : changes) {
        if (auto r = plain.store->Apply(d, c); !r) return r.error();
      }
      return Status::Ok();
    }),
         "apply");
  }
  const double base_ms = Ms(base_started, Clock::now());

  // A day's work: five visits, each typed in bursts (one change per burst).
  const store::DocumentId doc = docs.front();
  crdt::Document& d = *Must(coach.store->Get(doc), "get");
  for (int v = 0; v < 5; ++v) {
    const crdt::OpId visit = d.CreateRecord("visit");
    Must(d.Set(visit, "date", shape.today.ToString()), "set");
    Must(d.Set(visit, "duration_min", std::int64_t{45}), "set");
    Must(d.Set(visit, "kind", std::string("huisbezoek")), "set");
    Must(d.AddToSet(visit, "life_domains", std::string("financien")), "set");
    Must(coach.store->Commit(doc), "commit");
    for (int burst = 0; burst < 4; ++burst) {
      std::string words = "Vandaag samen de post en de rekeningen bekeken, afspraak gemaakt. ";
      words += words;  // about 130 characters a burst
      Must(d.InsertText(visit, "notes", d.TextLength(visit, "notes"), words), "type");
      Must(coach.store->Commit(doc), "commit");
    }
  }
  // The registry call first (it authenticates the device's view of the team), then count.
  auto reg =
      Must(coach.client->Post(sync::kRegistryPath, coach.session->RegistryRequestBody(Now())),
           "registry");
  Must(coach.session->HandleRegistryResponse(reg.body), "registry response");
  std::size_t requests = 0, wire = 0, payload = 0, envelopes = 0;
  for (;;) {
    const auto body = Must(coach.session->NextRequest(Now()), "request");
    const auto frame = Must(sync::DecodeSignedRequest(body), "frame");
    const auto q = Must(sync::DecodeSyncRequest(frame.body), "decode");
    for (const auto& e : q.push) {
      payload += Must(sync::DecodeEnvelope(e), "envelope").sealed.size();
      ++envelopes;
    }
    const auto res = Must(coach.client->Post(sync::kSyncPath, body), "post");
    ++requests;
    wire += body.size() + res.body.size() + HeaderBytes(body.size(), res.body.size());
    const auto p = Must(coach.session->HandleResponse(res.body, Now()), "response");
    if (!p.more) break;
  }
  process.Stop();

  std::printf("team: %d dossiers, %d visits, %d changes; uploaded by the teamleider in %.0f ms\n",
              stats.dossiers, stats.visits, stats.changes, upload_ms);
  std::printf("%-38s %10s %12s %8s %10s\n", "figure", "naast", "baseline", "ratio", "target");
  Row("fresh pull of the team, ms", pull_ms, base_ms, "<=5000 ms",
      pull_ms <= 5000 ? "ok (baseline: store to store, no network, no crypto)" : "MISSED");
  std::printf("  pulled %zu envelopes, applied %zu changes\n", pulled.pulled, pulled.applied);
  Row("day's work: sync requests", static_cast<double>(requests), 1, "1",
      requests == 1 ? "ok" : "MISSED");
  Row("day's work: wire bytes / payload", static_cast<double>(wire), static_cast<double>(payload),
      "<=1.3", static_cast<double>(wire) <= 1.3 * static_cast<double>(payload) ? "ok" : "MISSED");
  std::printf("  %zu changes in %zu envelopes; payload = their sealed bytes\n", envelopes,
              envelopes);
  std::filesystem::remove_all(dir);
  return 0;
}
