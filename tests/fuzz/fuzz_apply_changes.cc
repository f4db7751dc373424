// libFuzzer target: a stream of changes (each: 2-byte little-endian length, then the encoded
// change) applied to a document that already holds a visit with a note. Nothing may crash;
// refused changes leave the document as it was, and the state always saves and loads back.
#include <cstdint>
#include <cstdlib>

#include "naast/crdt/document.h"

using namespace naast::crdt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  HybridClock clock([] { return std::uint64_t{1'790'000'000'000}; });
  Document doc(2, &clock);
  {
    // The same base every run: replica 1 made a visit with a note (see make_corpus).
    Document base(1, &clock);
    OpId visit = base.CreateRecord("visit");
    (void)base.InsertText(visit, "note", 0, "Samen de post doorgenomen.");
    (void)base.Set(visit, "duration_min", std::int64_t{45});
    (void)base.AddToSet(visit, "life_domains", std::string("financien"));
    (void)doc.Apply(*base.Commit());
  }
  std::size_t pos = 0;
  while (pos + 2 <= size) {
    std::size_t len = data[pos] | (data[pos + 1] << 8);
    pos += 2;
    if (len > size - pos) len = size - pos;
    auto change = DecodeChange({data + pos, len});
    pos += len;
    if (!change) continue;
    const auto before = doc.Save();
    auto applied = doc.Apply(*change);
    if (!applied && doc.Save() != before) std::abort();  // refused changes change nothing
  }
  auto bytes = doc.Save();
  auto loaded = Document::Load(bytes, 3);
  if (!loaded || loaded->Save() != bytes) std::abort();
  return 0;
}
