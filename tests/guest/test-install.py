#!/usr/bin/env python3
"""test-install.py - `make install DESTDIR=...` gives a tree that works on its
own: the installed binary prints its version, finds its firmware in
PREFIX/share/hotmem (not in the build tree) and boots the real guest
(test-boot.py against the installed binary), and the man page renders.
Output is TAP.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from guestlib import Tap  # noqa: E402


def main():
    tap = Tap()
    dest = Path(tempfile.mkdtemp(prefix="hm-install-"))
    try:
        p = subprocess.run(["make", "-s", "-C", str(REPO), "install", f"DESTDIR={dest}",
                            "PREFIX=/usr/local"], capture_output=True, text=True, timeout=600)
        tap.ok(p.returncode == 0, "make install DESTDIR=%s" % dest, p.stdout + p.stderr)
        prefix = dest / "usr/local"
        binary = prefix / "bin/hotmem"
        for rel in ("bin/hotmem", "share/hotmem/bios.bin", "share/man/man1/hotmem.1",
                    "share/doc/hotmem/qmp.md"):
            tap.ok((prefix / rel).is_file(), "installed %s" % rel)
        p = subprocess.run([str(binary), "-version"], capture_output=True, text=True,
                           timeout=30)
        tap.ok(p.returncode == 0 and p.stdout.startswith("hotmem version"),
               "the installed hotmem -version", p.stderr)
        p = subprocess.run(["man", "--warnings", "-l", str(prefix / "share/man/man1/hotmem.1")],
                           capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, MANPAGER="cat", PAGER="cat"))
        tap.ok(p.returncode == 0 and "device_add" in p.stdout and "-dimm" in p.stdout and
               not p.stderr.strip(), "man -l shows the page (options, commands), no warnings",
               p.stderr[:500])
        # no build tree beside it: the firmware must come from share/hotmem
        tap.ok(not (binary.parent / "seabios").exists(), "no build tree next to the binary")
        p = subprocess.run([sys.executable, str(HERE / "test-boot.py"), "--vmm", "hotmem",
                            "--hotmem", str(binary)], capture_output=True, text=True,
                           timeout=900)
        lines = [l for l in p.stdout.splitlines() if l.startswith(("ok ", "not ok "))]
        bad = [l for l in lines if l.startswith("not ok")]
        tap.ok(p.returncode == 0 and lines and not bad,
               "the installed hotmem boots the guest (test-boot.py: %d checks)" % len(lines),
               "\n".join(bad) or p.stdout[-2000:])
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    sys.exit(tap.finish())


if __name__ == "__main__":
    main()
