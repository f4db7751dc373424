#include "qr_scanner.h"

#include <zbar.h>

#include <QUrl>
#include <QVideoFrame>
#include <vector>

// zbar.h puts its C API in namespace zbar when compiled as C++.
using namespace zbar;

void QrScanner::setVideoSink(QVideoSink* sink) {
  if (sink == sink_) return;
  QObject::disconnect(connection_);
  sink_ = sink;
  if (sink_) {
    connection_ = connect(sink_, &QVideoSink::videoFrameChanged, this, &QrScanner::OnFrame);
  }
  emit videoSinkChanged();
}

void QrScanner::OnFrame(const QVideoFrame& frame) {
  if (++frames_ % 5 != 0) return;  // a few scans a second are enough
  const QString payload = Decode(frame.toImage());
  if (!payload.isEmpty()) emit found(payload);
}

QString QrScanner::Decode(const QImage& image) {
  if (image.isNull()) return {};
  const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
  const int w = gray.width(), h = gray.height();
  // zbar wants the rows without padding.
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y) {
    std::copy_n(gray.constScanLine(y), w, pixels.begin() + static_cast<std::ptrdiff_t>(y) * w);
  }
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_t* zimage = zbar_image_create();
  zbar_image_set_format(zimage, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(zimage, static_cast<unsigned>(w), static_cast<unsigned>(h));
  zbar_image_set_data(zimage, pixels.data(), pixels.size(), nullptr);
  QString out;
  if (zbar_scan_image(scanner, zimage) > 0) {
    for (const zbar_symbol_t* s = zbar_image_first_symbol(zimage); s; s = zbar_symbol_next(s)) {
      const QString text = QString::fromUtf8(zbar_symbol_get_data(s));
      if (text.startsWith(QLatin1String("NAAST-ENROL:"))) {
        out = text;
        break;
      }
    }
  }
  zbar_image_destroy(zimage);
  zbar_image_scanner_destroy(scanner);
  return out;
}

QString QrScanner::decodeFile(const QString& path) const {
  const QUrl url(path);
  return Decode(QImage(url.isLocalFile() ? url.toLocalFile() : path));
}
