#!/usr/bin/env python3
"""test-migrate-engine.py - the migration engine between two hotmem
processes with no guest kernel (the firmware runs, or not, at whatever
speed /dev/kvm has): it needs a /dev/kvm but no fast one, so it also runs
on the host, outside the rig.

Checks, each a TAP line: a migration over tcp to a destination started
with only -m slots/maxmem (the DIMM is created there, query-memory-devices
identical, source postmigrate, events in order), hotplug commands refused
while it runs, each layout conflict failing both sides before the source
stops (base RAM, slots, maxmem, a slot holding another DIMM) with the
conflict named, migrate_cancel midway and a destination killed midway (the
source runs on, a second migration then succeeds), fd: from getfd with
SCM_RIGHTS into a unix: destination, exec:, a snapshot (stop, migrate
file:, restore with -incoming file:), and corrupted streams (truncated,
flipped byte, wrong version, unknown section: exit 1, one line).
"""
import array
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from guestlib import QMP, GuestError, QMPError, Tap  # noqa: E402

HOTMEM = str(REPO / 'hotmem')
GiB = 1 << 30
MEM = ['-m', '512M,slots=4,maxmem=8G']


class Proc:
    def __init__(self, tmp, name, extra):
        self.sock = tmp / ('%s.sock' % name)
        self.errf = tmp / ('%s.err' % name)
        self.p = subprocess.Popen([HOTMEM, '-qmp', 'unix:%s,server=on,wait=off' % self.sock,
                                   '-serial', 'none', '-display', 'none'] + extra,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=open(self.errf, 'w'))
        self.q = QMP(self.sock, timeout=60)

    def wait(self, timeout=30):
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def err_lines(self):
        return [ln for ln in self.errf.read_text().splitlines() if ln.strip()]

    def close(self):
        if self.q:
            self.q.close()
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_migration(q, timeout=300):
    t0 = time.monotonic()
    while True:
        info = q.execute('query-migrate')
        if info.get('status') in ('completed', 'failed', 'cancelled'):
            return info
        if time.monotonic() - t0 > timeout:
            raise GuestError('migration still %s' % info.get('status'))
        time.sleep(0.05)


def add_dimm(q, dev='dimm1', mem='mem1', size=GiB, slot=None):
    q.execute('object-add', {'qom-type': 'memory-backend-ram', 'id': mem, 'size': size})
    a = {'driver': 'pc-dimm', 'id': dev, 'memdev': mem}
    if slot is not None:
        a['slot'] = slot
    q.execute('device_add', a)


def source(tmp, name='src'):
    s = Proc(tmp, name, MEM)
    add_dimm(s.q)
    return s


def sections(data):
    out, pos = [], 12
    while pos < len(data):
        nlen = data[pos + 1]
        plen = int.from_bytes(data[pos + 10 + nlen:pos + 14 + nlen], 'little')
        end = pos + 14 + nlen + plen + 4
        out.append((pos, end, data[pos]))
        pos = end
    return out


def section_bytes(kind, name, payload):
    b = bytes([kind, len(name)]) + name.encode() + (0).to_bytes(4, 'little') + \
        (1).to_bytes(4, 'little') + len(payload).to_bytes(4, 'little') + payload
    return b + zlib.crc32(b).to_bytes(4, 'little')


def main():
    tap = Tap()
    if not os.access('/dev/kvm', os.R_OK | os.W_OK):
        tap.ok(False, 'a usable /dev/kvm')
        return tap.finish()
    tmp = Path(tempfile.mkdtemp(prefix='hm-mig-'))
    procs = []

    def start(name, extra):
        p = Proc(tmp, name, extra)
        procs.append(p)
        return p

    try:
        # ---- tcp to a destination with only -m slots/maxmem
        src = start('src', MEM)
        add_dimm(src.q)
        devices = src.q.execute('query-memory-devices')
        dst = start('dst', MEM + ['-incoming', 'defer'])
        st = dst.q.execute('query-status')
        tap.ok(st['status'] == 'inmigrate', 'destination with -incoming defer: inmigrate', st)
        for q in (src.q, dst.q):
            q.execute('migrate-set-capabilities',
                      {'capabilities': [{'capability': 'events', 'state': True}]})
        port = free_port()
        dst.q.execute('migrate-incoming', {'uri': 'tcp:127.0.0.1:%d' % port})
        try:
            dst.q.execute('migrate-incoming', {'uri': 'tcp:127.0.0.1:%d' % port})
            tap.ok(False, 'a second migrate-incoming is refused')
        except QMPError as e:
            tap.ok(e.error_class == 'GenericError', 'a second migrate-incoming is refused',
                   e.desc)
        # slow enough that the commands below meet it running
        src.q.execute('migrate-set-parameters', {'max-bandwidth': 1 << 20})
        src.q.events.clear()
        src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % port})
        status = src.q.execute('query-migrate')['status']
        got = {}
        for cmd, a in (('device_add', {'driver': 'pc-dimm', 'id': 'x', 'memdev': 'mem1'}),
                       ('device_del', {'id': 'dimm1'}),
                       ('object-add', {'qom-type': 'memory-backend-ram', 'id': 'm2',
                                       'size': GiB}),
                       ('object-del', {'id': 'mem1'}),
                       ('migrate', {'uri': 'tcp:127.0.0.1:1'})):
            try:
                src.q.execute(cmd, a)
                got[cmd] = 'accepted'
            except QMPError as e:
                got[cmd] = (e.error_class, e.desc)
        after = src.q.execute('query-migrate')['status']
        tap.ok(status in ('setup', 'active') and after in ('setup', 'active'),
               'the commands met a running migration (%s, then %s)' % (status, after))
        want = {c: ('GenericError', '%s not allowed while migrating' % c)
                for c in ('device_add', 'device_del', 'object-add', 'object-del')}
        want['migrate'] = ('GenericError', "There's a migration process in progress")
        tap.ok(got == want, 'hotplug commands and a second migrate refused while migrating',
               got)
        src.q.execute('migrate-set-parameters', {'max-bandwidth': 4 * GiB})
        info = wait_migration(src.q)
        tap.ok(info['status'] == 'completed' and info['ram']['remaining'] == 0 and
               'downtime' in info and 'setup-time' in info and 'total-time' in info,
               'tcp migration completes (total %s ms, downtime %s ms, %d bytes)'
               % (info.get('total-time'), info.get('downtime'),
                  info.get('ram', {}).get('transferred', 0)), info)
        evs = [e['event'] + ':' + str(e.get('data', {}).get('status', e.get('data', {})
                                                          .get('pass', '')))
               for e in src.q.events]
        tap.ok(evs[:3] == ['MIGRATION:setup', 'MIGRATION:active', 'MIGRATION_PASS:1'] and
               'STOP:' in evs and evs[-1] == 'MIGRATION:completed',
               'source events: MIGRATION setup, active, MIGRATION_PASS, STOP, completed', evs)
        tap.ok(src.q.execute('query-status')['status'] == 'postmigrate', 'source postmigrate')
        dst.q.wait_event('RESUME', 10)
        tap.ok(dst.q.execute('query-status')['status'] == 'running' and
               dst.q.execute('query-memory-devices') == devices,
               'destination runs, its DIMM created as on the source', devices)
        hmp = src.q.execute('human-monitor-command', {'command-line': 'info migrate'})
        tap.ok('Migration status: completed' in hmp and 'downtime:' in hmp,
               'HMP info migrate', hmp)
        src.q.execute('quit')
        tap.ok(src.wait() == 0, 'the source quits with status 0')
        dst.q.execute('quit')
        dst.wait()

        # ---- conflicts: both sides fail before the source stops
        conflicts = [
            (['-m', '1G,slots=4,maxmem=8G'],
             'base RAM differs: the source has -m 512M, this machine -m 1G'),
            (['-m', '512M,slots=1,maxmem=8G'], 'slots'),
            (['-m', '512M,slots=4,maxmem=1G'], 'maxmem'),
        ]
        src = start('src2', MEM)
        add_dimm(src.q)
        for extra, want in conflicts:
            bad = start('bad', extra + ['-incoming', 'tcp:127.0.0.1:%d' % (port + 1)])
            src.q.events.clear()
            src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % (port + 1)})
            info = wait_migration(src.q)
            rc = bad.wait()
            lines = bad.err_lines()
            stopped = [e for e in src.q.events if e['event'] == 'STOP']
            tap.ok(info['status'] == 'failed' and want in info.get('error-desc', '') and
                   not stopped and src.q.execute('query-status')['status'] == 'running' and
                   rc == 1 and len(lines) == 1 and want in lines[0],
                   'conflict %s: source failed (%s), never stopped; destination exit 1, '
                   'one line' % (' '.join(extra), info.get('error-desc')), (rc, lines))
            bad.close()
        # a slot holding another DIMM (QEMU-style destination with other ids)
        bad = start('bad', MEM + ['-incoming', 'defer'])
        add_dimm(bad.q, dev='other', mem='memx', size=GiB)
        bad.q.execute('migrate-incoming', {'uri': 'tcp:127.0.0.1:%d' % (port + 2)})
        src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % (port + 2)})
        info = wait_migration(src.q)
        rc = bad.wait()
        tap.ok(info['status'] == 'failed' and 'slot 0' in info.get('error-desc', '') and
               rc == 1, 'conflict: slot 0 holds another DIMM on the destination (%s)'
               % info.get('error-desc'), bad.err_lines())
        bad.close()

        # ---- cancel midway, then a destination killed midway
        dst = start('dst2', MEM + ['-incoming', 'tcp:127.0.0.1:%d' % (port + 3)])
        src.q.execute('migrate-set-parameters', {'max-bandwidth': 1 << 20})
        src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % (port + 3)})
        time.sleep(0.5)
        mid = src.q.execute('query-migrate')['status']
        src.q.execute('migrate_cancel')
        info = wait_migration(src.q)
        rc = dst.wait()
        tap.ok(mid == 'active' and info['status'] == 'cancelled' and
               src.q.execute('query-status')['status'] == 'running' and rc == 1,
               'migrate_cancel midway: cancelled, the source runs, the destination exits 1',
               (mid, info, dst.err_lines()))
        dst.close()
        # a reset midway cancels the migration first (the VM is recreated)
        dst = start('dst5', MEM + ['-incoming', 'tcp:127.0.0.1:%d' % (port + 5)])
        src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % (port + 5)})
        time.sleep(0.5)
        mid = src.q.execute('query-migrate')['status']
        src.q.execute('system_reset')
        src.q.wait_event('RESET', 30)
        info = wait_migration(src.q)
        rc = dst.wait()
        tap.ok(mid == 'active' and info['status'] == 'cancelled' and rc == 1 and
               src.q.execute('query-status')['status'] == 'running' and
               src.q.execute('query-memory-devices') == devices,
               'system_reset midway: the migration is cancelled first, the source runs on '
               'with its DIMM', (mid, info))
        dst.close()
        dst = start('dst3', MEM + ['-incoming', 'tcp:127.0.0.1:%d' % (port + 4)])
        src.q.execute('migrate', {'uri': 'tcp:127.0.0.1:%d' % (port + 4)})
        time.sleep(0.5)
        dst.p.kill()
        info = wait_migration(src.q)
        tap.ok(info['status'] == 'failed' and
               src.q.execute('query-status')['status'] == 'running',
               'destination killed midway: failed (%s), the source runs'
               % info.get('error-desc'), info)
        dst.close()
        nfd = len(os.listdir('/proc/%d/fd' % src.p.pid))

        # ---- fd: from getfd (SCM_RIGHTS) into a unix: destination
        src.q.execute('migrate-set-parameters', {'max-bandwidth': 4 * GiB})
        mig_sock = tmp / 'mig.sock'
        dst = start('dst4', MEM + ['-incoming', 'unix:%s' % mig_sock])
        c = socket.socket(socket.AF_UNIX)
        c.connect(str(mig_sock))
        try:
            src.q.execute('getfd', {'fdname': 'migrate'})
            tap.ok(False, 'getfd without a descriptor is refused')
        except QMPError as e:
            tap.ok(e.desc == 'No file descriptor supplied via SCM_RIGHTS',
                   'getfd without a descriptor: %s' % e.desc)
        msg = json.dumps({'execute': 'getfd', 'arguments': {'fdname': 'migrate'}}).encode()
        src.q.sock.sendmsg([msg], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                    array.array('i', [c.fileno()]))])
        reply = src.q._recv(10)
        c.close()
        src.q.execute('migrate', {'uri': 'fd:migrate'})
        info = wait_migration(src.q)
        tap.ok(reply == {'return': {}} and info['status'] == 'completed',
               'getfd with SCM_RIGHTS, then migrate fd:migrate completes', info)
        tap.ok(nfd - 1 <= len(os.listdir('/proc/%d/fd' % src.p.pid)) <= nfd,
               'no descriptor leaked by the failed and cancelled migrations (%d)' % nfd)
        dst.q.execute('quit')
        dst.wait()
        src.q.execute('quit')
        src.wait()

        # ---- exec: and a snapshot through file:
        src = start('src3', MEM)
        add_dimm(src.q)
        snap = tmp / 'snap'
        src.q.execute('migrate', {'uri': 'exec:cat > %s' % snap})
        info = wait_migration(src.q)
        tap.ok(info['status'] == 'completed' and snap.stat().st_size > 0,
               'exec:cat > FILE completes (%d bytes)' % snap.stat().st_size, info)
        src.q.execute('quit')
        src.wait()
        src = start('src4', MEM)
        add_dimm(src.q)
        src.q.execute('stop')
        src.q.execute('migrate', {'uri': 'file:%s' % snap})
        info = wait_migration(src.q)
        st = src.q.execute('query-status')['status']
        tap.ok(info['status'] == 'completed' and st == 'paused',
               'stop + migrate file: completes; the VM stays paused', (info, st))
        src.q.execute('cont')
        tap.ok(src.q.execute('query-status')['status'] == 'running', 'cont runs it on')
        src.q.execute('quit')
        src.wait()
        rst = start('rst', MEM + ['-incoming', 'exec:cat %s' % snap])
        info = wait_migration(rst.q)
        st = rst.q.execute('query-status')['status']
        tap.ok(info['status'] == 'completed' and st == 'paused' and
               rst.q.execute('query-memory-devices') == devices,
               'restore with -incoming exec:cat FILE: paused as saved, DIMM there', (info, st))
        rst.q.execute('cont')
        tap.ok(rst.q.execute('query-status')['status'] == 'running', 'cont runs it')
        rst.q.execute('quit')
        rst.wait()

        # ---- corrupted streams
        data = snap.read_bytes()
        secs = sections(data)
        ram = next(x for x in secs if x[2] == 2)
        flipped = bytearray(data)
        flipped[(ram[0] + ram[1]) // 2] ^= 0x10
        version = bytearray(data)
        version[8:12] = (7).to_bytes(4, 'little')
        # after the layout and the device list, among the device sections
        unknown = data[:secs[1][1]] + section_bytes(3, 'bogus', b'\0' * 8) + data[secs[1][1]:]
        for name, blob, want in (
                ('truncated', data[:len(data) // 2], 'ends early'),
                ('flipped byte', bytes(flipped), 'checksum'),
                ('wrong version', bytes(version), 'version 7 is not supported'),
                ('unknown section', unknown, "unknown device section 'bogus'"),
                ('not a stream', b'hello world, this is no stream', 'not a hotmem')):
            bad = tmp / 'bad'
            bad.write_bytes(blob)
            p = subprocess.run([HOTMEM] + MEM + ['-display', 'none', '-serial', 'none',
                                                 '-incoming', 'file:%s' % bad],
                               capture_output=True, text=True, timeout=120)
            lines = p.stderr.strip().splitlines()
            tap.ok(p.returncode == 1 and len(lines) == 1 and want in lines[0],
                   '%s stream: exit 1, one line: %s' % (name, lines[0] if lines else '-'),
                   (p.returncode, lines))
    finally:
        for p in procs:
            p.close()
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
