#include "naast/sync/https_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <optional>

namespace naast::sync {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

}  // namespace

struct HttpsClient::Impl {
  Options options;
  asio::io_context ioc;
  ssl::context tls{ssl::context::tls_client};
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure;
  std::optional<beast::tcp_stream> plain;
  beast::flat_buffer buffer;

  beast::tcp_stream& Tcp() { return plain ? *plain : beast::get_lowest_layer(*secure); }

  void Disconnect() {
    beast::error_code ec;
    if (secure) beast::get_lowest_layer(*secure).socket().close(ec);
    if (plain) plain->socket().close(ec);
    secure.reset();
    plain.reset();
    buffer.clear();
  }

  Status Connect() {
    Disconnect();
    beast::error_code ec;
    tcp::resolver resolver(ioc);
    auto endpoints = resolver.resolve(options.host, std::to_string(options.port), ec);
    if (ec) return Error{ErrorCode::kIo, "cannot resolve the server: " + ec.message()};
    if (options.plain_http) {
      plain.emplace(ioc);
      plain->expires_after(options.timeout);
      plain->connect(endpoints, ec);
      if (ec) return Error{ErrorCode::kIo, "cannot connect to the server: " + ec.message()};
      plain->socket().set_option(tcp::no_delay(true), ec);
      return Status::Ok();
    }
    secure.emplace(ioc, tls);
    if (!SSL_set_tlsext_host_name(secure->native_handle(), options.host.c_str())) {
      return Error{ErrorCode::kIo, "cannot set the TLS server name"};
    }
    secure->set_verify_callback(ssl::host_name_verification(options.host));
    beast::get_lowest_layer(*secure).expires_after(options.timeout);
    beast::get_lowest_layer(*secure).connect(endpoints, ec);
    if (ec) return Error{ErrorCode::kIo, "cannot connect to the server: " + ec.message()};
    // Requests are written as header then body: without this, Nagle holds the body back.
    beast::get_lowest_layer(*secure).socket().set_option(tcp::no_delay(true), ec);
    secure->handshake(ssl::stream_base::client, ec);
    if (ec) return Error{ErrorCode::kIo, "the TLS handshake failed: " + ec.message()};
    return Status::Ok();
  }

  template <typename Request>
  Result<Response> Exchange(Request& req) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!secure && !plain) {
        if (Status s = Connect(); !s) return s.error();
      }
      beast::error_code ec;
      Tcp().expires_after(options.timeout);
      if (plain) {
        http::write(*plain, req, ec);
      } else {
        http::write(*secure, req, ec);
      }
      http::response_parser<http::vector_body<std::uint8_t>> parser;
      parser.body_limit(64 << 20);
      if (!ec) {
        if (plain) {
          http::read(*plain, buffer, parser, ec);
        } else {
          http::read(*secure, buffer, parser, ec);
        }
      }
      if (ec) {
        // A kept-alive connection the server closed meanwhile: one fresh try.
        Disconnect();
        if (attempt == 0) continue;
        return Error{ErrorCode::kIo, "the connection to the server failed: " + ec.message()};
      }
      auto res = parser.release();
      Response out{static_cast<int>(res.result_int()), std::move(res.body())};
      if (!res.keep_alive()) Disconnect();
      return out;
    }
    return Error{ErrorCode::kIo, "the connection to the server failed"};
  }
};

HttpsClient::HttpsClient(Options options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->tls.set_verify_mode(ssl::verify_peer);
  if (!impl_->options.ca_file.empty()) {
    beast::error_code ec;
    impl_->tls.load_verify_file(impl_->options.ca_file, ec);
  } else {
    impl_->tls.set_default_verify_paths();
  }
}

HttpsClient::~HttpsClient() {
  if (impl_) impl_->Disconnect();
}

Result<HttpsClient::Response> HttpsClient::Post(const std::string& path,
                                                std::span<const std::uint8_t> body) {
  http::request<http::vector_body<std::uint8_t>> req{http::verb::post, path, 11};
  req.set(http::field::host, impl_->options.host);
  req.set(http::field::content_type, "application/octet-stream");
  req.keep_alive(true);
  req.body().assign(body.begin(), body.end());
  req.prepare_payload();
  return impl_->Exchange(req);
}

Result<HttpsClient::Response> HttpsClient::Get(const std::string& path) {
  http::request<http::empty_body> req{http::verb::get, path, 11};
  req.set(http::field::host, impl_->options.host);
  req.keep_alive(true);
  return impl_->Exchange(req);
}

Result<SyncProgress> SyncNow(SyncSession& session, HttpsClient& client,
                             const std::function<std::uint64_t()>& now_ms,
                             const std::function<void(const SyncProgress&)>& progress, bool* wipe) {
  const PostFn post = [&client](const std::string& path, std::span<const std::uint8_t> body) {
    return client.Post(path, body);
  };
  return SyncNow(session, post, now_ms, progress, wipe);
}

}  // namespace naast::sync
