// libFuzzer target: Document::Load on arbitrary bytes. A document that loads must save and load
// again to the same bytes, answer every read, and keep accepting local edits.
#include <cstdint>
#include <cstdlib>

#include "naast/crdt/document.h"

using namespace naast::crdt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto doc = Document::Load({data, size}, 0xF00D);
  if (!doc) return 0;
  auto bytes = doc->Save();
  auto again = Document::Load(bytes, 0xF00D);
  if (!again || again->Save() != bytes) std::abort();
  for (const OpId& rec : doc->Records()) {
    for (const char* field : {"note", "text", "a", "b"}) {
      (void)doc->Get(rec, field);
      (void)doc->Overwritten(rec, field);
      (void)doc->Elements(rec, field);
      const std::size_t len = doc->TextLength(rec, field);
      if (doc->Text(rec, field).size() < len) std::abort();
      if (!doc->InsertText(rec, field, len / 2, "xé").ok()) std::abort();
      if (len > 2 && !doc->DeleteText(rec, field, 1, len / 3).ok()) std::abort();
    }
  }
  (void)doc->Commit();
  return 0;
}
