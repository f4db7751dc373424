#include "storage.h"

namespace naast::server {

std::vector<std::uint8_t> EnvelopeIdentity(const sync::EnvelopeHeader& header) {
  std::vector<std::uint8_t> out;
  auto varint = [&](std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
  };
  switch (header.kind) {
    case sync::EnvelopeKind::kChange:
      varint(header.replica);
      varint(header.start);
      varint(header.end);
      break;
    case sync::EnvelopeKind::kDocKey:
      varint(header.epoch);
      break;
    case sync::EnvelopeKind::kSnapshot:
      out = crdt::EncodeVersionVector(header.covers);
      break;
  }
  return out;
}

}  // namespace naast::server
