#include "diary_content.h"

#include <QFile>
#include <QJsonDocument>

using naast::domain::DiaryKind;

bool DiaryContent::Load(QString* error) {
  for (const char* name : {"pregnancy", "baby", "toddler"}) {
    QFile file(QStringLiteral(":/dagboeken/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
      *error = QStringLiteral("the dagboek %1 is missing").arg(name);
      return false;
    }
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    Diary& d = diaries_[name];
    d.first = doc["first"].toInt();
    d.last = doc["last"].toInt();
    d.unit = doc["unit"].toString();
    for (const auto& e : doc["entries"].toArray()) {
      const QJsonObject entry = e.toObject();
      d.entries[entry["index"].toInt()] = entry;
    }
    if (d.entries.empty()) {
      *error = QStringLiteral("the dagboek %1 has no entries").arg(name);
      return false;
    }
  }
  return true;
}

QString DiaryContent::Name(DiaryKind kind) {
  switch (kind) {
    case DiaryKind::kPregnancy:
      return QStringLiteral("pregnancy");
    case DiaryKind::kBaby:
      return QStringLiteral("baby");
    case DiaryKind::kToddler:
      return QStringLiteral("toddler");
  }
  return {};
}

QVariantMap DiaryContent::Entry(const QString& kind, int index, const QString& lang) const {
  QVariantMap out;
  const auto d = diaries_.find(kind);
  if (d == diaries_.end()) return out;
  const auto e = d->second.entries.find(index);
  if (e == d->second.entries.end()) return out;
  const QJsonObject text = e->second[lang == "en" ? "en" : "nl"].toObject();
  for (const char* field :
       {"title", "growth", "healthy_start", "parenting", "question", "this_week"}) {
    out[field] = text[field].toString();
  }
  out["kind"] = kind;
  out["index"] = index;
  out["first"] = d->second.first;
  out["last"] = d->second.last;
  out["unit"] = d->second.unit;
  out["key"] = kind + ":" + QString::number(index);
  return out;
}
