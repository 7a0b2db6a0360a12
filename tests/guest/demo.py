#!/usr/bin/env python3
"""demo.py - `make demo`: boot the default guest (Debian's kernel and a
busybox initramfs) under hotmem with 2 vCPUs and 512 MiB, print what the
guest reports (CPU count, MemTotal), then do hotmem's main job: plug a
1 GiB DIMM over QMP, watch the guest's MemTotal grow, unplug it, watch it
shrink, and power the guest off.

Runs the guest through the rig (directly on a fast /dev/kvm, else in the
nested outer VM); `demo.py --inside` is the part that runs there.
"""
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

GUEST_BODY = r"""
cmd_facts() {
    hm cpus "$(grep -c '^processor' /proc/cpuinfo)"
    hm kernel "$(uname -r)"
    cmd_mem
}
cmd_mem() { hm memtotal "$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)"; }
"""

DIMM_KB = 1024 * 1024


def guest_memtotal(vm):
    return int([m for m in vm.command('mem') if m.key == 'memtotal'][-1].value)


def wait_memtotal(vm, want_kb, timeout=60):
    """Polls the guest until MemTotal is want_kb; returns (kB, seconds)."""
    t0 = time.monotonic()
    while True:
        kb = guest_memtotal(vm)
        if kb == want_kb or time.monotonic() - t0 > timeout:
            return kb, time.monotonic() - t0
        time.sleep(0.2)


def inside():
    import guestlib
    files = guestlib.guest_files()
    initrd = guestlib.build_initramfs(guestlib.init_script(GUEST_BODY), name='demo')
    sockdir = tempfile.mkdtemp(prefix='hm-demo-')        # tmpfs: sockets work there
    qmp_path = Path(sockdir) / 'qmp.sock'
    argv = [REPO / 'hotmem', '-m', '512M', '-smp', '2',
            '-kernel', files['HOTMEM_GUEST_KERNEL'], '-initrd', initrd,
            '-append', 'console=ttyS0 quiet pci=noearly memhp_default_state=online_movable',
            '-dimm', 'id=d0,size=1G,populated=off',
            '-qmp', f'unix:{qmp_path},server=on,wait=off', '-nographic']
    print('demo: ' + ' '.join(str(a) for a in argv), flush=True)
    t0 = time.monotonic()
    ok = True
    try:
        with guestlib.Vmm(argv) as vm:
            init = vm.wait_marker('init', timeout=180)
            facts = {m.key: m.value for m in vm.command('facts')}
            print(f'demo: guest kernel {facts["kernel"]} reached init after {init.t:.1f} s')
            print(f'demo: guest CPUs: {facts["cpus"]}')
            base = int(facts['memtotal'])
            print(f'demo: guest MemTotal: {base} kB', flush=True)
            with guestlib.QMP(qmp_path) as q:
                q.execute('device_add', {'driver': 'dimm', 'id': 'd0'})
                kb, took = wait_memtotal(vm, base + DIMM_KB)
                ok &= kb == base + DIMM_KB
                print(f'demo: device_add dimm d0 (1 GiB): guest MemTotal {kb} kB '
                      f'after {took:.1f} s', flush=True)
                t = time.monotonic()
                q.execute('device_del', {'id': 'd0'})
                q.wait_event('DEVICE_DELETED', timeout=60)
                took = time.monotonic() - t
                kb = guest_memtotal(vm)
                ok &= kb == base
                print(f'demo: device_del d0: DEVICE_DELETED after {took:.2f} s, '
                      f'guest MemTotal {kb} kB', flush=True)
            vm.send('poweroff\n')
            status = vm.wait_exit(timeout=30)
    except guestlib.GuestError as e:
        print(f'demo: failed: {e}', file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(sockdir, ignore_errors=True)
    print(f'demo: guest powered off; hotmem exited with status {status} '
          f'after {time.monotonic() - t0:.1f} s')
    return 0 if status == 0 and ok else 1


def main():
    if sys.argv[1:] == ['--inside']:
        sys.exit(inside())
    subprocess.run([sys.executable, str(HERE / 'fetch-guest.py')], check=True,
                   stdout=subprocess.DEVNULL)
    sys.exit(subprocess.call([sys.executable, str(HERE / 'rig.py'), 'run', '--',
                              sys.executable, str(HERE / 'demo.py'), '--inside'], cwd=REPO))


if __name__ == '__main__':
    main()
