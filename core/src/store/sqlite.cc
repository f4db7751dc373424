#include "store/sqlite.h"

namespace naast::store::sql {

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  const int primary = rc & 0xFF;
  ErrorCode code = ErrorCode::kIo;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) code = ErrorCode::kMalformed;
  if (primary == SQLITE_FULL) code = ErrorCode::kDiskFull;
  if (primary == SQLITE_CONSTRAINT || primary == SQLITE_MISUSE || primary == SQLITE_RANGE) {
    code = ErrorCode::kInvalidArgument;
  }
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return Error{code, msg};
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = SqliteError(db_, rc, "statement failed");
  sqlite3_reset(stmt_);
  return e;
}

Status Statement::Run() {
  for (;;) {
    auto r = Step();
    if (!r) {
      Reset();
      return r.error();
    }
    if (!*r) break;
  }
  Reset();
  return Status::Ok();
}

std::string Statement::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::vector<std::uint8_t> Statement::Blob(int col) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
  return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, col))
           : std::vector<std::uint8_t>();
}

Status Database::Open(const std::string& path, int flags, const char* vfs) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "cannot open the store");
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Database::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "statement failed");
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, "cannot prepare a statement");
  return Statement(db_, stmt);
}

Status Transaction::Begin() {
  if (Status s = db_.Exec("SAVEPOINT naast"); !s) return s;
  open_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  if (Status s = db_.Exec("RELEASE naast"); !s) return s;  // still open: the destructor rolls back
  open_ = false;
  return Status::Ok();
}

Transaction::~Transaction() {
  if (open_) {
    // Nothing to do if these fail: the connection's next statement reports the problem.
    (void)db_.Exec("ROLLBACK TO naast");
    (void)db_.Exec("RELEASE naast");
  }
}

}  // namespace naast::store::sql
