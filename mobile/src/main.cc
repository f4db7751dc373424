// naast-app: the tablet app. Dutch first, English with --lang en.
//
//   naast-app --data-dir DIR [--today YYYY-MM-DD] [--lang nl|en]   (the language otherwise
//                                   comes from the tablet's settings; Dutch at first)
//   naast-app --demo DIR            make DIR with PIN 1234 and a synthetic team, then run on it
//   naast-app ... --self-test       load every page offscreen-safe, exit 0 when all loaded
//   naast-app ... --drive SCRIPT    run a scripted session (driver.h), for tests and demos
//   naast-app ... --screenshots OUT unlock with the demo PIN, walk the main screens and save
//                                   each as OUT/<screen>.png at 1280x800 (headless runs)
#include <QtQml/qqmlextensionplugin.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <iterator>
#include <utility>
#include <vector>

#include "app_session.h"
#include "driver.h"
#include "naast/domain/team_generator.h"
#include "sync_service.h"
#include "team_day.h"

Q_IMPORT_QML_PLUGIN(NaastPlugin)

namespace {

// The dossier's parts in --screenshots: the page's function and the file's name.
const std::pair<const char*, const char*> kSectionShots[] = {
    {"openPlan", "08-plan"},
    {"openSelfSufficiency", "09-zelfredzaamheid"},
    {"openReferrals", "10-verwijzingen"},
    {"openSafety", "11-veiligheid"},
    {"openConsents", "12-toestemmingen"},
};

int Fail(const QString& what) {
  std::fprintf(stderr, "naast-app: %s\n", qPrintable(what));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Driver::process_started = std::chrono::steady_clock::now();
  QGuiApplication app(argc, argv);
  app.setApplicationName("Naast");
  QStringList args = app.arguments();
  auto value = [&](const QString& flag) -> QString {
    const auto i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
  };
  QString data_dir = value("--data-dir");
  const QString demo = value("--demo");
  const QString lang = value("--lang");
  const QString screenshots = value("--screenshots");
  const QString drive = value("--drive");
  const bool self_test = args.contains("--self-test");
  auto today = naast::domain::Date::Parse(value("--today").toStdString());
  if (!today) {
    today = naast::domain::Date::Parse(QDate::currentDate().toString(Qt::ISODate).toStdString());
  }
  if (!demo.isEmpty()) {
    data_dir = demo;
    // The generated team lives around the generator's own "today".
    if (value("--today").isEmpty()) today = naast::domain::TeamShape{}.today;
    if (!QDir(demo).exists("key.vault")) {
      auto made = AppSession::CreateDemo(demo.toStdString(), "1234", /*fast_kdf=*/false, 35);
      if (!made)
        return Fail("cannot make the demo: " + QString::fromStdString(made.error().ToString()));
    }
  }
  if (data_dir.isEmpty()) return Fail("give --data-dir DIR or --demo DIR (see the top of main.cc)");

  QQuickStyle::setStyle("Basic");

  AppSession session({data_dir.toStdString(), *today, {}});
  AppSession::instance = &session;
  if (!lang.isEmpty()) session.setLanguage(lang);  // else the tablet's setting

  QQmlApplicationEngine engine;
  engine.addImportPath("qrc:/qt/qml");  // where the Naast module lives (Qt 6.4 does not look)
  engine.addImageProvider("enrolment", new EnrolmentQrProvider);
  engine.load(QUrl("qrc:/qt/qml/Naast/qml/Main.qml"));
  if (engine.rootObjects().isEmpty()) return Fail("the user interface did not load");
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (!window) return Fail("no window");

  if (self_test) {
    // Every page, once: Main pushes each and reports how many loaded.
    QVariant loaded;
    QMetaObject::invokeMethod(window, "selfTest", Q_RETURN_ARG(QVariant, loaded));
    const int n = loaded.toInt();
    std::printf("self-test: %d pages loaded\n", n);
    return n >= 18 ? 0 : 1;
  }
  if (!drive.isEmpty()) {
    QFile file(drive);
    if (!file.open(QIODevice::ReadOnly)) return Fail("cannot read " + drive);
    const QJsonDocument script = QJsonDocument::fromJson(file.readAll());
    if (!script.isArray()) return Fail(drive + " is not a JSON array of steps");
    auto* driver = new Driver(window, &session, script.array());
    driver->Start();
    return app.exec();
  }
  // Outlive the block below: the event loop calls the lambdas that use them.
  int shot = 0;
  auto grab = [&](const QString& name) {
    if (window->grabWindow().save(screenshots + "/" + name + ".png")) ++shot;
  };
  std::vector<std::function<void()>> walk;
  std::size_t next_step = 0;
  std::function<void()> step;
  if (!screenshots.isEmpty()) {
    QDir().mkpath(screenshots);
    // Walk: the unlock page, then (after unlocking with the demo PIN) the caseload, a dossier.
    QTimer::singleShot(0, [&] {
      grab("01-unlock");
      session.unlock("1234");
    });
    // After unlocking: caseload -> the team's day -> caseload -> settings -> caseload -> dossier
    // -> who looked -> each of the dossier's parts and back -> dagboek -> the mother's view (last:
    // only the coach's PIN leaves it). Each step grabs what the one before opened, after the event
    // loop has turned twice so the page's layouts have settled.
    const auto page = [&](const char* function) {
      QMetaObject::invokeMethod(window, "callPage", Q_ARG(QVariant, QString(function)));
    };
    walk = {[&] {
              grab("02-caseload");
              QMetaObject::invokeMethod(window, "openTeamDay");
            },
            [&] {
              grab("13-dag-van-het-team");
              QMetaObject::invokeMethod(window, "back");
              QMetaObject::invokeMethod(window, "openSettings");
            },
            [&] {
              grab("06-instellingen");
              QMetaObject::invokeMethod(window, "back");
              QMetaObject::invokeMethod(window, "openFirstDossier");
            },
            [&] {
              grab("03-dossier");
              page("openAudit");
            },
            [&] {
              grab("07-wie-keek");
              QMetaObject::invokeMethod(window, "back");
              page(kSectionShots[0].first);
            }};
    for (std::size_t i = 0; i < std::size(kSectionShots); ++i) {
      walk.push_back([&, i] {
        grab(kSectionShots[i].second);
        QMetaObject::invokeMethod(window, "back");
        page(i + 1 < std::size(kSectionShots) ? kSectionShots[i + 1].first : "openDiary");
      });
    }
    walk.push_back([&] {
      grab("04-dagboek");
      page("showMother");
    });
    walk.push_back([&] {
      grab("05-dagboek-moeder");
      app.exit(shot == 8 + static_cast<int>(std::size(kSectionShots)) ? 0 : 1);
    });
    step = [&] {
      QTimer::singleShot(0, [&] {
        QTimer::singleShot(0, [&] {
          if (TeamDay::app && TeamDay::app->loading()) {  // the page is still reading: wait
            QObject::connect(
                TeamDay::app, &TeamDay::loadingChanged, &app, [&] { step(); },
                Qt::SingleShotConnection);
            return;
          }
          if (next_step < walk.size()) walk[next_step++]();
          if (next_step < walk.size()) step();
        });
      });
    };
    QObject::connect(&session, &AppSession::unlockedChanged, &app, [&] {
      if (session.unlocked()) step();
    });
    QObject::connect(&session, &AppSession::errorChanged, &app, [&] {
      if (!session.error().isEmpty()) {
        Fail(session.error());
        app.exit(1);
      }
    });
  }
  return app.exec();
}
