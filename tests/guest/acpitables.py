"""ACPI table helpers for guest scenarios: get the tables a guest dumped over
its console, parse the SRAT, run `iasl -d` and `acpiexec` on them.

- GUEST_DUMP_CMD: guest shell function `cmd_acpi [NAMES]` that prints the
  tables of /sys/firmware/acpi/tables (all, dynamic/ too, or the named ones) as a gzip'ed
  tar in base64 between HM:acpi-begin / HM:acpi-end markers.
- decode_dump(console): {name: bytes} from the last such block.
- check_header(name, data): problems with signature, length, checksum.
- parse_srat(data): the SRAT's CPU and memory affinity entries.
- iasl_problems(tables, names): `iasl -d` of each named table.
- acpiexec_evaluate(tables, paths): evaluates AML object paths with
  ACPICA's acpiexec over DSDT + SSDTs; per path the result type and errors.

Layouts: ACPI 6.x section 5.2.16 (SRAT), docs/specs/acpi-tables.txt.
"""

import base64
import hashlib
import io
import re
import struct
import subprocess
import tarfile
import tempfile
from pathlib import Path

GUEST_DUMP_CMD = r"""
cmd_acpi() {
    rm -rf /tmp/acpi /tmp/acpi.tar.gz
    mkdir -p /tmp/acpi/dynamic
    names="$*"
    if [ -z "$names" ]; then            # every table, the dynamic ones too
        for f in /sys/firmware/acpi/tables/* /sys/firmware/acpi/tables/dynamic/*; do
            [ -f "$f" ] && names="$names ${f#/sys/firmware/acpi/tables/}"
        done
    fi
    for n in $names; do
        f=/sys/firmware/acpi/tables/$n
        [ -f "$f" ] && cat "$f" >"/tmp/acpi/$n"
    done
    tar -cf - -C /tmp/acpi . | gzip -9 >/tmp/acpi.tar.gz
    hm acpi-begin "$(wc -c </tmp/acpi.tar.gz)"
    base64 /tmp/acpi.tar.gz
    hm acpi-end "$(sha256sum /tmp/acpi.tar.gz | cut -d' ' -f1)"
}
"""

HEADER = struct.Struct("<4sIBB6s8sI4sI")      # 36 bytes
SRAT_FIXED = 48                                 # header + 12 reserved bytes
SRAT_CPU_APIC = 0
SRAT_MEMORY = 1
SRAT_CPU_X2APIC = 2
SRAT_MEM_ENABLED = 0x1
SRAT_MEM_HOTPLUGGABLE = 0x2


class DumpError(Exception):
    """The table dump on the console is missing or damaged."""


def decode_dump(console):
    """{name: bytes} from the last acpi-begin..acpi-end block of console."""
    m = None
    for m in re.finditer(r"HM:acpi-begin=(\d+)\r?\n(.*?)HM:acpi-end=([0-9a-f]+)",
                         console, re.S):
        pass
    if m is None:
        raise DumpError("no ACPI dump in the console")
    b64 = "".join(l.strip() for l in m.group(2).splitlines()
                  if re.fullmatch(r"[A-Za-z0-9+/=]+", l.strip()))
    blob = base64.b64decode(b64)
    if len(blob) != int(m.group(1)) or \
            hashlib.sha256(blob).hexdigest() != m.group(3):
        raise DumpError("ACPI dump damaged (%d bytes, expected %s)"
                        % (len(blob), m.group(1)))
    tables = {}
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.isfile():
                tables[member.name.lstrip("./")] = \
                    tar.extractfile(member).read()
    return tables


def header(data):
    """(signature, length, revision, oem_id, oem_table_id) of a table."""
    sig, length, rev, _, oem, oem_table, _, _, _ = HEADER.unpack_from(data)
    return (sig.decode("ascii", "replace"), length, rev,
            oem.decode("ascii", "replace"),
            oem_table.decode("ascii", "replace"))


def check_header(name, data):
    """Problems with one table's signature, length and checksum (the FACS
    has neither the common header nor a checksum: signature and length)."""
    if name.rstrip("0123456789") == "FACS":
        problems = [] if data[:4] == b"FACS" else ["%s: signature %r" % (name, data[:4])]
        if len(data) < 8 or int.from_bytes(data[4:8], "little") != len(data):
            problems.append("%s: length field does not match %d bytes" % (name, len(data)))
        return problems
    if len(data) < HEADER.size:
        return ["%s: only %d bytes" % (name, len(data))]
    sig, length, _, _, _ = header(data)
    problems = []
    if not name.startswith(sig):
        problems.append("%s: signature %r" % (name, sig))
    if length != len(data):
        problems.append("%s: length field %d, %d bytes" % (name, length,
                                                          len(data)))
    if sum(data) % 256:
        problems.append("%s: checksum off by %d" % (name, sum(data) % 256))
    return problems


def parse_srat(data):
    """{'revision', 'cpus': [{apic_id, node, flags}],
    'memory': [{base, length, node, flags}], 'other': [type, ...]}.
    Raises ValueError on a malformed table."""
    sig, length, rev, _, _ = header(data)
    if sig != "SRAT" or length != len(data) or length < SRAT_FIXED:
        raise ValueError("not a SRAT (signature %r, length %d of %d bytes)"
                         % (sig, length, len(data)))
    out = {"revision": rev, "cpus": [], "memory": [], "other": []}
    off = SRAT_FIXED
    while off < length:
        if off + 2 > length:
            raise ValueError("SRAT: truncated entry at %d" % off)
        etype, elen = data[off], data[off + 1]
        if elen < 2 or off + elen > length:
            raise ValueError("SRAT: entry at %d has length %d" % (off, elen))
        e = data[off:off + elen]
        if etype == SRAT_CPU_APIC and elen == 16:
            pxm_lo, apic, flags, _, hi = struct.unpack_from("<BBIB3s", e, 2)
            node = pxm_lo | (int.from_bytes(hi, "little") << 8 if rev >= 2
                             else 0)
            out["cpus"].append({"apic_id": apic, "node": node,
                                "flags": flags})
        elif etype == SRAT_MEMORY and elen == 40:
            node, base, size, flags = struct.unpack_from("<I2xQQ4xI", e, 2)
            out["memory"].append({"base": base, "length": size,
                                  "node": node, "flags": flags})
        elif etype == SRAT_CPU_X2APIC and elen == 24:
            node, x2apic, flags = struct.unpack_from("<2xIII", e, 2)
            out["cpus"].append({"apic_id": x2apic, "node": node,
                                "flags": flags, "x2apic": True})
        else:
            out["other"].append(etype)
        off += elen
    return out


def _error_lines(text):
    return [l for l in text.splitlines()
            if re.search(r"\b(error|warning)", l, re.I)
            and not re.search(r"\b0 Errors\b|\b0 Warnings\b", l)]


def iasl_problems(tables, names, keep_dir=None):
    """Disassemble each named table with `iasl -d` (the DSDT and SSDTs with
    the others as external-resolution files); returns a list of problems:
    a missing table, a nonzero exit, or error lines."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="acpi-") as tmp:
        d = Path(keep_dir or tmp)
        d.mkdir(parents=True, exist_ok=True)
        files = {}
        for n, data in tables.items():
            files[n] = d / (n + ".dat")
            files[n].write_bytes(data)
        aml = [n for n in files if n.startswith(("DSDT", "SSDT"))]
        for n in names:
            if n not in files:
                problems.append("%s: not in the dump" % n)
                continue
            argv = ["iasl"]
            others = [str(files[o]) for o in aml if o != n]
            if n in aml and others:
                argv += ["-e"] + others
            argv += ["-d", str(files[n])]
            res = subprocess.run(argv, cwd=d, capture_output=True, text=True)
            out = res.stdout + res.stderr
            bad = _error_lines(out)
            if res.returncode or bad:
                problems.append("%s: iasl -d exit %d: %s" % (
                    n, res.returncode, "; ".join(bad[:5]) or out[-300:]))
    return problems


def acpiexec_evaluate(tables, paths, timeout=600):
    """Load DSDT and every SSDT into acpiexec and evaluate each path.
    Returns (results, load_problems): results maps path to
    {'type': 'Integer'|'Buffer'|... or None, 'errors': [lines]}; the
    commands go through stdin (the -b command line is limited to 1023
    characters)."""
    aml = ["DSDT"] + sorted(n for n in tables if n.startswith("SSDT"))
    results = {p: {"type": None, "errors": []} for p in paths}
    with tempfile.TemporaryDirectory(prefix="acpiexec-") as tmp:
        files = []
        for n in aml:
            if n not in tables:
                return results, ["%s: not in the dump" % n]
            f = Path(tmp) / (n + ".dat")
            f.write_bytes(tables[n])
            files.append(str(f))
        script = "".join("evaluate %s\n" % p for p in paths) + "quit\n"
        res = subprocess.run(["acpiexec"] + files, input=script, cwd=tmp,
                             capture_output=True, text=True, timeout=timeout)
    out = res.stdout + res.stderr
    # Everything before the first evaluation is the table load.
    first = out.find("Evaluating ")
    load = out if first < 0 else out[:first]
    load_problems = _error_lines(load)
    if res.returncode:
        load_problems.append("acpiexec exit %d" % res.returncode)
    chunks = re.split(r"^.*?Evaluating (\S+)\s*$", out[max(first, 0):],
                      flags=re.M)
    # chunks: ['', path1, text1, path2, text2, ...]
    for path, text in zip(chunks[1::2], chunks[2::2]):
        r = results.get(path)
        if r is None:
            continue
        m = re.search(r"^\s*\[(\w+)\]", text, re.M)
        if m and "returned object" in text:
            r["type"] = m.group(1)
        r["errors"] += _error_lines(text) + \
            [l for l in text.splitlines() if "failed with status" in l]
    return results, load_problems
