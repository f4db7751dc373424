// A hybrid logical clock with a bound on how far a remote clock may pull it forward.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "naast/crdt/types.h"

namespace naast::crdt {

class HybridClock {
 public:
  using PhysicalClock = std::function<std::uint64_t()>;  // milliseconds since the Unix epoch

  // The default physical clock is the system clock. A remote timestamp more than max_skew_ms
  // ahead of it is not adopted (a tablet with a wrong date must not drag everyone into the
  // future); Observe() reports it instead.
  explicit HybridClock(PhysicalClock physical = {}, std::uint64_t max_skew_ms = 5 * 60 * 1000);

  // A timestamp for a local event, greater than every timestamp issued or adopted before.
  Hlc Now();

  // Merges a timestamp seen on a remote change. Returns how far ahead of the local physical
  // clock the remote one is, in milliseconds, when that exceeds the bound (and the clock was not
  // moved past the bound); std::nullopt when it was within bounds and adopted.
  std::optional<std::uint64_t> Observe(const Hlc& remote);

  Hlc last() const { return last_; }
  std::uint64_t max_skew_ms() const { return max_skew_ms_; }

 private:
  PhysicalClock physical_;
  std::uint64_t max_skew_ms_;
  Hlc last_;
};

}  // namespace naast::crdt
