// The labels of the programme's code lists (naast/domain/codes.h) in the app's language, for
// the pages' C++ services.
#pragma once

#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <string_view>

#include "naast/domain/codes.h"

// A code's label in Dutch or English; the code itself when the list does not have it.
template <typename E>
QString CodeLabel(std::string_view code, bool english) {
  for (const auto& c : naast::domain::Codes(E{})) {
    if (c.code == code) {
      const auto& label = english ? c.en : c.nl;
      return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
    }
  }
  return QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
}

template <typename E>
QString CodeLabel(const QString& code, bool english) {
  const QByteArray utf8 = code.toUtf8();
  return CodeLabel<E>(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())),
                      english);
}

// The whole list, in its order: [{code, label}].
template <typename E>
QVariantList CodeList(bool english) {
  QVariantList out;
  for (const auto& c : naast::domain::Codes(E{})) {
    out.push_back(QVariantMap{
        {"code", QString::fromUtf8(c.code.data(), static_cast<qsizetype>(c.code.size()))},
        {"label", CodeLabel<E>(c.code, english)}});
  }
  return out;
}
