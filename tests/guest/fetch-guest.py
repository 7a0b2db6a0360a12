#!/usr/bin/env python3
"""Fetch the guest kernel, its modules and a static busybox into the hotmem cache.

Everything comes from Debian's own packages (``linux-image-amd64`` and
``busybox-static``), downloaded with ``apt-get download`` and unpacked with
``dpkg-deb``.  The result lives in ``${XDG_CACHE_HOME:-$HOME/.cache}/hotmem/guest``:

    vmlinuz            the kernel
    busybox            the static busybox binary
    modules/           the kernel modules the rig and the tests load, plus
    modules/index.json name -> {path, depends} for every kept module
    stamp              what was fetched; while it is present nothing is downloaded

On success the paths are printed as shell assignments, so that
``eval "$(tests/guest/fetch-guest.py)"`` sets HOTMEM_GUEST_KERNEL and friends.
"""

import argparse
import fcntl
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# Modules kept from the kernel package (their dependencies are added).  The
# rig needs kvm + 9p; guest scenarios may want the virtio devices.
WANTED_MODULES = [
    "irqbypass", "ccp", "kvm", "kvm_amd", "kvm_intel",
    "virtio_ring", "virtio", "virtio_pci_modern_dev", "virtio_pci_legacy_dev",
    "virtio_pci", "netfs", "fscache", "9pnet", "9pnet_virtio", "9p",
    "virtio_blk", "virtio_net", "virtio_balloon", "virtio_console",
    "virtio_rng", "virtio_mem",
]

STAMP_VERSION = 1


def cache_root():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return Path(base) / "hotmem"


def guest_dir():
    return cache_root() / "guest"


def log(msg):
    print("fetch-guest: " + msg, file=sys.stderr, flush=True)


def run(argv, **kw):
    return subprocess.run(argv, check=True, text=True, **kw)


def apt_depends(pkg):
    """Names of the packages `pkg` depends on (apt-cache depends)."""
    out = subprocess.run(["apt-cache", "depends", pkg], text=True,
                         capture_output=True)
    if out.returncode != 0:
        return None
    deps = []
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith("Depends:"):
            deps.append(line.split(":", 1)[1].strip().strip("<>"))
    return deps


def apt_update():
    log("package lists missing or stale: running apt-get update")
    run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL)


def resolve_kernel_package():
    deps = apt_depends("linux-image-amd64")
    if not deps:
        apt_update()
        deps = apt_depends("linux-image-amd64")
    for d in deps or []:
        if d.startswith("linux-image-") and d.endswith("-amd64"):
            return d
    raise SystemExit("fetch-guest: cannot resolve the package behind "
                     "linux-image-amd64 (apt-cache depends: %r)" % deps)


def apt_download(pkgs, dest):
    """apt-get download into dest; returns {pkg: deb path}."""
    dest.mkdir(parents=True)
    # As root apt warns that _apt cannot write here; the download still works.
    res = subprocess.run(["apt-get", "download", "-q"] + pkgs, cwd=dest,
                         text=True, capture_output=True)
    if res.returncode != 0:
        sys.stderr.write(res.stdout + res.stderr)
        return None
    debs = {}
    for pkg in pkgs:
        found = list(dest.glob(pkg + "_*.deb"))
        if len(found) != 1:
            raise SystemExit("fetch-guest: expected one .deb for %s in %s, "
                             "found %d" % (pkg, dest, len(found)))
        debs[pkg] = found[0]
    return debs


def deb_version(deb):
    return subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], text=True,
                          capture_output=True, check=True).stdout.strip()


def modinfo(path):
    """Key/value pairs of a module's .modinfo ELF section (stdlib only)."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise ValueError("%s: not an ELF64 object" % path)
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3a)

    def section(i):
        # name, type, flags, addr, offset, size
        name, _t, _f, _a, off, size = struct.unpack_from(
            "<IIQQQQ", data, shoff + i * shentsize)
        return name, off, size

    _n, stroff, _s = section(shstrndx)
    info = {}
    for i in range(shnum):
        name, off, size = section(i)
        end = data.index(b"\0", stroff + name)
        if data[stroff + name:end] != b".modinfo":
            continue
        for item in data[off:off + size].split(b"\0"):
            if b"=" in item:
                k, v = item.decode(errors="replace").split("=", 1)
                info.setdefault(k, v)
    return info


def module_name(path):
    return Path(path).name.split(".ko")[0].replace("-", "_")


def collect_modules(tree, kver, out_dir):
    """Copy WANTED_MODULES and their dependencies from an unpacked kernel
    package; write modules/index.json."""
    base = tree / "lib" / "modules" / kver
    by_name = {}
    for p in base.rglob("*.ko*"):
        by_name[module_name(p)] = p
    index = {}
    todo = list(WANTED_MODULES)
    while todo:
        name = todo.pop()
        if name in index:
            continue
        src = by_name.get(name)
        if src is None:
            raise SystemExit("fetch-guest: module %s not in %s" % (name, kver))
        if not src.name.endswith(".ko"):
            raise SystemExit("fetch-guest: %s is compressed; the rig loads "
                             "plain .ko files" % src)
        deps = [d.replace("-", "_") for d in
                modinfo(src).get("depends", "").split(",") if d]
        rel = src.relative_to(base)
        dst = out_dir / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
        index[name] = {"path": str(rel), "depends": deps}
        todo.extend(deps)
    (out_dir / "index.json").write_text(json.dumps(index, indent=1,
                                                   sort_keys=True) + "\n")


def cached(gdir):
    try:
        info = json.loads((gdir / "stamp").read_text())
    except (OSError, ValueError):
        return None
    if info.get("stamp_version") != STAMP_VERSION:
        return None
    for f in ("vmlinuz", "busybox", "modules/index.json"):
        if not (gdir / f).exists():
            return None
    return info


def fetch(refresh=False):
    gdir = guest_dir()
    info = None if refresh else cached(gdir)
    if info:
        return info
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    # Two runs fetching at once: the second waits, then finds the stamp.
    with open(root / "fetch.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        info = None if refresh else cached(gdir)
        return info or download(root, gdir)


def download(root, gdir):
    with tempfile.TemporaryDirectory(dir=root, prefix="unpack.") as tmp:
        tmp = Path(tmp)
        kpkg = resolve_kernel_package()
        log("downloading %s and busybox-static" % kpkg)
        debs = apt_download([kpkg, "busybox-static"], tmp / "debs")
        if debs is None:
            # Lists older than the mirror: the named version is gone.
            apt_update()
            kpkg = resolve_kernel_package()
            debs = apt_download([kpkg, "busybox-static"], tmp / "debs2")
        if debs is None:
            raise SystemExit("fetch-guest: apt-get download failed")
        kver = kpkg[len("linux-image-"):]
        ktree, btree, new = tmp / "k", tmp / "b", tmp / "guest"
        for deb, tree in ((debs[kpkg], ktree), (debs["busybox-static"], btree)):
            run(["dpkg-deb", "-x", str(deb), str(tree)])
        new.mkdir()
        shutil.copy2(ktree / "boot" / ("vmlinuz-" + kver), new / "vmlinuz")
        shutil.copy2(ktree / "boot" / ("config-" + kver), new / "config")
        shutil.copy2(btree / "bin" / "busybox", new / "busybox")
        collect_modules(ktree, kver, new / "modules")
        info = {
            "stamp_version": STAMP_VERSION,
            "kernel_package": kpkg,
            "kernel_version": kver,
            "kernel_package_version": deb_version(debs[kpkg]),
            "busybox_version": deb_version(debs["busybox-static"]),
        }
        (new / "stamp").write_text(json.dumps(info, indent=1) + "\n")
        old = tmp / "old"
        if gdir.exists():
            gdir.rename(old)
        new.rename(gdir)
    return info


def paths(info):
    g = guest_dir()
    return {
        "HOTMEM_CACHE": str(cache_root()),
        "HOTMEM_GUEST_DIR": str(g),
        "HOTMEM_GUEST_KERNEL": str(g / "vmlinuz"),
        "HOTMEM_GUEST_BUSYBOX": str(g / "busybox"),
        "HOTMEM_GUEST_MODULES": str(g / "modules"),
        "HOTMEM_GUEST_KVER": info["kernel_version"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--refresh", action="store_true",
                    help="download again even if the cache is complete")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args()
    p = paths(fetch(args.refresh))
    if args.json:
        print(json.dumps(p))
    else:
        for k, v in p.items():
            print("%s=%s" % (k, v))


if __name__ == "__main__":
    main()
