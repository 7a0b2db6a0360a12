#!/usr/bin/env python3
"""acpi-golden.py - compare ACPI tables with their golden disassembly.

Usage: acpi-golden.py --iasl IASL --golden DIR [--update] TABLE.aml...

Each TABLE.aml is disassembled with `iasl -d`; the comment block iasl
writes before DefinitionBlock (tool version, date, file names, checksum)
is dropped, and the rest must equal DIR/TABLE.dsl. A difference is shown
as a unified diff and fails the check: an AML change that alters a table
needs its golden file updated (make -C seabios update-golden), committed
on its own so that a reviewer sees what the change did to the tables.
--update writes the golden files instead.
"""
import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile


def disassemble(iasl, table):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(table, os.path.join(tmp, "t.aml"))
        p = subprocess.run([iasl, "-vs", "-d", "t.aml"], cwd=tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        if p.returncode:
            sys.stderr.write(p.stdout)
            sys.exit("acpi-golden: iasl -d %s failed" % table)
        with open(os.path.join(tmp, "t.dsl")) as f:
            text = f.read()
    start = text.find("DefinitionBlock")
    if start < 0:
        sys.exit("acpi-golden: no DefinitionBlock in the disassembly of %s" % table)
    return text[start:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iasl", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("tables", nargs="+")
    args = ap.parse_args()
    failed = []
    for table in args.tables:
        name = os.path.splitext(os.path.basename(table))[0] + ".dsl"
        golden = os.path.join(args.golden, name)
        got = disassemble(args.iasl, table)
        if args.update:
            os.makedirs(args.golden, exist_ok=True)
            with open(golden, "w") as f:
                f.write(got)
            print("acpi-golden: wrote %s" % golden)
            continue
        try:
            with open(golden) as f:
                want = f.read()
        except FileNotFoundError:
            want = ""
        if got != want:
            diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        "golden/" + name, "built/" + name)
            sys.stdout.writelines(list(diff)[:200])
            failed.append(name)
        else:
            print("acpi-golden: %s matches (%d lines)" % (name, got.count("\n")))
    if failed:
        sys.exit("acpi-golden: %s differ from tests/data/acpi/; if the change is meant, "
                 "run 'make -C seabios update-golden' and commit the golden files on "
                 "their own" % ", ".join(failed))


if __name__ == "__main__":
    main()
