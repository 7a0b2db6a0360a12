#!/usr/bin/env python3
"""aml-roundtrip.py - check builder-made AML against iasl.

Usage: aml-roundtrip.py IASL TABLE.aml

Disassembles TABLE.aml with `iasl -d`, compiles the result again and
requires the AML after the 36-byte table header to be byte-identical, and
iasl to report no errors or warnings either way. The table must not refer
to objects outside itself (iasl would add External opcodes).
"""
import os
import shutil
import subprocess
import sys
import tempfile


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    bad = [l for l in p.stdout.splitlines()
           if l.startswith(("Error", "Warning")) or " Error " in l]
    if p.returncode or bad:
        sys.stderr.write(p.stdout)
        sys.exit("aml-roundtrip: %s failed" % " ".join(cmd))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: aml-roundtrip.py IASL TABLE.aml")
    iasl, table = sys.argv[1], os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(table, os.path.join(tmp, "t.aml"))
        run([iasl, "-vs", "-d", "t.aml"], tmp)
        run([iasl, "-vs", "-p", "rt", "t.dsl"], tmp)
        with open(os.path.join(tmp, "t.aml"), "rb") as f:
            ours = f.read()[36:]
        with open(os.path.join(tmp, "rt.aml"), "rb") as f:
            theirs = f.read()[36:]
    if ours != theirs:
        at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                  min(len(ours), len(theirs)))
        sys.exit("aml-roundtrip: %s differs from iasl's AML at body offset "
                 "%d (%d vs %d bytes)" % (table, at, len(ours), len(theirs)))
    print("aml-roundtrip: %s: %d bytes of AML identical to iasl's"
          % (os.path.basename(table), len(ours)))


if __name__ == "__main__":
    main()
