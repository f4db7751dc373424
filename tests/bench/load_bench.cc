// naast-bench-load: many simulated devices syncing against one naast-sync over TLS on loopback.
//
// Teams of `--team-size` devices (a teamleider and coaches), `--devices` in all. Every device is
// set up for real (its own encrypted store and keys, approved into its team by the teamleider's
// tablet, holding the team's dossiers). Each device keeps `--dossiers` dossiers of its team up to
// date: in `--rounds` rounds every device types `--changes` bursts (one CRDT change each,
// committed to its store; not timed) into visit notes, spread over its dossiers, then every
// device syncs (timed). The defaults are a day's work as in naast-bench-sync: five visits,
// five changes each.
//
// The sync is the protocol as the server sees it, from a light client so that the load
// generator does not starve the server on a 2-core machine: the signed registry call, then
// POST /v1/sync with the device's new changes as one sealed and signed run (exactly as
// SyncSession builds it) and its cursor, following `more`; the pulled envelopes (what teammates
// wrote) are received and counted but not decrypted or applied. `--workers` threads drive the
// devices, each device over its own TLS connection.
//
// Figures: CRDT changes in the envelopes the server stored, per second of the sync phases
// (target >= 5,000); the latency of every HTTP request as the device sees it (p99 target
// <= 250 ms); errors (target 0). Baseline in the same run: the devices committing the same
// changes to their own stores (the typing phases), per second.
//
//   naast-bench-load [--server PATH] [--postgres URL] [--devices N] [--team-size N]
//                    [--dossiers N] [--rounds N] [--changes N] [--workers N] [--server-threads N]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "bench_tablet.h"
#include "server_process.h"

using namespace naast;
using namespace naast::bench;

namespace {

struct Options {
  std::string server, postgres;
  int devices = 1000, team_size = 10, dossiers = 5, rounds = 3, changes = 25, workers = 24,
      server_threads = 2;
};

struct Device {
  std::unique_ptr<Tablet> tablet;
  struct Dossier {
    store::DocumentId id;
    crdt::OpId visit;
    crdt::VersionVector pushed;  // what of it the server has
  };
  std::vector<Dossier> dossiers;  // the ones it writes to
  // The light client's state.
  std::uint64_t cursor = 0;
};

struct Tally {
  std::vector<double> latencies_ms;
  std::size_t envelopes = 0, changes = 0, pulled = 0, requests = 0, errors = 0;
  std::string first_error;
};

std::optional<sync::HttpsClient::Response> TimedPost(Tablet& t, Tally& tally,
                                                     const std::string& path,
                                                     std::span<const std::uint8_t> body) {
  const auto started = Clock::now();
  auto res = t.client->Post(path, body);
  tally.latencies_ms.push_back(Ms(started, Clock::now()));
  ++tally.requests;
  if (!res || res->status != 200) {
    if (tally.first_error.empty()) {
      tally.first_error = res ? sync::ServerError(*res).ToString() : res.error().ToString();
    }
    ++tally.errors;
    return std::nullopt;
  }
  return std::move(res.value());
}

void Fail(Tally& tally, const Error& e) {
  ++tally.errors;
  if (tally.first_error.empty()) tally.first_error = e.ToString();
}

// One sync of device `d`, as the server sees the app's: registry call, then sync pages.
void LightSync(Device& d, Tally& tally) {
  Tablet& t = *d.tablet;
  if (!TimedPost(t, tally, sync::kRegistryPath, t.session->RegistryRequestBody(Now()))) return;
  // Its new changes, per dossier one run of its own replica's consecutive counters, sealed
  // and signed as SyncSession does.
  const sync::Registry& reg = t.device->registry();
  sync::SyncRequest q;
  q.team = reg.team();
  q.cursor = d.cursor;
  std::vector<crdt::VersionVector> after;
  std::vector<std::size_t> counts;  // changes per pushed envelope
  for (const Device::Dossier& dossier : d.dossiers) {
    after.push_back(dossier.pushed);
    auto changes = t.store->ChangesSince(dossier.id, dossier.pushed);
    if (!changes) return Fail(tally, changes.error());
    if (changes->empty()) continue;
    auto key = t.store->DocumentKey(dossier.id);
    if (!key) return Fail(tally, key.error());
    sync::EnvelopeHeader h;
    h.kind = sync::EnvelopeKind::kChange;
    h.team = reg.team();
    h.doc = dossier.id;
    h.epoch = reg.epoch();
    h.replica = changes->front().replica;
    h.start = changes->front().start_counter;
    h.end = changes->back().end_counter();
    h.created_ms = changes->back().time.wall_ms;
    q.push.push_back(sync::EncodeEnvelope(
        sync::SealEnvelope(h, *key, sync::EncodeChangeRun(*changes), t.device->signing())));
    after.back().Advance(h.replica, h.end - 1);
    counts.push_back(changes->size());
  }
  for (int page = 0; page < 1000; ++page) {
    const auto body = sync::EncodeSignedRequest(
        sync::SignRequest(t.device->signing(), sync::kSyncPath, sync::EncodeSyncRequest(q), Now()));
    auto res = TimedPost(t, tally, sync::kSyncPath, body);
    if (!res) return;
    auto r = sync::DecodeSyncResponse(res->body);
    if (!r) return Fail(tally, r.error());
    for (std::size_t i = 0; i < r->results.size(); ++i) {
      const sync::PushResult& result = r->results[i];
      if (result.status == sync::PushStatus::kStored) {
        ++tally.envelopes;
        tally.changes += i < counts.size() ? counts[i] : 0;
      } else if (result.status != sync::PushStatus::kDuplicate) {
        return Fail(tally, Error{ErrorCode::kInvalidArgument, "refused: " + result.reason});
      }
    }
    tally.pulled += r->pull.size();
    d.cursor = r->cursor;
    for (std::size_t i = 0; i < d.dossiers.size(); ++i) d.dossiers[i].pushed = after[i];
    q.push.clear();
    counts.clear();
    q.cursor = d.cursor;
    if (!r->more) break;
  }
}

// One burst of typing into a visit note of one of the device's dossiers, committed as one change.
void Type(Device& device, int round, int burst) {
  Device::Dossier& d = device.dossiers[static_cast<std::size_t>(burst) % device.dossiers.size()];
  crdt::Document& doc = *Must(device.tablet->store->Get(d.id), "get");
  const std::string words = "Ronde " + std::to_string(round) + "." + std::to_string(burst) +
                            ": samen de post bekeken en een afspraak gemaakt. ";
  Must(doc.InsertText(d.visit, "notes", doc.TextLength(d.visit, "notes"), words), "type");
  Must(device.tablet->store->Commit(d.id), "commit");
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.server = (std::filesystem::path(argv[0]).parent_path() / "naast-sync").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--server")
      o.server = v;
    else if (a == "--postgres")
      o.postgres = v;
    else if (a == "--devices")
      o.devices = std::stoi(v);
    else if (a == "--team-size")
      o.team_size = std::stoi(v);
    else if (a == "--rounds")
      o.rounds = std::stoi(v);
    else if (a == "--changes")
      o.changes = std::stoi(v);
    else if (a == "--workers")
      o.workers = std::stoi(v);
    else if (a == "--server-threads")
      o.server_threads = std::stoi(v);
    else {
      std::fprintf(stderr, "naast-bench-load: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  // A store and a connection per device: raise the open-file limit (the server inherits it).
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);

  const auto dir = std::filesystem::temp_directory_path() / "naast-bench-load";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "server");
  std::vector<std::string> extra = {"--threads", std::to_string(o.server_threads)};
  if (!o.postgres.empty()) {
    extra.insert(extra.end(), {"--postgres", o.postgres, "--pg-connections",
                               std::to_string(std::max(2, o.server_threads * 2))});
  }
  testing::ServerProcess process(o.server, dir / "server", extra);
  const auto options = process.ClientOptions();

  // Setup, not timed: the teams, their members and their dossiers (teams in parallel).
  const auto setup_started = Clock::now();
  std::vector<Device> devices(static_cast<std::size_t>(o.devices));
  auto setup_team = [&](int first) {
    const int size = std::min(o.team_size, o.devices - first);
    for (int i = 0; i < size; ++i) {
      devices[first + i].tablet =
          std::make_unique<Tablet>(dir / ("d" + std::to_string(first + i)), options);
    }
    Tablet& leader = *devices[first].tablet;
    Must(leader.device->CreateTeam("tablet", Now()), "team");
    for (int i = 1; i < size; ++i) {
      Tablet& t = *devices[first + i].tablet;
      Must(leader.device->Approve(t.device->id(), t.device->box().public_key, t.device->Code(),
                                  sync::Role::kCoach, "tablet", Now()),
           "approve");
    }
    for (int i = 0; i < size; ++i) {
      Device& d = devices[first + i];
      for (int k = 0; k < o.dossiers; ++k) {
        Device::Dossier& x = d.dossiers.emplace_back();
        x.id = Must(leader.store->CreateDocument("dossier"), "dossier");
        crdt::Document& doc = *Must(leader.store->Get(x.id), "get");
        x.visit = doc.CreateRecord("visit");
        Must(doc.Set(x.visit, "kind", std::string("huisbezoek")), "set");
        Must(leader.store->Commit(x.id), "commit");
      }
    }
    leader.Sync();
    for (int i = 1; i < size; ++i) devices[first + i].tablet->Sync();
  };
  {
    std::atomic<int> next{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < 4; ++w) {
      threads.emplace_back([&] {
        for (int first; (first = next.fetch_add(o.team_size)) < o.devices;) setup_team(first);
      });
    }
    for (auto& t : threads) t.join();
  }
  for (Device& d : devices) {
    for (auto& x : d.dossiers) x.pushed = Must(d.tablet->store->Get(x.id), "get")->version();
  }
  const double setup_ms = Ms(setup_started, Clock::now());

  // Rounds: every device types its bursts (one change each; not timed but counted as the
  // baseline: local commits per second), then every device syncs (timed: the load).
  std::vector<Tally> tallies(static_cast<std::size_t>(o.workers));
  auto parallel = [&](const std::function<void(Device&, Tally&)>& f) {
    std::vector<std::thread> threads;
    for (int w = 0; w < o.workers; ++w) {
      threads.emplace_back([&, w] {
        for (int i = w; i < o.devices; i += o.workers) {
          f(devices[static_cast<std::size_t>(i)], tallies[static_cast<std::size_t>(w)]);
        }
      });
    }
    for (auto& t : threads) t.join();
  };
  double base_ms = 0, load_ms = 0;
  for (int round = 0; round < o.rounds; ++round) {
    const auto typing = Clock::now();
    parallel([&](Device& d, Tally&) {
      for (int b = 0; b < o.changes; ++b) Type(d, round, b);
    });
    const auto syncing = Clock::now();
    parallel([&](Device& d, Tally& tally) { LightSync(d, tally); });
    base_ms += Ms(typing, syncing);
    load_ms += Ms(syncing, Clock::now());
  }
  process.Stop();

  Tally all;
  for (auto& t : tallies) {
    all.latencies_ms.insert(all.latencies_ms.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    all.envelopes += t.envelopes;
    all.changes += t.changes;
    all.pulled += t.pulled;
    all.requests += t.requests;
    all.errors += t.errors;
    if (all.first_error.empty()) all.first_error = t.first_error;
  }
  const double per_s = static_cast<double>(all.changes) / (load_ms / 1000.0);
  const double typed_per_s =
      static_cast<double>(o.devices) * o.rounds * o.changes / (base_ms / 1000.0);
  const double p50 = Percentile(all.latencies_ms, 0.50);
  const double p99 = Percentile(all.latencies_ms, 0.99);
  const double max = *std::max_element(all.latencies_ms.begin(), all.latencies_ms.end());
  const char* storage = o.postgres.empty() ? "sqlite" : "postgres";
  std::printf(
      "load (%s): %d devices in teams of %d, %d workers, server threads %d; setup %.0f ms\n",
      storage, o.devices, o.team_size, o.workers, o.server_threads, setup_ms);
  std::printf("%-38s %10s %12s %8s %10s\n", "figure", "naast", "baseline", "ratio", "target");
  std::printf("%-38s %10.0f %12.0f %8.2f %10s  %s\n", "changes stored per second", per_s,
              typed_per_s, per_s / typed_per_s, ">=5000",
              per_s >= 5000 ? "ok (baseline: the same changes committed locally)" : "MISSED");
  std::printf("%-38s %10.1f %12s %8s %10s  %s\n", "request latency p99, ms", p99, "-", "-", "<=250",
              p99 <= 250 ? "ok" : "MISSED");
  std::printf("%-38s %10zu %12s %8s %10s  %s\n", "errors", all.errors, "-", "-", "0",
              all.errors == 0 ? "ok" : all.first_error.c_str());
  std::printf(
      "  %zu changes in %zu envelopes stored in %.0f ms (%.0f envelopes/s); %zu envelopes pulled; "
      "%zu requests, p50 %.1f ms, max %.1f ms\n",
      all.changes, all.envelopes, load_ms, static_cast<double>(all.envelopes) / (load_ms / 1000.0),
      all.pulled, all.requests, p50, max);
  std::filesystem::remove_all(dir);
  return all.errors == 0 ? 0 : 1;
}
