// An SQLite VFS over the default one that fails on command, for the store's fault tests: the
// Nth write or sync from now fails with an I/O error, or files may grow only by so many bytes
// more (a full disk). SQLCipher encrypts above the VFS, so the store runs unchanged on it.
#pragma once

#include <cstdint>

namespace naast::testing {

struct FaultPlan {
  int fail_write_at = 0;         // the Nth xWrite from now fails (1 = the next); 0: none
  int fail_sync_at = 0;          // the Nth xSync from now fails; 0: none
  std::int64_t space_left = -1;  // bytes the files may still grow by; -1: unlimited
};

// Registers the VFS on first use (not as the default) and returns its name for sqlite3_open_v2.
const char* FaultVfsName();
void SetFaults(const FaultPlan& plan);  // also resets the counters
void ClearFaults();
int FaultsInjected();  // how many calls failed since the last SetFaults

}  // namespace naast::testing
