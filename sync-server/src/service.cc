#include "service.h"

#include <map>

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

Result<sync::Registry> LoadRegistry(Storage& storage, const sync::TeamId& team) {
  auto entries = storage.Registry(team);
  if (!entries) return entries.error();
  sync::Registry reg;
  for (const auto& bytes : *entries) {
    auto e = sync::DecodeEntry(bytes);
    if (!e) return e.error();
    if (Status s = reg.Append(*e); !s) return s.error();
  }
  return reg;
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

bool Service::Replayed(const sync::SignedRequest& q, std::uint64_t now_ms) {
  std::lock_guard lock(nonce_mu_);
  const std::uint64_t window_minutes = options_.max_clock_skew_ms / 60'000 + 1;
  const std::uint64_t now_min = now_ms / 60'000;
  while (!nonces_.empty() && nonces_.begin()->first + 2 * window_minutes < now_min) {
    nonces_.erase(nonces_.begin());
  }
  for (const auto& [minute, set] : nonces_) {
    if (set.count(q.nonce)) return true;
  }
  nonces_[q.time_ms / 60'000].insert(q.nonce);
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
  if (Replayed(*q, now_ms)) {
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
  auto reg = LoadRegistry(storage_, req->team);
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
  auto reg = LoadRegistry(storage_, req->team);
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
  for (const auto& bytes : req->push) {
    sync::PushResult result;
    auto refuse = [&](std::string why) {
      result.status = sync::PushStatus::kRefused;
      result.reason = std::move(why);
      ++counters_.refused;
    };
    auto e = sync::DecodeEnvelope(bytes);
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
      auto stored = storage_.Put(req->team, e->header, bytes);
      if (!stored) {
        refuse("the server could not store it; try again");
      } else if (*stored) {
        ++counters_.stored;
      } else {
        result.status = sync::PushStatus::kDuplicate;
        ++counters_.duplicates;
      }
    }
    resp.results.push_back(std::move(result));
  }

  // What the device lacks, in arrival order after its cursor, one page at a time.
  std::map<std::string, const crdt::VersionVector*> have;
  for (const auto& d : req->have) have[d.doc] = &d.version;
  auto all = storage_.Envelopes(req->team, 0);
  if (!all) return Fail(500, "server_error", "the envelopes cannot be read");
  std::uint64_t cursor = req->cursor;
  const std::uint64_t last = all->empty() ? 0 : static_cast<std::uint64_t>(all->back().seq);
  if (cursor > last) cursor = 0;  // the server lost data (a restore): start over
  resp.complete = cursor == 0;
  std::map<std::string, crdt::VersionVector> server_has;
  std::set<std::string> keyed;    // documents with a key for the current epoch
  std::set<std::string> changed;  // documents with envelopes after the cursor
  const std::uint64_t page = req->page_bytes ? req->page_bytes : options_.default_page_bytes;
  std::uint64_t sent = 0;
  std::uint64_t done = cursor;  // every envelope up to here is sent or not needed
  std::vector<std::int64_t> chosen;
  for (const auto& e : *all) {
    const bool readable = reg->MayRead(q.device, e.doc);
    if (readable && e.kind == sync::EnvelopeKind::kChange) {
      server_has[e.doc].Advance(e.replica, e.end - 1);
    }
    if (readable && e.kind == sync::EnvelopeKind::kDocKey && e.epoch == reg->epoch()) {
      keyed.insert(e.doc);
    }
    if (static_cast<std::uint64_t>(e.seq) <= cursor) continue;
    if (!readable) {
      if (!resp.more) done = static_cast<std::uint64_t>(e.seq);
      continue;
    }
    changed.insert(e.doc);
    bool lacks = e.device != q.device;  // a device has what it wrote itself
    if (lacks) {
      auto h = have.find(e.doc);
      if (h != have.end()) {
        lacks = e.kind == sync::EnvelopeKind::kChange && e.end - 1 > h->second->Get(e.replica);
      }
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
  for (const auto& doc : keyed) {
    if (!resp.complete && !changed.count(doc)) continue;
    auto it = server_has.find(doc);
    resp.server_has.push_back(
        sync::DocVersion{doc, it == server_has.end() ? crdt::VersionVector() : it->second});
  }
  Reply r;
  r.body = sync::EncodeSyncResponse(resp);
  r.outcome = "sync pushed=" + std::to_string(req->push.size()) +
              " pulled=" + std::to_string(resp.pull.size());
  return r;
}

}  // namespace naast::server
