// Enrolment: the QR code a new device shows scans back (with zbarimg, a real QR reader) to its
// keys, and a teamleider's device approves from the scanned keys only with the code the new
// device shows.
#include "naast/sync/enrolment.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"
#include "naast/sync/session.h"
#include "test_util.h"

using namespace naast;

namespace {

// What zbarimg reads from an image file: the decoded text, without the trailing newline.
std::string Scan(const std::string& file) {
  const std::string cmd = "zbarimg --raw -q " + file + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[256];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("the enrolment QR code scans back to the device's keys, and approving needs its code",
          "[enrolment]") {
  testing::TempDir dir;
  crdt::HybridClock clock;
  auto leader_store =
      store::Store::Open(dir.path / "leader.db", crypto::RandomKey(), 0, &clock).value();
  auto new_store = store::Store::Open(dir.path / "new.db", crypto::RandomKey(), 0, &clock).value();
  auto leader = sync::Device::Load(*leader_store).value();
  auto fresh = sync::Device::Load(*new_store).value();
  REQUIRE(leader.CreateTeam("tablet 1", 1'700'000'000'000).ok());

  const std::string payload = sync::EnrolmentPayload(fresh.id(), fresh.box().public_key);
  auto qr = sync::EncodeQr(payload);
  REQUIRE(qr.ok());
  CHECK(qr->size >= 21);
  const std::string image = (dir.path / "enrol.pgm").string();
  {
    const auto pgm = sync::QrPgm(*qr, 4);
    std::ofstream(image, std::ios::binary)
        .write(reinterpret_cast<const char*>(pgm.data()), static_cast<std::streamsize>(pgm.size()));
  }
  const std::string scanned = Scan(image);
  REQUIRE(scanned == payload);

  auto keys = sync::ParseEnrolmentPayload(scanned);
  REQUIRE(keys.ok());
  CHECK(keys->device == fresh.id());
  CHECK(keys->box == fresh.box().public_key);
  // The code on the new device's screen binds the approval to these keys.
  CHECK_FALSE(leader
                  .Approve(keys->device, keys->box, "0000-0000", sync::Role::kCoach, "tablet 2",
                           1'700'000'000'100)
                  .ok());
  REQUIRE(leader
              .Approve(keys->device, keys->box, fresh.Code(), sync::Role::kCoach, "tablet 2",
                       1'700'000'000'200)
              .ok());

  // Damaged or foreign payloads are refused with a clear error.
  for (const std::string bad :
       {std::string("hello"), payload.substr(0, payload.size() - 2),
        payload.substr(0, payload.size() - 1) + "G", "NAAST-ENROL:2:" + payload.substr(14)}) {
    auto r = sync::ParseEnrolmentPayload(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kMalformed);
  }

  // The SVG form draws exactly the dark modules.
  const std::string svg = sync::QrSvg(*qr);
  std::size_t dark = 0, drawn = 0;
  for (bool m : qr->modules) dark += m;
  for (auto at = svg.find("h1v1h-1z"); at != std::string::npos; at = svg.find("h1v1h-1z", at + 1))
    ++drawn;
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(drawn == dark);
}
