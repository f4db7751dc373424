#include "fault_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>

namespace naast::testing {
namespace {

struct State {
  std::mutex mu;
  FaultPlan plan;
  int writes = 0;
  int syncs = 0;
  int injected = 0;
};
State& S() {
  static State s;
  return s;
}

sqlite3_vfs* root = nullptr;
sqlite3_vfs fault_vfs;

// Our file wraps the real one, which lives right after it in the same allocation.
struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
};
sqlite3_file* Real(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real;
}

int Close(sqlite3_file* f) {
  return Real(f)->pMethods->xClose(Real(f));
}
int Read(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
  return Real(f)->pMethods->xRead(Real(f), p, n, off);
}
int Write(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  sqlite3_file* r = Real(f);
  {
    std::lock_guard lock(S().mu);
    State& s = S();
    ++s.writes;
    if (s.plan.fail_write_at > 0 && s.writes == s.plan.fail_write_at) {
      ++s.injected;
      return SQLITE_IOERR_WRITE;
    }
    if (s.plan.space_left >= 0) {
      sqlite3_int64 size = 0;
      if (int rc = r->pMethods->xFileSize(r, &size); rc != SQLITE_OK) return rc;
      const sqlite3_int64 growth = std::max<sqlite3_int64>(0, off + n - size);
      if (growth > s.plan.space_left) {
        ++s.injected;
        return SQLITE_FULL;
      }
      s.plan.space_left -= growth;
    }
  }
  return r->pMethods->xWrite(r, p, n, off);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  {
    std::lock_guard lock(S().mu);
    State& s = S();
    ++s.syncs;
    if (s.plan.fail_sync_at > 0 && s.syncs == s.plan.fail_sync_at) {
      ++s.injected;
      return SQLITE_IOERR_FSYNC;
    }
  }
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Real(f)->pMethods->xFileSize(Real(f), size);
}
int Lock(sqlite3_file* f, int level) {
  return Real(f)->pMethods->xLock(Real(f), level);
}
int Unlock(sqlite3_file* f, int level) {
  return Real(f)->pMethods->xUnlock(Real(f), level);
}
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Real(f)->pMethods->xFileControl(Real(f), op, arg);
}
int SectorSize(sqlite3_file* f) {
  return Real(f)->pMethods->xSectorSize(Real(f));
}
int DeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) {
  Real(f)->pMethods->xShmBarrier(Real(f));
}
int ShmUnmap(sqlite3_file* f, int del) {
  return Real(f)->pMethods->xShmUnmap(Real(f), del);
}
int Fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  return Real(f)->pMethods->xFetch(Real(f), off, n, out);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return Real(f)->pMethods->xUnfetch(Real(f), off, p);
}

const sqlite3_io_methods kMethods = {
    3,
    Close,
    Read,
    Write,
    Truncate,
    Sync,
    FileSize,
    Lock,
    Unlock,
    CheckReservedLock,
    FileControl,
    SectorSize,
    DeviceCharacteristics,
    ShmMap,
    ShmLock,
    ShmBarrier,
    ShmUnmap,
    Fetch,
    Unfetch,
};

int Open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* f = reinterpret_cast<FaultFile*>(file);
  f->real = reinterpret_cast<sqlite3_file*>(f + 1);
  const int rc = root->xOpen(root, name, f->real, flags, out_flags);
  // SQLite calls xClose only when pMethods is set: set it only when the real file is open.
  f->base.pMethods = f->real->pMethods ? &kMethods : nullptr;
  return rc;
}

}  // namespace

const char* FaultVfsName() {
  static std::once_flag once;
  std::call_once(once, [] {
    root = sqlite3_vfs_find(nullptr);
    fault_vfs = *root;
    fault_vfs.pNext = nullptr;
    fault_vfs.zName = "naast-fault";
    fault_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + root->szOsFile;
    fault_vfs.xOpen = Open;
    sqlite3_vfs_register(&fault_vfs, 0);
  });
  return fault_vfs.zName;
}

void SetFaults(const FaultPlan& plan) {
  std::lock_guard lock(S().mu);
  S().plan = plan;
  S().writes = S().syncs = S().injected = 0;
}

void ClearFaults() {
  SetFaults(FaultPlan{});
}

int FaultsInjected() {
  std::lock_guard lock(S().mu);
  return S().injected;
}

}  // namespace naast::testing
