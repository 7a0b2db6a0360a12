#!/usr/bin/env python3
"""run-checks.py - the guest layer of `make check`.

Fetches the guest (Debian kernel, busybox) on this host, then runs every
guest scenario in ONE rig session (one outer-VM boot where /dev/kvm is slow
or missing): tests/guest/run-scenarios.py inside the rig. Exit status is
nonzero if any scenario failed or could not run.
"""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def main():
    # apt-get download needs this host's network and package lists: do it
    # here, not inside the outer VM (whose root is read-only).
    subprocess.run([sys.executable, str(HERE / 'fetch-guest.py')], check=True,
                   stdout=subprocess.DEVNULL)
    rc = subprocess.call([sys.executable, str(HERE / 'rig.py'), 'run', '--',
                          sys.executable, str(HERE / 'run-scenarios.py')] + sys.argv[1:],
                         cwd=REPO)
    sys.exit(rc)


if __name__ == '__main__':
    main()
