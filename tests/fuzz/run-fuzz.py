#!/usr/bin/env python3
"""run-fuzz.py - run libFuzzer targets over their seed corpora and report.

    run-fuzz.py --bin-dir build-fuzz (--runs N [--seed S] | --seconds T)
                --work DIR TARGET...

For each TARGET (qmp, hmp, ...): DIR/TARGET/corpus starts as a fresh copy of
tests/fuzz/corpus/TARGET (the seeds in git are never written), the
dictionary tests/fuzz/TARGET.dict is used when it exists, and crash
reproducers land in DIR/TARGET/artifacts/. Prints per target: executions,
corpus size, crashes (each distinct one with its first report line, and
"known" when tests/fuzz/known-crashes/KNOWN lists its location). Exits 1 if
any target crashed, reported a sanitizer error, timed out, ran out of
memory or did not run at all -- a known crash included.

--runs is one deterministic process (make check). --seconds runs libFuzzer's
fork mode with -ignore_crashes, so that one crash (a known one, say) does not
end the search for others.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# libFuzzer options every run uses: inputs up to 8 KiB, a 10 s hang is a
# finding, so is 2 GiB of RSS; UBSan findings are crashes (see Makefile).
COMMON = ["-max_len=8192", "-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"]
SAN_ENV = {
    "ASAN_OPTIONS": "abort_on_error=1:detect_leaks=1:allocator_may_return_null=1",
    "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
}


def known_crashes():
    """(location, note) pairs from known-crashes/KNOWN: 'target location note...'."""
    f = HERE / "known-crashes" / "KNOWN"
    out = []
    for line in f.read_text().splitlines() if f.exists() else []:
        if line.strip() and not line.startswith("#"):
            target, loc, *note = line.split(None, 2)
            out.append((target, loc, note[0] if note else ""))
    return out


REPORT = re.compile(r"runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|"
                    r"^fuzz-machine:|^fuzz-\w+:|ERROR: libFuzzer")
FRAME = re.compile(r"^\s+#\d+ 0x[0-9a-f]+ in (\S+) (\S+)")


def classify(binary, crash):
    """The first report line of a reproducer and the first frame in our code."""
    try:
        p = subprocess.run([str(binary), str(crash)], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, errors="replace", timeout=60,
                           env=dict(os.environ, **SAN_ENV))
        text = p.stdout
    except subprocess.TimeoutExpired:
        return "hang (no end within 60 s)", ""
    first = next((l.strip() for l in text.splitlines() if REPORT.search(l)),
                 "no report (exit %d)" % p.returncode)
    where = ""
    for l in text.splitlines():
        m = FRAME.match(l)
        if m and "/libFuzzer/" not in m.group(2) and "sanitizer" not in m.group(2):
            where = m.group(2).split("/work/")[-1]
            break
    m = re.match(r"(\S+\.c:\d+)", first)
    return first, m.group(1) if m else where


def run_target(name, args):
    binary = Path(args.bin_dir) / ("fuzz-" + name)
    work = Path(args.work) / name
    corpus, artifacts = work / "corpus", work / "artifacts"
    shutil.rmtree(work, ignore_errors=True)
    artifacts.mkdir(parents=True)
    seeds = HERE / "corpus" / name
    if seeds.is_dir():
        shutil.copytree(seeds, corpus)
    else:
        corpus.mkdir()
    argv = [str(binary), str(corpus), "-artifact_prefix=%s/" % artifacts] + COMMON
    if args.runs is not None:
        argv += ["-runs=%d" % args.runs, "-seed=%d" % args.seed]
    else:
        argv += ["-max_total_time=%d" % args.seconds, "-fork=1", "-ignore_crashes=1"]
        if args.seed is not None:
            argv += ["-seed=%d" % args.seed]
    dic = HERE / (name + ".dict")
    if dic.exists():
        argv.append("-dict=%s" % dic)
    log = work / "log"
    t0 = time.monotonic()
    env = dict(os.environ, **SAN_ENV)
    with open(log, "w") as out:
        rc = subprocess.call(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    secs = time.monotonic() - t0
    text = log.read_text(errors="replace")
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", text)
    forked = re.findall(r"^#(\d+): cov:", text, re.M)
    execs = int(m.group(1)) if m else int(forked[-1]) if forked else 0
    crashes = sorted(p for p in artifacts.iterdir() if p.is_file())
    ncorpus = sum(1 for p in corpus.iterdir() if p.is_file())
    ok = rc == 0 and not crashes and execs > 0
    print("fuzz-%s: %s, %d executions in %.1f s, corpus %d, crashes %d"
          % (name, "ok" if ok else "FAILED", execs, secs, ncorpus, len(crashes)), flush=True)
    if not ok and not crashes:
        summary = [l for l in text.splitlines()
                   if l.startswith(("SUMMARY:", "==", "fuzz-machine:", "fuzz-"))
                   or "runtime error" in l or "ERROR:" in l]
        for line in summary[:12]:
            print("  " + line)
    if not ok:
        print("  exit status %d; log %s" % (rc, log))
    seen = {}
    for c in crashes:
        first, where = classify(binary, c)
        # one line per distinct report: the values in it vary, the place does not
        key = (where, re.sub(r"\b(0x[0-9a-f]+|-?\d+)\b", "N", first.split(": ", 1)[-1]))
        seen.setdefault(key, (first, where, []))[2].append(c)
    known = [k for k in known_crashes() if k[0] == name]
    for first, where, files in seen.values():
        tag = next(("known: " + note.split(":")[0] for _, loc, note in known
                    if loc in first + where), "NEW")
        print("  crash [%s] %s%s" % (tag, first[:160],
                                     " at " + where if where and where not in first else ""))
        print("    %d reproducer(s), e.g. %s  (run: %s %s)" % (len(files), files[0], binary,
                                                              files[0]))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int)
    ap.add_argument("--seconds", type=int, default=150)
    ap.add_argument("--seed", type=int)
    ap.add_argument("targets", nargs="+")
    args = ap.parse_args()
    if args.runs is not None and args.seed is None:
        args.seed = 1
    failed = [t for t in args.targets if not run_target(t, args)]
    print("fuzz targets: %d/%d passed%s" % (len(args.targets) - len(failed), len(args.targets),
                                           "; failed: " + ", ".join(failed) if failed else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
