#!/usr/bin/env python3
"""demo.py - `make demo`: boot the default guest (Debian's kernel and a
busybox initramfs) under hotmem with 2 vCPUs and 512 MiB, print what the
guest reports (CPU count, MemTotal) and power it off.

Runs the guest through the rig (directly on a fast /dev/kvm, else in the
nested outer VM); `demo.py --inside` is the part that runs there.
"""
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

GUEST_BODY = r"""
hm cpus "$(grep -c '^processor' /proc/cpuinfo)"
hm memtotal "$(awk '/^MemTotal:/ { print $2, $3 }' /proc/meminfo)"
hm kernel "$(uname -r)"
sync
poweroff -f
"""


def inside():
    import guestlib
    files = guestlib.guest_files()
    initrd = guestlib.build_initramfs(guestlib.init_script(GUEST_BODY, serve=False),
                                      name='demo')
    argv = [REPO / 'hotmem', '-m', '512M', '-smp', '2',
            '-kernel', files['HOTMEM_GUEST_KERNEL'], '-initrd', initrd,
            '-append', 'console=ttyS0 quiet pci=noearly', '-nographic']
    print('demo: ' + ' '.join(str(a) for a in argv), flush=True)
    t0 = time.monotonic()
    with guestlib.Vmm(argv) as vm:
        init = vm.wait_marker('init', timeout=180)
        cpus = vm.wait_marker('cpus', timeout=30).value
        mem = vm.wait_marker('memtotal', timeout=30).value
        kernel = vm.wait_marker('kernel', timeout=30).value
        status = vm.wait_exit(timeout=30)
    print(f'demo: guest kernel {kernel} reached init after {init.t:.1f} s')
    print(f'demo: guest CPUs: {cpus}')
    print(f'demo: guest MemTotal: {mem}')
    print(f'demo: guest powered off; hotmem exited with status {status} '
          f'after {time.monotonic() - t0:.1f} s')
    return 0 if status == 0 else 1


def main():
    if sys.argv[1:] == ['--inside']:
        sys.exit(inside())
    subprocess.run([sys.executable, str(HERE / 'fetch-guest.py')], check=True,
                   stdout=subprocess.DEVNULL)
    sys.exit(subprocess.call([sys.executable, str(HERE / 'rig.py'), 'run', '--',
                              sys.executable, str(HERE / 'demo.py'), '--inside'], cwd=REPO))


if __name__ == '__main__':
    main()
