#!/usr/bin/env python3
"""Prints naast-trace figures beside the peers' (same run) and the targets of issue 2."""
import sys


def parse(line):
    return {k: v for k, v in (f.split("=", 1) for f in line.split())}


ours = parse(sys.argv[1])
peers = {}
for line in sys.argv[2].splitlines():
    if line.startswith("peer="):
        p = parse(line)
        peers[p["peer"]] = p
yjs, am = peers.get("yjs"), peers.get("automerge")

rows = [
    # figure, our value, baseline, target ratio (ours/baseline must be <=), unit
    ("apply_ms", float(ours["apply_ms"]), yjs and float(yjs["apply_ms"]), 0.1, "ms"),
    ("load_ms", float(ours["load_ms"]), yjs and float(yjs["load_ms"]), 0.2, "ms"),
    ("encoded_bytes", int(ours["encoded_bytes"]), yjs and int(yjs["encoded_bytes"]), 1.0, "B"),
    ("encoded_bytes (stretch: Automerge)", int(ours["encoded_bytes"]), am and int(am["encoded_bytes"]), 1.0, "B"),
]
print(f"{'figure':36} {'naast':>12} {'baseline':>12} {'ratio':>8} {'target':>8}  ok")
failed = False
for name, value, base, target, unit in rows:
    if base:
        ratio = value / base
        ok = ratio <= target
        failed |= not ok and "stretch" not in name
        print(f"{name:36} {value:>12} {base:>12} {ratio:>8.3f} {'<=' + str(target):>8}  {'yes' if ok else 'NO'}")
    else:
        print(f"{name:36} {value:>12} {'(no peer)':>12}")
doc_mb = float(ours["doc_mb"])
print(f"{'doc_mb':36} {doc_mb:>12} {'':>12} {'':>8} {'<=5 MB':>8}  {'yes' if doc_mb <= 5 else 'NO'}")
print(f"{'encode_ms':36} {ours['encode_ms']:>12} {yjs['encode_ms'] if yjs else '':>12}")
print(f"{'peak_rss_mb (whole process)':36} {ours['peak_rss_mb']:>12}")
failed |= doc_mb > 5
sys.exit(1 if failed else 0)
