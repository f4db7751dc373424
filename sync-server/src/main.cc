// naast-sync: the sync server. HTTP/1.1 over TLS (Boost.Beast, OpenSSL), asynchronous, a few
// threads. POST /v1/registry and /v1/sync carry the protocol (docs/sync-protocol.md); GET
// /healthz and /metrics are for operators. Logs are JSON lines on stderr without personal data.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "service.h"
#include "storage.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace naast::server {
namespace {

const char kHelp[] =
    "usage: naast-sync [options]\n"
    "\n"
    "The Naast sync server. Devices push and pull end-to-end encrypted changes; the server\n"
    "checks signatures and team membership and cannot read them.\n"
    "\n"
    "  --listen ADDR:PORT     where to listen (default 127.0.0.1:8443; port 0: any free port)\n"
    "  --data-dir DIR         where the embedded SQLite store lives (default ./naast-sync-data)\n"
    "  --postgres URL         keep the data in PostgreSQL instead (a libpq connection string or\n"
    "                         postgresql:// URI); several servers may share one database\n"
    "  --pg-connections N     PostgreSQL connections in the pool (default 8)\n"
    "  --tls-cert FILE        PEM certificate chain\n"
    "  --tls-key FILE         PEM private key\n"
    "  --dev-plain-http       no TLS: development only, refused unless ADDR is loopback\n"
    "  --threads N            I/O threads (default 2)\n"
    "  --max-body-bytes N     the largest request body (default 16 MiB)\n"
    "  --min-client-version N refuse older clients with 426 (default 1)\n"
    "  --no-new-teams         refuse requests that create a team\n"
    "  --device-requests-per-minute N\n"
    "                         per device, sustained and burst; more get 429 (default 600, 0: off)\n"
    "  --help                 this text\n"
    "\n"
    "Each option can also come from the environment: NAAST_SYNC_LISTEN, NAAST_SYNC_DATA_DIR,\n"
    "NAAST_SYNC_POSTGRES, NAAST_SYNC_TLS_CERT, NAAST_SYNC_TLS_KEY, NAAST_SYNC_THREADS. Flags win.\n"
    "On start it prints 'listening on ADDR:PORT' on stdout. SIGTERM or SIGINT: stop accepting,\n"
    "finish the requests in flight, exit 0.\n";

struct Config {
  std::string listen = "127.0.0.1:8443";
  std::string data_dir = "naast-sync-data";
  std::string postgres;  // a connection string: PostgreSQL instead of the embedded store
  int pg_connections = 8;
  std::string tls_cert, tls_key;
  bool plain_http = false;
  int threads = 2;
  std::size_t max_body = 16 << 20;
  std::uint32_t min_client_version = 1;
  bool new_teams = true;
  std::uint32_t device_requests_per_minute = 600;
};

std::uint64_t NowMs() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

// One JSON line per event; values are ids, counts and codes only.
void Log(const std::string& level, const std::string& event, const std::string& fields) {
  static std::mutex mu;
  std::lock_guard lock(mu);
  std::fprintf(stderr, "{\"ts\":%llu,\"level\":\"%s\",\"event\":\"%s\"%s%s}\n",
               static_cast<unsigned long long>(NowMs()), level.c_str(), event.c_str(),
               fields.empty() ? "" : ",", fields.c_str());
  std::fflush(stderr);
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

struct Metrics {
  std::atomic<std::uint64_t> requests{0}, status_2xx{0}, status_4xx{0}, status_5xx{0};
  std::atomic<std::uint64_t> bytes_in{0}, bytes_out{0}, in_flight{0};
  std::atomic<std::uint64_t> latency_us_sum{0};
};

class Server;

// One connection: read a request, answer it, again while the client keeps it alive.
template <typename Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  Session(Stream stream, Server& server) : stream_(std::move(stream)), server_(server) {}
  void Start();
  void Stop();  // on shutdown: close if waiting for a request

 private:
  void Read();
  void OnRead(beast::error_code ec);
  void Close();
  beast::tcp_stream& Tcp() {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      return stream_;
    } else {
      return beast::get_lowest_layer(stream_);
    }
  }

  Stream stream_;
  Server& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::vector_body<std::uint8_t>>> parser_;
  http::response<http::vector_body<std::uint8_t>> response_;
  bool busy_ = false;
};

class Server {
 public:
  Server(asio::io_context& ioc, Config config, Service& service, Storage& storage)
      : ioc_(ioc),
        config_(std::move(config)),
        service_(service),
        storage_(storage),
        acceptor_(ioc),
        tls_(ssl::context::tls_server) {}

  bool Listen(const tcp::endpoint& endpoint, std::string* error) {
    if (!config_.plain_http) {
      beast::error_code ec;
      tls_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
      tls_.use_certificate_chain_file(config_.tls_cert, ec);
      if (!ec) tls_.use_private_key_file(config_.tls_key, ssl::context::pem, ec);
      if (ec) {
        *error = "cannot load the TLS certificate or key: " + ec.message();
        return false;
      }
    }
    beast::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      *error = "cannot listen on " + config_.listen + ": " + ec.message();
      return false;
    }
    return true;
  }
  tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

  void Accept() {
    acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket s) {
      if (!ec) {
        beast::error_code ignored;
        s.set_option(tcp::no_delay(true), ignored);  // small replies must not wait for Nagle
      }
      if (ec) {
        if (!stopping_) Log("warn", "accept_failed", "\"error\":" + Quote(ec.message()));
        if (stopping_) return;
      } else if (config_.plain_http) {
        auto session =
            std::make_shared<Session<beast::tcp_stream>>(beast::tcp_stream(std::move(s)), *this);
        Track(session);
        session->Start();
      } else {
        auto session = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            beast::ssl_stream<beast::tcp_stream>(std::move(s), tls_), *this);
        Track(session);
        session->Start();
      }
      Accept();
    });
  }

  // Stop accepting; sessions finish what they are doing and close.
  void Stop() {
    asio::post(acceptor_.get_executor(), [this] {
      stopping_ = true;
      beast::error_code ec;
      acceptor_.close(ec);
      std::vector<std::function<void()>> stops;
      {
        std::lock_guard lock(mu_);
        for (auto& [key, stop] : sessions_) stops.push_back(stop);
      }
      for (auto& stop : stops) stop();
    });
  }
  bool stopping() const { return stopping_; }

  template <typename S>
  void Track(const std::shared_ptr<S>& session) {
    std::lock_guard lock(mu_);
    std::weak_ptr<S> weak = session;
    sessions_[session.get()] = [weak] {
      if (auto s = weak.lock()) s->Stop();
    };
  }
  void Untrack(const void* key) {
    std::lock_guard lock(mu_);
    sessions_.erase(key);
  }

  // Answers one request.
  http::response<http::vector_body<std::uint8_t>> Answer(
      const http::request<http::vector_body<std::uint8_t>>& req) {
    const auto started = std::chrono::steady_clock::now();
    ++metrics_.requests;
    ++metrics_.in_flight;
    metrics_.bytes_in += req.body().size();
    http::response<http::vector_body<std::uint8_t>> res;
    res.version(11);
    res.set(http::field::server, "naast-sync");
    const std::string target(req.target());
    Reply reply;
    if (req.method() == http::verb::get && target == "/healthz") {
      auto totals = storage_.Totals();
      reply.status = totals ? 200 : 503;
      reply.content_type = "text/plain";
      const std::string text = totals ? "ok\n" : "storage unavailable\n";
      reply.body.assign(text.begin(), text.end());
      reply.outcome = "healthz";
    } else if (req.method() == http::verb::get && target == "/metrics") {
      reply.content_type = "text/plain; version=0.0.4";
      const std::string text = MetricsText();
      reply.body.assign(text.begin(), text.end());
      reply.outcome = "metrics";
    } else if (req.method() == http::verb::post &&
               (target == "/v1/sync" || target == "/v1/registry")) {
      reply = service_.Handle(target, req.body(), NowMs());
    } else {
      reply.status = 404;
      reply.content_type = "text/plain";
      const std::string text = "not found\n";
      reply.body.assign(text.begin(), text.end());
      reply.outcome = "not_found";
    }
    res.result(static_cast<unsigned>(reply.status));
    res.set(http::field::content_type, reply.content_type);
    res.body() = std::move(reply.body);
    res.prepare_payload();
    metrics_.bytes_out += res.body().size();
    if (reply.status < 300)
      ++metrics_.status_2xx;
    else if (reply.status < 500)
      ++metrics_.status_4xx;
    else
      ++metrics_.status_5xx;
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    metrics_.latency_us_sum += static_cast<std::uint64_t>(us);
    --metrics_.in_flight;
    if (target != "/metrics" && target != "/healthz") {
      Log(reply.status < 400 ? "info" : "warn", "request",
          "\"path\":" + Quote(target) + ",\"status\":" + std::to_string(reply.status) +
              ",\"device\":" + Quote(reply.device) + ",\"outcome\":" + Quote(reply.outcome) +
              ",\"bytes_in\":" + std::to_string(req.body().size()) +
              ",\"us\":" + std::to_string(us));
    }
    return res;
  }

  // A request that never reached the service (too large, unreadable).
  http::response<http::vector_body<std::uint8_t>> Refuse(int status, const std::string& code,
                                                         const std::string& message) {
    http::response<http::vector_body<std::uint8_t>> res;
    res.version(11);
    res.result(static_cast<unsigned>(status));
    res.set(http::field::content_type, "application/octet-stream");
    res.body() = sync::EncodeErrorReply(sync::ErrorReply{code, message, false});
    res.prepare_payload();
    res.keep_alive(false);
    ++metrics_.requests;
    ++metrics_.status_4xx;
    Log("warn", "request", "\"status\":" + std::to_string(status) + ",\"outcome\":" + Quote(code));
    return res;
  }

  std::string MetricsText() {
    const Counters& c = service_.counters();
    std::string out;
    auto metric = [&](const char* name, const char* type, const char* help, std::uint64_t v) {
      out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
             name + " " + std::to_string(v) + "\n";
    };
    metric("naast_http_requests_total", "counter", "HTTP requests answered.", metrics_.requests);
    out +=
        "naast_http_responses_total{class=\"2xx\"} " + std::to_string(metrics_.status_2xx) + "\n";
    out +=
        "naast_http_responses_total{class=\"4xx\"} " + std::to_string(metrics_.status_4xx) + "\n";
    out +=
        "naast_http_responses_total{class=\"5xx\"} " + std::to_string(metrics_.status_5xx) + "\n";
    metric("naast_http_requests_in_flight", "gauge", "Requests being answered.",
           metrics_.in_flight);
    metric("naast_http_request_seconds_sum", "counter", "Time spent answering, seconds.",
           metrics_.latency_us_sum / 1'000'000);
    metric("naast_http_received_bytes_total", "counter", "Request body bytes.", metrics_.bytes_in);
    metric("naast_http_sent_bytes_total", "counter", "Response body bytes.", metrics_.bytes_out);
    metric("naast_envelopes_stored_total", "counter", "Envelopes stored.", c.stored);
    metric("naast_envelopes_duplicate_total", "counter", "Envelopes pushed again.", c.duplicates);
    metric("naast_envelopes_refused_total", "counter", "Envelopes refused.", c.refused);
    metric("naast_envelopes_pulled_total", "counter", "Envelopes sent to devices.", c.pulled);
    metric("naast_requests_bad_total", "counter", "Malformed requests.", c.bad_requests);
    metric("naast_requests_unauthorized_total", "counter", "Unsigned or unknown devices.",
           c.unauthorized);
    metric("naast_requests_revoked_total", "counter", "Requests from revoked devices.", c.revoked);
    metric("naast_requests_replayed_total", "counter", "Replayed requests.", c.replayed);
    metric("naast_requests_rate_limited_total", "counter", "Requests over a device's limit.",
           c.rate_limited);
    if (auto totals = storage_.Totals()) {
      metric("naast_store_envelopes", "gauge", "Envelopes held.",
             static_cast<std::uint64_t>(totals->first));
      metric("naast_store_bytes", "gauge", "Envelope bytes held.",
             static_cast<std::uint64_t>(totals->second));
    }
    return out;
  }

  const Config& config() const { return config_; }

 private:
  asio::io_context& ioc_;
  Config config_;
  Service& service_;
  Storage& storage_;
  tcp::acceptor acceptor_;
  ssl::context tls_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::map<const void*, std::function<void()>> sessions_;
  Metrics metrics_;
};

template <typename Stream>
void Session<Stream>::Start() {
  auto self = this->shared_from_this();
  asio::dispatch(Tcp().get_executor(), [self] {
    if constexpr (std::is_same_v<Stream, beast::tcp_stream>) {
      self->Read();
    } else {
      self->Tcp().expires_after(std::chrono::seconds(30));
      self->stream_.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return self->Close();
        self->Read();
      });
    }
  });
}

template <typename Stream>
void Session<Stream>::Stop() {
  auto self = this->shared_from_this();
  asio::post(Tcp().get_executor(), [self] {
    if (!self->busy_) self->Tcp().socket().shutdown(tcp::socket::shutdown_both);
  });
}

template <typename Stream>
void Session<Stream>::Read() {
  if (server_.stopping()) return Close();
  busy_ = false;
  parser_.emplace();
  parser_->body_limit(server_.config().max_body);
  Tcp().expires_after(std::chrono::seconds(60));
  auto self = this->shared_from_this();
  http::async_read(stream_, buffer_, *parser_,
                   [self](beast::error_code ec, std::size_t) { self->OnRead(ec); });
}

template <typename Stream>
void Session<Stream>::OnRead(beast::error_code ec) {
  busy_ = true;
  auto self = this->shared_from_this();
  if (ec == http::error::body_limit) {
    response_ = server_.Refuse(413, "too_large", "the request is larger than the server accepts");
  } else if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
             ec == asio::error::operation_aborted || ec == asio::error::eof ||
             ec == asio::error::connection_reset) {
    return Close();
  } else if (ec) {
    response_ = server_.Refuse(400, "bad_request", "the HTTP request could not be read");
  } else {
    const auto& req = parser_->get();
    response_ = server_.Answer(req);
    response_.keep_alive(req.keep_alive() && !server_.stopping());
  }
  Tcp().expires_after(std::chrono::seconds(60));
  http::async_write(stream_, response_, [self](beast::error_code wec, std::size_t) {
    if (wec || !self->response_.keep_alive()) return self->Close();
    self->Read();
  });
}

template <typename Stream>
void Session<Stream>::Close() {
  beast::error_code ec;
  if constexpr (!std::is_same_v<Stream, beast::tcp_stream>) {
    // A TLS close_notify, bounded: a client that went away must not hold the shutdown.
    Tcp().expires_after(std::chrono::seconds(2));
    auto self = this->shared_from_this();
    stream_.async_shutdown([self](beast::error_code) {
      beast::error_code ignored;
      self->Tcp().socket().close(ignored);
      self->server_.Untrack(self.get());
    });
    return;
  }
  Tcp().socket().shutdown(tcp::socket::shutdown_both, ec);
  Tcp().socket().close(ec);
  server_.Untrack(this);
}

std::string Env(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

int Usage(const std::string& error) {
  std::fprintf(stderr, "naast-sync: %s\n(see naast-sync --help)\n", error.c_str());
  return 2;
}

}  // namespace
}  // namespace naast::server

int main(int argc, char** argv) {
  using namespace naast::server;
  Config config;
  config.listen = Env("NAAST_SYNC_LISTEN", config.listen);
  config.data_dir = Env("NAAST_SYNC_DATA_DIR", config.data_dir);
  config.postgres = Env("NAAST_SYNC_POSTGRES", "");
  config.tls_cert = Env("NAAST_SYNC_TLS_CERT", "");
  config.tls_key = Env("NAAST_SYNC_TLS_KEY", "");
  config.threads = std::atoi(Env("NAAST_SYNC_THREADS", "2").c_str());
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    std::optional<std::string> v;
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--dev-plain-http") {
      config.plain_http = true;
    } else if (a == "--no-new-teams") {
      config.new_teams = false;
    } else if (a == "--listen" || a == "--data-dir" || a == "--tls-cert" || a == "--tls-key" ||
               a == "--threads" || a == "--max-body-bytes" || a == "--min-client-version" ||
               a == "--device-requests-per-minute" || a == "--postgres" ||
               a == "--pg-connections") {
      if (!(v = value())) return Usage(a + " needs a value");
      if (a == "--listen") config.listen = *v;
      if (a == "--data-dir") config.data_dir = *v;
      if (a == "--postgres") config.postgres = *v;
      if (a == "--pg-connections") config.pg_connections = std::atoi(v->c_str());
      if (a == "--tls-cert") config.tls_cert = *v;
      if (a == "--tls-key") config.tls_key = *v;
      if (a == "--threads") config.threads = std::atoi(v->c_str());
      if (a == "--max-body-bytes") config.max_body = std::strtoull(v->c_str(), nullptr, 10);
      if (a == "--device-requests-per-minute") {
        config.device_requests_per_minute = static_cast<std::uint32_t>(std::atoi(v->c_str()));
      }
      if (a == "--min-client-version") {
        config.min_client_version = static_cast<std::uint32_t>(std::atoi(v->c_str()));
      }
    } else {
      return Usage("unknown option " + a);
    }
  }
  const auto colon = config.listen.rfind(':');
  if (colon == std::string::npos) return Usage("--listen takes ADDR:PORT");
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(config.listen.substr(0, colon), ec);
  if (ec) return Usage("--listen: not an IP address: " + config.listen.substr(0, colon));
  const int port = std::atoi(config.listen.substr(colon + 1).c_str());
  if (port < 0 || port > 65535) return Usage("--listen: bad port");
  if (config.plain_http && !address.is_loopback()) {
    return Usage("--dev-plain-http is allowed on a loopback address only");
  }
  if (!config.plain_http && (config.tls_cert.empty() || config.tls_key.empty())) {
    return Usage("give --tls-cert and --tls-key (or --dev-plain-http on loopback)");
  }
  if (config.threads < 1) config.threads = 1;

  if (config.pg_connections < 1) return Usage("--pg-connections must be at least 1");
  auto storage = config.postgres.empty()
                     ? OpenSqliteStorage(config.data_dir)
                     : OpenPostgresStorage(config.postgres, config.pg_connections);
  if (!storage) {
    std::fprintf(stderr, "naast-sync: %s\n", storage.error().ToString().c_str());
    return 1;
  }
  ServiceOptions options;
  options.min_client_version = config.min_client_version;
  options.allow_new_teams = config.new_teams;
  options.device_requests_per_minute = config.device_requests_per_minute;
  Service service(**storage, options);

  boost::asio::io_context ioc(config.threads);
  Server server(ioc, config, service, **storage);
  std::string error;
  if (!server.Listen(tcp::endpoint(address, static_cast<unsigned short>(port)), &error)) {
    std::fprintf(stderr, "naast-sync: %s\n", error.c_str());
    return 1;
  }
  server.Accept();
  boost::asio::signal_set signals(ioc, SIGTERM, SIGINT);
  signals.async_wait([&](const boost::system::error_code&, int sig) {
    Log("info", "stopping", "\"signal\":" + std::to_string(sig));
    server.Stop();
  });
  const auto ep = server.local_endpoint();
  std::printf("listening on %s:%u\n", ep.address().to_string().c_str(), ep.port());
  std::fflush(stdout);
  Log("info", "started",
      "\"port\":" + std::to_string(ep.port()) +
          ",\"tls\":" + (config.plain_http ? "false" : "true") + ",\"storage\":\"" +
          (config.postgres.empty() ? "sqlite" : "postgres") + "\"");
  std::vector<std::thread> threads;
  for (int i = 1; i < config.threads; ++i) threads.emplace_back([&] { ioc.run(); });
  ioc.run();
  for (auto& t : threads) t.join();
  Log("info", "stopped", "");
  return 0;
}
