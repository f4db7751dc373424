// libFuzzer target: DecodeChange on arbitrary bytes. Whatever decodes must encode back to the
// same bytes (the encoding is canonical) and decode again to the same change.
#include <cstdint>
#include <cstdlib>

#include "naast/crdt/change.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto change = naast::crdt::DecodeChange({data, size});
  if (!change) return 0;
  auto bytes = naast::crdt::EncodeChange(*change);
  auto again = naast::crdt::DecodeChange(bytes);
  if (!again || !(again.value() == change.value())) std::abort();
  return 0;
}
