// Limits per device: a tablet that sends too many requests gets a clear 429, and the server
// goes on serving the others.
#include <catch2/catch.hpp>
#include <string>

#include "naast/sync/session.h"
#include "sync_fixture.h"

using namespace naast;
using testing::Now;
using testing::ServerProcess;
using testing::Tablet;
using testing::TempDir;

TEST_CASE("a device over its request limit gets 429 and the others are served",
          "[sync][e2e][limits]") {
  TempDir dir;
  ServerProcess server(NAAST_SYNC_SERVER, dir.path, {"--device-requests-per-minute", "8"});
  Tablet leader(server), coach(server);
  REQUIRE(leader.device->CreateTeam("tablet 1", Now()).ok());
  REQUIRE(leader.Sync().ok());  // each sync: a registry and a sync request
  REQUIRE(leader.device
              ->Approve(coach.device->id(), coach.device->box().public_key, coach.device->Code(),
                        sync::Role::kCoach, "tablet 2", Now())
              .ok());
  REQUIRE(leader.Sync().ok());
  REQUIRE(coach.Sync().ok());
  REQUIRE(leader.Sync().ok());
  REQUIRE(leader.Sync().ok());  // 8 requests from the teamleider's tablet

  auto refused = leader.Sync();
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("rate_limited") != std::string::npos);
  CHECK(refused.error().message.find("try again") != std::string::npos);

  // The coach's tablet has its own budget.
  auto served = coach.Sync();
  INFO((served ? "" : served.error().ToString()));
  CHECK(served.ok());
  auto got = coach.client->Get("/metrics");
  REQUIRE(got.ok());
  const std::string metrics(got->body.begin(), got->body.end());
  CHECK(metrics.find("naast_requests_rate_limited_total 1") != std::string::npos);
}
