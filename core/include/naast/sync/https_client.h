// A small blocking HTTPS client (Boost.Beast over OpenSSL) for tests, tools and benchmarks;
// the app uses Qt Network instead. It keeps one connection alive and reconnects when needed.
// The server's certificate is checked against `ca_file` and the host name.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "naast/result.h"
#include "naast/sync/session.h"

namespace naast::sync {

class HttpsClient {
 public:
  struct Options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string ca_file;      // PEM: the certificate(s) to trust
    bool plain_http = false;  // development servers on loopback only
    std::chrono::milliseconds timeout{30'000};
  };
  using Response = HttpResponse;

  explicit HttpsClient(Options options);
  ~HttpsClient();
  HttpsClient(const HttpsClient&) = delete;
  HttpsClient& operator=(const HttpsClient&) = delete;

  // kIo when the connection fails (after one reconnect attempt).
  Result<Response> Post(const std::string& path, std::span<const std::uint8_t> body);
  Result<Response> Get(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// SyncNow (session.h) over this client.
Result<SyncProgress> SyncNow(SyncSession& session, HttpsClient& client,
                             const std::function<std::uint64_t()>& now_ms,
                             const std::function<void(const SyncProgress&)>& progress = {},
                             bool* wipe = nullptr);

}  // namespace naast::sync
