// Small helpers the tests share: a temporary folder, a fixed clock, reading a whole file.
#pragma once

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "naast/crdt/clock.h"

namespace naast::testing {

// A fresh folder under /tmp, removed with everything in it at the end of the scope.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/naast-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// A clock that always says the same moment (2026-09-21), so tests do not depend on the date.
inline crdt::HybridClock& FixedClock() {
  static crdt::HybridClock clock([] { return std::uint64_t{1'790'000'000'000}; });
  return clock;
}

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace naast::testing
