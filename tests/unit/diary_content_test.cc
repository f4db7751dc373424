// The dagboek content in assets/dagboeken (format: assets/dagboeken/README.md): every entry
// present in Dutch and English, every field filled, tags from the known lists, plain language
// measured (sentence lengths), and an entry for every day the rules can point a mother to.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "naast/domain/rules.h"

#ifndef NAAST_ASSETS_DIR
#error "NAAST_ASSETS_DIR must name the assets folder"
#endif

using naast::domain::CurrentDiaryEntry;
using naast::domain::Date;
using naast::domain::DiaryKind;
using nlohmann::json;

namespace {

json LoadDiary(const std::string& name) {
  std::ifstream in(std::string(NAAST_ASSETS_DIR) + "/dagboeken/" + name + ".json");
  REQUIRE(in.good());
  return json::parse(in);
}

int Words(const std::string& s) {
  std::istringstream in(s);
  int n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// Sentences end at '.', '!' or '?' followed by white space or the end of the text.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    current += text[i];
    const bool end = text[i] == '.' || text[i] == '!' || text[i] == '?';
    const bool space_next = i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
    if (end && space_next) {
      if (Words(current) > 0) out.push_back(current);
      current.clear();
    }
  }
  if (Words(current) > 0) out.push_back(current);
  return out;
}

const std::set<std::string> kDomains = {"language", "motor", "cognitive", "social-emotional"};
const std::set<std::string> kThemes = {"lifestyle", "safety", "parenting"};
const std::vector<std::string> kFields = {"title",     "growth",   "healthy_start",
                                          "parenting", "question", "this_week"};

struct Expected {
  std::string name, unit;
  int first, last;
};

}  // namespace

TEST_CASE("the sentence measure splits and counts as documented", "[diary]") {
  const auto s = Sentences("Eén twee drie. Vier vijf? Zes! Ongeveer 2.5 kilo");
  REQUIRE(s.size() == 4);
  CHECK(Words(s[0]) == 3);
  CHECK(Words(s[3]) == 3);  // "2.5" does not end a sentence
}

TEST_CASE("every dagboek entry is complete, tagged and in plain language", "[diary]") {
  const Expected diary =
      GENERATE(Expected{"pregnancy", "week", 4, 42}, Expected{"baby", "week", 1, 52},
               Expected{"toddler", "month", 12, 36});
  INFO(diary.name);
  const json doc = LoadDiary(diary.name);
  CHECK(doc.at("diary") == diary.name);
  CHECK(doc.at("unit") == diary.unit);
  CHECK(doc.at("first") == diary.first);
  CHECK(doc.at("last") == diary.last);
  const json& entries = doc.at("entries");
  REQUIRE(entries.size() == static_cast<std::size_t>(diary.last - diary.first + 1));

  for (const char* lang : {"nl", "en"}) {
    int sentences = 0, words = 0, longest = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const json& e = entries[i];
      INFO("entry " << e.value("index", -1) << " " << lang);
      CHECK(e.at("index") == diary.first + static_cast<int>(i));
      REQUIRE(!e.at("domains").empty());
      for (const auto& d : e.at("domains")) CHECK(kDomains.count(d.get<std::string>()) == 1);
      REQUIRE(!e.at("themes").empty());
      for (const auto& t : e.at("themes")) CHECK(kThemes.count(t.get<std::string>()) == 1);
      const json& text = e.at(lang);
      CHECK(text.size() == kFields.size());
      for (const auto& field : kFields) {
        INFO(field);
        const std::string value = text.at(field).get<std::string>();
        REQUIRE(Words(value) > 0);
        CHECK(value.find("http") == std::string::npos);
        if (field == "title") {
          CHECK(Words(value) <= 8);
          continue;
        }
        if (field == "question") CHECK(value.back() == '?');
        for (const auto& s : Sentences(value)) {
          INFO(s);
          const int n = Words(s);
          CHECK(n <= 15);
          longest = std::max(longest, n);
          ++sentences;
          words += n;
        }
      }
      // The two languages are two texts, not one copied.
      CHECK(e.at("nl").at("growth") != e.at("en").at("growth"));
    }
    const double average = static_cast<double>(words) / sentences;
    INFO(diary.name << " " << lang << ": " << sentences << " sentences, average " << average
                    << " words, longest " << longest);
    CHECK(average <= 10.0);
    CHECK(sentences >= static_cast<int>(entries.size()) * 5);
  }
}

TEST_CASE("the rules point every mother to an entry that exists", "[diary]") {
  const json pregnancy = LoadDiary("pregnancy"), baby = LoadDiary("baby"),
             toddler = LoadDiary("toddler");
  auto has = [](const json& d, int index) {
    for (const auto& e : d.at("entries")) {
      if (e.at("index") == index) return true;
    }
    return false;
  };
  const Date due = Date::Parse("2026-06-01").value();
  // From 4 weeks' gestation through the pregnancy (also past the due date) ...
  int pointed = 0;
  for (int day = -36 * 7; day <= 14; ++day) {
    const auto ref = CurrentDiaryEntry(due, std::nullopt, due + day);
    REQUIRE(ref.has_value());
    CHECK(ref->kind == DiaryKind::kPregnancy);
    CHECK(has(pregnancy, ref->index));
    ++pointed;
  }
  // ... and from the birth until the child is three.
  const Date born = Date::Parse("2026-05-28").value();
  for (int day = 0; day < 3 * 365; ++day) {
    const auto ref = CurrentDiaryEntry(due, born, born + day);
    REQUIRE(ref.has_value());
    INFO("day " << day);
    CHECK(has(ref->kind == DiaryKind::kBaby ? baby : toddler, ref->index));
    CHECK(ref->kind != DiaryKind::kPregnancy);
    ++pointed;
  }
  CHECK(pointed == 36 * 7 + 15 + 3 * 365);
}
