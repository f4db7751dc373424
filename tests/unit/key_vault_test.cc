// The key vault: PIN + device secret -> database key; growing delays; wipe after too many.
#include "naast/store/key_vault.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "test_util.h"
#include "util/file.h"

using namespace naast;
using namespace naast::store;

namespace {

SecureBytes Pin(const std::string& digits) {
  return SecureBytes::Copy({reinterpret_cast<const std::uint8_t*>(digits.data()), digits.size()});
}

using testing::TempDir;

LockoutPolicy SmallPolicy() {
  LockoutPolicy p;
  p.max_attempts = 8;
  p.free_attempts = 2;
  p.first_delay_ms = 1000;
  p.max_delay_ms = 5000;
  return p;
}

}  // namespace

TEST_CASE("the right PIN unlocks the same key every time", "[vault]") {
  TempDir dir;
  FileDeviceSecret secret(dir.path / "device.secret");
  auto vault = KeyVault::Create(dir.path / "vault", Pin("482916"), secret, KdfParams::ForTests(),
                                SmallPolicy());
  REQUIRE(vault.ok());
  auto k1 = vault->Unlock(Pin("482916"), secret, 0);
  REQUIRE(k1.ok());
  REQUIRE(k1->size() == 32);
  auto reopened = KeyVault::Open(dir.path / "vault");
  REQUIRE(reopened.ok());
  auto k2 = reopened->Unlock(Pin("482916"), secret, 0);
  REQUIRE(k2.ok());
  REQUIRE(k1->Equals(*k2));
  // The vault file does not hold the key in the clear.
  auto file = util::ReadFile(dir.path / "vault");
  REQUIRE(file.ok());
  std::string raw(file->begin(), file->end());
  std::string key(reinterpret_cast<const char*>(k1->data()), k1->size());
  REQUIRE(raw.find(key) == std::string::npos);
}

TEST_CASE("a different device secret does not unlock the key", "[vault]") {
  TempDir dir;
  FileDeviceSecret secret(dir.path / "device.secret");
  FileDeviceSecret other(dir.path / "other.secret");
  auto vault = KeyVault::Create(dir.path / "vault", Pin("111111"), secret, KdfParams::ForTests());
  REQUIRE(vault.ok());
  auto r = vault->Unlock(Pin("111111"), other, 0);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.error().code == ErrorCode::kWrongPin);
}

TEST_CASE("wrong PINs wait longer and longer, then destroy the key", "[vault]") {
  TempDir dir;
  FileDeviceSecret secret(dir.path / "device.secret");
  const LockoutPolicy policy = SmallPolicy();
  auto vault =
      KeyVault::Create(dir.path / "vault", Pin("123456"), secret, KdfParams::ForTests(), policy);
  REQUIRE(vault.ok());
  std::uint64_t now = 1'000'000;
  std::uint64_t last_delay = 0;
  for (std::uint32_t attempt = 1; attempt < policy.max_attempts; ++attempt) {
    auto r = vault->Unlock(Pin("000000"), secret, now);
    REQUIRE(r.error().code == ErrorCode::kWrongPin);
    REQUIRE(vault->failed_attempts() == attempt);
    const std::uint64_t delay = vault->locked_until_ms() > now ? vault->locked_until_ms() - now : 0;
    REQUIRE(delay == policy.DelayAfter(attempt));
    REQUIRE(delay >= last_delay);
    if (attempt <= policy.free_attempts) REQUIRE(delay == 0);
    if (delay > 0) {
      // While locked even the right PIN is not tried, and the count does not move.
      auto locked = vault->Unlock(Pin("123456"), secret, now + delay - 1);
      REQUIRE(locked.error().code == ErrorCode::kLocked);
      REQUIRE(vault->failed_attempts() == attempt);
    }
    last_delay = delay;
    now += delay;
  }
  REQUIRE(last_delay == policy.max_delay_ms);  // it grew up to the cap
  // The count survives a restart of the app.
  auto reopened = KeyVault::Open(dir.path / "vault");
  REQUIRE(reopened->failed_attempts() == policy.max_attempts - 1);
  auto last = reopened->Unlock(Pin("000000"), secret, now);
  REQUIRE(last.error().code == ErrorCode::kWiped);
  REQUIRE(reopened->wiped());
  // Gone for good, even with the right PIN, even after reopening.
  auto again = KeyVault::Open(dir.path / "vault");
  REQUIRE(again->wiped());
  REQUIRE(again->Unlock(Pin("123456"), secret, now + 10'000'000).error().code == ErrorCode::kWiped);
}

TEST_CASE("the right PIN resets the count of wrong ones", "[vault]") {
  TempDir dir;
  FileDeviceSecret secret(dir.path / "device.secret");
  auto vault = KeyVault::Create(dir.path / "vault", Pin("246810"), secret, KdfParams::ForTests(),
                                SmallPolicy());
  REQUIRE(vault->Unlock(Pin("999999"), secret, 0).error().code == ErrorCode::kWrongPin);
  REQUIRE(vault->failed_attempts() == 1);
  REQUIRE(vault->Unlock(Pin("246810"), secret, 0).ok());
  REQUIRE(vault->failed_attempts() == 0);
  REQUIRE(KeyVault::Open(dir.path / "vault")->failed_attempts() == 0);
}

TEST_CASE("changing the PIN re-wraps the same key", "[vault]") {
  TempDir dir;
  FileDeviceSecret secret(dir.path / "device.secret");
  auto vault = KeyVault::Create(dir.path / "vault", Pin("135790"), secret, KdfParams::ForTests());
  auto before = vault->Unlock(Pin("135790"), secret, 0);
  REQUIRE(before.ok());
  REQUIRE(vault->ChangePin(Pin("000000"), Pin("975310"), secret, 0).error().code ==
          ErrorCode::kWrongPin);
  REQUIRE(vault->ChangePin(Pin("135790"), Pin("975310"), secret, 0).ok());
  auto reopened = KeyVault::Open(dir.path / "vault");
  REQUIRE(reopened->Unlock(Pin("135790"), secret, 0).error().code == ErrorCode::kWrongPin);
  auto after = reopened->Unlock(Pin("975310"), secret, 0);
  REQUIRE(after.ok());
  REQUIRE(before->Equals(*after));
}

TEST_CASE("a damaged or missing vault file is a clear error", "[vault]") {
  TempDir dir;
  REQUIRE(KeyVault::Open(dir.path / "absent").error().code == ErrorCode::kIo);
  const std::uint8_t junk[] = {'N', 'O', 'P', 'E', 1, 2, 3};
  REQUIRE(util::WriteFileAtomically(dir.path / "junk", junk).ok());
  REQUIRE(KeyVault::Open(dir.path / "junk").error().code == ErrorCode::kBadMagic);
  FileDeviceSecret secret(dir.path / "device.secret");
  REQUIRE(KeyVault::Create(dir.path / "vault", Pin("1"), secret, KdfParams::ForTests()).ok());
  auto bytes = util::ReadFile(dir.path / "vault");
  for (std::size_t cut = 0; cut < bytes->size(); ++cut) {
    REQUIRE(util::WriteFileAtomically(dir.path / "cut", {bytes->data(), cut}).ok());
    REQUIRE_FALSE(KeyVault::Open(dir.path / "cut").ok());
  }
  REQUIRE(
      KeyVault::Create(dir.path / "vault", Pin("1"), secret, KdfParams::ForTests()).error().code ==
      ErrorCode::kInvalidArgument);
}
