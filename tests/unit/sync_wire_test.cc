// The sync protocol's pieces without a network: device keys, envelopes, signed requests, the
// messages' encodings and their error paths, and the registry chain's rules.
#include <catch2/catch.hpp>

#include "naast/crypto/crypto.h"
#include "naast/sync/registry.h"
#include "naast/sync/session.h"
#include "naast/sync/wire.h"

using namespace naast;
using namespace naast::sync;

namespace {

const std::string kDoc = "0123456789abcdef0123456789abcdef";

EnvelopeHeader Header() {
  EnvelopeHeader h;
  h.kind = EnvelopeKind::kChange;
  h.team[0] = 7;
  h.doc = kDoc;
  h.epoch = 3;
  h.replica = 42;
  h.start = 10;
  h.end = 15;
  h.created_ms = 1'790'000'000'000;
  return h;
}

std::span<const std::uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace

TEST_CASE("signing and sealed boxes work and refuse what is not theirs", "[sync][crypto]") {
  const auto alice = crypto::NewSigningKey();
  const auto bob = crypto::NewSigningKey();
  const auto sig = crypto::Sign(alice, Bytes("bericht"));
  CHECK(crypto::Verify(alice.public_key, Bytes("bericht"), sig));
  CHECK_FALSE(crypto::Verify(bob.public_key, Bytes("bericht"), sig));
  CHECK_FALSE(crypto::Verify(alice.public_key, Bytes("berichT"), sig));
  CHECK_FALSE(crypto::Verify(alice.public_key, Bytes("bericht"), std::span(sig).first(10)));

  const auto box = crypto::NewBoxKey();
  const auto other = crypto::NewBoxKey();
  CHECK(crypto::BoxPublicKey(box.secret) == box.public_key);
  const auto sealed = crypto::SealTo(box.public_key, Bytes("teamsleutel"));
  auto opened = crypto::OpenSealed(box, sealed);
  REQUIRE(opened.ok());
  CHECK(std::string(reinterpret_cast<const char*>(opened->data()), opened->size()) ==
        "teamsleutel");
  CHECK_FALSE(crypto::OpenSealed(other, sealed).ok());
  CHECK(crypto::OpenSealed(box, std::span(sealed).first(10)).error().code == ErrorCode::kTruncated);
}

TEST_CASE("an envelope round-trips, and any change to it is detected", "[sync][wire]") {
  const auto author = crypto::NewSigningKey();
  const auto key = crypto::RandomKey();
  const auto envelope = SealEnvelope(Header(), key, Bytes("de wijziging"), author);
  CHECK(envelope.header.device == author.public_key);
  const auto bytes = EncodeEnvelope(envelope);
  auto decoded = DecodeEnvelope(bytes);
  REQUIRE(decoded.ok());
  CHECK(VerifyEnvelope(*decoded));
  auto plain = OpenEnvelope(*decoded, key);
  REQUIRE(plain.ok());
  CHECK(std::string(reinterpret_cast<const char*>(plain->data()), plain->size()) == "de wijziging");
  CHECK_FALSE(OpenEnvelope(*decoded, crypto::RandomKey()).ok());

  // Changing any byte breaks the signature, the decoding, or both.
  int detected = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto copy = bytes;
    copy[i] ^= 0x01;
    auto d = DecodeEnvelope(copy);
    if (!d.ok() || !VerifyEnvelope(*d)) ++detected;
  }
  CHECK(detected == static_cast<int>(bytes.size()));

  // A header moved to another document or epoch no longer opens.
  auto moved = *decoded;
  moved.header.epoch = 4;
  CHECK_FALSE(VerifyEnvelope(moved));
  CHECK_FALSE(OpenEnvelope(moved, key).ok());
}

TEST_CASE("decoding sync messages refuses bad input with a typed error", "[sync][wire]") {
  const auto author = crypto::NewSigningKey();
  const auto env = EncodeEnvelope(SealEnvelope(Header(), crypto::RandomKey(), Bytes("x"), author));
  // Every truncation fails cleanly.
  for (std::size_t n = 0; n < env.size(); ++n) {
    auto d = DecodeEnvelope(std::span(env).first(n));
    REQUIRE_FALSE(d.ok());
  }
  auto extra = env;
  extra.push_back(0);
  CHECK(DecodeEnvelope(extra).error().code == ErrorCode::kMalformed);
  auto magic = env;
  magic[0] = 'X';
  CHECK(DecodeEnvelope(magic).error().code == ErrorCode::kBadMagic);
  auto version = env;
  version[4] = 9;
  CHECK(DecodeEnvelope(version).error().code == ErrorCode::kUnsupportedVersion);
  auto kind = env;
  kind[5] = 9;
  CHECK(DecodeEnvelope(kind).error().code == ErrorCode::kMalformed);
  // A bad document id and impossible counters.
  auto h = Header();
  h.doc = "NOT-A-DOCUMENT-ID-NOT-A-DOCUMENT";
  CHECK(DecodeEnvelope(EncodeEnvelope(Envelope{h, {}, {}})).error().code == ErrorCode::kMalformed);
  h = Header();
  h.end = h.start;
  CHECK(DecodeEnvelope(EncodeEnvelope(Envelope{h, {}, {}})).error().code == ErrorCode::kMalformed);
  CHECK(DecodeEnvelope(std::vector<std::uint8_t>(kMaxEnvelopeBytes + 1, 0)).error().code ==
        ErrorCode::kLimitExceeded);

  SyncRequest q;
  q.team[3] = 1;
  crdt::VersionVector v;
  v.Advance(42, 9);
  q.have.push_back(DocVersion{kDoc, v});
  q.push.push_back(env);
  q.page_bytes = 1234;
  const auto qb = EncodeSyncRequest(q);
  auto qd = DecodeSyncRequest(qb);
  REQUIRE(qd.ok());
  CHECK(qd->team == q.team);
  CHECK(qd->have[0].version == v);
  CHECK(qd->push == q.push);
  CHECK(qd->page_bytes == 1234);
  for (std::size_t n = 0; n < qb.size(); ++n)
    REQUIRE_FALSE(DecodeSyncRequest(std::span(qb).first(n)).ok());

  SyncResponse p;
  p.server_time_ms = 99;
  p.results = {{PushStatus::kStored, ""}, {PushStatus::kRefused, "waarom"}};
  p.server_has.push_back(DocVersion{kDoc, v});
  p.pull.push_back(env);
  p.more = true;
  p.remaining_bytes = 77;
  const auto pb = EncodeSyncResponse(p);
  auto pd = DecodeSyncResponse(pb);
  REQUIRE(pd.ok());
  CHECK(pd->results[1].reason == "waarom");
  CHECK(pd->more);
  CHECK(pd->remaining_bytes == 77);
  CHECK(pd->pull == p.pull);
  for (std::size_t n = 0; n < pb.size(); ++n)
    REQUIRE_FALSE(DecodeSyncResponse(std::span(pb).first(n)).ok());
  auto bad_status = pb;
  bad_status[7] = 5;  // the first result's status (after magic, version, time, count)
  CHECK_FALSE(DecodeSyncResponse(bad_status).ok());
  // A request and a response are not each other.
  CHECK(DecodeSyncResponse(qb).error().code == ErrorCode::kBadMagic);

  const auto eb = EncodeErrorReply(ErrorReply{"revoked", "weg", true});
  auto ed = DecodeErrorReply(eb);
  REQUIRE(ed.ok());
  CHECK(ed->wipe);
  CHECK(ed->code == "revoked");
}

TEST_CASE("a signed request binds device, time, path and body", "[sync][wire]") {
  const auto device = crypto::NewSigningKey();
  const auto q = SignRequest(device, "/v1/sync", {1, 2, 3}, 1000);
  auto d = DecodeSignedRequest(EncodeSignedRequest(q));
  REQUIRE(d.ok());
  CHECK(VerifySignedRequest(*d));
  auto other_path = *d;
  other_path.path = "/v1/registry";
  CHECK_FALSE(VerifySignedRequest(other_path));
  auto other_body = *d;
  other_body.body[0] = 9;
  CHECK_FALSE(VerifySignedRequest(other_body));
  auto other_time = *d;
  other_time.time_ms = 2000;
  CHECK_FALSE(VerifySignedRequest(other_time));
  CHECK(SignRequest(device, "/v1/sync", {1}, 1000).nonce != q.nonce);
}

TEST_CASE("the registry accepts only entries that follow from a teamleider", "[sync][registry]") {
  const auto leader = crypto::NewSigningKey();
  const auto leader_box = crypto::NewBoxKey();
  const auto coach = crypto::NewSigningKey();
  const auto coach_box = crypto::NewBoxKey();
  const auto student = crypto::NewSigningKey();
  const auto student_box = crypto::NewBoxKey();
  Registry reg;

  RegistryEntry genesis;
  genesis.seq = 1;
  genesis.kind = EntryKind::kGenesis;
  genesis.team[0] = 5;
  genesis.subject = leader.public_key;
  genesis.subject_box = leader_box.public_key;
  genesis.role = Role::kTeamleider;
  genesis.epoch = 1;
  SignEntry(genesis, leader);
  auto round = DecodeEntry(EncodeEntry(genesis));
  REQUIRE(round.ok());
  CHECK(EntryHash(*round) == EntryHash(genesis));
  REQUIRE(reg.Append(genesis).ok());
  CHECK_FALSE(reg.Append(genesis).ok());  // twice

  auto add = [&](const crypto::SigningKey& subject, const crypto::BoxKey& box, Role role,
                 const crypto::SigningKey& author) {
    RegistryEntry e;
    e.seq = reg.length() + 1;
    e.prev = reg.head();
    e.kind = EntryKind::kAddDevice;
    e.team = reg.team();
    e.subject = subject.public_key;
    e.subject_box = box.public_key;
    e.role = role;
    e.epoch = reg.epoch();
    SignEntry(e, author);
    return e;
  };
  // A device cannot add itself; a coach cannot add anyone.
  CHECK(reg.Append(add(coach, coach_box, Role::kCoach, coach)).error().message.find("teamleider") !=
        std::string::npos);
  REQUIRE(reg.Append(add(coach, coach_box, Role::kCoach, leader)).ok());
  CHECK_FALSE(reg.Append(add(student, student_box, Role::kStudent, coach)).ok());
  // A forged signature, a wrong link, a wrong sequence.
  auto forged = add(student, student_box, Role::kStudent, leader);
  forged.role = Role::kTeamleider;
  CHECK(reg.Append(forged).error().message.find("signature") != std::string::npos);
  auto unlinked = add(student, student_box, Role::kStudent, leader);
  unlinked.prev[0] ^= 1;
  SignEntry(unlinked, leader);
  CHECK_FALSE(reg.Append(unlinked).ok());
  REQUIRE(reg.Append(add(student, student_box, Role::kStudent, leader)).ok());

  // Students read only what they are assigned.
  CHECK(reg.MayRead(coach.public_key, kDoc));
  CHECK_FALSE(reg.MayRead(student.public_key, kDoc));
  RegistryEntry assign;
  assign.seq = reg.length() + 1;
  assign.prev = reg.head();
  assign.kind = EntryKind::kAssign;
  assign.team = reg.team();
  assign.subject = student.public_key;
  assign.role = Role::kStudent;
  assign.epoch = reg.epoch();
  assign.doc = kDoc;
  SignEntry(assign, leader);
  REQUIRE(reg.Append(assign).ok());
  CHECK(reg.MayRead(student.public_key, kDoc));
  CHECK_FALSE(reg.MayRead(student.public_key, "ffffffffffffffffffffffffffffffff"));

  // Revocation moves to the next epoch; the device is refused from then on.
  RegistryEntry revoke;
  revoke.seq = reg.length() + 1;
  revoke.prev = reg.head();
  revoke.kind = EntryKind::kRevoke;
  revoke.team = reg.team();
  revoke.subject = coach.public_key;
  revoke.epoch = reg.epoch();  // must be the next one
  SignEntry(revoke, leader);
  CHECK(reg.Append(revoke).error().message.find("epoch") != std::string::npos);
  revoke.epoch = reg.epoch() + 1;
  SignEntry(revoke, leader);
  REQUIRE(reg.Append(revoke).ok());
  CHECK(reg.epoch() == 2);
  CHECK_FALSE(reg.IsActive(coach.public_key));
  CHECK_FALSE(reg.MayRead(coach.public_key, kDoc));

  // Codes are short, stable and bound to the keys.
  const std::string code = EnrolmentCode(coach.public_key, coach_box.public_key);
  CHECK(code.size() == 9);
  CHECK(code == EnrolmentCode(coach.public_key, coach_box.public_key));
  CHECK(code != EnrolmentCode(coach.public_key, student_box.public_key));
}

TEST_CASE("a run of changes must match its header", "[sync][wire]") {
  crdt::Document author(42);
  std::vector<crdt::Change> changes;
  for (int i = 0; i < 3; ++i) {
    const crdt::OpId r = author.CreateRecord("visit");
    REQUIRE(author.InsertText(r, "notes", 0, "stukje " + std::to_string(i)).ok());
    changes.push_back(*author.Commit());
  }
  EnvelopeHeader h = Header();
  h.replica = 42;
  h.start = changes.front().start_counter;
  h.end = changes.back().end_counter();
  const auto bytes = EncodeChangeRun(changes);
  auto run = DecodeChangeRun(bytes, h);
  REQUIRE(run.ok());
  CHECK(*run == changes);
  auto wrong = h;
  wrong.end += 1;  // claims more than it holds
  CHECK_FALSE(DecodeChangeRun(bytes, wrong).ok());
  wrong = h;
  wrong.replica = 43;  // someone else's changes
  CHECK_FALSE(DecodeChangeRun(bytes, wrong).ok());
  // A gap inside the run.
  const std::vector<crdt::Change> gap = {changes[0], changes[2]};
  CHECK_FALSE(DecodeChangeRun(EncodeChangeRun(gap), h).ok());
  CHECK_FALSE(DecodeChangeRun(EncodeChangeRun(std::vector<crdt::Change>{}), h).ok());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    REQUIRE_FALSE(DecodeChangeRun(std::span(bytes).first(n), h).ok());
  }
}
