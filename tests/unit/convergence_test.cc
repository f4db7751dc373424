// The seeded convergence fuzzer (after diamond-types' oplog_merge_fuzzer): 3-5 replicas make
// random edits on every field kind, changes travel with duplicates, reordering, drops and
// retries, and replicas are sometimes saved and reloaded. In the end every replica must have the
// same state and the same Save() bytes, and every text must equal what the naive reference
// implementation of the algorithm computes from the same operations.
//
//   NAAST_FUZZ_SCENARIOS=N   how many scenarios (default 2000)
//   NAAST_FUZZ_SEED=S        run the one scenario S (printed when a scenario fails)
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "naast/crdt/document.h"
#include "reference_list.h"

namespace {

using namespace naast::crdt;
using Rng = std::mt19937_64;

std::uint64_t EnvOr(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::strtoull(v, nullptr, 10) : fallback;
}

struct Replica {
  std::uint64_t physical_ms = 0;
  std::unique_ptr<HybridClock> clock;
  std::unique_ptr<Document> doc;
  std::vector<std::size_t> inbox;  // indexes into Scenario::changes not yet delivered
};

class Scenario {
 public:
  explicit Scenario(std::uint64_t seed) : rng_(seed) {
    const int n = 3 + static_cast<int>(rng_() % 3);
    for (int i = 0; i < n; ++i) {
      auto r = std::make_unique<Replica>();
      r->physical_ms = 1'790'000'000'000 + rng_() % 1000;
      Replica* raw = r.get();
      r->clock = std::make_unique<HybridClock>([raw] { return raw->physical_ms; });
      // Small ids sometimes, so that ties between replicas are decided both ways.
      ReplicaId id = (rng_() % 2) ? rng_() : 1 + rng_() % 1000;
      while (used_ids_.count(id)) ++id;
      used_ids_.insert(id);
      r->doc = std::make_unique<Document>(id, r->clock.get());
      replicas_.push_back(std::move(r));
    }
  }

  void Run() {
    // Replica 0 creates the first records; everyone else learns of them through the network.
    Replica& first = *replicas_[0];
    records_.push_back(first.doc->CreateRecord("visit"));
    records_.push_back(first.doc->CreateRecord("goal"));
    Publish(0);
    const int steps = 20 + static_cast<int>(rng_() % 40);
    for (int s = 0; s < steps; ++s) {
      const std::size_t who = rng_() % replicas_.size();
      switch (rng_() % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
          Edit(who);
          break;
        case 5:
        case 6:
        case 7:
          Deliver(who);
          break;
        case 8:
          if (rng_() % 4 == 0) SaveAndReload(who);
          break;
        default:
          replicas_[who]->physical_ms += rng_() % 3;
          break;  // time passes, or not
      }
    }
    FinalSync();
  }

  void Check() {
    const Document& a = *replicas_[0]->doc;
    const auto bytes = a.Save();
    for (std::size_t i = 1; i < replicas_.size(); ++i) {
      const Document& b = *replicas_[i]->doc;
      INFO("replica " << i);
      REQUIRE(b.queued() == 0);
      REQUIRE(b.version() == a.version());
      REQUIRE(b.Records() == a.Records());
      for (const OpId& rec : records_) {
        for (const char* f : kFields) {
          REQUIRE(b.Text(rec, f) == a.Text(rec, f));
          REQUIRE(b.Get(rec, f) == a.Get(rec, f));
          REQUIRE(b.Overwritten(rec, f) == a.Overwritten(rec, f));
          REQUIRE(b.Elements(rec, f) == a.Elements(rec, f));
        }
      }
      REQUIRE(b.Save() == bytes);
    }
    // The texts against the naive reference fed the same operations in creation order.
    std::map<std::pair<OpId, std::string>, naast::test::ReferenceList> reference;
    for (const Change& c : changes_) {
      naast::test::FeedTextOps(
          c, [&](const OpId& rec, const std::string& field) -> auto& {
            return reference[{rec, field}];
          });
    }
    for (auto& [key, list] : reference) REQUIRE(a.Text(key.first, key.second) == list.Text());
    // A document loaded from the bytes is the same document.
    auto loaded = Document::Load(bytes, 0xABCDEF);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->Save() == bytes);
  }

  std::size_t change_count() const { return changes_.size(); }

 private:
  static constexpr const char* kFields[] = {"a", "b"};

  std::string RandomText() {
    static const char* pieces[] = {"a", "b", "c", "d", " ", "é", "ß", "🙂", "\n"};
    std::string s;
    const int n = 1 + static_cast<int>(rng_() % 5);
    for (int i = 0; i < n; ++i) s += pieces[rng_() % std::size(pieces)];
    return s;
  }
  Value RandomValue() {
    switch (rng_() % 4) {
      case 0:
        return std::monostate{};
      case 1:
        return static_cast<bool>(rng_() % 2);
      case 2:
        return static_cast<std::int64_t>(rng_() % 7) - 3;
      default:
        return std::string(1, static_cast<char>('p' + rng_() % 4));
    }
  }

  void Edit(std::size_t who) {
    Document& doc = *replicas_[who]->doc;
    const int ops = 1 + static_cast<int>(rng_() % 4);
    for (int i = 0; i < ops; ++i) {
      const OpId rec = records_[rng_() % records_.size()];
      if (!doc.Exists(rec) || doc.IsDeleted(rec)) continue;  // not here yet, or deleted
      const char* field = kFields[rng_() % 2];
      switch (rng_() % 12) {
        case 0:
        case 1:
          (void)doc.Set(rec, field, RandomValue());
          break;
        case 2:
          (void)doc.AddToSet(rec, field, RandomValue());
          break;
        case 3:
          (void)doc.RemoveFromSet(rec, field, RandomValue());
          break;
        case 4:
        case 5:
        case 6:
        case 7: {
          const std::size_t len = doc.TextLength(rec, field);
          const std::size_t pos = rng_() % (len + 1);  // one draw at a time: the same
          const std::string text = RandomText();       // scenario for every compiler
          REQUIRE(doc.InsertText(rec, field, pos, text).ok());
          break;
        }
        case 8:
        case 9: {
          const std::size_t len = doc.TextLength(rec, field);
          if (len == 0) break;
          const std::size_t pos = rng_() % len;
          const std::size_t n = 1 + rng_() % std::min<std::size_t>(len - pos, 6);
          REQUIRE(doc.DeleteText(rec, field, pos, n).ok());
          break;
        }
        case 10:
          if (rng_() % 4 == 0) records_.push_back(doc.CreateRecord("referral"));
          break;
        default:
          if (rng_() % 8 == 0) (void)doc.DeleteRecord(rec);
          break;
      }
    }
    Publish(who);
  }

  void Publish(std::size_t who) {
    auto c = replicas_[who]->doc->Commit();
    if (!c) return;
    changes_.push_back(std::move(*c));
    for (std::size_t i = 0; i < replicas_.size(); ++i) {
      if (i != who) replicas_[i]->inbox.push_back(changes_.size() - 1);
    }
  }

  // Delivers some of the inbox in random order: some twice, some through the binary encoding,
  // some dropped now and retried later (they stay in the inbox).
  void Deliver(std::size_t who) {
    Replica& r = *replicas_[who];
    std::shuffle(r.inbox.begin(), r.inbox.end(), rng_);
    std::vector<std::size_t> keep;
    for (std::size_t idx : r.inbox) {
      if (rng_() % 3 == 0) {
        keep.push_back(idx);  // dropped on the way: retried later
        continue;
      }
      ApplyTo(r, changes_[idx]);
      if (rng_() % 5 == 0) ApplyTo(r, changes_[idx]);  // duplicate
    }
    r.inbox = std::move(keep);
  }

  void ApplyTo(Replica& r, const Change& c) {
    if (rng_() % 2) {
      auto decoded = DecodeChange(EncodeChange(c));
      REQUIRE(decoded.ok());
      REQUIRE(decoded.value() == c);
      auto result = r.doc->Apply(decoded.value());
      INFO((result.ok() ? "" : result.error().ToString()));
      REQUIRE(result.ok());
    } else {
      auto result = r.doc->Apply(c);
      INFO((result.ok() ? "" : result.error().ToString()));
      REQUIRE(result.ok());
    }
  }

  // A device restarts from its saved document. Changes it had queued are lost with the process;
  // the network delivers them again (everything not yet applied stays deliverable).
  void SaveAndReload(std::size_t who) {
    Replica& r = *replicas_[who];
    auto loaded = Document::Load(r.doc->Save(), r.doc->self(), r.clock.get());
    REQUIRE(loaded.ok());
    const bool had_queued = r.doc->queued() > 0;
    *r.doc = std::move(loaded.value());
    if (had_queued) {
      for (std::size_t i = 0; i < changes_.size(); ++i) {
        if (!r.doc->version().Includes(OpId{changes_[i].replica, changes_[i].start_counter})) {
          r.inbox.push_back(i);
        }
      }
    }
  }

  // Back at the office everyone syncs everything, in some random order.
  void FinalSync() {
    for (auto& r : replicas_) {
      std::vector<std::size_t> all(changes_.size());
      for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
      std::shuffle(all.begin(), all.end(), rng_);
      for (std::size_t idx : all) ApplyTo(*r, changes_[idx]);
    }
  }

  Rng rng_;
  std::set<ReplicaId> used_ids_;
  std::vector<std::unique_ptr<Replica>> replicas_;
  std::vector<OpId> records_;
  std::vector<Change> changes_;
};

}  // namespace

TEST_CASE("random edits on every replica converge to one state and one encoding", "[convergence]") {
  const std::uint64_t only = EnvOr("NAAST_FUZZ_SEED", UINT64_MAX);
  const std::uint64_t count = only != UINT64_MAX ? 1 : EnvOr("NAAST_FUZZ_SCENARIOS", 2000);
  std::size_t total_changes = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = only != UINT64_MAX ? only : i;
    INFO("scenario seed " << seed << " (rerun with NAAST_FUZZ_SEED=" << seed << ")");
    Scenario s(seed);
    s.Run();
    s.Check();
    total_changes += s.change_count();
  }
  // The scenarios did real work: on average well over ten changes each.
  REQUIRE(total_changes > count * 10);
}
