// The text CRDT through Document: local edits against a plain model, concurrent edits.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "naast/crdt/document.h"

using namespace naast::crdt;

namespace {

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

struct Two {
  Document a{1}, b{2};
  OpId note;
  Two() {
    note = a.CreateRecord("visit");
    REQUIRE(b.Apply(*a.Commit()).ok());
  }
  void Sync() {
    auto ca = a.Commit();
    auto cb = b.Commit();
    if (ca) REQUIRE(b.Apply(*ca).ok());
    if (cb) REQUIRE(a.Apply(*cb).ok());
    REQUIRE(a.Text(note, "notes") == b.Text(note, "notes"));
  }
};

}  // namespace

TEST_CASE("local edits match a plain string, positions in code points", "[text]") {
  std::mt19937 rng(42);
  const std::u32string alphabet = U"abc é€🙂\n";
  Document doc(1);
  OpId note = doc.CreateRecord("visit");
  std::u32string model;
  for (int step = 0; step < 2000; ++step) {
    if (model.empty() || rng() % 3 != 0) {
      const std::size_t pos = rng() % (model.size() + 1);
      std::u32string ins;
      for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k)
        ins += alphabet[rng() % alphabet.size()];
      REQUIRE(doc.InsertText(note, "notes", pos, Utf8(ins)).ok());
      model.insert(pos, ins);
    } else {
      const std::size_t pos = rng() % model.size();
      const std::size_t len = 1 + rng() % std::min<std::size_t>(model.size() - pos, 8);
      REQUIRE(doc.DeleteText(note, "notes", pos, len).ok());
      model.erase(pos, len);
    }
    if (rng() % 5 == 0) (void)doc.Commit();
    REQUIRE(doc.TextLength(note, "notes") == model.size());
  }
  REQUIRE(doc.Text(note, "notes") == Utf8(model));
  // Deleting a long range across many runs at once.
  REQUIRE(doc.DeleteText(note, "notes", 1, model.size() - 2).ok());
  model.erase(1, model.size() - 2);
  REQUIRE(doc.Text(note, "notes") == Utf8(model));
}

TEST_CASE("typing, backspacing and inserting in the middle", "[text]") {
  Document doc(1);
  OpId note = doc.CreateRecord("visit");
  const std::string typed = "Moeder was moe";
  for (std::size_t i = 0; i < typed.size(); ++i) {
    REQUIRE(doc.InsertText(note, "notes", i, typed.substr(i, 1)).ok());
    (void)doc.Commit();
  }
  for (int i = 0; i < 3; ++i)
    REQUIRE(doc.DeleteText(note, "notes", doc.TextLength(note, "notes") - 1, 1).ok());
  REQUIRE(doc.Text(note, "notes") == "Moeder was ");
  REQUIRE(doc.InsertText(note, "notes", 11, "blij.").ok());
  REQUIRE(doc.InsertText(note, "notes", 7, "niet ").ok());
  REQUIRE(doc.Text(note, "notes") == "Moeder niet was blij.");
  REQUIRE(doc.InsertText(note, "notes", 0, "» ").ok());
  REQUIRE(doc.Text(note, "notes") == "» Moeder niet was blij.");
  REQUIRE(doc.TextLength(note, "notes") == 23);
}

TEST_CASE("concurrent typing at the same place does not interleave", "[text]") {
  for (bool forwards : {true, false}) {
    Two t;
    REQUIRE(t.a.InsertText(t.note, "notes", 0, "[]").ok());
    t.Sync();
    std::vector<Change> from_a, from_b;
    for (int i = 0; i < 4; ++i) {  // both type char by char, one change per keystroke
      const std::size_t at = forwards ? 1 + i : 1;  // typing on, or always at the start
      REQUIRE(t.a.InsertText(t.note, "notes", at, forwards ? "a" : std::string(1, 'a' + i)).ok());
      from_a.push_back(*t.a.Commit());
      REQUIRE(t.b.InsertText(t.note, "notes", at, forwards ? "b" : std::string(1, 'p' + i)).ok());
      from_b.push_back(*t.b.Commit());
    }
    for (const auto& c : from_b) REQUIRE(t.a.Apply(c).ok());
    for (const auto& c : from_a) REQUIRE(t.b.Apply(c).ok());
    const std::string merged = t.a.Text(t.note, "notes");
    REQUIRE(merged == t.b.Text(t.note, "notes"));
    INFO(merged);
    if (forwards) {
      REQUIRE((merged == "[aaaabbbb]" || merged == "[bbbbaaaa]"));
    } else {
      REQUIRE((merged == "[dcbasrqp]" || merged == "[srqpdcba]"));
    }
  }
}

TEST_CASE("concurrent insert into a deleted range, and deleting twice", "[text]") {
  Two t;
  REQUIRE(t.a.InsertText(t.note, "notes", 0, "Afspraak bij de huisarts.").ok());
  t.Sync();
  REQUIRE(t.a.DeleteText(t.note, "notes", 9, 7).ok());           // "bij de " gone
  REQUIRE(t.b.InsertText(t.note, "notes", 13, "nieuwe ").ok());  // inside it, concurrently
  t.Sync();
  REQUIRE(t.a.Text(t.note, "notes") == "Afspraak nieuwe huisarts.");  // nothing typed is lost
  REQUIRE(t.a.DeleteText(t.note, "notes", 0, 9).ok());
  REQUIRE(t.b.DeleteText(t.note, "notes", 0, 9).ok());  // the same characters, twice
  t.Sync();
  REQUIRE(t.a.Text(t.note, "notes") == "nieuwe huisarts.");
  REQUIRE(t.a.InsertText(t.note, "notes", 0, "» ").ok());  // at the start
  REQUIRE(
      t.b.InsertText(t.note, "notes", t.b.TextLength(t.note, "notes"), " «").ok());  // at the end
  t.Sync();
  REQUIRE(t.a.Text(t.note, "notes") == "» nieuwe huisarts. «");
  REQUIRE(t.a.Save() == t.b.Save());
}
