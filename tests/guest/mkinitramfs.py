#!/usr/bin/env python3
"""Build a gzip'ed newc cpio initramfs around a static busybox, without root.

    mkinitramfs.py --init INIT [--busybox BB] [--add HOST:GUEST]... -o OUT

The archive holds /bin/busybox with a symlink for each of its applets, the
directories /dev /dev/pts /dev/shm /proc /sys /tmp /run /mnt, the device nodes
/dev/console and /dev/null (so init has a console before devtmpfs is
mounted), INIT as /init (mode 0755), and every --add file (a directory is
added recursively).  Output is deterministic: same inputs, same bytes.
"""

import argparse
import gzip
import os
import stat
import subprocess
import sys
from pathlib import Path, PurePosixPath

BASE_DIRS = ["bin", "sbin", "usr", "usr/bin", "usr/sbin", "dev", "dev/pts",
             "dev/shm", "proc", "sys", "tmp", "run", "mnt", "root", "etc"]


class CpioWriter:
    """newc ("070701") archive writer."""

    def __init__(self, out):
        self.out = out
        self.ino = 1
        self.seen = set()

    def _entry(self, name, mode, data=b"", rdev=(0, 0)):
        name_b = name.encode() + b"\0"
        fields = [self.ino, mode, 0, 0, 2 if stat.S_ISDIR(mode) else 1, 0,
                  len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
        self.ino += 1
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.out.write(hdr + name_b)
        self.out.write(b"\0" * (-(len(hdr) + len(name_b)) % 4))
        self.out.write(data)
        self.out.write(b"\0" * (-len(data) % 4))

    def _parents(self, name):
        parts = PurePosixPath(name).parts
        for i in range(1, len(parts)):
            self.dir("/".join(parts[:i]))

    def _claim(self, name):
        name = str(PurePosixPath("/" + name)).lstrip("/")
        if not name:
            raise ValueError("empty path in archive")
        self._parents(name)
        if name in self.seen:
            raise ValueError("duplicate path in archive: /" + name)
        self.seen.add(name)
        return name

    def dir(self, name, perm=0o755):
        name = str(PurePosixPath("/" + name)).lstrip("/")
        if name in self.seen:
            return
        self._parents(name)
        self.seen.add(name)
        self._entry(name, stat.S_IFDIR | perm)

    def file(self, name, data, perm=0o644):
        self._entry(self._claim(name), stat.S_IFREG | perm, data)

    def symlink(self, name, target):
        self._entry(self._claim(name), stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, perm=0o600):
        self._entry(self._claim(name), stat.S_IFCHR | perm, rdev=(major, minor))

    def trailer(self):
        self._entry("TRAILER!!!", 0)


def busybox_applets(busybox):
    """Install paths of busybox's applets (bin/ls, sbin/init, ...)."""
    out = subprocess.run([str(busybox), "--list-full"], check=True,
                         capture_output=True, text=True).stdout
    return [p.strip().lstrip("/") for p in out.split() if p.strip()]


def add_host_path(cw, host, guest):
    host = Path(host)
    st = host.stat()
    if stat.S_ISDIR(st.st_mode):
        cw.dir(guest, stat.S_IMODE(st.st_mode))
        for child in sorted(host.iterdir()):
            add_host_path(cw, child, str(PurePosixPath(guest) / child.name))
    else:
        cw.file(guest, host.read_bytes(), stat.S_IMODE(st.st_mode))


def build(out, init, busybox, adds=(), level=6):
    """Write the initramfs to `out` (atomically).

    init: the script as str/bytes, or a Path to read it from.  adds:
    (host_path_or_bytes, guest_path) pairs; bytes become a 0755 file."""
    out = Path(out)
    if isinstance(init, Path):
        init_data = init.read_bytes()
    else:
        init_data = init.encode() if isinstance(init, str) else init
    tmp = out.with_name(".%s.%d.tmp" % (out.name, os.getpid()))
    try:
        with open(tmp, "wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=level,
                              mtime=0, filename="") as gz:
            cw = CpioWriter(gz)
            for d in BASE_DIRS:
                cw.dir(d)
            cw.dir("tmp", 0o1777)
            cw.chardev("dev/console", 5, 1)
            cw.chardev("dev/null", 1, 3, 0o666)
            cw.file("bin/busybox", Path(busybox).read_bytes(), 0o755)
            for applet in busybox_applets(busybox):
                # The list names busybox itself: keep the binary.
                if applet == "bin/busybox" or applet in cw.seen:
                    continue
                cw.symlink(applet, "/bin/busybox")
            cw.file("init", init_data, 0o755)
            for src, guest in adds:
                if isinstance(src, bytes):
                    cw.file(guest, src, 0o755)
                else:
                    add_host_path(cw, src, guest)
            cw.trailer()
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out


def default_busybox():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    cached = Path(base) / "hotmem" / "guest" / "busybox"
    return cached if cached.exists() else Path("/bin/busybox")


def parse_add(spec):
    host, sep, guest = spec.rpartition(":")
    if not sep or not host or not guest:
        raise argparse.ArgumentTypeError("--add wants HOST_PATH:GUEST_PATH")
    if not os.path.exists(host):
        raise argparse.ArgumentTypeError("--add: %s does not exist" % host)
    return host, guest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--init", required=True, help="file to install as /init")
    ap.add_argument("--busybox", default=None,
                    help="static busybox (default: the hotmem cache's, "
                         "else /bin/busybox)")
    ap.add_argument("--add", action="append", type=parse_add, default=[],
                    metavar="HOST:GUEST", help="extra file or directory")
    ap.add_argument("--level", type=int, default=6, help="gzip level")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    bb = Path(args.busybox) if args.busybox else default_busybox()
    if not Path(args.init).is_file():
        ap.error("--init %s is not a file" % args.init)
    build(args.output, Path(args.init), bb, args.add, args.level)
    print(args.output)


if __name__ == "__main__":
    sys.exit(main())
