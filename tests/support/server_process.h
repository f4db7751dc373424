// A real naast-sync process on loopback for integration tests: a fresh self-signed certificate
// (openssl), a fresh data folder, a free port, TLS. Stop() sends SIGTERM and waits; Kill()
// sends SIGKILL.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

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

class ServerProcess {
 public:
  // `data` is the server's data folder (kept across restarts when the caller reuses it).
  ServerProcess(const std::string& binary, const std::filesystem::path& dir,
                std::vector<std::string> extra = {})
      : binary_(binary), dir_(dir), extra_(std::move(extra)) {
    if (!std::filesystem::exists(dir_ / "cert.pem")) MakeCertificate(dir_);
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
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace naast::testing
