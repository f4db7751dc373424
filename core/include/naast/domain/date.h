// Calendar dates (no time of day, no time zone): due dates, birth dates, visit dates.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace naast::domain {

class Date {
 public:
  Date() = default;
  static Date FromDays(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // std::nullopt for a date that does not exist (2026-02-30).
  static std::optional<Date> FromYmd(int year, unsigned month, unsigned day);
  // Strict YYYY-MM-DD.
  static std::optional<Date> Parse(std::string_view iso);

  std::int32_t days() const { return days_; }
  std::string ToString() const;  // YYYY-MM-DD
  int year() const;

  Date operator+(int days) const { return Date(days_ + days); }
  Date operator-(int days) const { return Date(days_ - days); }
  int operator-(const Date& other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// Whole years from `birth` to `on` (an age).
int YearsBetween(Date birth, Date on);
// Whole months from `birth` to `on`.
int MonthsBetween(Date birth, Date on);

}  // namespace naast::domain
