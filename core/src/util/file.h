// Small POSIX file helpers with errors as values.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "naast/result.h"

namespace naast::util {

// Writes `bytes` to `path` so that after a crash the file holds either the old or the new
// content: a temporary file beside it, fsync, rename, fsync of the folder. Mode 0600.
Status WriteFileAtomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
Result<std::vector<std::uint8_t>> ReadFile(const std::filesystem::path& path,
                                           std::size_t max_bytes = 1 << 20);

}  // namespace naast::util
