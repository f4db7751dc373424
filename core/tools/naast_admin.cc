// naast-admin: the operator's command-line tool on a device's data directory.
//   naast-admin [--data-dir DIR] init
//   naast-admin [--data-dir DIR] import-registrations FILE.csv
//   naast-admin [--data-dir DIR] report --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|text]
//   naast-admin [--data-dir DIR] list | retention | check
//   naast-admin [--data-dir DIR] export DOSSIER --out DIR2 | erase DOSSIER --yes
// The data directory comes from --data-dir or NAAST_DATA_DIR; the PIN from NAAST_PIN or a
// prompt on the terminal. Nothing personal is printed: errors name lines and columns only.
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "naast/domain/privacy.h"
#include "naast/domain/registrations.h"
#include "naast/domain/report.h"
#include "naast/store/key_vault.h"
#include "naast/store/store.h"
#include "util/file.h"

namespace {

using naast::crypto::SecureBytes;
namespace fs = std::filesystem;

const char kUsage[] =
    "usage: naast-admin [--data-dir DIR] COMMAND ...\n"
    "\n"
    "commands:\n"
    "  init                               create an empty encrypted store in DIR\n"
    "  import-registrations FILE.csv      import the aanmeldpunt's export (all rows or none)\n"
    "  report --from DATE --to DATE [--format csv|text]\n"
    "                                     the programme's figures; no personal data\n"
    "  list                               dossiers: id, registration number, registered on\n"
    "  export DOSSIER --out DIR2          the mother's right of access: DIR2/dossier-ID.txt\n"
    "                                     (readable, Dutch) and DIR2/dossier-ID.json\n"
    "  erase DOSSIER --yes                destroy the dossier's key and data (cannot be undone)\n"
    "  retention [--on DATE]              dossiers past their retention date, or closed with\n"
    "                                     none decided: id, closed on, retain until, name\n"
    "  check                              the file's integrity and the audit log's hash chain\n"
    "\n"
    "DIR: --data-dir, else NAAST_DATA_DIR. PIN: NAAST_PIN, else asked on the terminal.\n"
    "CSV columns: registration_id, registered_on (YYYY-MM-DD), referrer (verloskundige |\n"
    "ziekenhuis | huisarts | wijkteam | zelfmelder | overig), mother_birth_date, household\n"
    "(alleenstaand | partner), children_before, language (voldoende_nl | voldoende_en | matig |\n"
    "geen), housing (dakloos | thuisloos | dreigende_uitzetting | ernstig_probleem |\n"
    "niet_ingeschreven | illegaal | stabiel | overig), due_date (empty if delivered), delivered\n"
    "(ja | nee), vulnerability (potentieel | kwetsbaar | zeer_kwetsbaar), reasons (codes\n"
    "separated by ';').\n";

int Fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "naast-admin: %s\n", message.c_str());
  return code;
}

SecureBytes ReadPin() {
  if (const char* env = std::getenv("NAAST_PIN")) {
    return SecureBytes::Copy({reinterpret_cast<const std::uint8_t*>(env), std::strlen(env)});
  }
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (!tty) return SecureBytes();
  std::fputs("PIN: ", tty);
  std::fflush(tty);
  termios old{};
  tcgetattr(fileno(tty), &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(fileno(tty), TCSANOW, &quiet);
  SecureBytes buf(128);
  std::size_t n = 0;
  for (int ch; n < buf.size() && (ch = std::fgetc(tty)) != EOF && ch != '\n';) {
    buf.data()[n++] = static_cast<std::uint8_t>(ch);
  }
  tcsetattr(fileno(tty), TCSANOW, &old);
  std::fputs("\n", tty);
  std::fclose(tty);
  return SecureBytes::Copy({buf.data(), n});
}

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

// Unlocks the key and opens the store in `dir`.
naast::Result<std::unique_ptr<naast::store::Store>> OpenStore(const fs::path& dir,
                                                              naast::crdt::HybridClock* clock) {
  naast::store::FileDeviceSecret secret(dir / "device.secret");
  auto vault = naast::store::KeyVault::Open(dir / "key.vault");
  if (!vault) return vault.error();
  auto key = vault->Unlock(ReadPin(), secret, NowMs());
  if (!key) return key.error();
  auto store = naast::store::Store::Open(dir / "naast.db", *key, 0, clock);
  if (store) (*store)->SetActor({"admin", "naast-admin"});
  return store;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  fs::path dir;
  if (const char* env = std::getenv("NAAST_DATA_DIR")) dir = env;
  if (args.size() >= 2 && args[0] == "--data-dir") {
    dir = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  if (dir.empty()) return Fail("no data directory: give --data-dir DIR or set NAAST_DATA_DIR", 2);
  naast::crdt::HybridClock clock;
  const std::string& command = args[0];

  if (command == "init") {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Fail("cannot create the data directory: " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, ec);
    naast::store::FileDeviceSecret secret(dir / "device.secret");
    SecureBytes pin = ReadPin();
    if (pin.size() < 4) return Fail("a PIN of at least 4 characters is needed", 2);
    auto vault = naast::store::KeyVault::Create(dir / "key.vault", pin, secret);
    if (!vault) return Fail(vault.error().ToString());
    auto key = vault->Unlock(pin, secret, NowMs());
    if (!key) return Fail(key.error().ToString());
    auto store = naast::store::Store::Open(dir / "naast.db", *key, 0, &clock);
    if (!store) return Fail(store.error().ToString());
    std::printf("initialised an empty store in %s\n", dir.c_str());
    return 0;
  }

  if (command == "import-registrations") {
    if (args.size() != 2) return Fail("usage: import-registrations FILE.csv", 2);
    std::ifstream in(args[1], std::ios::binary);
    if (!in) return Fail("cannot read " + args[1]);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = naast::domain::ParseRegistrationsCsv(text.str());
    if (!parsed.errors.empty()) {
      for (const auto& e : parsed.errors)
        std::fprintf(stderr, "%s: %s\n", args[1].c_str(), e.ToString().c_str());
      return Fail("nothing imported: " + std::to_string(parsed.errors.size()) + " error(s)");
    }
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    auto result = naast::domain::ImportRegistrations(**store, parsed.rows);
    if (!result) return Fail("nothing imported: " + result.error().ToString());
    std::printf("imported %zu registration(s); %zu were there already\n", result->imported,
                result->already_there);
    return 0;
  }

  if (command == "report") {
    std::string from, to, format = "text";
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
      if (args[i] == "--from")
        from = args[i + 1];
      else if (args[i] == "--to")
        to = args[i + 1];
      else if (args[i] == "--format")
        format = args[i + 1];
      else
        return Fail("unknown option " + args[i], 2);
    }
    auto f = naast::domain::Date::Parse(from), t = naast::domain::Date::Parse(to);
    if (!f || !t) return Fail("--from and --to take dates YYYY-MM-DD", 2);
    if (format != "csv" && format != "text") return Fail("--format is csv or text", 2);
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    auto figures = naast::domain::ComputeReport(**store, *f, *t);
    if (!figures) return Fail(figures.error().ToString());
    if (auto s = (*store)->Audit("", "export", "report " + from + " to " + to); !s) {
      return Fail(s.error().ToString());
    }
    const std::string out =
        format == "csv" ? naast::domain::ReportCsv(*figures) : naast::domain::ReportText(*figures);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  if (command == "list") {
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    auto rows = (*store)->Query(
        "SELECT d.id, r.registration_id, r.registered_on FROM documents d "
        "LEFT JOIN e_registration r ON r.doc = d.id AND r.deleted = 0 "
        "WHERE d.kind = 'dossier' ORDER BY r.registered_on, d.id");
    if (!rows) return Fail(rows.error().ToString());
    if (auto s = (*store)->Audit("", "search", "list: " + std::to_string(rows->size())); !s) {
      return Fail(s.error().ToString());
    }
    for (const auto& r : *rows) {
      std::string line;
      for (const auto& v : r) {
        const auto* text = std::get_if<std::string>(&v);
        line += (line.empty() ? "" : "\t") + (text ? *text : std::string("-"));
      }
      std::printf("%s\n", line.c_str());
    }
    return 0;
  }

  if (command == "export") {
    if (args.size() != 4 || args[2] != "--out") return Fail("usage: export DOSSIER --out DIR", 2);
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    const naast::domain::Date today =
        naast::domain::Date::FromDays(static_cast<std::int32_t>(NowMs() / 86'400'000));
    auto exported = naast::domain::ExportDossier(**store, args[1], today);
    if (!exported) return Fail("cannot export " + args[1] + ": " + exported.error().ToString());
    const fs::path out = args[3];
    std::error_code ec;
    fs::create_directories(out, ec);
    for (const auto& [ext, content] :
         {std::pair{".txt", &exported->text}, std::pair{".json", &exported->json}}) {
      const fs::path file = out / ("dossier-" + args[1] + ext);
      // Only the owner may read it: it holds the whole dossier, in the clear.
      const std::span<const std::uint8_t> bytes(
          reinterpret_cast<const std::uint8_t*>(content->data()), content->size());
      if (auto s = naast::util::WriteFileAtomically(file, bytes); !s) {
        return Fail("cannot write " + file.string() + ": " + s.error().ToString());
      }
      std::printf("wrote %s\n", file.c_str());
    }
    return 0;
  }

  if (command == "erase") {
    if (args.size() != 3 || args[2] != "--yes") {
      return Fail("erasing cannot be undone: give erase DOSSIER --yes", 2);
    }
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    if (auto s = (*store)->Erase(args[1]); !s) {
      return Fail("cannot erase " + args[1] + ": " + s.error().ToString());
    }
    std::printf("erased %s: its key is destroyed and its data removed\n", args[1].c_str());
    return 0;
  }

  if (command == "retention") {
    std::int32_t days = static_cast<std::int32_t>(NowMs() / 86'400'000);
    naast::domain::Date on = naast::domain::Date::FromDays(days);
    if (args.size() == 3 && args[1] == "--on") {
      auto d = naast::domain::Date::Parse(args[2]);
      if (!d) return Fail("--on takes a date YYYY-MM-DD", 2);
      on = *d;
    } else if (args.size() != 1) {
      return Fail("usage: retention [--on DATE]", 2);
    }
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    auto due = naast::domain::RetentionDue(**store, on);
    if (!due) return Fail(due.error().ToString());
    for (const auto& item : *due) {
      std::printf("%s\t%s\t%s\t%s\n", item.doc.c_str(),
                  item.closed_on ? item.closed_on->ToString().c_str() : "-",
                  item.retention_until ? item.retention_until->ToString().c_str() : "undecided",
                  item.name.c_str());
    }
    std::printf("%zu dossier(s) need a decision\n", due->size());
    return 0;
  }

  if (command == "check") {
    auto store = OpenStore(dir, &clock);
    if (!store) return Fail(store.error().ToString());
    if (auto s = (*store)->CheckIntegrity(); !s) return Fail(s.error().ToString());
    auto audit = (*store)->VerifyAudit();
    if (!audit) return Fail(audit.error().ToString());
    if (!audit->ok) return Fail("the audit log was tampered with: " + audit->problem);
    std::printf("store ok; audit log: %lld entries, chain intact\n",
                static_cast<long long>(audit->entries));
    return 0;
  }
  return Fail("unknown command " + command + " (see --help)", 2);
}
