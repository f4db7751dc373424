// Qt Quick Test for the app's pages, against a real encrypted demo store with PIN 1234 (cheap
// key derivation) in a temporary folder.
#include <QtQml/qqmlextensionplugin.h>

#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQuickTest>

#include "app_session.h"
#include "naast/domain/team_generator.h"
#include "sync_service.h"

Q_IMPORT_QML_PLUGIN(NaastPlugin)

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void applicationAvailable() {
    const auto dir = std::filesystem::path(data_.path().toStdString()) / "tablet";
    const auto made = AppSession::CreateDemo(dir, "1234", /*fast_kdf=*/true, 6);
    if (!made) qFatal("cannot make the demo store: %s", made.error().ToString().c_str());
    session_ = std::make_unique<AppSession>(
        AppSession::Options{dir, naast::domain::TeamShape{}.today, {}});
    AppSession::instance = session_.get();
  }
  // Qt 6.4 does not look in qrc:/qt/qml (where the module lives) by itself.
  void qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath("qrc:/qt/qml");
    engine->addImageProvider("enrolment", new EnrolmentQrProvider);
  }
  void cleanupTestCase() { session_.reset(); }

 private:
  QTemporaryDir data_;
  std::unique_ptr<AppSession> session_;
};

QUICK_TEST_MAIN_WITH_SETUP(naast_app, Setup)

#include "qml_test_main.moc"
