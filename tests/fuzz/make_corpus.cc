// Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/*). Run by hand after a format
// change: build/asan/bin/naast-make-corpus tests/fuzz/corpus
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "naast/crdt/document.h"

using namespace naast::crdt;

namespace {
void Write(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}
void Append(std::vector<std::uint8_t>& stream, const std::vector<std::uint8_t>& change) {
  stream.push_back(static_cast<std::uint8_t>(change.size() & 0xFF));
  stream.push_back(static_cast<std::uint8_t>(change.size() >> 8));
  stream.insert(stream.end(), change.begin(), change.end());
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string dir = argv[1];
  HybridClock clock([] { return std::uint64_t{1'790'000'000'000}; });
  Document base(1, &clock);
  OpId visit = base.CreateRecord("visit");
  (void)base.InsertText(visit, "note", 0, "Samen de post doorgenomen.");
  (void)base.Set(visit, "duration_min", std::int64_t{45});
  (void)base.AddToSet(visit, "life_domains", std::string("financien"));
  Change first = *base.Commit();

  // Two replicas editing on top of the base, concurrently.
  std::vector<Change> changes;
  for (ReplicaId who : {ReplicaId{7}, ReplicaId{9}}) {
    Document d(who, &clock);
    (void)d.Apply(first);
    (void)d.InsertText(visit, "note", who == 7 ? 0 : 10,
                       who == 7 ? "Moeder was moe. " : "ééé🙂");
    (void)d.DeleteText(visit, "note", 3, 4);
    (void)d.Set(visit, "duration_min", static_cast<std::int64_t>(who));
    (void)d.RemoveFromSet(visit, "life_domains", std::string("financien"));
    (void)d.AddToSet(visit, "life_domains", std::string("huisvesting"));
    changes.push_back(*d.Commit());
    OpId goal = d.CreateRecord("goal");
    (void)d.Set(goal, "status", std::string("open"));
    (void)d.DeleteRecord(goal);
    changes.push_back(*d.Commit());
  }
  int n = 0;
  for (const Change& c : changes)
    Write(dir + "/decode_change/seed" + std::to_string(n++), EncodeChange(c));
  Write(dir + "/decode_change/seed_base", EncodeChange(first));

  std::vector<std::uint8_t> stream;
  for (const Change& c : changes) Append(stream, EncodeChange(c));
  Write(dir + "/apply_changes/seed_all", stream);
  stream.clear();
  Append(stream, EncodeChange(changes[2]));
  Append(stream, EncodeChange(changes[0]));
  Write(dir + "/apply_changes/seed_two", stream);

  Document merged(5, &clock);
  (void)merged.Apply(first);
  for (const Change& c : changes) (void)merged.Apply(c);
  Write(dir + "/decode_document/seed_small", merged.Save());
  for (int i = 0; i < 300; ++i)
    (void)merged.InsertText(visit, "note", (i * 7) % (merged.TextLength(visit, "note") + 1),
                            "abc ");
  (void)merged.Commit();
  Write(dir + "/decode_document/seed_deflated", merged.Save());
  std::printf("corpus written to %s\n", dir.c_str());
  return 0;
}
