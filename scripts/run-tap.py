#!/usr/bin/env python3
"""run-tap.py - run GTest binaries with --tap and fail unless every test passed.

A skipped test is reported and counts as a failure: nothing here may pass
by not running.
"""
import re
import subprocess
import sys


def run(binary):
    proc = subprocess.run([binary, '--tap'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    planned = None
    passed = failed = skipped = 0
    for line in proc.stdout.splitlines():
        m = re.match(r'^1\.\.(\d+)', line)
        if m:
            planned = int(m.group(1))
        elif line.startswith('ok '):
            if '# SKIP' in line:
                skipped += 1
            else:
                passed += 1
        elif line.startswith('not ok '):
            failed += 1
        if line.startswith(('ok ', 'not ok ', 'Bail out')) or 'SKIP' in line or failed:
            print(f'  {binary}: {line}')
    total = passed + failed + skipped
    ok = (proc.returncode == 0 and failed == 0 and skipped == 0 and planned is not None
          and planned == total and total > 0)
    if not ok:
        print(proc.stdout)
        print(f'FAIL {binary}: exit {proc.returncode}, plan {planned}, '
              f'{passed} passed, {failed} failed, {skipped} skipped')
    return ok, passed


def main():
    results = [run(b) for b in sys.argv[1:]]
    total = sum(p for _, p in results)
    bad = sum(1 for ok, _ in results if not ok)
    print(f'unit tests: {len(results)} binaries, {total} tests passed, {bad} binaries failed')
    sys.exit(1 if bad or not results else 0)


if __name__ == '__main__':
    main()
