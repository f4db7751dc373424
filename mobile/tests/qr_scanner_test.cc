// The teamleider's scanner reads the QR code a new tablet shows: the image the app draws
// (EnrolmentQrProvider) decodes to the same payload; a QR code that is not a Naast enrolment,
// and an image without one, give nothing.
#include "qr_scanner.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include "naast/crypto/crypto.h"
#include "naast/sync/enrolment.h"
#include "sync_service.h"

class QrScannerTest : public QObject {
  Q_OBJECT

 private slots:
  void readsTheEnrolmentCodeTheAppDraws() {
    const auto sign = naast::crypto::NewSigningKey();
    const auto box = naast::crypto::NewBoxKey();
    const QString payload =
        QString::fromStdString(naast::sync::EnrolmentPayload(sign.public_key, box.public_key));
    EnrolmentQrProvider provider;
    QSize size;
    const QImage qr = provider.requestImage(payload, &size, QSize(360, 360));
    QVERIFY(!qr.isNull());
    QCOMPARE(QrScanner::Decode(qr), payload);

    // As a camera sees it: smaller, on a grey background, off-centre.
    QImage photo(640, 480, QImage::Format_RGB32);
    photo.fill(QColor(180, 180, 170));
    QPainter(&photo).drawImage(QRect(150, 60, 300, 300), qr);
    QCOMPARE(QrScanner::Decode(photo), payload);

    QTemporaryDir dir;
    const QString file = dir.filePath("qr.png");
    QVERIFY(photo.save(file));
    QCOMPARE(QrScanner().decodeFile(file), payload);
  }

  void ignoresOtherCodesAndEmptyImages() {
    EnrolmentQrProvider provider;
    QSize size;
    const QImage other = provider.requestImage("https://example.org/not-naast", &size, {});
    QVERIFY(!other.isNull());
    QVERIFY(QrScanner::Decode(other).isEmpty());
    QImage blank(400, 400, QImage::Format_Grayscale8);
    blank.fill(255);
    QVERIFY(QrScanner::Decode(blank).isEmpty());
    QVERIFY(QrScanner::Decode(QImage()).isEmpty());
  }
};

QTEST_GUILESS_MAIN(QrScannerTest)
#include "qr_scanner_test.moc"
