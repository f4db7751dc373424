// naast-demo: what scripts/run shows until the app and the sync server exist. A coach and a
// student hold the same visit record on two tablets, edit it offline, and merge. Synthetic data.
#include <cstdio>
#include <string>
#include <vector>

#include "naast/crdt/document.h"

using naast::crdt::Change;
using naast::crdt::Document;
using naast::crdt::OpId;
using naast::crdt::ToString;

namespace {

void Print(const char* who, const Document& doc, OpId visit) {
  std::printf("  %s\n", who);
  auto duration = doc.Get(visit, "duration_min");
  std::printf("    duration_min  : %s\n", duration ? ToString(duration->value).c_str() : "-");
  for (const auto& lost : doc.Overwritten(visit, "duration_min")) {
    std::printf("      overwritten by the merge: %s (written on replica %llx)\n",
                ToString(lost.value).c_str(), static_cast<unsigned long long>(lost.id.replica));
  }
  std::string domains;
  for (const auto& d : doc.Elements(visit, "life_domains")) domains += ToString(d) + " ";
  std::printf("    life_domains  : %s\n", domains.c_str());
  std::printf("    note          : %s\n", doc.Text(visit, "note").c_str());
}

void Deliver(const std::vector<Change>& changes, Document& to) {
  for (const Change& c : changes) (void)to.Apply(c);
}

}  // namespace

int main() {
  // Each tablet's clock: the student's is a minute later, so its write wins the tie.
  naast::crdt::HybridClock coach_clock([] { return std::uint64_t{1'790'000'000'000}; });
  naast::crdt::HybridClock student_clock([] { return std::uint64_t{1'790'000'060'000}; });
  Document coach(0xC0AC4, &coach_clock);
  Document student(0x57D3, &student_clock);

  // At the office, the coach creates the visit; both tablets sync before going out.
  OpId visit = coach.CreateRecord("visit");
  (void)coach.Set(visit, "kind", std::string("huisbezoek"));
  (void)coach.InsertText(visit, "note", 0, "Samen de post doorgenomen.");
  Change first = *coach.Commit();
  (void)student.Apply(first);

  // Offline, at the mother's home and later on the bus.
  std::vector<Change> from_coach, from_student;
  (void)coach.Set(visit, "duration_min", std::int64_t{45});
  (void)coach.AddToSet(visit, "life_domains", std::string("financien"));
  (void)coach.InsertText(visit, "note", coach.TextLength(visit, "note"),
                         " Afspraak: brief schuldhulp meenemen.");
  from_coach.push_back(*coach.Commit());
  (void)student.Set(visit, "duration_min", std::int64_t{60});
  (void)student.AddToSet(visit, "life_domains", std::string("huisvesting"));
  (void)student.InsertText(visit, "note", 0, "Moeder was moe. ");
  from_student.push_back(*student.Commit());

  std::printf("Before merging (each tablet offline):\n");
  Print("coach", coach, visit);
  Print("student", student, visit);

  // Back at the office: each tablet receives the other's changes, in any order.
  Deliver(from_student, coach);
  Deliver(from_coach, student);

  std::printf("\nAfter merging:\n");
  Print("coach", coach, visit);
  Print("student", student, visit);
  const bool same = coach.Save() == student.Save();
  std::printf("\nBoth tablets hold the same document: %s (%zu bytes saved)\n", same ? "yes" : "NO",
              coach.Save().size());
  return same ? 0 : 1;
}
