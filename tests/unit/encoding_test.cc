// The binary formats (docs/crdt-encoding.md): round trips for every operation and value, and a
// typed error, never a crash, for every kind of bad input.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "naast/crdt/change.h"
#include "naast/crdt/document.h"

using namespace naast::crdt;
using Bytes = std::vector<std::uint8_t>;

namespace {

// Builds bytes by hand, for inputs the encoder would never write.
struct Raw {
  Bytes b;
  Raw& U8(std::uint8_t v) {
    b.push_back(v);
    return *this;
  }
  Raw& Str(const std::string& s) {
    Var(s.size());
    b.insert(b.end(), s.begin(), s.end());
    return *this;
  }
  Raw& Var(std::uint64_t v) {
    while (v >= 0x80) {
      b.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    b.push_back(static_cast<std::uint8_t>(v));
    return *this;
  }
  Raw& F64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    return *this;
  }
  // The header of a change by replica 5 at counter 1 with a replica table {5} and no deps.
  Raw& Header(std::uint64_t start = 1) {
    b = {'N', 'C', 'H', 'G', 1};
    return F64(5).Var(start).Var(1000).Var(0).Var(1).F64(5).Var(0);
  }
};

Change SampleChange() {
  Change c;
  c.replica = 0xC0FFEE;
  c.start_counter = 10;
  c.time = Hlc{1'790'000'000'123, 4};
  c.deps.Advance(0xC0FFEE, 9);
  c.deps.Advance(0x51, 77);
  const OpId rec{0x51, 3};
  c.ops.push_back(CreateRecord{"visit"});
  c.ops.push_back(DeleteRecord{rec});
  c.ops.push_back(
      SetRegister{rec, "duration_min", std::int64_t{-45}, {OpId{0x51, 4}, OpId{0xC0FFEE, 2}}});
  c.ops.push_back(SetRegister{rec, "kind", std::string("huisbezoek"), {}});
  c.ops.push_back(SetRegister{rec, "crisis", true, {}});
  c.ops.push_back(SetRegister{rec, "phone", std::monostate{}, {}});
  c.ops.push_back(SetRegister{rec, "big", std::int64_t{INT64_MIN}, {}});
  c.ops.push_back(AddToSet{rec, "life_domains", std::string("financien")});
  c.ops.push_back(RemoveFromSet{rec, "life_domains", std::string("huisvesting"), {OpId{0x51, 5}}});
  c.ops.push_back(InsertText{rec, "notes", OpId{}, OpId{}, "Moeder was moe. "});
  c.ops.push_back(InsertText{rec, "notes", OpId{0x51, 20}, OpId{0x51, 21}, "financiën 🙂"});
  c.ops.push_back(
      DeleteText{rec, "notes", {IdRange{OpId{0x51, 22}, 3}, IdRange{OpId{0xC0FFEE, 5}, 1}}});
  return c;
}

}  // namespace

TEST_CASE("a change with every operation and value round-trips", "[encoding]") {
  const Change c = SampleChange();
  const Bytes bytes = EncodeChange(c);
  auto back = DecodeChange(bytes);
  REQUIRE(back.ok());
  REQUIRE(back.value() == c);
  REQUIRE(EncodeChange(back.value()) == bytes);  // canonical
  // Ids: one per operation, one per code point for text ("Moeder was moe. " is 16).
  REQUIRE(c.OpIdAt(0) == OpId{0xC0FFEE, 10});
  REQUIRE(c.OpIdAt(10) == OpId{0xC0FFEE, 19 + 16});
  REQUIRE(c.end_counter() == 10 + 9 + 16 + 11 + 1);
  REQUIRE(OpLength(c.ops[10]) == 11);  // "financiën 🙂" is 11 code points in 15 bytes
}

TEST_CASE("typed text travels as one run, not one operation per character", "[encoding]") {
  Document doc(1);
  OpId note = doc.CreateRecord("visit");
  const std::string sentence = "Samen de post doorgenomen en een afspraak gemaakt.";
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    REQUIRE(doc.InsertText(note, "notes", i, sentence.substr(i, 1)).ok());
  }
  Change c = *doc.Commit();
  REQUIRE(c.ops.size() == 2);  // the record and one insertion
  REQUIRE(std::get<InsertText>(c.ops[1]).text == sentence);
  REQUIRE(EncodeChange(c).size() < sentence.size() + 60);
}

TEST_CASE("every truncation of a change is an error, not a crash", "[encoding]") {
  const Bytes bytes = EncodeChange(SampleChange());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = DecodeChange({bytes.data(), n});
    INFO("prefix of " << n << " bytes");
    REQUIRE_FALSE(r.ok());
    REQUIRE(!r.error().message.empty());
  }
  Bytes longer = bytes;
  longer.push_back(0);
  REQUIRE(DecodeChange(longer).error().code == ErrorCode::kMalformed);  // trailing bytes
}

TEST_CASE("malformed changes get the right error code", "[encoding]") {
  auto code = [](const Bytes& b) { return DecodeChange(b).error().code; };
  Bytes good = EncodeChange(SampleChange());
  Bytes bad_magic = good;
  bad_magic[0] = 'X';
  REQUIRE(code(bad_magic) == ErrorCode::kBadMagic);
  Bytes bad_version = good;
  bad_version[4] = 2;
  REQUIRE(code(bad_version) == ErrorCode::kUnsupportedVersion);

  // A valid minimal change first, so that each case below differs in one thing.
  REQUIRE(DecodeChange(Raw().Header().Var(1).U8(1).Str("visit").b).ok());
  REQUIRE(code(Raw().Header(0).Var(1).U8(1).Str("visit").b) == ErrorCode::kMalformed);
  REQUIRE(code(Raw().Header(kMaxCounter + 1).Var(1).U8(1).Str("visit").b) ==
          ErrorCode::kLimitExceeded);
  REQUIRE(code(Raw().Header().Var(0).b) == ErrorCode::kMalformed);         // no operations
  REQUIRE(code(Raw().Header().Var(1).U8(99).b) == ErrorCode::kMalformed);  // unknown op tag
  REQUIRE(code(Raw().Header().Var(1).U8(1).Str("vis\xFFit").b) == ErrorCode::kBadUtf8);
  // SetRegister on record (5, 1) with an unknown value tag.
  REQUIRE(code(Raw().Header().Var(1).U8(3).Var(1).Var(0).Str("f").U8(9).b) ==
          ErrorCode::kMalformed);
  // A reference to replica index 3 of a table of one.
  REQUIRE(code(Raw().Header().Var(1).U8(2).Var(1).Var(3).b) == ErrorCode::kMalformed);
  // A counter beyond the limit in a reference.
  REQUIRE(code(Raw().Header().Var(1).U8(2).Var(kMaxCounter + 1).Var(0).b) ==
          ErrorCode::kLimitExceeded);
  // An empty insertion, and a deletion without ranges or with an empty range.
  REQUIRE(code(Raw().Header().Var(1).U8(6).Var(1).Var(0).Str("t").Var(0).Var(0).Str("").b) ==
          ErrorCode::kMalformed);
  REQUIRE(code(Raw().Header().Var(1).U8(7).Var(1).Var(0).Str("t").Var(0).b) ==
          ErrorCode::kMalformed);
  REQUIRE(code(Raw().Header().Var(1).U8(7).Var(1).Var(0).Str("t").Var(1).Var(1).Var(0).Var(0).b) ==
          ErrorCode::kMalformed);
  // An unsorted replica table.
  Raw unsorted;
  unsorted.b = {'N', 'C', 'H', 'G', 1};
  unsorted.F64(5).Var(1).Var(0).Var(0).Var(2).F64(9).F64(3).Var(0).Var(1).U8(1).Str("x");
  REQUIRE(code(unsorted.b) == ErrorCode::kMalformed);
  // Varints: eleven bytes, and ten bytes that overflow 64 bits.
  Raw eleven;
  eleven.b = {'N', 'C', 'H', 'G', 1};
  eleven.F64(5);
  for (int i = 0; i < 10; ++i) eleven.U8(0x80);
  eleven.U8(0);
  REQUIRE(code(eleven.b) == ErrorCode::kMalformed);
  Raw overflow;
  overflow.b = {'N', 'C', 'H', 'G', 1};
  overflow.F64(5);
  for (int i = 0; i < 9; ++i) overflow.U8(0xFF);
  overflow.U8(0x02);
  REQUIRE(code(overflow.b) == ErrorCode::kMalformed);
  // Huge counts announced with few bytes behind them.
  REQUIRE(code(Raw().Header().Var(1u << 30).b) != ErrorCode::kMalformed);
  REQUIRE_FALSE(DecodeChange(Raw().Header().Var(1u << 30).b).ok());
}

namespace {
Document RichDocument(ReplicaId self, int text_repeats) {
  Document doc(self);
  OpId visit = doc.CreateRecord("visit");
  OpId goal = doc.CreateRecord("goal");
  (void)doc.Set(visit, "duration_min", std::int64_t{45});
  (void)doc.Set(visit, "kind", std::string("huisbezoek"));
  (void)doc.AddToSet(visit, "life_domains", std::string("financien"));
  (void)doc.AddToSet(visit, "life_domains", std::string("huisvesting"));
  (void)doc.RemoveFromSet(visit, "life_domains", std::string("huisvesting"));
  for (int i = 0; i < text_repeats; ++i) {
    (void)doc.InsertText(visit, "notes", doc.TextLength(visit, "notes") / 2, "Moeder was moe. ");
  }
  (void)doc.DeleteText(visit, "notes", 2, 3);
  (void)doc.InsertText(goal, "description", 0, "Schulden op een rij 🙂");
  (void)doc.DeleteRecord(goal);
  (void)doc.Commit();
  return doc;
}
}  // namespace

TEST_CASE("a document saves and loads to the same state and bytes", "[encoding]") {
  for (int repeats : {1, 50}) {  // a small body stays plain, a large one is deflated
    Document doc = RichDocument(3, repeats);
    const Bytes bytes = doc.Save();
    if (repeats == 50) REQUIRE(bytes[5] == 1);  // the flags byte: deflated
    auto loaded = Document::Load(bytes, 4);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->Save() == bytes);
    REQUIRE(loaded->version() == doc.version());
    for (const OpId& rec : doc.AllRecords()) {
      REQUIRE(loaded->TypeOf(rec) == doc.TypeOf(rec));
      REQUIRE(loaded->IsDeleted(rec) == doc.IsDeleted(rec));
      for (const auto& [kind, field] : doc.Fields(rec)) {
        REQUIRE(loaded->Get(rec, field) == doc.Get(rec, field));
        REQUIRE(loaded->Elements(rec, field) == doc.Elements(rec, field));
        REQUIRE(loaded->Text(rec, field) == doc.Text(rec, field));
      }
    }
  }
}

TEST_CASE("a small document is saved without compression", "[encoding]") {
  Document doc(1);
  OpId v = doc.CreateRecord("visit");
  REQUIRE(doc.Set(v, "kind", std::string("huisbezoek")).ok());
  const Bytes bytes = doc.Save();
  REQUIRE(bytes[5] == 0);
  REQUIRE(Document::Load(bytes, 2)->Save() == bytes);
}

TEST_CASE("a loaded document keeps editing and merging like one that never saved", "[encoding]") {
  Document a = RichDocument(3, 5);
  auto loaded = Document::Load(a.Save(), 3);
  REQUIRE(loaded.ok());
  const OpId visit = a.Records().front();
  // Both make the same local edit; then both take a remote change.
  REQUIRE(a.InsertText(visit, "notes", 4, "XY").ok());
  REQUIRE(loaded->InsertText(visit, "notes", 4, "XY").ok());
  Change from_a = *a.Commit();
  Change from_loaded = *loaded->Commit();
  REQUIRE(from_a.start_counter == from_loaded.start_counter);
  REQUIRE(from_a.ops == from_loaded.ops);  // the same origins: the same state underneath
  Document other(7);
  (void)other.Apply(from_a);
  REQUIRE(other.queued() == 1);  // it lacks the history: waits
  auto history = Document::Load(a.Save(), 7);
  REQUIRE(history.ok());
  REQUIRE(history->InsertText(visit, "notes", 0, "Start: ").ok());
  Change remote = *history->Commit();
  REQUIRE(a.Apply(remote).ok());
  REQUIRE(loaded->Apply(remote).ok());
  REQUIRE(a.Save() == loaded->Save());
}

TEST_CASE("bad documents are errors: magic, version, flags, truncation, damage", "[encoding]") {
  const Bytes small = RichDocument(3, 1).Save();
  const Bytes large = RichDocument(3, 50).Save();
  auto code = [](const Bytes& b) { return Document::Load(b, 1).error().code; };
  Bytes b = small;
  b[0] = 'X';
  REQUIRE(code(b) == ErrorCode::kBadMagic);
  b = small;
  b[4] = 7;
  REQUIRE(code(b) == ErrorCode::kUnsupportedVersion);
  b = small;
  b[5] = 0x80;
  REQUIRE(code(b) == ErrorCode::kMalformed);
  for (std::size_t n = 0; n < small.size(); ++n) {
    INFO("prefix of " << n << " bytes");
    REQUIRE_FALSE(Document::Load(Bytes(small.begin(), small.begin() + n), 1).ok());
  }
  b = small;
  b.push_back(0);
  REQUIRE(code(b) == ErrorCode::kMalformed);
  for (std::size_t i = 8; i < large.size(); i += 7) {  // damage inside the compressed body
    b = large;
    b[i] ^= 0x5A;
    auto r = Document::Load(b, 1);
    if (r.ok()) REQUIRE(r->Save().size() > 0);  // a flip that still decodes must be sound
  }
  b = large;
  b.resize(large.size() / 2);
  REQUIRE(code(b) == ErrorCode::kMalformed);
  // Found by fuzz_decode_document: a deflated document that declares about a gigabyte in a few
  // bytes is refused before anything that size is allocated.
  const Bytes liar = {'N', 'D', 'O', 'C', 0x01, 0x01, 0xc5, 0xff, 0xfe, 0xff, 0x03};
  auto refused = Document::Load(liar, 1);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == ErrorCode::kMalformed);
  CHECK(refused.error().message.find("declares more bytes") != std::string::npos);
}

TEST_CASE("replicas that applied the same changes in other orders save the same bytes",
          "[encoding]") {
  Document a(1), b(2);
  OpId v = a.CreateRecord("visit");
  Change c0 = *a.Commit();
  REQUIRE(b.Apply(c0).ok());
  REQUIRE(a.InsertText(v, "notes", 0, "aaa").ok());
  REQUIRE(a.Set(v, "kind", std::string("huisbezoek")).ok());
  Change ca = *a.Commit();
  REQUIRE(b.InsertText(v, "notes", 0, "bbb").ok());
  REQUIRE(b.Set(v, "kind", std::string("telefonisch")).ok());
  Change cb = *b.Commit();
  Document x(3), y(4);
  for (const Change& c : {c0, ca, cb}) REQUIRE(x.Apply(c).ok());
  for (const Change& c : {cb, ca, c0}) REQUIRE(y.Apply(c).ok());  // cb, ca wait for c0
  REQUIRE(y.queued() == 0);
  REQUIRE(x.Save() == y.Save());
  REQUIRE(a.Apply(cb).ok());
  REQUIRE(a.Save() == x.Save());
}
