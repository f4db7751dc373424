#include "service.h"

#include <algorithm>
#include <map>
#include <set>

#include "naast/sync/registry.h"
#include "naast/sync/session.h"

namespace naast::server {
namespace {

Reply Fail(int status, std::string code, std::string message, bool wipe = false) {
  Reply r;
  r.status = status;
  r.outcome = code;
  r.body = sync::EncodeErrorReply(sync::ErrorReply{std::move(code), std::move(message), wipe});
  return r;
}

}  // namespace

std::string ShortId(const sync::PublicKey& key) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 4; ++i) {
    out += digits[key[static_cast<std::size_t>(i)] >> 4];
    out += digits[key[static_cast<std::size_t>(i)] & 15];
  }
  return out;
}

Result<bool> Service::Replayed(const sync::SignedRequest& q, std::uint64_t now_ms) {
  // Kept in the storage, so a replay to another server process or after a restart is caught.
  const std::uint64_t window = options_.max_clock_skew_ms;
  const std::uint64_t forget_before = now_ms > 2 * window ? now_ms - 2 * window : 0;
  auto first = storage_.FirstUse(q.device, q.nonce, q.time_ms, forget_before);
  if (!first) return first.error();
  return !*first;
}

bool Service::OverLimit(const sync::PublicKey& device, std::uint64_t now_ms) {
  const double rate = options_.device_requests_per_minute;
  if (rate <= 0) return false;
  std::lock_guard lock(limit_mu_);
  if (buckets_.size() > 100'000) {
    // Forget devices whose bucket has filled up again: they are as new.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      it = now_ms - it->second.at_ms > 60'000 ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(device, Bucket{rate, now_ms});
  Bucket& b = it->second;
  if (!fresh && now_ms > b.at_ms) {
    b.tokens = std::min(rate, b.tokens + rate * static_cast<double>(now_ms - b.at_ms) / 60'000.0);
    b.at_ms = now_ms;
  }
  if (b.tokens < 1) return true;
  b.tokens -= 1;
  return false;
}

Reply Service::Handle(const std::string& path, std::span<const std::uint8_t> body,
                      std::uint64_t now_ms) {
  auto q = sync::DecodeSignedRequest(body);
  if (!q) {
    ++counters_.bad_requests;
    return Fail(400, "bad_request",
                "the request is not a signed Naast request: " + q.error().ToString());
  }
  if (q->path != path) {
    ++counters_.bad_requests;
    return Fail(400, "bad_request", "the request was signed for another path");
  }
  if (!sync::VerifySignedRequest(*q)) {
    ++counters_.unauthorized;
    return Fail(401, "unauthorized", "the request's signature is not valid");
  }
  const std::uint64_t skew = q->time_ms > now_ms ? q->time_ms - now_ms : now_ms - q->time_ms;
  if (skew > options_.max_clock_skew_ms) {
    ++counters_.unauthorized;
    return Fail(401, "clock", "the tablet's clock is far off; set the date and time");
  }
  if (OverLimit(q->device, now_ms)) {
    ++counters_.rate_limited;
    Reply r = Fail(429, "rate_limited",
                   "this tablet sent too many requests; it will try again in a minute");
    r.device = ShortId(q->device);
    return r;
  }
  auto replayed = Replayed(*q, now_ms);
  if (!replayed) {
    // The request is refused when its nonce cannot be checked; the device tries again later.
    Reply r = Fail(503, "server_error",
                   "the server cannot check requests now (" + replayed.error().message + ")");
    r.device = ShortId(q->device);
    return r;
  }
  if (*replayed) {
    ++counters_.replayed;
    return Fail(409, "replayed", "this exact request was received before");
  }
  Reply r;
  if (path == sync::kRegistryPath) {
    r = HandleRegistry(*q, now_ms);
  } else if (path == sync::kSyncPath) {
    r = HandleSync(*q, now_ms);
  } else {
    r = Fail(404, "not_found", "no such endpoint");
  }
  r.device = ShortId(q->device);
  return r;
}

Result<sync::Registry> Service::TeamRegistry(const sync::TeamId& team) {
  auto entries = storage_.Registry(team);
  if (!entries) return entries.error();
  // Start from the chain verified before, when it is still a prefix of the stored one (entries
  // are hash-chained: the same last entry means the same chain); verify only what is new.
  sync::Registry reg;
  {
    std::lock_guard lock(registry_mu_);
    if (auto it = registries_.find(team);
        it != registries_.end() && it->second.length() <= entries->size()) {
      reg = it->second;
    }
  }
  if (reg.length() > 0) {
    auto last = sync::DecodeEntry((*entries)[reg.length() - 1]);
    if (!last || sync::EntryHash(*last) != sync::EntryHash(reg.entries().back())) {
      reg = sync::Registry();
    }
  }
  const bool grew = reg.length() < entries->size();
  for (std::size_t i = reg.length(); i < entries->size(); ++i) {
    auto e = sync::DecodeEntry((*entries)[i]);
    if (!e) return e.error();
    if (Status s = reg.Append(*e); !s) return s.error();
  }
  if (grew) {
    std::lock_guard lock(registry_mu_);
    auto& cached = registries_[team];
    if (cached.length() < reg.length()) cached = reg;
  }
  return reg;
}

Reply Service::HandleRegistry(const sync::SignedRequest& q, std::uint64_t) {
  auto req = sync::DecodeRegistryRequest(q.body);
  if (!req) {
    ++counters_.bad_requests;
    return Fail(400, "bad_request", "malformed registry request: " + req.error().ToString());
  }
  if (req->team == sync::TeamId{} && req->append.empty()) {
    // A device just approved asks which team it is in.
    auto team = storage_.TeamOf(q.device);
    if (!team) return Fail(500, "server_error", "the registry cannot be read");
    if (!*team) {
      ++counters_.unauthorized;
      return Fail(401, "not_enrolled",
                  "this device is not in a team yet: ask a teamleider to approve it");
    }
    req->team = **team;
  }
  auto reg = TeamRegistry(req->team);
  if (!reg) return Fail(500, "server_error", "the registry cannot be read");
  const bool genesis = reg->empty() && req->append.size() >= 1 &&
                       req->append.front().kind == sync::EntryKind::kGenesis &&
                       req->append.front().subject == q.device;
  if (genesis && !options_.allow_new_teams) {
    return Fail(403, "forbidden", "this server does not accept new teams");
  }
  if (!genesis) {
    const sync::Member* m = reg->Find(q.device);
    if (!m) {
      ++counters_.unauthorized;
      return Fail(401, "unauthorized", "this device is not in the team");
    }
    if (m->revoked) {
      ++counters_.revoked;
      return Fail(403, "revoked", "this device was removed from the team", true);
    }
  }
  for (const auto& e : req->append) {
    if (e.seq <= reg->length()) {
      // Sent before (a retry): it must be the entry the chain has.
      if (sync::EntryHash(reg->entries()[e.seq - 1]) != sync::EntryHash(e)) {
        return Fail(409, "conflict", "the registry changed meanwhile; fetch it and try again");
      }
      continue;
    }
    if (e.team != req->team) return Fail(400, "bad_request", "an entry of another team");
    if (Status s = reg->Append(e); !s) {
      ++counters_.refused;
      return Fail(400, "refused", s.error().message);
    }
    if (Status s = storage_.AppendRegistry(req->team, e.seq, e.subject, sync::EncodeEntry(e)); !s) {
      return Fail(409, "conflict", "the registry changed meanwhile; fetch it and try again");
    }
  }
  sync::RegistryResponse resp;
  for (const auto& e : reg->entries()) {
    if (e.seq > req->since) resp.entries.push_back(e);
  }
  Reply r;
  r.body = sync::EncodeRegistryResponse(resp);
  r.outcome = "registry";
  return r;
}

Reply Service::HandleSync(const sync::SignedRequest& q, std::uint64_t now_ms) {
  auto req = sync::DecodeSyncRequest(q.body);
  if (!req) {
    ++counters_.bad_requests;
    return Fail(400, "bad_request", "malformed sync request: " + req.error().ToString());
  }
  if (req->client_version < options_.min_client_version) {
    return Fail(426, "old_client", "this app is too old for the server; update it");
  }
  auto reg = TeamRegistry(req->team);
  if (!reg) return Fail(500, "server_error", "the registry cannot be read");
  const sync::Member* me = reg->Find(q.device);
  if (!me) {
    ++counters_.unauthorized;
    return Fail(401, "unauthorized", "this device is not in the team");
  }
  if (me->revoked) {
    ++counters_.revoked;
    return Fail(403, "revoked", "this device was removed from the team", true);
  }

  sync::SyncResponse resp;
  resp.server_time_ms = now_ms;
  resp.results.resize(req->push.size());
  // Each pushed envelope is checked; those that pass are stored in one transaction (snapshots
  // after the changes of the same request, which they may include).
  std::vector<sync::Envelope> decoded(req->push.size());
  std::vector<std::size_t> changes, snapshots;
  for (std::size_t i = 0; i < req->push.size(); ++i) {
    sync::PushResult& result = resp.results[i];
    auto refuse = [&](std::string why) {
      result.status = sync::PushStatus::kRefused;
      result.reason = std::move(why);
      ++counters_.refused;
    };
    auto e = sync::DecodeEnvelope(req->push[i]);
    if (!e) {
      refuse("malformed envelope: " + e.error().ToString());
    } else if (e->header.team != req->team) {
      refuse("an envelope of another team");
    } else if (!sync::VerifyEnvelope(*e)) {
      refuse("the envelope's signature is not valid (changed in transit?)");
    } else if (const sync::Member* author = reg->Find(e->header.device); !author) {
      refuse("the envelope is not signed by a team device");
    } else if (author->revoked && e->header.epoch >= reg->epoch()) {
      refuse("the envelope's author was removed from the team");
    } else if (author == me && e->header.epoch != reg->epoch()) {
      refuse("written under an old team key; sync the registry first");
    } else if (!reg->MayRead(q.device, e->header.doc)) {
      refuse("this device has no access to the dossier");
    } else if (e->header.kind == sync::EnvelopeKind::kDocKey && me->role == sync::Role::kStudent) {
      refuse("students do not hand out dossier keys");
    } else {
      decoded[i] = std::move(e.value());
      (decoded[i].header.kind == sync::EnvelopeKind::kSnapshot ? snapshots : changes).push_back(i);
    }
  }
  auto store = [&](const std::vector<std::size_t>& which) -> bool {
    if (which.empty()) return true;
    std::vector<NewEnvelope> batch;
    for (std::size_t i : which) batch.push_back(NewEnvelope{decoded[i].header, req->push[i]});
    auto stored = storage_.Put(req->team, batch);
    for (std::size_t k = 0; k < which.size(); ++k) {
      sync::PushResult& result = resp.results[which[k]];
      if (!stored) {
        result.status = sync::PushStatus::kRefused;
        result.reason = "the server could not store it; try again";
        ++counters_.refused;
      } else if ((*stored)[k]) {
        ++counters_.stored;
      } else {
        result.status = sync::PushStatus::kDuplicate;
        ++counters_.duplicates;
      }
    }
    return stored.ok();
  };
  if (!store(changes)) return Fail(503, "unavailable", "the server could not store the changes");
  auto docs_list = storage_.Documents(req->team);
  if (!docs_list) return Fail(500, "server_error", "the documents cannot be read");
  if (!snapshots.empty()) {
    // A snapshot may only include changes the server holds, and must include everything the
    // newest snapshot before it did: fresh devices rely on both.
    std::map<std::string, const DocState*> state;
    for (const auto& d : *docs_list) state[d.doc] = &d;
    std::vector<std::size_t> valid;
    for (std::size_t i : snapshots) {
      const sync::EnvelopeHeader& h = decoded[i].header;
      auto it = state.find(h.doc);
      if (it == state.end() || !it->second->version.Covers(h.covers) || h.covers.empty()) {
        resp.results[i].status = sync::PushStatus::kRefused;
        resp.results[i].reason = "the snapshot includes changes the server does not have";
        ++counters_.refused;
      } else if (!h.covers.Covers(it->second->snapshot_covers)) {
        resp.results[i].status = sync::PushStatus::kRefused;
        resp.results[i].reason = "an older snapshot than the server's";
        ++counters_.refused;
      } else {
        valid.push_back(i);
      }
    }
    if (!store(valid)) return Fail(503, "unavailable", "the server could not store a snapshot");
    if (!valid.empty()) {
      docs_list = storage_.Documents(req->team);
      if (!docs_list) return Fail(500, "server_error", "the documents cannot be read");
    }
  }
  std::map<std::string, const DocState*> docs;
  for (const auto& d : *docs_list) docs[d.doc] = &d;

  // What the device lacks, in arrival order after its cursor, one page at a time.
  auto last = storage_.LastSeq(req->team);
  if (!last) return Fail(500, "server_error", "the envelopes cannot be read");
  std::uint64_t cursor = req->cursor;
  if (cursor > static_cast<std::uint64_t>(*last)) cursor = 0;  // a restored server: start over
  resp.complete = cursor == 0;
  const bool listed = req->have_listed || req->cursor == 0;
  std::map<std::string, const crdt::VersionVector*> have;
  for (const auto& d : req->have) have[d.doc] = &d.version;

  // A listed device that lacks part of what a snapshot includes gets the newest snapshot and,
  // of the changes, only those the snapshot does not include.
  std::map<std::string, crdt::VersionVector> base;  // what the device has or will have
  std::set<std::int64_t> wanted_snapshots;
  std::set<std::string> new_docs;  // documents the device does not hold at all
  if (listed) {
    for (const auto& [doc, d] : docs) {
      if (!reg->MayRead(q.device, doc)) continue;
      auto h = have.find(doc);
      if (h == have.end()) new_docs.insert(doc);
      crdt::VersionVector b = h == have.end() ? crdt::VersionVector() : *h->second;
      if (d->snapshot_seq > 0 && static_cast<std::uint64_t>(d->snapshot_seq) > cursor &&
          !b.Covers(d->snapshot_covers)) {
        wanted_snapshots.insert(d->snapshot_seq);
        b.Merge(d->snapshot_covers);
      }
      base[doc] = std::move(b);
    }
  }

  auto all = storage_.Envelopes(req->team, static_cast<std::int64_t>(cursor));
  if (!all) return Fail(500, "server_error", "the envelopes cannot be read");
  const std::uint64_t page = req->page_bytes ? req->page_bytes : options_.default_page_bytes;
  std::uint64_t sent = 0;
  std::uint64_t done = cursor;  // every envelope up to here is sent or not needed
  std::vector<std::int64_t> chosen;
  // The keys of documents new to a listed device go first, whatever their place: after a key
  // epoch change a document's current key comes after its older changes.
  std::set<std::int64_t> keys_first;
  if (listed) {
    for (const auto& e : *all) {
      if (e.kind == sync::EnvelopeKind::kDocKey && e.device != q.device && new_docs.count(e.doc)) {
        keys_first.insert(e.seq);
        chosen.push_back(e.seq);
        sent += static_cast<std::uint64_t>(e.size);
      }
    }
  }
  std::set<std::string> changed;  // documents with envelopes after the cursor
  for (const auto& e : *all) {
    if (!reg->MayRead(q.device, e.doc)) {
      if (!resp.more) done = static_cast<std::uint64_t>(e.seq);
      continue;
    }
    changed.insert(e.doc);
    bool lacks = false;
    switch (e.kind) {
      case sync::EnvelopeKind::kChange: {
        // A device has what it wrote itself.
        auto b = base.find(e.doc);
        lacks = e.device != q.device && (b == base.end() || e.end - 1 > b->second.Get(e.replica));
        break;
      }
      case sync::EnvelopeKind::kDocKey:
        lacks = !listed && e.device != q.device;  // listed: sent first, above
        break;
      case sync::EnvelopeKind::kSnapshot:
        lacks = wanted_snapshots.count(e.seq) > 0;
        break;
    }
    const auto size = static_cast<std::uint64_t>(e.size);
    if (resp.more) {
      if (lacks) resp.remaining_bytes += size;
      continue;
    }
    if (lacks && sent + size > page && !chosen.empty()) {
      resp.more = true;
      resp.remaining_bytes += size;
      continue;
    }
    if (lacks) {
      sent += size;
      chosen.push_back(e.seq);
    }
    done = static_cast<std::uint64_t>(e.seq);
  }
  resp.cursor = done;
  auto bytes = storage_.Bytes(chosen);
  if (!bytes) return Fail(500, "server_error", "the envelopes cannot be read");
  resp.pull = std::move(bytes.value());
  counters_.pulled += resp.pull.size();
  // The documents with a key for the current epoch: their server copy, for the device's next
  // push (all of them with a complete reply, else those that changed).
  for (const auto& [doc, d] : docs) {
    if (!reg->MayRead(q.device, doc)) continue;
    if (std::find(d->key_epochs.begin(), d->key_epochs.end(), reg->epoch()) ==
        d->key_epochs.end()) {
      continue;
    }
    if (!resp.complete && !changed.count(doc)) continue;
    std::uint64_t snapshot_ops = 0;
    for (const auto& [replica, counter] : d->snapshot_covers.entries()) snapshot_ops += counter;
    resp.server_has.push_back(sync::DocVersion{doc, d->version, snapshot_ops});
  }
  Reply r;
  r.body = sync::EncodeSyncResponse(resp);
  r.outcome = "sync pushed=" + std::to_string(req->push.size()) +
              " pulled=" + std::to_string(resp.pull.size());
  return r;
}

}  // namespace naast::server
