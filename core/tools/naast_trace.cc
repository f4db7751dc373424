// naast-trace: replays an editing trace (../shared/traces/README.md; sequential or concurrent)
// through the text CRDT, checks the result against endContent and prints one line of figures:
//   impl=naast apply_ms=… encode_ms=… encoded_bytes=… load_ms=… doc_mb=… peak_rss_mb=…
// Exits non-zero, saying where, if any text differs.
#include <malloc.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "naast/crdt/document.h"

namespace {

using naast::crdt::Change;
using naast::crdt::Document;
using naast::crdt::OpId;
using naast::crdt::VersionVector;

struct Patch {
  std::size_t pos;
  std::size_t del;
  std::string ins;
};
struct Txn {
  std::vector<std::size_t> parents;
  std::size_t agent = 0;
  std::vector<Patch> patches;
};
struct Trace {
  bool concurrent = false;
  std::size_t agents = 1;
  std::string end_content;
  std::vector<Txn> txns;
};

bool ReadGzip(const char* path, std::string* out) {
  gzFile f = gzopen(path, "rb");  // reads plain files too
  if (!f) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

bool ParseTrace(const std::string& text, Trace* trace, std::string* error) {
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    *error = "not a JSON object";
    return false;
  }
  try {
    trace->concurrent = j.value("kind", "") == "concurrent";
    trace->agents = trace->concurrent ? j.at("numAgents").get<std::size_t>() : 1;
    trace->end_content = j.at("endContent").get<std::string>();
    const auto& txns = j.at("txns");
    trace->txns.reserve(txns.size());
    for (const auto& t : txns) {
      Txn txn;
      if (trace->concurrent) {
        txn.parents = t.at("parents").get<std::vector<std::size_t>>();
        txn.agent = t.at("agent").get<std::size_t>();
        for (std::size_t p : txn.parents) {
          if (p >= trace->txns.size()) {
            *error =
                "txn " + std::to_string(trace->txns.size()) + " has a parent that is not earlier";
            return false;
          }
        }
        if (txn.agent >= trace->agents) {
          *error = "txn " + std::to_string(trace->txns.size()) + " has an agent beyond numAgents";
          return false;
        }
      }
      for (const auto& p : t.at("patches")) {
        txn.patches.push_back(Patch{p.at(0).get<std::size_t>(), p.at(1).get<std::size_t>(),
                                    p.at(2).get<std::string>()});
      }
      trace->txns.push_back(std::move(txn));
    }
  } catch (const nlohmann::json::exception& e) {
    *error = e.what();
    return false;
  }
  return true;
}

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

// Bytes in use from the heap: small blocks plus the large ones malloc maps directly.
std::size_t HeapBytes() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// Reports the first differing code point, for humans.
std::string WhereDiffers(const std::string& got, const std::string& want) {
  std::size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  std::size_t cp = 0;
  for (std::size_t k = 0; k < i; ++k) cp += (static_cast<unsigned char>(got[k]) & 0xC0) != 0x80;
  return "first difference at code point " + std::to_string(cp) + " (got " +
         std::to_string(got.size()) + " bytes, want " + std::to_string(want.size()) + ")";
}

constexpr const char* kField = "text";

bool ApplyPatches(Document& doc, OpId note, const Txn& txn, std::size_t index) {
  for (const Patch& p : txn.patches) {
    if (p.del > 0) {
      if (auto s = doc.DeleteText(note, kField, p.pos, p.del); !s) {
        std::fprintf(stderr, "naast-trace: txn %zu: %s\n", index, s.error().ToString().c_str());
        return false;
      }
    }
    if (!p.ins.empty()) {
      if (auto s = doc.InsertText(note, kField, p.pos, p.ins); !s) {
        std::fprintf(stderr, "naast-trace: txn %zu: %s\n", index, s.error().ToString().c_str());
        return false;
      }
    }
  }
  return true;
}

// Sequential: one replica types every transaction.
bool ReplaySequential(const Trace& trace, Document& doc, OpId note) {
  for (std::size_t i = 0; i < trace.txns.size(); ++i) {
    if (!ApplyPatches(doc, note, trace.txns[i], i)) return false;
    (void)doc.Commit();
  }
  return true;
}

// Concurrent: each agent is a replica. Before an agent types transaction i, its document is
// brought to exactly the version of i's parents by applying the changes it lacks; if it holds
// something the parents do not (rare), it forks into a fresh replica built from those changes.
bool ReplayConcurrent(const Trace& trace, const Change& setup, Document& final_doc, OpId note) {
  struct Made {
    Change change;
    bool has = false;
  };
  std::vector<Made> made(trace.txns.size());
  std::vector<VersionVector> version(trace.txns.size());
  std::vector<std::unique_ptr<Document>> docs(trace.agents);
  std::uint64_t next_replica = trace.agents + 1;
  auto fresh = [&](naast::crdt::ReplicaId id) {
    auto d = std::make_unique<Document>(id);
    (void)d->Apply(setup);
    return d;
  };
  for (std::size_t a = 0; a < trace.agents; ++a) docs[a] = fresh(a + 1);

  // Per replica, (start counter, txn) of its changes, in counter order: what a document lacks
  // is found by binary search, not by scanning the whole history.
  std::map<naast::crdt::ReplicaId, std::vector<std::pair<std::uint64_t, std::size_t>>> by_replica;
  // Applies the changes `doc` lacks to reach `target`, in trace order (a causal order).
  auto catch_up = [&](Document& doc, const VersionVector& target) {
    std::vector<std::size_t> missing;
    for (const auto& [replica, list] : by_replica) {
      const std::uint64_t have = doc.version().Get(replica), want = target.Get(replica);
      auto it = std::upper_bound(list.begin(), list.end(), std::make_pair(have, SIZE_MAX));
      for (; it != list.end() && made[it->second].change.end_counter() - 1 <= want; ++it) {
        missing.push_back(it->second);
      }
    }
    std::sort(missing.begin(), missing.end());
    for (std::size_t k : missing) {
      auto r = doc.Apply(made[k].change);
      if (!r) {
        std::fprintf(stderr, "naast-trace: merging txn %zu: %s\n", k, r.error().ToString().c_str());
        return false;
      }
    }
    return true;
  };

  for (std::size_t i = 0; i < trace.txns.size(); ++i) {
    const Txn& txn = trace.txns[i];
    VersionVector target = setup.deps;
    target.Advance(setup.replica, setup.end_counter() - 1);
    for (std::size_t p : txn.parents) target.Merge(version[p]);
    auto& doc = docs[txn.agent];
    if (!target.Covers(doc->version())) doc = fresh(next_replica++);
    if (!catch_up(*doc, target)) return false;
    if (!ApplyPatches(*doc, note, txn, i)) return false;
    if (auto c = doc->Commit()) {
      by_replica[c->replica].emplace_back(c->start_counter, i);
      made[i].change = std::move(*c);
      made[i].has = true;
    }
    version[i] = doc->version();
  }
  VersionVector all;
  for (const auto& v : version) all.Merge(v);
  all.Advance(setup.replica, setup.end_counter() - 1);
  (void)final_doc.Apply(setup);
  return catch_up(final_doc, all);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr,
                 "usage: naast-trace TRACE.json[.gz]\n"
                 "Replays an editing trace (sequential or concurrent) and prints\n"
                 "impl=naast apply_ms=… encode_ms=… encoded_bytes=… load_ms=… doc_mb=… "
                 "peak_rss_mb=…\n");
    return argc == 2 ? 0 : 2;
  }
  Trace trace;
  {
    std::string raw, error;
    if (!ReadGzip(argv[1], &raw)) {
      std::fprintf(stderr, "naast-trace: cannot read %s\n", argv[1]);
      return 2;
    }
    if (!ParseTrace(raw, &trace, &error)) {
      std::fprintf(stderr, "naast-trace: %s: %s\n", argv[1], error.c_str());
      return 2;
    }
  }
  malloc_trim(0);

  // The note lives in a record made by a setup replica that every replica starts from.
  constexpr naast::crdt::ReplicaId kSetupReplica = 0x5e7u;
  Document setup_doc(kSetupReplica);
  OpId note = setup_doc.CreateRecord("note");
  Change setup = *setup_doc.Commit();

  const std::size_t heap_before = HeapBytes();
  auto doc = std::make_unique<Document>(trace.concurrent ? 0x7ace : 1);
  auto t0 = std::chrono::steady_clock::now();
  bool ok;
  if (trace.concurrent) {
    ok = ReplayConcurrent(trace, setup, *doc, note);
  } else {
    ok = doc->Apply(setup).ok() && ReplaySequential(trace, *doc, note);
  }
  auto t1 = std::chrono::steady_clock::now();
  if (!ok) return 1;
  const double doc_mb = static_cast<double>(HeapBytes() - heap_before) / (1024.0 * 1024.0);
  const std::string text = doc->Text(note, kField);
  if (text != trace.end_content) {
    std::fprintf(stderr, "naast-trace: replayed text differs from endContent: %s\n",
                 WhereDiffers(text, trace.end_content).c_str());
    return 1;
  }

  auto t2 = std::chrono::steady_clock::now();
  std::vector<std::uint8_t> bytes = doc->Save();
  auto t3 = std::chrono::steady_clock::now();
  auto loaded = Document::Load(bytes, 2);
  std::string reloaded = loaded ? loaded->Text(note, kField) : std::string();
  auto t4 = std::chrono::steady_clock::now();
  if (!loaded) {
    std::fprintf(stderr, "naast-trace: loading the saved document failed: %s\n",
                 loaded.error().ToString().c_str());
    return 1;
  }
  if (reloaded != trace.end_content) {
    std::fprintf(stderr, "naast-trace: reloaded text differs from endContent: %s\n",
                 WhereDiffers(reloaded, trace.end_content).c_str());
    return 1;
  }
  if (loaded->Save() != bytes) {
    std::fprintf(stderr, "naast-trace: saving the reloaded document gives other bytes\n");
    return 1;
  }
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "impl=naast apply_ms=%.1f encode_ms=%.1f encoded_bytes=%zu load_ms=%.1f doc_mb=%.2f "
      "peak_rss_mb=%.1f\n",
      Ms(t0, t1), Ms(t2, t3), bytes.size(), Ms(t3, t4), doc_mb, ru.ru_maxrss / 1024.0);
  return 0;
}
