// A TCP proxy on loopback that misbehaves on purpose, for sync tests: per connection (seeded,
// so a failing run can be repeated) it passes bytes through, refuses the connection, cuts it
// after some bytes in either direction (mid-handshake, mid-body, mid-reply) or delays every
// chunk. It never changes a byte: TLS would notice, and that is another test.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

namespace naast::testing {

class FaultProxy {
 public:
  enum class Fault { kNone, kRefuse, kCutRequest, kCutReply, kDelay };
  struct Counts {
    std::atomic<int> none{0}, refused{0}, cut_request{0}, cut_reply{0}, delayed{0};
  };

  FaultProxy(std::uint16_t target_port, std::uint32_t seed) : target_(target_port), rng_(seed) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener_, 64) != 0) {
      throw std::runtime_error("the fault proxy cannot listen");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { AcceptLoop(); });
  }
  ~FaultProxy() {
    stop_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    acceptor_.join();
    for (auto& t : workers_) t.join();
  }

  std::uint16_t port() const { return port_; }
  // The share of connections that misbehave, 0..1 (the rest pass through).
  void SetFaultRate(double rate) { fault_rate_ = rate; }
  const Counts& counts() const { return counts_; }

 private:
  Fault Pick(std::size_t* cut_after) {
    std::lock_guard lock(mu_);
    std::uniform_real_distribution<double> coin(0, 1);
    if (coin(rng_) >= fault_rate_) return Fault::kNone;
    std::uniform_int_distribution<int> kind(1, 4);
    std::uniform_int_distribution<std::size_t> bytes(1, 6000);
    *cut_after = bytes(rng_);
    return static_cast<Fault>(kind(rng_));
  }

  void AcceptLoop() {
    while (!stop_) {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) break;
      std::size_t cut_after = 0;
      const Fault fault = Pick(&cut_after);
      if (fault == Fault::kRefuse) {
        ++counts_.refused;
        ::close(client);
        continue;
      }
      const int server = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      addr.sin_port = htons(target_);
      if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(client);
        ::close(server);
        continue;
      }
      switch (fault) {
        case Fault::kNone:
          ++counts_.none;
          break;
        case Fault::kCutRequest:
          ++counts_.cut_request;
          break;
        case Fault::kCutReply:
          ++counts_.cut_reply;
          break;
        case Fault::kDelay:
          ++counts_.delayed;
          break;
        case Fault::kRefuse:
          break;
      }
      workers_.emplace_back([=, this] { Pump(client, server, fault, cut_after); });
    }
  }

  // Both directions on one thread with poll(), until either side closes or the fault cuts.
  void Pump(int client, int server, Fault fault, std::size_t cut_after) {
    std::size_t up = 0, down = 0;  // bytes forwarded client->server, server->client
    char buf[4096];
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    while (!stop_) {
      if (::poll(fds, 2, 200) < 0) break;
      bool closed = false;
      for (int i = 0; i < 2 && !closed; ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
        if (n <= 0) {
          closed = true;
          break;
        }
        std::size_t len = static_cast<std::size_t>(n);
        std::size_t& done = i == 0 ? up : down;
        const bool cut =
            (i == 0 && fault == Fault::kCutRequest) || (i == 1 && fault == Fault::kCutReply);
        if (cut && done + len >= cut_after) {
          len = cut_after > done ? cut_after - done : 0;
          closed = true;
        }
        if (fault == Fault::kDelay) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1 + (len % 15)));
        }
        const int to = i == 0 ? server : client;
        for (std::size_t off = 0; off < len;) {
          const ssize_t w = ::write(to, buf + off, len - off);
          if (w <= 0) {
            closed = true;
            break;
          }
          off += static_cast<std::size_t>(w);
        }
        done += len;
      }
      if (closed) break;
    }
    ::shutdown(client, SHUT_RDWR);
    ::shutdown(server, SHUT_RDWR);
    ::close(client);
    ::close(server);
  }

  std::uint16_t target_;
  std::uint16_t port_ = 0;
  int listener_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<double> fault_rate_{0.5};
  std::mutex mu_;
  std::mt19937 rng_;
  Counts counts_;
  std::thread acceptor_;
  std::vector<std::thread> workers_;
};

}  // namespace naast::testing
