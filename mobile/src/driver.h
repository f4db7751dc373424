// naast-app --drive SCRIPT.json: runs a scripted session through the real pages, for the
// end-to-end tests and the demo (headless). The script is a JSON array of steps, one key each:
//   {"setup": PIN}  {"unlock": PIN}  {"lock": true}
//   {"server": {"url": URL, "ca": PEMFILE}}      {"sync": "ok" | "fail"}
//   {"print": "enrolment" | "waiting" | "caseload" | "sync" | "team" | "doc"}
//   {"open": DOC | "first"}  {"call": PAGE_FUNCTION}  {"back": true}
//   {"type": {"field": NAME, "at": "start" | "end", "text": TEXT}}   (key events, as typed)
//   {"fill": {"name": FIELD, "text": TEXT}}  {"click": BUTTON}  {"accept": DIALOG}
//   {"waitSync": true}   waits for the sync a button started
//   {"waitSaved": true}  waits until the visit editor wrote what was typed
//   {"opened": POPUP}    waits until a popup has opened (for a screenshot of it)
//   {"idle": true}       waits until no page reads data off the UI thread (the team's day)
//   {"hang": true}       stays (a test kills the process)
//   {"note": NAME}                           prints "note <NAME>: <text, \n escaped>"
//   {"screenshot": FILE.png}   {"resize": [WIDTH, HEIGHT]}
//   {"frame": LABEL}     prints, at the next frame, the time since start and the unlock's
//                        key derivation time           (naast-bench-app reads these)
//   {"scroll": LIST}     scrolls a list to its end, prints the frame times
// A step on a named item waits (frame by frame, up to 15 s) until the page has built it.
// Output lines go to stdout; the first failing step ends the run with exit code 1.
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <optional>

class QQuickWindow;
class AppSession;

class Driver : public QObject {
  Q_OBJECT
 public:
  // Set as main() begins (a static's initialisation is close enough).
  static std::chrono::steady_clock::time_point process_started;
  Driver(QQuickWindow* window, AppSession* session, QJsonArray steps);
  void Start();

 private slots:
  void Next();

 private:
  void Step(const QJsonObject& step);
  void Fail(const QString& why);
  QObject* FindInPage(const QString& name) const;
  // The item a step works on, by objectName; empty for steps on no item.
  static QString TargetOf(const QString& key, const QJsonValue& arg);

  QPointer<QQuickWindow> window_;
  AppSession* session_;
  QJsonArray steps_;
  int at_ = 0;
  QMetaObject::Connection waiting_;
  QMetaObject::Connection error_watch_;
  int syncs_finished_ = 0;
  int syncs_at_click_ = 0;
  bool last_sync_ok_ = false;
  // Since when the current step waits for its item to appear.
  std::optional<std::chrono::steady_clock::time_point> looking_since_;
};
