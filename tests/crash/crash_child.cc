// The process the crash test kills: it applies batches of remote changes to a store, each batch
// in one transaction (as a sync pull applies a page), and says "acked N" on stdout once a
// batch is committed, N being the number of changes in the store. It runs until killed.
//
//   naast-crash-child FILE KEY_HEX BATCH
//
// Change i is a visit with a note from replica 1000 + i, so the sequence is the same in every
// run and the child continues where the store stands.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "naast/crypto/crypto.h"
#include "naast/store/store.h"

using namespace naast;

namespace {

crdt::Change MakeChange(std::uint64_t i) {
  crdt::Document author(1000 + i);
  const crdt::OpId visit = author.CreateRecord("visit");
  (void)author.Set(visit, "date", std::string("2026-10-01"));
  std::string note = "bezoek " + std::to_string(i) + ": ";
  note.resize(300, 'n');
  (void)author.InsertText(visit, "notes", 0, note);
  return *author.Commit();
}

int Fail(const char* what, const Error& e) {
  std::fprintf(stderr, "naast-crash-child: %s: %s\n", what, e.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: naast-crash-child FILE KEY_HEX BATCH\n");
    return 2;
  }
  const std::string hex = argv[2];
  const int batch = std::atoi(argv[3]);
  crypto::SecureBytes key(crypto::kKeyBytes);
  for (std::size_t i = 0; i < key.size(); ++i) {
    key.data()[i] = static_cast<unsigned char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  auto store = store::Store::Open(argv[1], key, 1, nullptr);
  if (!store) return Fail("open", store.error());
  auto docs = (*store)->Documents();
  if (!docs) return Fail("documents", docs.error());
  store::DocumentId id;
  if (docs->empty()) {
    auto made = (*store)->CreateDocument("dossier");
    if (!made) return Fail("create", made.error());
    id = *made;
  } else {
    id = docs->front();
  }
  auto count = (*store)->Query("SELECT count(*) FROM oplog");
  if (!count) return Fail("count", count.error());
  auto next = static_cast<std::uint64_t>(std::get<std::int64_t>((*count)[0][0]));
  for (int round = 0; round < 1000; ++round) {
    Status s = (*store)->Atomically([&]() -> Status {
      for (int j = 0; j < batch; ++j) {
        auto applied = (*store)->Apply(id, MakeChange(next + static_cast<std::uint64_t>(j)));
        if (!applied) return applied.error();
      }
      return Status::Ok();
    });
    if (!s) return Fail("apply", s.error());
    next += static_cast<std::uint64_t>(batch);
    std::printf("acked %llu\n", static_cast<unsigned long long>(next));
    std::fflush(stdout);
  }
  return 0;
}
