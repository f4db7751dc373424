// A real naast-sync process on loopback for integration tests: a fresh self-signed certificate
// (openssl), a fresh data folder, a free port, TLS. Stop() sends SIGTERM and waits; Kill()
// sends SIGKILL.
#pragma once

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "naast/sync/https_client.h"
#include "test_util.h"

extern char** environ;

namespace naast::testing {

#ifdef NAAST_SYNC_SERVER
inline const char* kSyncServer = NAAST_SYNC_SERVER;
#endif

// A self-signed certificate for 127.0.0.1 and localhost, made once per folder.
inline void MakeCertificate(const std::filesystem::path& dir) {
  const std::string cmd =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 "
      "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
      (dir / "key.pem").string() + " -out " + (dir / "cert.pem").string() + " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0)
    throw std::runtime_error("openssl could not make a certificate");
}

// The sync tests run twice: on the embedded store, and as "pg: ..." on PostgreSQL, where CTest
// sets NAAST_TEST_STORAGE=postgres after starting a throwaway cluster in NAAST_TEST_PG_DIR
// (tests/support/postgres_cluster.sh; NAAST_TEST_POSTGRES may name another one), and every
// server gets a fresh database.
inline bool OnPostgres() {
  const char* v = std::getenv("NAAST_TEST_STORAGE");
  return v && std::string(v) == "postgres";
}

// Runs `sql` on the cluster; the rows, every value in text form (bytea: its raw bytes).
inline std::vector<std::vector<std::string>> PostgresQuery(const std::string& url,
                                                           const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string e = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to the test PostgreSQL: " + e);
  }
  PGresult* r = PQexecParams(conn, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 1);
  const auto status = PQresultStatus(r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const std::string e = PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    throw std::runtime_error("PostgreSQL: " + e);
  }
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    auto& row = rows.emplace_back();
    for (int j = 0; j < PQnfields(r); ++j) {
      row.emplace_back(PQgetvalue(r, i, j), static_cast<std::size_t>(PQgetlength(r, i, j)));
    }
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

// A new, empty database on the test cluster; its connection string.
inline std::string FreshPostgresDatabase() {
  std::string cluster;
  if (const char* env = std::getenv("NAAST_TEST_POSTGRES"); env && *env) {
    cluster = env;
  } else {
#ifdef NAAST_TEST_PG_DIR
    cluster = std::string("host=") + NAAST_TEST_PG_DIR + " port=5432 user=postgres";
#else
    throw std::runtime_error("NAAST_TEST_POSTGRES is not set");
#endif
  }
  static std::atomic<int> counter{0};
  const std::string name =
      "naast_" + std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1));
  PostgresQuery(cluster + " dbname=postgres", "CREATE DATABASE " + name);
  return cluster + " dbname=" + name;
}

class ServerProcess {
 public:
  // `data` is the server's data folder (kept across restarts when the caller reuses it). On
  // PostgreSQL (OnPostgres()) the server gets a fresh database, unless `extra` names one with
  // --postgres (two servers sharing a database).
  ServerProcess(const std::string& binary, const std::filesystem::path& dir,
                std::vector<std::string> extra = {})
      : binary_(binary), dir_(dir), extra_(std::move(extra)) {
    if (!std::filesystem::exists(dir_ / "cert.pem")) MakeCertificate(dir_);
    const auto pg = std::find(extra_.begin(), extra_.end(), "--postgres");
    if (pg != extra_.end() && pg + 1 != extra_.end()) {
      postgres_ = *(pg + 1);
    } else if (OnPostgres()) {
      postgres_ = FreshPostgresDatabase();
      extra_.insert(extra_.end(), {"--postgres", postgres_});
    }
    Start();
  }
  ~ServerProcess() {
    if (pid_ > 0) Kill();
  }

  void Start(int port = 0) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    const std::string log = (dir_ / "server.log").string();
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    std::vector<std::string> args = {binary_,
                                     "--listen",
                                     "127.0.0.1:" + std::to_string(port),
                                     "--data-dir",
                                     (dir_ / "data").string(),
                                     "--tls-cert",
                                     (dir_ / "cert.pem").string(),
                                     "--tls-key",
                                     (dir_ / "key.pem").string()};
    args.insert(args.end(), extra_.begin(), extra_.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary_.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start naast-sync");
    }
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    // The first line says where it listens.
    std::string line;
    char c;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line += c;
    close(fds[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
      throw std::runtime_error("naast-sync did not start: " + ReadAll(dir_ / "server.log"));
    }
    port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
  }

  // SIGTERM, then waits; the exit status.
  int Stop() { return Signal(SIGTERM); }
  int Kill() { return Signal(SIGKILL); }

  std::uint16_t port() const { return port_; }
  std::filesystem::path data_dir() const { return dir_ / "data"; }
  // The server's PostgreSQL database, empty when it runs on the embedded store.
  const std::string& postgres() const { return postgres_; }

  // Every byte the server stored: the files of its data folder, or on PostgreSQL every value
  // of every table (raw bytea), for tests that look for plaintext.
  std::string StoredBytes() const {
    std::string out;
    if (postgres_.empty()) {
      for (const auto& f : std::filesystem::directory_iterator(data_dir())) {
        out += ReadAll(f.path());
      }
      return out;
    }
    for (const char* table : {"teams", "registry", "envelopes", "heads", "nonces"}) {
      for (const auto& row : PostgresQuery(postgres_, std::string("SELECT * FROM ") + table)) {
        for (const auto& v : row) out += v;
      }
    }
    return out;
  }

  // Integer columns of a query on the server's storage (SQLite or PostgreSQL; write SQL both
  // run).
  std::vector<std::vector<std::int64_t>> QueryInts(const std::string& sql) const;
  std::string log() const { return ReadAll(dir_ / "server.log"); }

  sync::HttpsClient::Options ClientOptions() const {
    sync::HttpsClient::Options o;
    o.host = "127.0.0.1";
    o.port = port_;
    o.ca_file = (dir_ / "cert.pem").string();
    o.timeout = std::chrono::milliseconds(20'000);
    return o;
  }

 private:
  int Signal(int sig) {
    if (pid_ <= 0) return -1;
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  std::string binary_;
  std::filesystem::path dir_;
  std::vector<std::string> extra_;
  std::string postgres_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

inline std::vector<std::vector<std::int64_t>> ServerProcess::QueryInts(
    const std::string& sql) const {
  std::vector<std::vector<std::int64_t>> rows;
  if (!postgres_.empty()) {
    for (const auto& text_row : PostgresQuery(postgres_, sql)) {
      auto& row = rows.emplace_back();
      for (const auto& v : text_row) {  // binary: big-endian, 4 or 8 bytes
        std::uint64_t x = 0;
        for (unsigned char c : v) x = (x << 8) | c;
        row.push_back(v.size() == 4 ? static_cast<std::int32_t>(x) : static_cast<std::int64_t>(x));
      }
    }
    return rows;
  }
  sqlite3* db = nullptr;
  const std::string file = (data_dir() / "naast-sync.db").string();
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open the server's SQLite file");
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    const std::string e = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("SQLite: " + e);
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    auto& row = rows.emplace_back();
    for (int i = 0; i < sqlite3_column_count(st); ++i) row.push_back(sqlite3_column_int64(st, i));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

}  // namespace naast::testing
