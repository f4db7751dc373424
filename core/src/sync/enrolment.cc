#include "naast/sync/enrolment.h"

#include <qrencode.h>

#include <cstdio>
#include <memory>

#include "naast/sync/registry.h"

namespace naast::sync {
namespace {

constexpr std::string_view kPrefix = "NAAST-ENROL:1:";
constexpr int kQuiet = 4;

void AppendHex(std::string& out, const PublicKey& key) {
  static const char* digits = "0123456789ABCDEF";
  for (std::uint8_t b : key) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseHex(std::string_view hex, PublicKey& key) {
  for (std::size_t i = 0; i < key.size(); ++i) {
    const int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    key[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return true;
}

}  // namespace

std::string EnrolmentPayload(const PublicKey& device, const PublicKey& box) {
  std::string out(kPrefix);
  AppendHex(out, device);
  AppendHex(out, box);
  return out;
}

Result<EnrolmentKeys> ParseEnrolmentPayload(std::string_view payload) {
  const std::size_t hex = 2 * (PublicKey().size() * 2);
  if (payload.substr(0, kPrefix.size()) != kPrefix) {
    return Error{ErrorCode::kMalformed, "not a Naast enrolment code (version 1)"};
  }
  payload.remove_prefix(kPrefix.size());
  EnrolmentKeys keys;
  if (payload.size() != hex || !ParseHex(payload.substr(0, hex / 2), keys.device) ||
      !ParseHex(payload.substr(hex / 2), keys.box)) {
    return Error{ErrorCode::kMalformed, "a damaged enrolment code: scan it again"};
  }
  return keys;
}

Result<QrCode> EncodeQr(std::string_view text) {
  const std::string s(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, /*casesensitive=*/1),
      &QRcode_free);
  if (!qr) return Error{ErrorCode::kInvalidArgument, "the text does not fit in a QR code"};
  QrCode out;
  out.size = qr->width;
  out.modules.resize(static_cast<std::size_t>(qr->width * qr->width));
  for (std::size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = (qr->data[i] & 1) != 0;
  return out;
}

std::vector<std::uint8_t> QrPgm(const QrCode& qr, int scale) {
  const int side = (qr.size + 2 * kQuiet) * scale;
  const std::string header = "P5\n" + std::to_string(side) + " " + std::to_string(side) + "\n255\n";
  std::vector<std::uint8_t> out(header.begin(), header.end());
  out.reserve(out.size() + static_cast<std::size_t>(side * side));
  for (int py = 0; py < side; ++py) {
    for (int px = 0; px < side; ++px) {
      const int x = px / scale - kQuiet, y = py / scale - kQuiet;
      const bool dark = x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.Dark(x, y);
      out.push_back(dark ? 0 : 255);
    }
  }
  return out;
}

std::string QrSvg(const QrCode& qr) {
  const int side = qr.size + 2 * kQuiet;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                    std::to_string(side) + " " + std::to_string(side) +
                    "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                    "fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (qr.Dark(x, y)) {
        out += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  out += "\"/></svg>\n";
  return out;
}

}  // namespace naast::sync
