// The dagboek content (assets/dagboeken, built into the app as resources): entries by diary and
// index, in Dutch and English.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>
#include <map>

#include "naast/domain/rules.h"

class DiaryContent {
 public:
  // Loads the three diaries from :/dagboeken; false (and a message) when one is missing.
  bool Load(QString* error);

  static QString Name(naast::domain::DiaryKind kind);  // "pregnancy", "baby", "toddler"
  // The entry's fields in `lang` ("nl", "en") plus kind, index, first, last, unit; empty when
  // there is no such entry.
  QVariantMap Entry(const QString& kind, int index, const QString& lang) const;

 private:
  struct Diary {
    int first = 0, last = 0;
    QString unit;
    std::map<int, QJsonObject> entries;
  };
  std::map<QString, Diary> diaries_;
};
