#include "driver.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonObject>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <utility>

#include "app_session.h"
#include "sync_service.h"
#include "team_day.h"
#include "visits.h"

namespace {

void Say(const QString& line) {
  std::printf("%s\n", qPrintable(line));
  std::fflush(stdout);
}

QString OneLine(QString text) {
  return text.replace('\\', "\\\\").replace('\n', "\\n");
}

QObject* Find(QObject* root, const QString& name) {
  if (!root) return nullptr;
  if (root->objectName() == name) return root;
  if (auto* item = qobject_cast<QQuickItem*>(root)) {
    for (QQuickItem* child : item->childItems()) {
      if (QObject* found = Find(child, name)) return found;
    }
  }
  for (QObject* child : root->children()) {
    if (QObject* found = Find(child, name)) return found;
  }
  return nullptr;
}

}  // namespace

std::chrono::steady_clock::time_point Driver::process_started = std::chrono::steady_clock::now();

Driver::Driver(QQuickWindow* window, AppSession* session, QJsonArray steps)
    : QObject(window), window_(window), session_(session), steps_(std::move(steps)) {
  // Every sync's end, also one that ends before a step waits for it.
  connect(session_->sync(), &SyncService::finished, this, [this](bool ok) {
    ++syncs_finished_;
    last_sync_ok_ = ok;
  });
}

void Driver::Start() {
  QTimer::singleShot(0, this, &Driver::Next);
}

void Driver::Fail(const QString& why) {
  Say(QStringLiteral("FAILED step %1: %2").arg(at_).arg(why));
  QCoreApplication::exit(1);
}

void Driver::Next() {
  QObject::disconnect(waiting_);
  QObject::disconnect(error_watch_);
  if (at_ >= steps_.size()) {
    Say("done");
    QCoreApplication::exit(0);
    return;
  }
  const QJsonObject step = steps_[at_].toObject();
  ++at_;
  Step(step);
}

QString Driver::TargetOf(const QString& key, const QJsonValue& arg) {
  if (key == "type") return arg["field"].toString();
  if (key == "fill") return arg["name"].toString();
  if (key == "click" || key == "accept" || key == "note" || key == "scroll" || key == "opened")
    return arg.toString();
  if (key == "waitSaved") return QStringLiteral("editor");
  return {};
}

QObject* Driver::FindInPage(const QString& name) const {
  QVariant page = window_->property("currentPage");
  return Find(page.value<QObject*>(), name);
}

void Driver::Step(const QJsonObject& step) {
  const QString key = step.keys().value(0);
  const QJsonValue arg = step.value(key);
  auto next = [this] { QTimer::singleShot(0, this, &Driver::Next); };
  // A step on a named item of the page waits for it: a page just shown builds its list rows
  // when its first frame is prepared, so the item can come a frame or two after the page.
  if (const QString target = TargetOf(key, arg); !target.isEmpty() && !FindInPage(target)) {
    const auto now = std::chrono::steady_clock::now();
    if (!looking_since_) looking_since_ = now;
    if (now - *looking_since_ < std::chrono::seconds(15)) {
      QObject::disconnect(waiting_);
      waiting_ = connect(
          window_, &QQuickWindow::frameSwapped, this,
          [this, step] {
            QObject::disconnect(waiting_);
            Step(step);
          },
          Qt::QueuedConnection);
      window_->update();
      return;
    }
    // Not there after many frames: the step below says which item is missing.
  }
  looking_since_.reset();
  auto after_unlock = [this] {
    waiting_ = connect(session_, &AppSession::unlockedChanged, this, [this] {
      if (session_->unlocked()) QTimer::singleShot(0, this, &Driver::Next);
    });
    error_watch_ = connect(session_, &AppSession::errorChanged, this, [this] {
      if (!session_->error().isEmpty() && !session_->unlocked()) Fail(session_->error());
    });
  };
  if (key == "setup") {
    after_unlock();
    session_->setUp(arg.toString());
  } else if (key == "unlock") {
    after_unlock();
    session_->unlock(arg.toString());
  } else if (key == "lock") {
    session_->lock();
    next();
  } else if (key == "server") {
    session_->sync()->setServer(arg["url"].toString(), arg["ca"].toString());
    next();
  } else if (key == "sync") {
    const bool expect_ok = arg.toString("ok") == "ok";
    waiting_ = connect(session_->sync(), &SyncService::finished, this, [this, expect_ok](bool ok) {
      Say(ok ? QStringLiteral("sync: ok") : "sync: error " + session_->sync()->error());
      if (ok != expect_ok) return Fail("the sync did not end as expected");
      QTimer::singleShot(0, this, &Driver::Next);
    });
    session_->sync()->syncNow();
  } else if (key == "print") {
    const QString what = arg.toString();
    SyncService* sync = session_->sync();
    emit session_->flushEdits();  // what was typed is saved, and counted
    if (what == "enrolment") Say("enrolment: " + sync->enrolmentPayload());
    if (what == "waiting") Say(QStringLiteral("waiting: %1").arg(sync->waiting()));
    if (what == "caseload")
      Say(QStringLiteral("caseload: %1").arg(session_->caseload()->rowCount()));
    if (what == "doc")
      Say("doc: " + window_->property("currentPage").value<QObject*>()->property("doc").toString());
    if (what == "team") {
      for (const QVariant& m : sync->members()) {
        const QVariantMap row = m.toMap();
        Say(QStringLiteral("member: %1 %2 %3")
                .arg(row["label"].toString(), row["role"].toString(),
                     row["active"].toBool() ? "active" : "removed"));
      }
    }
    if (what == "sync")
      Say("member: " + QString(sync->member() ? "yes" : "no") + " role: " + sync->role());
    next();
  } else if (key == "open") {
    QString doc = arg.toString();
    if (doc == "first") {
      QMetaObject::invokeMethod(window_, "openFirstDossier");
    } else {
      QMetaObject::invokeMethod(window_, "openDossier", Q_ARG(QVariant, doc));
    }
    next();
  } else if (key == "call") {
    QMetaObject::invokeMethod(window_, "callPage", Q_ARG(QVariant, arg.toString()));
    next();
  } else if (key == "back") {
    QMetaObject::invokeMethod(window_, "back");
    next();
  } else if (key == "type") {
    auto* area = qobject_cast<QQuickItem*>(FindInPage(arg["field"].toString()));
    if (!area) return Fail("no field " + arg["field"].toString());
    area->forceActiveFocus();
    const int length = area->property("length").toInt();
    area->setProperty("cursorPosition", arg["at"].toString() == "start" ? 0 : length);
    // Key events through the window, as a keyboard sends them.
    for (const QChar ch : arg["text"].toString()) {
      QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(ch));
      QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(ch));
      QCoreApplication::sendEvent(window_, &press);
      QCoreApplication::sendEvent(window_, &release);
    }
    next();
  } else if (key == "fill") {
    // A text field of the page on top, by objectName, as if typed in one go.
    QObject* field = FindInPage(arg["name"].toString());
    if (!field) return Fail("no field " + arg["name"].toString());
    field->setProperty("text", arg["text"].toString());
    next();
  } else if (key == "click") {
    // A button of the page on top, by objectName; it must be visible and enabled.
    QObject* button = FindInPage(arg.toString());
    if (!button) return Fail("no button " + arg.toString());
    if (!button->property("visible").toBool() || !button->property("enabled").toBool()) {
      return Fail("the button " + arg.toString() + " cannot be pressed now");
    }
    syncs_at_click_ = syncs_finished_;
    QMetaObject::invokeMethod(button, "clicked");
    next();
  } else if (key == "waitSaved") {
    // Waits until the visit editor has written what was typed (its own pause, no flush).
    auto* editor = qobject_cast<VisitEditor*>(FindInPage("editor"));
    if (!editor) return Fail("no visit editor on this page");
    if (!editor->pending()) {  // written already
      Say("saved");
      return next();
    }
    waiting_ = connect(editor, &VisitEditor::saved, this, [this] {
      Say("saved");
      QTimer::singleShot(0, this, &Driver::Next);
    });
  } else if (key == "hang") {
    // Stays here (a test kills the process).
    Say("hanging");
  } else if (key == "accept") {
    // A dialog of the page on top answered with yes/OK.
    QObject* dialog = FindInPage(arg.toString());
    if (!dialog) return Fail("no dialog " + arg.toString());
    QMetaObject::invokeMethod(dialog, "accept");
    next();
  } else if (key == "waitSync") {
    // Waits for the sync the last click started (it may have ended already).
    auto report = [this] {
      Say(last_sync_ok_ ? QStringLiteral("sync: ok") : "sync: error " + session_->sync()->error());
      QTimer::singleShot(0, this, &Driver::Next);
    };
    if (syncs_finished_ > syncs_at_click_) return report();
    if (!session_->sync()->syncing()) return Fail("no sync was started");
    waiting_ = connect(session_->sync(), &SyncService::finished, this, report);
  } else if (key == "idle") {
    // Waits until no page reads off the UI thread (the team's day).
    if (!TeamDay::app || !TeamDay::app->loading()) return next();
    waiting_ =
        connect(TeamDay::app, &TeamDay::loadingChanged, this, &Driver::Next, Qt::QueuedConnection);
  } else if (key == "opened") {
    // Waits until a popup of the page on top has opened (its opening transition ended).
    QObject* popup = FindInPage(arg.toString());
    if (!popup) return Fail("no popup " + arg.toString());
    if (popup->property("opened").toBool()) return next();
    waiting_ = connect(popup, SIGNAL(opened()), this, SLOT(Next()), Qt::QueuedConnection);
  } else if (key == "note") {
    QObject* area = FindInPage(arg.toString());
    if (!area) return Fail("no field " + arg.toString());
    Say("note " + arg.toString() + ": " + OneLine(area->property("text").toString()));
    next();
  } else if (key == "frame") {
    // The next frame on screen: how long since main() began, and how long the last unlock's
    // key derivation took (the benchmarks leave that out).
    const QString label = arg.toString();
    // Once: a second frame can come before the queued call below has disconnected this.
    auto done = std::make_shared<bool>(false);
    waiting_ = connect(
        window_, &QQuickWindow::frameSwapped, this,
        [this, label, done] {
          if (std::exchange(*done, true)) return;
          const double ms = std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - process_started)
                                .count();
          Say(QStringLiteral("frame %1: %2 ms, key derivation %3 ms")
                  .arg(label)
                  .arg(ms, 0, 'f', 1)
                  .arg(session_->unlockKdfMs(), 0, 'f', 1));
          QTimer::singleShot(0, this, &Driver::Next);
        },
        Qt::QueuedConnection);
    window_->update();
  } else if (key == "scroll") {
    // Scrolls a list from top to bottom, 50 px a frame, and times every frame: from the move
    // to the frame on screen.
    auto* view = qobject_cast<QQuickItem*>(FindInPage(arg.toString()));
    if (!view) return Fail("no list " + arg.toString());
    struct Run {
      QQuickItem* view = nullptr;
      double y = 0;
      std::chrono::steady_clock::time_point t0;
      std::vector<double> ms;
      bool done = false;  // frames queued after the end do not count
    };
    auto run = std::make_shared<Run>();
    run->view = view;
    run->y = view->property("originY").toDouble();
    auto move = [this, run] {
      run->y += 50;
      run->view->setProperty("contentY", run->y);
      run->t0 = std::chrono::steady_clock::now();
      window_->update();
    };
    waiting_ = connect(
        window_, &QQuickWindow::frameSwapped, this,
        [this, run, move, name = arg.toString()] {
          if (run->done) return;
          run->ms.push_back(
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - run->t0)
                  .count());
          if (!run->view->property("atYEnd").toBool() && run->ms.size() < 5000) return move();
          run->done = true;
          const auto worst = std::max_element(run->ms.begin(), run->ms.end()) - run->ms.begin();
          std::vector<double> sorted = run->ms;
          std::sort(sorted.begin(), sorted.end());
          const double p99 = sorted[static_cast<std::size_t>(0.99 * (sorted.size() - 1))];
          const auto over =
              std::count_if(sorted.begin(), sorted.end(), [](double v) { return v > 16.0; });
          Say(QStringLiteral("scroll %1: %2 frames, %3 rows, median %4 ms, p99 %5 ms, max %6 "
                             "ms (frame %8), over 16 ms: %7")
                  .arg(name)
                  .arg(sorted.size())
                  .arg(run->view->property("count").toInt())
                  .arg(sorted[sorted.size() / 2], 0, 'f', 2)
                  .arg(p99, 0, 'f', 2)
                  .arg(sorted.back(), 0, 'f', 2)
                  .arg(over)
                  .arg(worst + 1));
          QTimer::singleShot(0, this, &Driver::Next);
        },
        Qt::QueuedConnection);
    move();
  } else if (key == "resize") {
    // The window's size, e.g. [800, 1280] for a tablet held upright.
    window_->resize(arg[0].toInt(), arg[1].toInt());
    next();
  } else if (key == "screenshot") {
    if (!window_->grabWindow().save(arg.toString())) return Fail("cannot save " + arg.toString());
    next();
  } else {
    Fail("unknown step " + key);
  }
}
