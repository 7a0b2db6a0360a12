#!/usr/bin/env python3
"""test-cmdline.py - bad command lines: hotmem exits with status 1 and one
line on stderr naming the problem, before any VM exists (no guest output,
no timing report, and fast), and leaves nothing behind.

Good command lines (-h, -version) exit 0. Output is TAP.
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from guestlib import Tap  # noqa: E402

HOTMEM = str(REPO / 'hotmem')


def main():
    tap = Tap()
    tmp = Path(tempfile.mkdtemp(prefix='hm-cmdline-'))
    junk = tmp / 'junk.bin'
    junk.write_bytes(b'\0' * 4096)
    odd_bios = tmp / 'odd.bin'
    odd_bios.write_bytes(b'\0' * 1000)
    serial_out = tmp / 'serial.txt'
    timing = tmp / 'timing.json'
    cases = [
        (['-frobnicate'], "unknown option '-frobnicate'"),
        (['-m'], 'option -m needs an argument'),
        (['-m', 'lots'], "-m: invalid size 'lots'"),
        (['-m', '16M'], '-m: size 16M out of range'),
        (['-smp', '0'], "-smp: invalid value '0'"),
        (['-smp', '3,sockets=2'], '-smp: sockets (2) * cores'),
        (['-serial', 'tcp:1:2'], "-serial: unsupported backend 'tcp:1:2'"),
        (['-display', 'gtk'], "-display: unsupported display 'gtk'"),
        (['-append', 'x'], '-append needs -kernel'),
        (['-kernel', str(tmp / 'missing')], '-kernel:'),
        (['-kernel', str(junk)], 'is not a Linux bzImage'),
        (['-bios', str(tmp / 'missing')], '-bios:'),
        (['-bios', str(odd_bios)], 'a multiple of 64 KiB up to 128 KiB'),
    ]
    env = dict(os.environ, HOTMEM_TIMING=str(timing))
    for args, expect in cases:
        argv = [HOTMEM, '-serial', f'file:{serial_out}'] + args
        t0 = time.monotonic()
        p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)
        dt = time.monotonic() - t0
        lines = p.stderr.splitlines()
        ok = (p.returncode == 1 and len(lines) == 1 and expect in lines[0]
              and lines[0].startswith('hotmem: ') and not p.stdout and not timing.exists()
              and (not serial_out.exists() or serial_out.stat().st_size == 0))
        tap.ok(ok, f'{" ".join(args)} -> exit 1, one line naming the problem ({dt:.2f} s)',
               diag=f'exit {p.returncode}, stderr {p.stderr!r}, stdout {p.stdout[:200]!r}')
        timing.unlink(missing_ok=True)
    p = subprocess.run([HOTMEM, '-h'], capture_output=True, text=True, timeout=30)
    tap.ok(p.returncode == 0 and '-smp' in p.stdout and '-no-reboot' in p.stdout,
           '-h prints the option table from qemu-options.hx', diag=p.stderr)
    p = subprocess.run([HOTMEM, '-version'], capture_output=True, text=True, timeout=30)
    tap.ok(p.returncode == 0 and p.stdout.startswith('hotmem version'), '-version',
           diag=p.stderr)
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    sys.exit(tap.finish())


if __name__ == '__main__':
    main()
