// Where a page's C++ service reads from: the open store (nullptr while locked), today, the
// language of the labels ("nl" or "en"), a lock held while the store is used (the sync
// worker shares the store; empty: nothing to hold), and what to call after a local commit made
// a change for the server (the sync bar's "changes waiting"; empty: nothing). The app gives its
// session's; tests give a store of their own.
#pragma once

#include <QString>
#include <functional>
#include <mutex>

#include "naast/domain/date.h"
#include "naast/store/store.h"

struct DataSource {
  std::function<naast::store::Store*()> store;
  std::function<naast::domain::Date()> today;
  std::function<QString()> language;
  std::function<std::unique_lock<std::recursive_mutex>()> lock;
  std::function<void()> local_change;

  // AppSession::instance's store, date, language, lock and its sync's LocalChange().
  static DataSource FromSession();
};
