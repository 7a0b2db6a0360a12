#!/usr/bin/env python3
"""test-cmdline.py - bad command lines: hotmem exits with status 1 and one
line on stderr naming the problem, before any VM exists (no guest output,
no timing report, and fast), and leaves nothing behind.

Good command lines (-h, -version) exit 0. Output is TAP.
"""
import os
import shutil
import signal
import socket
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


def readonly_dir(tmp):
    """A directory where nobody, root included, can create a file: a
    read-only tmpfs mounted for the test; without the right to mount, a
    0555 directory (not root) or a read-only mount already there. Returns
    (path or None, cleanup)."""
    d = tmp / 'ro'
    d.mkdir()
    p = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'ro,size=64k', 'hm-cmdline-ro', str(d)],
                       capture_output=True, text=True)
    if p.returncode == 0 and not os.access(d, os.W_OK):
        return str(d), lambda: subprocess.run(['umount', str(d)], capture_output=True)
    if os.geteuid() != 0:
        d.chmod(0o555)
        return str(d), lambda: d.chmod(0o755)
    with open('/proc/mounts') as f:
        for line in f:
            fields = line.split()
            if 'ro' in fields[3].split(',') and os.path.isdir(fields[1]) and \
                    not os.access(fields[1], os.W_OK):
                return fields[1], lambda: None
    return None, lambda: None


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
        # DIMM slots
        (['-dimm', 'id=a,size=100M'], '-dimm: size 100M is not a multiple of 128 MiB'),
        (['-dimm', 'id=a,size=0'], '-dimm: size 0: a DIMM cannot be empty'),
        (['-dimm', 'id=a,size=1G', '-dimm', 'id=a,size=1G'], "-dimm: duplicate id 'a'"),
        (['-dimm', 'size=1G'], '-dimm: missing id='),
        (['-smp', '2', '-numa', 'node,nodeid=0', '-dimm', 'id=a,size=1G,node=1'],
         '-dimm a: node=1 has no matching -numa node'),
        (['-m', '512M,slots=250,maxmem=300G'] +
         [a for i in range(7) for a in ('-dimm', f'id=d{i},size=1G')],
         'slots=250 plus 7 -dimm slots is more than 256 slots',
         '-m 512M,slots=250,maxmem=300G + 7 x -dimm (257 slots)'),
        ([a for i in range(257) for a in ('-dimm', f'id=d{i},size=128M')],
         '-dimm d256: more than 256 DIMM slots', '257 x -dimm'),
        (['-m', '512M,slots=257,maxmem=8G'], "-m: invalid slots '257' (0 to 256)"),
        (['-m', '512M,maxmem=1G', '-dimm', 'id=a,size=1G'],
         '-dimm: RAM 512M plus DIMMs 1G is beyond -m maxmem=1G'),
        (['-dimm', 'id=a,size=2T'], '-dimm: size 2T is above the limit 1T'),
        # any maxmem is accepted (the hotplug region stops below the guest's
        # address width), but a DIMM placed beyond that width is refused:
        # 2^52 - 16 GiB is inside maxmem=4096T and past every x86 CPU's limit
        (['-m', '512M,slots=1,maxmem=4096T', '-object', 'memory-backend-ram,id=m0,size=1G',
          '-device', 'pc-dimm,id=d0,memdev=m0,addr=0xffffc00000000'],
         "-device pc-dimm,id=d0: DIMM 'd0': [0xffffc00000000, 0xffffc40000000) is beyond "
         "the guest's "),
        (['-dimm', 'id=a,size=1G,color=red'], "-dimm: unknown parameter 'color'"),
        (['-dimm', 'id=a,size=1G,populated=maybe'],
         "-dimm: populated must be 'on' or 'off', not 'maybe'"),
        (['-smp', '2', '-numa', 'node,nodeid=0,cpus=0-2'],
         '-numa: node 0: cpus 2 out of range'),
        # -sandbox
        (['-sandbox', 'on,colour=red'], "-sandbox: unknown parameter 'colour'"),
        (['-sandbox', 'on,spawn=maybe'], "-sandbox: Parameter 'spawn' does not accept value 'maybe'"),
        (['-sandbox', 'maybe'], "-sandbox: enable must be 'on' or 'off', not 'maybe'"),
        # what QEMU's management tools pass, beyond what hotmem has
        (['-machine', 'q35'], "-machine: machine type 'q35' is not supported"),
        (['-machine', 'pc,usb=on'], '-machine: usb=on is not supported'),
        (['-accel', 'tcg'], "-accel: accelerator 'tcg' is not supported (only kvm)"),
        (['-cpu', 'Skylake-Server'], "-cpu: model 'Skylake-Server' is not supported"),
        (['-uuid', 'not-a-uuid'], "-uuid: 'not-a-uuid' is not a UUID"),
        (['-smp', '2,dies=2'], '-smp: dies=2 is not supported'),
        (['-smp', '2,maxcpus=4'], '-smp: maxcpus=4: CPUs cannot be hot-plugged'),
        (['-rtc', 'base=2006-06-17'], "-rtc: base '2006-06-17' is not supported"),
        (['-overcommit', 'cpu-pm=on'], '-overcommit: cpu-pm=on is not supported'),
        # the stdio serial port given last (each case starts with -serial file:);
        # a pidfile so that a daemon this case should not start is stopped
        (['-serial', 'stdio', '-daemonize', '-pidfile', '@PIDFILE@'],
         '-daemonize: the serial port is on stdio', '-serial stdio -daemonize'),
        (['-name', 'guest=a,colour=red'], "-name: unknown parameter 'colour'"),
        # -chardev and -mon, as libvirt connects its monitor
        (['-chardev', 'pty,id=charserial0'],
         "-chardev: 'pty' is not a valid char driver name"),
        (['-chardev', 'socket,id=m,path=/tmp/hm-x.sock,server=on,wait=on', '-mon', 'm'],
         '-chardev m: only server=on,wait=off is supported'),
        (['-chardev', 'socket,id=m,path=/tmp/hm-x.sock,server=on,wait=off'],
         '-chardev m: not used by any -mon'),
        (['-mon', 'chardev=charmonitor,id=monitor,mode=control'],
         '-mon: chardev "charmonitor" not found'),
        (['-chardev', 'socket,id=m,fd=@UNLISTENED_FD@,server=on,wait=off', '-mon', 'm'],
         'is not a listening socket', '-chardev socket,fd=N (bound, not listening) -mon'),
        (['-chardev', 'socket,id=m,fd=200,server=on,wait=off', '-mon', 'm'],
         '-chardev m: fd 200 is not open'),
        # -device pc-dimm (cold plug)
        (['-device', 'pc-dimm,id=d0'], "-device pc-dimm,id=d0: 'memdev' property must be set"),
        (['-m', '512M,slots=1,maxmem=2G', '-device', 'pc-dimm,id=d0,memdev=nope'],
         "-device pc-dimm,id=d0: Device 'nope' not found"),
        (['-m', '512M,slots=1,maxmem=2G', '-object', 'memory-backend-ram,id=m0,size=1G',
          '-device', '{"driver":"pc-dimm","id":"d0","memdev":"m0","colour":"red"}'],
         "Property 'pc-dimm.colour' not found"),
        # memory backends: properties, mem-path, size, one user each
        (['-object', 'memory-backend-ram,id=m0,size=1G,colour=red'],
         "-object: unknown parameter 'colour'"),
        (['-object', 'memory-backend-memfd,id=m0,size=1G,colour=red'],
         "-object: unknown parameter 'colour'"),
        (['-object', '{"qom-type":"memory-backend-file","id":"m0","size":1073741824,'
          '"mem-path":"@TMP@","colour":"red"}'], "-object: Parameter 'colour' is unexpected",
         '-object {JSON memory-backend-file with "colour"}'),
        (['-object', 'memory-backend-file,id=m0,size=1G'], '-object: missing mem-path='),
        (['-object', 'memory-backend-file,id=m0,size=128M,mem-path=@TMP@/missing/dir'],
         "mem-path @TMP@/missing/dir: No such file or directory",
         '-object memory-backend-file,mem-path=(a directory that does not exist)'),
        (['-object', 'memory-backend-file,id=m0,size=128M,mem-path=@RODIR@'],
         "mem-path @RODIR@: cannot create a file there",
         '-object memory-backend-file,mem-path=(a directory on a read-only mount)'),
        (['-object', 'memory-backend-file,id=m0,size=128M,mem-path=@RODIR@/ram'],
         "mem-path @RODIR@/ram: ",
         '-object memory-backend-file,mem-path=(a new file on a read-only mount)'),
        (['-object', 'memory-backend-file,id=m0,size=128M,mem-path=@TMP@/junk.bin/sub'],
         "mem-path @TMP@/junk.bin/sub: Not a directory",
         '-object memory-backend-file,mem-path=(a file where a directory is needed)'),
        (['-object', 'memory-backend-ram,id=m0,size=1000001'],
         "memory-backend-ram 'm0': size 1000001 is not a multiple of the page size 4096"),
        (['-object', 'memory-backend-memfd,id=m0,size=1000001'],
         "memory-backend-memfd 'm0': size 1000001 is not a multiple of the page size 4096"),
        (['-object', 'memory-backend-file,id=m0,size=1000001,mem-path=@TMP@'],
         "memory-backend-file 'm0': size 1000001 is not a multiple of the page size 4096",
         '-object memory-backend-file,size=1000001'),
        (['-m', '512M,slots=2,maxmem=4G', '-object', 'memory-backend-ram,id=m0,size=1G',
          '-device', 'pc-dimm,id=d0,memdev=m0', '-device', 'pc-dimm,id=d1,memdev=m0'],
         "-device pc-dimm,id=d1: pc-dimm 'd1': memdev 'm0' is already in use by DIMM 'd0'",
         'two -device pc-dimm on one memdev'),
        (['-m', '512M,slots=2,maxmem=4G', '-object', 'memory-backend-ram,id=m0,size=512M',
          '-numa', 'node,memdev=m0', '-device', 'pc-dimm,id=d1,memdev=m0'],
         "-device pc-dimm,id=d1: pc-dimm 'd1': memdev 'm0' is already in use by NUMA node "
         "'node0'", '-numa node,memdev=m0 and -device pc-dimm,memdev=m0'),
        (['-smp', '2', '-object', 'memory-backend-ram,id=m0,size=256M',
          '-numa', 'node,nodeid=0,cpus=0,memdev=m0', '-numa', 'node,nodeid=1,cpus=1,memdev=m0'],
         "-numa node 1: memdev 'm0' is already in use by NUMA node 'node0'",
         'two -numa node on one memdev'),
        (['-object', 'memory-backend-ram,id=pc.ram,size=512M'],
         "-object: id 'pc.ram' is taken by hotmem's own base RAM"),
        (['-dimm', 'id=a,size=128M', '-object', 'memory-backend-ram,id=dimm-a,size=128M'],
         "-object: id 'dimm-a' is taken by hotmem's own backend of that -dimm slot"),
        # -chardev socket,fd= that is not a listening unix socket
        (['-chardev', 'socket,id=m,fd=@FILE_FD@,server=on,wait=off', '-mon', 'm'],
         'is not a unix socket', '-chardev socket,fd=N (a regular file) -mon'),
        (['-chardev', 'socket,id=m,fd=@PAIR_FD@,server=on,wait=off', '-mon', 'm'],
         'is not a listening socket', '-chardev socket,fd=N (a connected socketpair) -mon'),
        (['-chardev', 'socket,id=m,fd=@TCP_FD@,server=on,wait=off', '-mon', 'm'],
         'is not a unix socket', '-chardev socket,fd=N (a listening TCP socket) -mon'),
        # -sandbox groups and what they forbid
        (['-sandbox', 'on,frobnicate=deny'], "-sandbox: unknown parameter 'frobnicate'"),
        (['-sandbox', 'on,elevateprivileges=maybe'],
         "-sandbox: Parameter 'elevateprivileges' does not accept value 'maybe'"),
        (['-sandbox', 'on,spawn=children'], '-sandbox: spawn takes allow or deny, not children'),
        (['-incoming', 'exec:cat', '-sandbox', 'on,spawn=deny'],
         '-incoming exec: starts a process, which -sandbox spawn=deny forbids'),
    ]
    # a unix socket bound but never listen()ed: what -chardev fd= must refuse;
    # and a regular file, a connected pair, a TCP listener
    unlistened = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    unlistened.bind(str(tmp / 'unlistened.sock'))
    plain = open(junk, 'rb')
    pair = socket.socketpair()
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.bind(('127.0.0.1', 0))
    tcp.listen(1)
    fdmap = {'@UNLISTENED_FD@': unlistened.fileno(), '@FILE_FD@': plain.fileno(),
             '@PAIR_FD@': pair[0].fileno(), '@TCP_FD@': tcp.fileno()}
    rodir, ro_cleanup = readonly_dir(tmp)
    tap.diag('read-only directory: %s' % rodir)
    try:
        env = dict(os.environ, HOTMEM_TIMING=str(timing))
        for case in cases:
            args, expect = case[:2]
            label = case[2] if len(case) > 2 else ' '.join(args)
            pidfile = tmp / 'daemon.pid'
            args = [str(pidfile) if a == '@PIDFILE@' else a for a in args]
            fds = [fd for key, fd in fdmap.items() if any(key in a for a in args)]
            for key, fd in fdmap.items():
                args = [a.replace(key, str(fd)) for a in args]
            subst = {'@TMP@': str(tmp), '@RODIR@': rodir or '/nonexistent-read-only-dir'}
            for key, val in subst.items():
                args = [a.replace(key, val) for a in args]
                expect = expect.replace(key, val)
            if '@RODIR@' in ' '.join(case[0]) and not rodir:
                tap.ok(False, f'{label}: no read-only directory to test with')
                continue
            argv = [HOTMEM, '-serial', f'file:{serial_out}'] + args
            t0 = time.monotonic()
            try:
                p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30,
                                   pass_fds=fds)
            except subprocess.TimeoutExpired as e:  # it started a VM: run() killed it
                tap.ok(False, f'{label} -> exit 1, one line naming the problem',
                       diag=f'still running after 30 s (a VM started), stderr {e.stderr!r}')
                timing.unlink(missing_ok=True)
                serial_out.unlink(missing_ok=True)
                continue
            dt = time.monotonic() - t0
            lines = p.stderr.splitlines()
            ok = (p.returncode == 1 and len(lines) == 1 and expect in lines[0]
                  and lines[0].startswith('hotmem: ') and not p.stdout and not timing.exists()
                  and (not serial_out.exists() or serial_out.stat().st_size == 0))
            tap.ok(ok, f'{label} -> exit 1, one line naming the problem ({dt:.2f} s)',
                   diag=f'exit {p.returncode}, stderr {p.stderr!r}, stdout {p.stdout[:200]!r}')
            timing.unlink(missing_ok=True)
            if pidfile.exists():                # a daemon that should not exist
                tap.diag(f'stopping the daemon of {label!r}')
                try:
                    os.kill(int(pidfile.read_text().strip()), signal.SIGKILL)
                except (ValueError, ProcessLookupError):
                    pass
                pidfile.unlink(missing_ok=True)
            serial_out.unlink(missing_ok=True)
        p = subprocess.run([HOTMEM, '-h'], capture_output=True, text=True, timeout=30)
        tap.ok(p.returncode == 0 and '-smp' in p.stdout and '-no-reboot' in p.stdout,
               '-h prints the option table from qemu-options.hx', diag=p.stderr)
        p = subprocess.run([HOTMEM, '-version'], capture_output=True, text=True, timeout=30)
        tap.ok(p.returncode == 0 and p.stdout.startswith('hotmem version'), '-version',
               diag=p.stderr)
    finally:
        unlistened.close()
        plain.close()
        pair[0].close()
        pair[1].close()
        tcp.close()
        ro_cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(tap.finish())


if __name__ == '__main__':
    main()
