// Enrolment: what a new device shows so that a teamleider's device can approve it. The short
// code (EnrolmentCode, registry.h) is read aloud or typed; the payload carries the device's two
// public keys and travels as a QR code that the teamleider's device scans. The payload is public
// (keys only, no secrets); the code binds the approval to exactly those keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "naast/result.h"
#include "naast/sync/wire.h"

namespace naast::sync {

// "NAAST-ENROL:1:" then the signing key and the box key in upper-case hex: only characters of
// the QR alphanumeric mode, so the code stays small.
std::string EnrolmentPayload(const PublicKey& device, const PublicKey& box);

struct EnrolmentKeys {
  PublicKey device{};
  PublicKey box{};
};
// kMalformed for anything that is not a version-1 payload.
Result<EnrolmentKeys> ParseEnrolmentPayload(std::string_view payload);

// A QR code's modules, row by row (true: dark), without the quiet zone.
struct QrCode {
  int size = 0;
  std::vector<bool> modules;
  bool Dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
};
// Error correction level M. kInvalidArgument when the text cannot be encoded.
Result<QrCode> EncodeQr(std::string_view text);

// The QR code as an image: a binary PGM with a 4-module quiet zone, `scale` pixels a module.
std::vector<std::uint8_t> QrPgm(const QrCode& qr, int scale);
// The same as SVG (for screens and printouts).
std::string QrSvg(const QrCode& qr);

}  // namespace naast::sync
