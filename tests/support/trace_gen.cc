// naast-trace-gen: writes a random editing trace in the format of ../shared/traces/README.md,
// so tests can run naast-trace without the shared traces.
//   naast-trace-gen sequential|concurrent OUT [--seed N] [--wrong-end]
// Sequential traces are gzipped and their endContent comes from a plain string model.
// Concurrent traces: agent a is replica a+1 (as naast-trace does), each transaction's parents
// include the agent's own previous one plus some of the others'; endContent comes from the naive
// reference list fed the same operations. --wrong-end spoils endContent (a negative test).
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "naast/crdt/document.h"
#include "reference_list.h"

using namespace naast::crdt;

namespace {

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const char* kPieces[] = {"a", "b", "c", " ", "\n", "é", "€", "🙂", "\"", "\\"};

std::string RandomText(std::mt19937_64& rng) {
  std::string s;
  const int n = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % std::size(kPieces)];
  return s;
}

std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

struct Patch {
  std::size_t pos, del;
  std::string ins;
};
std::string PatchesJson(const std::vector<Patch>& patches) {
  std::string out = "[";
  for (const auto& p : patches) {
    if (out.size() > 1) out += ",";
    out +=
        "[" + std::to_string(p.pos) + "," + std::to_string(p.del) + "," + JsonString(p.ins) + "]";
  }
  return out + "]";
}

// Random patches valid for a text of `len` code points; applies them through `apply`.
template <typename Apply>
std::vector<Patch> RandomPatches(std::mt19937_64& rng, std::size_t len, Apply apply) {
  std::vector<Patch> patches;
  const int n = 1 + static_cast<int>(rng() % 2);
  for (int i = 0; i < n; ++i) {
    Patch p{len ? rng() % (len + 1) : 0, 0, ""};
    if (len > p.pos && rng() % 3 == 0) p.del = 1 + rng() % std::min<std::size_t>(len - p.pos, 5);
    if (p.del == 0 || rng() % 2) p.ins = RandomText(rng);
    apply(p);
    len = len - p.del + CodePoints(p.ins);
    patches.push_back(std::move(p));
  }
  return patches;
}

std::string Sequential(std::mt19937_64& rng, std::string* end) {
  std::u32string model;
  std::string txns;
  for (int t = 0; t < 3000; ++t) {
    auto patches = RandomPatches(rng, model.size(), [&](const Patch& p) {
      model.erase(p.pos, p.del);
      std::u32string ins;
      for (std::size_t i = 0; i < p.ins.size();) {
        unsigned char b = p.ins[i];
        std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (p.ins[i + k] & 0x3F);
        ins += cp;
        i += len;
      }
      model.insert(p.pos, ins);
    });
    if (!txns.empty()) txns += ",\n";
    txns += "{\"time\":\"2026-01-01T00:00:00.000Z\",\"patches\":" + PatchesJson(patches) + "}";
  }
  for (char32_t cp : model) {
    if (cp < 0x80) {
      *end += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *end += static_cast<char>(0xC0 | (cp >> 6));
      *end += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *end += static_cast<char>(0xE0 | (cp >> 12));
      *end += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *end += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *end += static_cast<char>(0xF0 | (cp >> 18));
      *end += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *end += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *end += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return "\"startContent\":\"\",\"txns\":[" + txns + "]";
}

std::string Concurrent(std::mt19937_64& rng, std::string* end, std::size_t agents) {
  // The same setup record naast-trace makes.
  Document setup_doc(0x5e7u);
  OpId note = setup_doc.CreateRecord("note");
  Change setup = *setup_doc.Commit();
  std::vector<std::unique_ptr<Document>> docs;
  auto fresh = [&](ReplicaId id) {
    auto d = std::make_unique<Document>(id);
    (void)d->Apply(setup);
    return d;
  };
  for (std::size_t a = 0; a < agents; ++a) docs.push_back(fresh(a + 1));
  ReplicaId next_replica = agents + 1;  // forks get new replicas, in the order naast-trace uses
  std::vector<Change> changes;          // in creation order
  std::vector<VersionVector> version;
  std::vector<long> last(agents, -1);
  std::string txns;
  for (std::size_t t = 0; t < 1500; ++t) {
    const std::size_t a = rng() % agents;
    // Parents: usually the agent's own last transaction plus some of the others'. Now and then
    // the agent's own is left out, so it must fork from what the parents hold.
    std::vector<std::size_t> parents;
    for (std::size_t b = 0; b < agents; ++b) {
      if (last[b] < 0) continue;
      if ((b == a && rng() % 10 != 0) || (b != a && rng() % 4 == 0)) {
        parents.push_back(static_cast<std::size_t>(last[b]));
      }
    }
    VersionVector target = setup.deps;
    target.Advance(setup.replica, setup.end_counter() - 1);
    for (std::size_t p : parents) target.Merge(version[p]);
    if (!target.Covers(docs[a]->version())) docs[a] = fresh(next_replica++);
    for (const Change& c : changes) {
      if (c.end_counter() - 1 <= target.Get(c.replica) &&
          !docs[a]->version().Includes(OpId{c.replica, c.start_counter})) {
        (void)docs[a]->Apply(c);
      }
    }
    Document& doc = *docs[a];
    auto patches = RandomPatches(rng, doc.TextLength(note, "text"), [&](const Patch& p) {
      if (p.del) (void)doc.DeleteText(note, "text", p.pos, p.del);
      if (!p.ins.empty()) (void)doc.InsertText(note, "text", p.pos, p.ins);
    });
    if (auto c = doc.Commit()) changes.push_back(std::move(*c));
    version.push_back(doc.version());
    last[a] = static_cast<long>(t);
    std::string ps = "[";
    for (std::size_t p : parents) ps += (ps.size() > 1 ? "," : "") + std::to_string(p);
    if (!txns.empty()) txns += ",\n";
    txns += "{\"parents\":" + ps + "],\"numChildren\":0,\"agent\":" + std::to_string(a) +
            ",\"time\":\"2026-01-01T00:00:00.000Z\",\"patches\":" + PatchesJson(patches) + "}";
  }
  naast::test::ReferenceList reference;
  for (const Change& c : changes) {
    naast::test::FeedTextOps(
        c, [&](const OpId&, const std::string&) -> auto& { return reference; });
  }
  *end = reference.Text();
  return "\"kind\":\"concurrent\",\"numAgents\":" + std::to_string(agents) + ",\"txns\":[" + txns +
         "]";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: naast-trace-gen sequential|concurrent OUT [--seed N] [--wrong-end]\n");
    return 2;
  }
  const std::string kind = argv[1];
  std::uint64_t seed = 7;
  bool wrong_end = false;
  for (int i = 3; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
    if (!std::strcmp(argv[i], "--wrong-end")) wrong_end = true;
  }
  std::mt19937_64 rng(seed);
  std::string end;
  std::string body = kind == "concurrent" ? Concurrent(rng, &end, 3) : Sequential(rng, &end);
  if (wrong_end) end += "x";
  std::string json = "{" + body + ",\"endContent\":" + JsonString(end) + "}\n";
  gzFile f = gzopen(argv[2], kind == "concurrent" ? "wbT" : "wb");  // T: plain, not gzipped
  if (!f || gzwrite(f, json.data(), static_cast<unsigned>(json.size())) !=
                static_cast<int>(json.size())) {
    std::fprintf(stderr, "naast-trace-gen: cannot write %s\n", argv[2]);
    return 1;
  }
  gzclose(f);
  return 0;
}
