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
memory or did not run all its executions (see below for known crashes).

--runs (make check) runs one deterministic process (-seed); a crash listed
in known-crashes/KNOWN is reported and set aside (DIR/TARGET/known/), and the
run resumes with the executions left: it does not fail check, any other
crash does. --seconds (make fuzz) runs libFuzzer's fork mode with
-ignore_crashes, so that one crash does not end the search for others, and
fails on every crash, known ones included.
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


def run_libfuzzer(binary, argv, log):
    """One libFuzzer process; returns (exit status, executions, log text)."""
    with open(log, "w") as out:
        rc = subprocess.call([str(binary)] + argv, stdout=out, stderr=subprocess.STDOUT,
                             env=dict(os.environ, **SAN_ENV))
    text = log.read_text(errors="replace")
    m = re.search(r"stat::number_of_executed_units:\s*(\d+)", text)
    forked = re.findall(r"^#(\d+): cov:", text, re.M)
    return rc, int(m.group(1)) if m else int(forked[-1]) if forked else 0, text


def group_crashes(name, binary, files):
    """{(first report line, place): [reproducers]}, and which groups are known."""
    groups = {}
    for c in files:
        first, where = classify(binary, c)
        # one group per distinct report: the values in it vary, the place does not
        key = (where, re.sub(r"-?(0x[0-9a-f]+|\d+)", "N", first.split(": ", 1)[-1]))
        groups.setdefault(key, (first, where, []))[2].append(c)
    known = [k for k in known_crashes() if k[0] == name]
    out = []
    for first, where, cs in groups.values():
        tag = next((note.split(":")[0] for _, loc, note in known if loc in first + where), None)
        out.append((first, where, cs, tag))
    return out


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
    argv = [str(corpus), "-artifact_prefix=%s/" % artifacts] + COMMON
    dic = HERE / (name + ".dict")
    if dic.exists():
        argv.append("-dict=%s" % dic)
    log = work / "log"
    t0 = time.monotonic()
    if args.runs is None:
        argv += ["-max_total_time=%d" % args.seconds, "-fork=1", "-ignore_crashes=1"]
        if args.seed is not None:
            argv += ["-seed=%d" % args.seed]
        rc, execs, text = run_libfuzzer(binary, argv, log)
        crashes = group_crashes(name, binary, sorted(artifacts.iterdir()))
        failed = bool(crashes)
    else:
        # make check: a crash listed in known-crashes/KNOWN (a fix under way
        # elsewhere) is reported, set aside, and the run goes on with the
        # executions left; any other crash fails at once
        execs, crashes, failed, attempt = 0, [], False, 0
        while execs < args.runs and attempt < 8 and not failed:
            left = args.runs - execs
            rc, n, text = run_libfuzzer(binary, argv + ["-runs=%d" % left,
                                                       "-seed=%d" % (args.seed + attempt)], log)
            execs += n
            attempt += 1
            new = group_crashes(name, binary, sorted(artifacts.iterdir()))
            failed = rc != 0 and (not new or any(tag is None for *_, tag in new))
            if rc == 0 or failed:
                crashes += new
                break
            kept = work / "known"
            kept.mkdir(exist_ok=True)
            for first, where, cs, tag in new:
                for c in cs:
                    c.rename(kept / c.name)
                crashes.append((first, where, [kept / c.name for c in cs], tag))
        failed = failed or execs < args.runs
    secs = time.monotonic() - t0
    failed = failed or execs == 0
    ncorpus = sum(1 for p in corpus.iterdir() if p.is_file())
    print("fuzz-%s: %s, %d executions in %.1f s, corpus %d, crashes %d"
          % (name, "FAILED" if failed else "ok", execs, secs, ncorpus,
             sum(len(c[2]) for c in crashes)), flush=True)
    if failed and not crashes:
        summary = [l for l in text.splitlines()
                   if l.startswith(("SUMMARY:", "==", "fuzz-machine:", "fuzz-"))
                   or "runtime error" in l or "ERROR:" in l]
        for line in summary[:12]:
            print("  " + line)
    if failed:
        print("  exit status %d; log %s" % (rc, log))
    for first, where, cs, tag in crashes:
        print("  crash [%s] %s%s" % ("known: " + tag if tag else "NEW", first[:160],
                                     " at " + where if where and where not in first else ""))
        print("    %d reproducer(s), e.g. %s  (run: %s %s)" % (len(cs), cs[0], binary, cs[0]))
    return not failed


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
