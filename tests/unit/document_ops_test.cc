// Document behaviour: records, registers with overwritten values, add-wins sets, errors,
// idempotence, the queue for early changes, refused changes, clock skew.
#include <catch2/catch.hpp>
#include <string>

#include "naast/crdt/document.h"

using namespace naast::crdt;

namespace {

struct Pair {  // two tablets with clocks we control, sharing one visit record
  std::uint64_t wall_a = 1'790'000'000'000, wall_b = 1'790'000'000'000;
  HybridClock clock_a{[this] { return wall_a; }};
  HybridClock clock_b{[this] { return wall_b; }};
  Document a{0xA, &clock_a};
  Document b{0xB, &clock_b};
  OpId visit;
  Pair() {
    visit = a.CreateRecord("visit");
    REQUIRE(b.Apply(*a.Commit()).ok());
  }
  void Exchange() {
    auto ca = a.Commit();
    auto cb = b.Commit();
    if (ca) REQUIRE(b.Apply(*ca).ok());
    if (cb) REQUIRE(a.Apply(*cb).ok());
  }
};

std::string S(const char* s) {
  return s;
}

}  // namespace

TEST_CASE("records are created, typed and deleted", "[document]") {
  Document doc(1);
  OpId visit = doc.CreateRecord("visit");
  OpId goal = doc.CreateRecord("goal");
  REQUIRE(doc.Records() == std::vector<OpId>{visit, goal});
  REQUIRE(doc.TypeOf(goal) == "goal");
  REQUIRE(doc.DeleteRecord(goal).ok());
  REQUIRE(doc.Records() == std::vector<OpId>{visit});
  REQUIRE(doc.AllRecords().size() == 2);
  REQUIRE(doc.Exists(goal));
  REQUIRE(doc.IsDeleted(goal));
  REQUIRE_FALSE(doc.Exists(OpId{1, 99}));
  REQUIRE_FALSE(doc.TypeOf(OpId{1, 99}).has_value());
}

TEST_CASE("concurrent writes to a register converge and the loser stays readable", "[document]") {
  Pair p;
  p.wall_b += 60'000;  // the student writes a minute later: the student's value wins
  REQUIRE(p.a.Set(p.visit, "duration_min", std::int64_t{45}).ok());
  REQUIRE(p.b.Set(p.visit, "duration_min", std::int64_t{60}).ok());
  p.Exchange();
  for (Document* d : {&p.a, &p.b}) {
    auto winner = d->Get(p.visit, "duration_min");
    REQUIRE(winner.has_value());
    REQUIRE(std::get<std::int64_t>(winner->value) == 60);
    REQUIRE(winner->id.replica == 0xB);
    auto lost = d->Overwritten(p.visit, "duration_min");
    REQUIRE(lost.size() == 1);
    REQUIRE(std::get<std::int64_t>(lost[0].value) == 45);  // what
    REQUIRE(lost[0].id.replica == 0xA);                    // who
    REQUIRE(lost[0].time.wall_ms == p.wall_a);             // when
  }
  // Restoring the overwritten value is a write that has seen both: the conflict is over.
  REQUIRE(p.a.Set(p.visit, "duration_min", std::int64_t{45}).ok());
  p.Exchange();
  for (Document* d : {&p.a, &p.b}) {
    REQUIRE(std::get<std::int64_t>(d->Get(p.visit, "duration_min")->value) == 45);
    REQUIRE(d->Overwritten(p.visit, "duration_min").empty());
  }
}

TEST_CASE("equal times are broken by replica id, the same way everywhere", "[document]") {
  Pair p;  // both clocks read the same
  REQUIRE(p.a.Set(p.visit, "kind", S("huisbezoek")).ok());
  REQUIRE(p.b.Set(p.visit, "kind", S("telefonisch")).ok());
  p.Exchange();
  REQUIRE(p.a.Get(p.visit, "kind") == p.b.Get(p.visit, "kind"));
  REQUIRE(p.a.Get(p.visit, "kind")->id.replica == 0xB);  // the higher replica id
  REQUIRE(p.a.Save() == p.b.Save());
}

TEST_CASE("a sequential overwrite is not a conflict", "[document]") {
  Pair p;
  REQUIRE(p.a.Set(p.visit, "kind", S("huisbezoek")).ok());
  p.Exchange();
  REQUIRE(p.b.Set(p.visit, "kind", S("telefonisch")).ok());
  p.Exchange();
  REQUIRE(std::get<std::string>(p.a.Get(p.visit, "kind")->value) == "telefonisch");
  REQUIRE(p.a.Overwritten(p.visit, "kind").empty());
}

TEST_CASE("sets: add and remove, and a concurrent add wins over a remove", "[document]") {
  Pair p;
  REQUIRE(p.a.AddToSet(p.visit, "present", S("moeder")).ok());
  REQUIRE(p.a.AddToSet(p.visit, "present", S("partner")).ok());
  p.Exchange();
  REQUIRE(p.b.Elements(p.visit, "present") == std::vector<Value>{S("moeder"), S("partner")});
  REQUIRE(p.b.RemoveFromSet(p.visit, "present", S("partner")).ok());  // B removes
  REQUIRE(p.a.AddToSet(p.visit, "present", S("partner")).ok());       // A adds again, concurrently
  REQUIRE(p.a.RemoveFromSet(p.visit, "present", S("moeder")).ok());
  p.Exchange();
  for (Document* d : {&p.a, &p.b}) {
    REQUIRE(d->Elements(p.visit, "present") == std::vector<Value>{S("partner")});
    REQUIRE(d->Contains(p.visit, "present", S("partner")));
    REQUIRE_FALSE(d->Contains(p.visit, "present", S("moeder")));
  }
  // Removing what is not there records nothing.
  REQUIRE(p.a.RemoveFromSet(p.visit, "present", S("oma")).ok());
  REQUIRE_FALSE(p.a.Commit().has_value());
}

TEST_CASE("local edits with bad arguments are refused with a clear error", "[document]") {
  Document doc(1);
  OpId visit = doc.CreateRecord("visit");
  REQUIRE(doc.Set(OpId{1, 77}, "kind", S("x")).error().code == ErrorCode::kUnknownReference);
  REQUIRE(doc.Set(visit, "", S("x")).error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.Set(visit, "kind", S("bad \xFF")).error().code == ErrorCode::kBadUtf8);
  REQUIRE(doc.InsertText(visit, "notes", 0, "\xC3").error().code == ErrorCode::kBadUtf8);
  REQUIRE(doc.InsertText(visit, "notes", 1, "x").error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.InsertText(visit, "notes", 0, "abc").ok());
  REQUIRE(doc.DeleteText(visit, "notes", 2, 2).error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.DeleteText(visit, "other", 0, 1).error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.DeleteRecord(visit).ok());
  REQUIRE(doc.Set(visit, "kind", S("x")).error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.DeleteRecord(visit).error().code == ErrorCode::kInvalidArgument);
  // Applying while a local transaction is open is refused: commit first.
  REQUIRE(doc.Apply(Change{}).error().code == ErrorCode::kInvalidArgument);
  REQUIRE(doc.Commit().has_value());
  REQUIRE_FALSE(doc.Commit().has_value());  // nothing since
}

TEST_CASE("applying is idempotent; early changes wait for their dependencies", "[document]") {
  Document a(1), b(2);
  OpId visit = a.CreateRecord("visit");
  Change c1 = *a.Commit();
  REQUIRE(a.InsertText(visit, "notes", 0, "eerste").ok());
  Change c2 = *a.Commit();
  REQUIRE(a.InsertText(visit, "notes", 6, " tweede").ok());
  Change c3 = *a.Commit();
  REQUIRE(b.Apply(c3).value() == ApplyOutcome::kQueued);
  REQUIRE(b.Apply(c3).value() == ApplyOutcome::kQueued);  // not queued twice
  REQUIRE(b.Apply(c2).value() == ApplyOutcome::kQueued);
  REQUIRE(b.queued() == 2);
  REQUIRE_FALSE(b.Exists(visit));
  REQUIRE(b.Apply(c1).value() == ApplyOutcome::kApplied);
  REQUIRE(b.queued() == 0);
  REQUIRE(b.Text(visit, "notes") == "eerste tweede");
  const auto saved = b.Save();
  REQUIRE(b.Apply(c2).value() == ApplyOutcome::kDuplicate);
  REQUIRE(b.Save() == saved);
  REQUIRE(b.version() == a.version());
}

TEST_CASE("a change with a reference the document lacks is refused whole", "[document]") {
  Document a(1), b(2);
  OpId visit = a.CreateRecord("visit");
  REQUIRE(b.Apply(*a.Commit()).ok());
  const auto before = b.Save();
  Change bad;
  bad.replica = 3;
  bad.start_counter = 1;
  bad.ops.push_back(SetRegister{visit, "kind", S("huisbezoek"), {}});
  bad.ops.push_back(SetRegister{OpId{9, 9}, "kind", S("x"), {}});  // no such record
  auto r = b.Apply(bad);
  REQUIRE(r.error().code == ErrorCode::kUnknownReference);
  REQUIRE(r.error().message.find("operation 1") != std::string::npos);
  REQUIRE(b.Save() == before);  // the first operation was not applied either
  Change bad_text = bad;
  bad_text.ops = {InsertText{visit, "notes", OpId{1, 50}, OpId{}, "x"}};  // unknown origin
  REQUIRE(b.Apply(bad_text).error().code == ErrorCode::kUnknownReference);
  Change bad_delete = bad;
  bad_delete.ops = {DeleteText{visit, "notes", {IdRange{OpId{1, 1}, 4}}}};
  REQUIRE(b.Apply(bad_delete).error().code == ErrorCode::kUnknownReference);
  REQUIRE(b.Save() == before);
  // A change that partly overlaps what was applied.
  REQUIRE(a.Set(visit, "kind", S("a")).ok());
  REQUIRE(a.Set(visit, "duration_min", std::int64_t{1}).ok());
  Change two = *a.Commit();
  Change first_only = two;
  first_only.ops.resize(1);
  REQUIRE(b.Apply(first_only).ok());
  REQUIRE(b.Apply(two).error().code == ErrorCode::kOverlappingChange);
}

TEST_CASE("a change from a tablet with its clock far ahead is applied and reported", "[document]") {
  std::uint64_t wall = 1'790'000'000'000;
  HybridClock local([&] { return wall; }, 60'000);
  HybridClock ahead([&] { return wall + 7 * 86'400'000ull; });  // a week ahead
  Document mine(1, &local), theirs(2, &ahead);
  OpId visit = theirs.CreateRecord("visit");
  REQUIRE(theirs.Set(visit, "kind", S("huisbezoek")).ok());
  REQUIRE(mine.Apply(*theirs.Commit()).ok());
  REQUIRE(mine.last_clock_skew_ms() == 7 * 86'400'000ull);
  REQUIRE(std::get<std::string>(mine.Get(visit, "kind")->value) == "huisbezoek");  // not lost
  // The local clock was not dragged along.
  REQUIRE(mine.Set(visit, "notes_count", std::int64_t{1}).ok());
  Change c = *mine.Commit();
  REQUIRE(c.time.wall_ms == wall);
}
