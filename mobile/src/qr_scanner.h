// Scanning a new tablet's enrolment QR code with the teamleider's camera (zbar reads the
// frames Qt Multimedia delivers). Only Naast enrolment payloads are reported.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QVideoSink>

class QrScanner : public QObject {
  Q_OBJECT
  QML_ELEMENT
  // The camera's frames (a VideoOutput's videoSink).
  Q_PROPERTY(QVideoSink* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)

 public:
  explicit QrScanner(QObject* parent = nullptr) : QObject(parent) {}

  QVideoSink* videoSink() const { return sink_; }
  void setVideoSink(QVideoSink* sink);

  // The first Naast enrolment payload ("NAAST-ENROL:...") in the image; empty if none.
  static QString Decode(const QImage& image);
  // The same for an image file (tests, and a photo of the code).
  Q_INVOKABLE QString decodeFile(const QString& path) const;

 signals:
  void videoSinkChanged();
  void found(const QString& payload);

 private:
  void OnFrame(const QVideoFrame& frame);

  QPointer<QVideoSink> sink_;
  QMetaObject::Connection connection_;
  int frames_ = 0;
};
