// libFuzzer target: every decoder of the sync protocol on arbitrary bytes (the first byte picks
// which). Whatever decodes must encode back to bytes that decode to the same encoding.
#include <cstdint>
#include <cstdlib>

#include "naast/sync/registry.h"
#include "naast/sync/session.h"
#include "naast/sync/wire.h"

namespace {

template <typename Decode, typename Encode>
void RoundTrip(std::span<const std::uint8_t> in, Decode decode, Encode encode) {
  auto first = decode(in);
  if (!first) return;
  const auto bytes = encode(*first);
  auto second = decode(bytes);
  if (!second || encode(*second) != bytes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace naast::sync;
  if (size == 0) return 0;
  const std::span<const std::uint8_t> in(data + 1, size - 1);
  switch (data[0] % 8) {
    case 0:
      RoundTrip(in, DecodeEnvelope, EncodeEnvelope);
      break;
    case 1:
      RoundTrip(in, DecodeSignedRequest, EncodeSignedRequest);
      break;
    case 2:
      RoundTrip(in, DecodeSyncRequest, EncodeSyncRequest);
      break;
    case 3:
      RoundTrip(in, DecodeSyncResponse, EncodeSyncResponse);
      break;
    case 4:
      RoundTrip(in, DecodeEntry, EncodeEntry);
      break;
    case 5:
      RoundTrip(in, DecodeRegistryRequest, EncodeRegistryRequest);
      break;
    case 6:
      RoundTrip(in, DecodeRegistryResponse, EncodeRegistryResponse);
      break;
    default:
      RoundTrip(in, DecodeErrorReply, EncodeErrorReply);
      break;
  }
  return 0;
}
