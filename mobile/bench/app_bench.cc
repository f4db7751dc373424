// naast-bench-app: the app with the realistic team (35 mothers in care, years of history, one
// dossier with 300 visits), in real naast-app processes offscreen, driven by --drive scripts:
//   - cold start to a visible caseload, the unlock's key derivation left out (target <= 1 s),
//     beside the baseline of the same run: start to the unlock page's first frame (Qt and QML
//     loading, no data);
//   - opening the team's day and a dossier, beside opening the settings page (no data);
//   - scrolling the caseload and the 300-visit list to their end: every frame's time, from
//     the move to the frame on screen (target: none over 16 ms).
//   naast-bench-app [--runs N] [--app PATH]
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app_session.h"
#include "naast/domain/queries.h"
#include "naast/domain/team_generator.h"
#include "naast/store/key_vault.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Line {
  double at_ms;  // since the spawn
  std::string text;
};

// Runs the app with a script; every stdout line with the time it came.
std::vector<Line> RunApp(const std::string& app, const fs::path& dir, const fs::path& script) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  std::vector<std::string> args = {app,          "--data-dir", dir.string(),   "--today",
                                   "2026-11-24", "--drive",    script.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto t0 = Clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, app.c_str(), &actions, nullptr, argv.data(), environ) != 0) std::exit(2);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  std::vector<Line> lines;
  std::string buffer;
  char chunk[512];
  for (;;) {
    const ssize_t n = read(fds[0], chunk, sizeof chunk);
    if (n <= 0) break;
    const double at = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    buffer.append(chunk, static_cast<std::size_t>(n));
    for (auto nl = buffer.find('\n'); nl != std::string::npos; nl = buffer.find('\n')) {
      lines.push_back({at, buffer.substr(0, nl)});
      buffer.erase(0, nl + 1);
    }
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (status != 0) {
    std::fprintf(stderr, "naast-bench-app: the app failed:\n");
    for (const auto& l : lines) std::fprintf(stderr, "  %s\n", l.text.c_str());
    std::exit(1);
  }
  return lines;
}

const Line* Find(const std::vector<Line>& lines, const std::string& prefix) {
  for (const auto& l : lines) {
    if (l.text.rfind(prefix, 0) == 0) return &l;
  }
  return nullptr;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Adds visits to one dossier until it has `n`.
std::string AddVisits(const fs::path& dir, int n) {
  naast::store::FileDeviceSecret secret(dir / "device.secret");
  auto vault = naast::store::KeyVault::Open(dir / "key.vault").value();
  const std::string pin = "1234";
  auto key = vault
                 .Unlock(naast::crypto::SecureBytes::Copy(
                             {reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()}),
                         secret, 0)
                 .value();
  naast::crdt::HybridClock clock;
  auto store = naast::store::Store::Open(dir / "naast.db", key, 0, &clock).value();
  const auto caseload =
      naast::domain::Caseload(*store, {}, naast::domain::TeamShape{}.today).value();
  const std::string doc = caseload.front().doc;
  auto count = [&] {
    auto rows =
        store->Query("SELECT count(*) FROM e_visit WHERE doc = ?1 AND deleted = 0", {doc}).value();
    return static_cast<int>(std::get<std::int64_t>(rows[0][0]));
  };
  auto date = *naast::domain::Date::FromYmd(2020, 1, 1);
  for (int i = count(); i < n; ++i) {
    naast::crdt::Document& d = *store->Get(doc).value();
    const auto v = d.CreateRecord("visit");
    (void)d.Set(v, "date", date.ToString());
    (void)d.Set(v, "kind", std::string("huisbezoek"));
    (void)d.Set(v, "duration_min", std::int64_t{60});
    (void)d.AddToSet(v, "life_domains", std::string("financien"));
    (void)d.InsertText(v, "notes", 0,
                       "Samen de post doorgenomen. Formulier zorgtoeslag ingevuld. Afspraak bij "
                       "de verloskundige voorbereid.");
    (void)store->Commit(doc);
    date = date + 3;
  }
  if (count() < n) std::exit(2);
  return doc;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::string app = (fs::path(argv[0]).parent_path() / "naast-app").string();
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    if (std::string(argv[i]) == "--app") app = argv[i + 1];
  }
  setenv("QT_QPA_PLATFORM", "offscreen", 0);
  const fs::path work = fs::temp_directory_path() / ("naast-bench-app-" + std::to_string(getpid()));
  fs::remove_all(work);
  const fs::path dir = work / "tablet";
  // The real key derivation (Argon2id, 128 MiB): it is measured and left out, as the issue says.
  if (!AppSession::CreateDemo(dir, "1234", /*fast_kdf=*/false, 35)) return 2;
  const std::string doc = AddVisits(dir, 300);
  const fs::path script = work / "script.json";
  // Opening pages: from the frame before the tap to the page's first frame. The settings page
  // reads no data: the baseline of pushing a page and drawing it.
  std::ofstream(script) << R"([{"frame": "unlock page"}, {"unlock": "1234"}, {"frame": "caseload"},
      {"scroll": "caseloadList"},
      {"frame": "a"}, {"call": "settings"}, {"frame": "settings"}, {"back": true},
      {"frame": "b"}, {"call": "teamDay"}, {"frame": "team day"}, {"idle": true},
      {"frame": "team day read"}, {"back": true},
      {"frame": "c"}, {"open": ")"
                        << doc
                        << R"("}, {"frame": "dossier"}, {"call": "openVisits"}, {"frame": "visits"},
      {"scroll": "visitsList"}])";

  std::vector<double> baseline, start, kdf, settings, team_day, team_day_read, dossier;
  // "frame LABEL: 123.4 ms, ...": the time since the process began.
  auto frame = [](const std::vector<Line>& lines, const std::string& label) {
    const Line* l = Find(lines, "frame " + label + ":");
    if (!l) std::exit(1);
    return std::atof(l->text.c_str() + label.size() + 7);
  };
  std::vector<Line> last;
  RunApp(app, dir, script);  // a warm-up: the files in the page cache, as on a tablet in use
  for (int r = 0; r < runs; ++r) {
    last = RunApp(app, dir, script);
    const Line* first = Find(last, "frame unlock page:");
    const Line* visible = Find(last, "frame caseload:");
    if (!first || !visible) return 1;
    const double worker =
        std::atof(visible->text.substr(visible->text.find("derivation ") + 11).c_str());
    baseline.push_back(first->at_ms);
    kdf.push_back(worker);
    start.push_back(visible->at_ms - worker);
    settings.push_back(frame(last, "settings") - frame(last, "a"));
    team_day.push_back(frame(last, "team day") - frame(last, "b"));
    team_day_read.push_back(frame(last, "team day read") - frame(last, "b"));
    dossier.push_back(frame(last, "dossier") - frame(last, "c"));
  }
  const double s = Median(start), b = Median(baseline);
  std::printf("cold start to a visible caseload (35 mothers), unlock's key derivation left out\n");
  std::printf("  naast      %7.1f ms (median of %d; target <= 1000 ms)\n", s, runs);
  std::printf("  baseline   %7.1f ms (start to the unlock page: Qt and QML, no data)  ratio %.2f\n",
              b, s / b);
  std::printf("  left out   %7.1f ms (the key derivation, Argon2id; median)\n", Median(kdf));
  std::printf("opening a page, from the frame before to its first frame (median)\n");
  std::printf("  the team's day      %7.1f ms  (its queries run off the UI thread)\n",
              Median(team_day));
  std::printf("    ... and filled   %7.1f ms  (35 mothers' rounds, visits, tasks, signals)\n",
              Median(team_day_read));
  std::printf("  a dossier           %7.1f ms  (the one with 300 visits)\n", Median(dossier));
  std::printf("  baseline: settings  %7.1f ms  (no data)  ratios %.2f and %.2f\n", Median(settings),
              Median(team_day) / Median(settings), Median(dossier) / Median(settings));
  std::printf(
      "scrolling, every frame from the move to the frame on screen (target: none over "
      "16 ms)\n");
  for (const auto& l : last) {
    if (l.text.rfind("scroll ", 0) == 0) std::printf("  %s\n", l.text.c_str());
  }
  fs::remove_all(work);
  return 0;
}
