#!/usr/bin/env python3
"""run-scenarios.py - run the guest scenarios one after the other (inside
the rig) and summarise their TAP.

    run-scenarios.py [NAME ...]      default: every scenario in SCENARIOS

Each scenario is a script printing TAP; it passes only if it exits 0 and
prints no `not ok` line. A scenario that did not run is a failure.
"""
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

SCENARIOS = {
    'boot': ['test-boot.py', '--vmm', 'hotmem'],
    'cmdline': ['test-cmdline.py'],
    'dimm': ['test-dimm.py'],
    'hotplug': ['test-hotplug.py'],
    'install': ['test-install.py'],
    'stall': ['test-stall.py'],
    'rtc': ['test-rtc.py'],
    'ost-flood': ['test-ost-flood.py'],
    'balloon': ['test-balloon.py'],
    'kata': ['test-kata.py'],
    'migrate-engine': ['test-migrate-engine.py'],
    'migrate': ['test-migrate.py'],
    'migrate-pending': ['test-migrate-pending.py'],
    'libvirt': ['test-libvirt.py'],
    'introspect': ['test-introspect.py'],
}


def run(name, argv):
    t0 = time.monotonic()
    print(f'# scenario {name}: {" ".join(argv)}', flush=True)
    proc = subprocess.Popen([sys.executable, str(HERE / argv[0])] + argv[1:], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    bad = 0
    oks = 0
    for line in proc.stdout:
        sys.stdout.write(f'[{name}] {line}')
        sys.stdout.flush()
        if line.startswith('not ok'):
            bad += 1
        elif line.startswith('ok '):
            oks += 1
    rc = proc.wait()
    passed = rc == 0 and bad == 0 and oks > 0
    print(f'# scenario {name}: {"PASS" if passed else "FAIL"} ({oks} ok, {bad} not ok, '
          f'exit {rc}, {time.monotonic() - t0:.1f} s)', flush=True)
    return passed


def main():
    names = sys.argv[1:] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        sys.exit(f'unknown scenario(s): {", ".join(unknown)}')
    results = {n: run(n, SCENARIOS[n]) for n in names}
    failed = [n for n, ok in results.items() if not ok]
    print(f'guest scenarios: {len(results) - len(failed)}/{len(results)} passed'
          + (f'; failed: {", ".join(failed)}' if failed else ''))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
