// For the app's C++ tests: a tablet in `dir` with the demo team (PIN 1234, a fast key
// derivation), unlocked, made AppSession::instance. Empty when any of that failed.
#pragma once

#include <QSignalSpy>
#include <filesystem>
#include <memory>
#include <string>

#include "app_session.h"
#include "naast/domain/team_generator.h"

inline std::unique_ptr<AppSession> OpenDemoSession(const std::filesystem::path& dir,
                                                   std::string vfs = {}) {
  if (!AppSession::CreateDemo(dir, "1234", /*fast_kdf=*/true, 4).ok()) return nullptr;
  auto session = std::make_unique<AppSession>(
      AppSession::Options{dir, naast::domain::TeamShape{}.today, std::move(vfs)});
  AppSession::instance = session.get();
  QSignalSpy unlocked(session.get(), &AppSession::unlockedChanged);
  session->unlock("1234");
  if (!unlocked.wait(10'000) || !session->unlocked()) return nullptr;
  return session;
}
