// A sync client in a process of its own, for the test that kills it with SIGKILL during a pull.
//
//   naast-sync-child FILE KEY_HEX PORT CA_FILE keys
//       prints "device SIGN_HEX BOX_HEX CODE" (what a teamleider approves) and exits
//   naast-sync-child FILE KEY_HEX PORT CA_FILE pull PAGE_BYTES
//       syncs with pages of at most PAGE_BYTES; prints "page PULLED" after each page is
//       applied and stored, then "done PULLED" (envelopes pulled in this run)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/https_client.h"
#include "naast/sync/session.h"

using namespace naast;

namespace {

int Fail(const char* what, const Error& e) {
  std::fprintf(stderr, "naast-sync-child: %s: %s\n", what, e.ToString().c_str());
  return 1;
}

std::string Hex(const sync::PublicKey& key) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : key) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::uint64_t Now() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: naast-sync-child FILE KEY_HEX PORT CA_FILE keys|pull [PAGE]\n");
    return 2;
  }
  const std::string hex = argv[2];
  crypto::SecureBytes key(crypto::kKeyBytes);
  for (std::size_t i = 0; i < key.size(); ++i) {
    key.data()[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  crdt::HybridClock clock;
  auto store = store::Store::Open(argv[1], key, 0, &clock);
  if (!store) return Fail("open", store.error());
  auto device = sync::Device::Load(**store);
  if (!device) return Fail("device", device.error());
  const std::string mode = argv[5];
  if (mode == "keys") {
    std::printf("device %s %s %s\n", Hex(device->id()).c_str(),
                Hex(device->box().public_key).c_str(), device->Code().c_str());
    return 0;
  }
  if (mode != "pull" || argc != 7) return 2;
  sync::SyncSession session(**store, *device);
  session.page_bytes = std::strtoull(argv[6], nullptr, 10);
  sync::HttpsClient::Options options;
  options.port = static_cast<std::uint16_t>(std::atoi(argv[3]));
  options.ca_file = argv[4];
  sync::HttpsClient client(options);
  auto done = sync::SyncNow(session, client, Now, [](const sync::SyncProgress& p) {
    std::printf("page %zu\n", p.pulled);
    std::fflush(stdout);
  });
  if (!done) return Fail("sync", done.error());
  std::printf("done %zu\n", done->pulled);
  std::fflush(stdout);
  return 0;
}
