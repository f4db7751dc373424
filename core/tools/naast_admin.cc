// naast-admin: the operator's command-line tool on a device's data directory.
//   naast-admin [--data-dir DIR] init
//   naast-admin [--data-dir DIR] import-registrations FILE.csv
//   naast-admin [--data-dir DIR] report --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|text]
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

#include "naast/domain/registrations.h"
#include "naast/domain/report.h"
#include "naast/store/key_vault.h"
#include "naast/store/store.h"

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
  return Fail("unknown command " + command + " (see --help)", 2);
}
