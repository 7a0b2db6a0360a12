#!/usr/bin/env python3
"""test-introspect.py - what a QEMU client discovers before it starts a
guest, checked against hotmem's own answers (no guest kernel: hotmem runs
with -S and is never continued, so this runs on the host or in the rig).

    test-introspect.py [--hotmem ./hotmem]

The layout has two NUMA nodes on memory-backend-ram, a cold pc-dimm on RAM,
a cold pc-dimm on a memory-backend-file, a memory-backend-memfd, a secret
and a -dimm slot; QMP on -qmp and on a -chardev socket with -mon.

  schema     query-qmp-schema is a list of SchemaInfo: every reference
             resolves, type names are masked as QEMU masks them, builtins
             carry QEMU's json-types, it equals what scripts/qapi generates
             from qapi-schema.json and survives a JSON round trip.
  commands   query-commands and the schema's commands are the same set; every
             command refuses an unknown argument with QEMU's "Parameter 'x' is
             unexpected" and one missing mandatory argument with "Parameter
             'x' is missing", as the schema describes it (nothing runs).
  qom        the whole QOM tree from / : qom-list of every node, qom-get of
             every property (child<> and link<> give paths that resolve);
             DIMMs agree with query-memory-devices, /objects with query-memdev.
  discovery  every query a management tool makes answers in the shape the
             schema declares (checked member by member against the
             introspected types) and with the values of this command line.
  errors     QEMU 7.2's error classes and descs as recorded in
             reference/qemu-qmp-shapes.txt.
Output is TAP.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "scripts"))
from guestlib import QMP, QMPError, GuestError, Tap  # noqa: E402

MiB = 1 << 20
GiB = 1 << 30
UUID = "3c5bd2fe-5e1c-4a2b-9d4e-7a0f7f3f0f11"
BUILTIN_JSON = {"str": "string", "int": "int", "number": "number", "bool": "boolean",
                "null": "null", "any": "value"}
EXTRA = "zzz-introspect"
# run last: if the argument check were missing they would end or change the VM
LAST = ["stop", "cont", "system_reset", "system_powerdown", "quit"]


def sh_layout(tmp):
    """The command line: what libvirt and Kata put on it, in one VM."""
    key = tmp / "key"
    key.write_text("0123456789abcdef")
    filedir = tmp / "filemem"
    filedir.mkdir()
    return [
        "-S", "-name", "guest=introspect,debug-threads=on", "-uuid", UUID,
        "-m", "size=512M,slots=4,maxmem=8G", "-smp", "2,sockets=2,cores=1,threads=1",
        "-display", "none", "-serial", "file:%s" % (tmp / "serial.txt"),
        "-object", "memory-backend-ram,id=ram-node0,size=256M",
        "-object", "memory-backend-ram,id=ram-node1,size=256M",
        "-numa", "node,nodeid=0,cpus=0,memdev=ram-node0",
        "-numa", "node,nodeid=1,cpus=1,memdev=ram-node1",
        "-object", json.dumps({"qom-type": "secret", "id": "masterKey0", "format": "raw",
                               "file": str(key)}),
        "-object", "memory-backend-ram,id=memdimm0,size=512M",
        "-device", "pc-dimm,id=dimm0,memdev=memdimm0,node=0,slot=1",
        "-object", "memory-backend-file,id=memdimm1,size=256M,mem-path=%s,share=on" % filedir,
        "-device", json.dumps({"driver": "pc-dimm", "id": "dimm1", "memdev": "memdimm1",
                               "node": 1}),
        "-object", "memory-backend-memfd,id=memfd0,size=128M,share=on",
        "-dimm", "id=hd0,size=128M",
        "-chardev", "socket,id=charmonitor,path=%s,server=on,wait=off" % (tmp / "mon.sock"),
        "-mon", "chardev=charmonitor,id=monitor,mode=control",
        "-qmp", "unix:%s,server=on,wait=off" % (tmp / "qmp.sock"),
    ]


# ---------------------------------------------------------------- schema

class Schema:
    def __init__(self, entries):
        self.entries = entries
        self.by_name = {e.get("name"): e for e in entries if isinstance(e, dict)}

    def commands(self):
        return {e["name"]: e for e in self.entries if e.get("meta-type") == "command"}

    def check_value(self, tname, v, where, errs):
        """v as the introspected type tname describes it; problems in errs."""
        t = self.by_name.get(tname)
        if t is None:
            errs.append("%s: unknown type %r" % (where, tname))
            return
        mt = t["meta-type"]
        if mt == "builtin":
            ok = {"string": lambda x: isinstance(x, str),
                  "int": lambda x: isinstance(x, int) and not isinstance(x, bool),
                  "number": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
                  "boolean": lambda x: isinstance(x, bool),
                  "null": lambda x: x is None,
                  "value": lambda x: True}[t["json-type"]](v)
            if not ok:
                errs.append("%s: %r is not %s" % (where, v, t["json-type"]))
        elif mt == "enum":
            names = [m["name"] for m in t["members"]]
            if v not in names:
                errs.append("%s: %r is not one of %s" % (where, v, names))
        elif mt == "array":
            if not isinstance(v, list):
                errs.append("%s: %r is not a list" % (where, v))
                return
            for i, x in enumerate(v):
                self.check_value(t["element-type"], x, "%s[%d]" % (where, i), errs)
        elif mt == "object":
            if not isinstance(v, dict):
                errs.append("%s: %r is not an object" % (where, v))
                return
            members = list(t["members"])
            if "tag" in t:
                case = v.get(t["tag"])
                branch = [b["type"] for b in t["variants"] if b["case"] == case]
                if branch:
                    members += self.by_name[branch[0]]["members"]
            known = {m["name"] for m in members}
            for m in members:
                if m["name"] in v:
                    self.check_value(m["type"], v[m["name"]], "%s.%s" % (where, m["name"]),
                                     errs)
                elif "default" not in m:
                    errs.append("%s: mandatory member %r missing" % (where, m["name"]))
            for k in v:
                if k not in known:
                    errs.append("%s: member %r is not in the schema" % (where, k))
        else:
            errs.append("%s: meta-type %s is not a value type" % (where, mt))

    def dummy(self, tname, full=False):
        """A value of type tname with only the mandatory parts (full: every
        member, lists with one element)."""
        t = self.by_name[tname]
        mt = t["meta-type"]
        if mt == "builtin":
            return {"string": "x", "int": 0, "number": 0, "boolean": False, "null": None,
                    "value": 0}[t["json-type"]]
        if mt == "enum":
            return t["members"][0]["name"]
        if mt == "array":
            return [self.dummy(t["element-type"], full)] if full else []
        members = list(t["members"])
        out = {}
        if "tag" in t:
            members += self.by_name[t["variants"][0]["type"]]["members"]
            out[t["tag"]] = t["variants"][0]["case"]
        for m in members:
            if (full or "default" not in m) and m["name"] not in out:
                out[m["name"]] = self.dummy(m["type"], full)
        return out


def check_schema(tap, q):
    raw = q.execute("query-qmp-schema")
    ok = isinstance(raw, list) and all(isinstance(e, dict) for e in raw)
    tap.ok(ok, "query-qmp-schema: a list of %d SchemaInfo objects" % len(raw or []))
    if not ok:
        return None
    s = Schema(raw)
    names = [e.get("name") for e in raw]
    dup = sorted({n for n in names if names.count(n) > 1})
    tap.ok(not dup and all(isinstance(n, str) and n for n in names),
           "every entry has a name, none twice", dup)
    need = {"builtin": {"json-type"}, "enum": {"members", "values"}, "array": {"element-type"},
            "object": {"members"}, "command": {"arg-type", "ret-type"}, "event": {"arg-type"},
            "alternate": {"members"}}
    opt = {"object": {"tag", "variants"}, "command": {"allow-oob"}}
    bad = []
    for e in raw:
        mt = e.get("meta-type")
        if mt not in need:
            bad.append("%s: meta-type %r" % (e.get("name"), mt))
            continue
        extra = set(e) - {"name", "meta-type", "features"} - need[mt] - opt.get(mt, set())
        if not need[mt] <= set(e) or extra:
            bad.append("%s (%s): keys %s" % (e["name"], mt, sorted(e)))
    tap.ok(not bad, "each entry has its meta-type's keys (SchemaInfo's union)", bad)
    refs, bad = 0, []

    def ref(owner, t, kind=None):
        nonlocal refs
        refs += 1
        target = s.by_name.get(t)
        if target is None or target["meta-type"] in ("command", "event"):
            bad.append("%s -> %r does not resolve to a type" % (owner, t))
        elif kind and target["meta-type"] != kind:
            bad.append("%s -> %r is a %s, not a %s" % (owner, t, target["meta-type"], kind))
    for e in raw:
        n, mt = e["name"], e["meta-type"]
        if mt in ("command", "event"):
            ref(n + ".arg-type", e["arg-type"], "object")
        if mt == "command":
            ref(n + ".ret-type", e["ret-type"])
        if mt == "array":
            ref(n + ".element-type", e["element-type"])
            if n != "[%s]" % e["element-type"]:
                bad.append("array %s is not named [element-type]" % n)
        if mt == "object":
            for m in e["members"]:
                if set(m) - {"name", "type", "default", "features"} or \
                        not isinstance(m.get("name"), str) or m.get("default", None) is not None:
                    bad.append("%s: member %r" % (n, m))
                ref("%s.%s" % (n, m.get("name")), m.get("type"))
            if "tag" in e and e["tag"] not in [m["name"] for m in e["members"]]:
                bad.append("%s: tag %r is not a member" % (n, e["tag"]))
            for v in e.get("variants", []):
                ref("%s.variant %s" % (n, v.get("case")), v.get("type"), "object")
        if mt == "enum" and [m.get("name") for m in e["members"]] != e["values"]:
            bad.append("%s: members and values differ" % n)
    tap.ok(not bad and refs > 100, "%d type references (arg-type, ret-type, members, "
           "element-type, variants) resolve within the list" % refs, bad)
    bad = []
    for e in raw:
        n, mt = e["name"], e["meta-type"]
        if mt == "builtin":
            if BUILTIN_JSON.get(n) != e["json-type"]:
                bad.append("builtin %s: json-type %s" % (n, e["json-type"]))
        elif mt in ("object", "enum", "alternate") and not n.isdigit():
            bad.append("%s %s is not masked" % (mt, n))
    for e in raw:
        if e["meta-type"] == "command" and e["name"] not in s.commands():
            bad.append(e["name"])
    tap.ok(not bad, "type names masked as numbers, builtins as QEMU names them "
           "(every integer type is int)", bad)
    feats = {e["name"]: e["features"] for e in raw if "features" in e}
    tap.ok(all(isinstance(f, list) and f and all(isinstance(x, str) for x in f)
               for f in feats.values()) and
           {"json-cli", "json-cli-hotplug"} <= set(feats.get("device_add", [])),
           "features are lists of names; device_add has json-cli and json-cli-hotplug "
           "(libvirt's test for -device JSON)", feats)
    from qapi.schema import Schema as SourceSchema
    from qapi.introspect import introspection_json
    source = json.loads(introspection_json(SourceSchema(str(REPO / "qapi-schema.json"))))
    tap.ok(source == raw, "the reply is what scripts/qapi generates from qapi-schema.json",
           "%d entries in the source, %d in the reply" % (len(source), len(raw)))
    text = json.dumps(raw)
    again = q.execute("query-qmp-schema")
    tap.ok(json.loads(text) == raw and json.dumps(json.loads(text)) == text and again == raw,
           "JSON round trip: re-serialised and parsed equal, and a second call is the same")
    return s


# ---------------------------------------------------------------- commands

def check_commands(tap, q, s):
    listed = [c["name"] for c in q.execute("query-commands")]
    cmds = s.commands()
    tap.ok(set(listed) == set(cmds) and len(listed) == len(set(listed)),
           "query-commands lists the schema's %d commands, each once" % len(cmds),
           (sorted(set(listed) ^ set(cmds))))
    order = sorted(cmds, key=lambda n: (n in LAST, LAST.index(n) if n in LAST else 0, n))
    unexpected_bad, missing_bad, nmissing = [], [], 0
    for name in order:
        arg = s.by_name[cmds[name]["arg-type"]]
        # twice: the mandatory members only, then every member the schema
        # lists (each must be one the dispatcher reads: only EXTRA is refused)
        for full in (False, True):
            args = s.dummy(arg["name"], full)
            if name == "device_add":
                # additional-properties: every key is a device property;
                # QEMU's words for one the driver lacks
                args.update(driver="pc-dimm", id="dx")
                want = "Property 'pc-dimm.%s' not found" % EXTRA
            else:
                want = "Parameter '%s' is unexpected" % EXTRA
            args[EXTRA] = 1
            try:
                r = q.execute(name, args)
                unexpected_bad.append("%s %s: accepted, %r" % (name, args, r))
            except QMPError as e:
                if e.error_class != "GenericError" or e.desc != want:
                    unexpected_bad.append("%s %s: %s %s" % (name, args, e.error_class, e.desc))
        mandatory = [m["name"] for m in arg["members"] if "default" not in m]
        if mandatory and "tag" not in arg:
            nmissing += 1
            args = s.dummy(arg["name"])
            del args[mandatory[-1]]
            try:
                r = q.execute(name, args)
                missing_bad.append("%s %s: accepted, %r" % (name, args, r))
            except QMPError as e:
                want = "Parameter '%s' is missing" % mandatory[-1]
                if e.error_class != "GenericError" or e.desc != want:
                    missing_bad.append("%s: %s %s" % (name, e.error_class, e.desc))
    tap.ok(not unexpected_bad, "each of the %d commands, given its mandatory arguments or "
           "every argument the schema lists, refuses only an unknown one (GenericError "
           "\"Parameter '%s' is unexpected\"), nothing ran" % (len(order), EXTRA),
           unexpected_bad)
    tap.ok(not missing_bad and nmissing > 10, "the %d commands with mandatory arguments "
           "name the one left out (\"Parameter 'x' is missing\")" % nmissing, missing_bad)
    st = q.execute("query-status")
    tap.ok(st == {"status": "prelaunch", "singlestep": False, "running": False},
           "after all that the VM is still in prelaunch", st)


# ---------------------------------------------------------------- QOM

def walk_qom(tap, q):
    """qom-list of every node from /, qom-get of every property."""
    nodes, values, bad = {}, {}, []
    todo = ["/"]
    while todo and len(nodes) < 200:
        path = todo.pop(0)
        try:
            props = q.execute("qom-list", {"path": path})
        except QMPError as e:
            bad.append("qom-list %s: %s" % (path, e))
            continue
        nodes[path] = props
        for p in props:
            name, ptype = p["name"], p["type"]
            try:
                v = q.execute("qom-get", {"path": path, "property": name})
            except QMPError as e:
                bad.append("qom-get %s %s: %s" % (path, name, e))
                continue
            values[(path, name)] = v
            child = path.rstrip("/") + "/" + name
            if ptype.startswith("child<"):
                if v != child:
                    bad.append("%s.%s: child reads %r, not its path" % (path, name, v))
                todo.append(child)
            elif ptype.startswith("link<") and v != "":
                values[(path, name, "link")] = v
    for (path, name, *link), v in list(values.items()):
        if link:
            try:
                q.execute("qom-list", {"path": v})
            except QMPError as e:
                bad.append("%s.%s -> %s does not resolve: %s" % (path, name, v, e))
    want = ["/machine", "/machine/peripheral", "/machine/peripheral/dimm0",
            "/machine/peripheral/dimm1", "/machine/unattached",
            "/machine/unattached/device[0]", "/machine/unattached/device[1]", "/objects",
            "/objects/ram-node0", "/objects/memdimm1", "/objects/memfd0",
            "/objects/masterKey0"]
    missing = [w for w in want if w not in nodes]
    nprops = sum(len(p) for p in nodes.values())
    tap.ok(not bad and not missing, "QOM walk from /: %d nodes, qom-get of all %d "
           "properties works, child<> and link<> paths resolve" % (len(nodes), nprops),
           bad + ["not reached: %s" % missing] if missing else bad)
    types = []
    for path, props in nodes.items():
        parent, _, name = path.rstrip("/").rpartition("/")
        parent = parent or "/"
        listed = [p["type"] for p in nodes.get(parent, []) if p["name"] == name]
        if path != "/" and listed != ["child<%s>" % values.get((path, "type"))]:
            types.append("%s: type %r, listed as %r" % (path, values.get((path, "type")),
                                                          listed))
    tap.ok(not types, "each node's type property matches its child<TYPE> in the parent",
           types)
    return nodes, values


def check_qom_values(tap, q, values):
    devs = q.execute("query-memory-devices")
    bad = []
    for d in devs:
        data = d["data"]
        path = "/machine/peripheral/%s" % data["id"]
        for k in ("addr", "size", "slot", "node", "memdev", "hotplugged", "hotpluggable"):
            if values.get((path, k)) != data[k]:
                bad.append("%s.%s: qom %r, query-memory-devices %r"
                           % (path, k, values.get((path, k)), data[k]))
    tap.ok(len(devs) == 2 and not bad, "the %d DIMMs' QOM properties agree with "
           "query-memory-devices" % len(devs), bad or devs)
    mds = q.execute("query-memdev")
    bad = []
    for m in mds:
        path = "/objects/%s" % m["id"]
        for k in ("size", "merge", "dump", "prealloc", "share", "reserve", "host-nodes",
                  "policy"):
            if k in m and values.get((path, k)) != m[k]:
                bad.append("%s.%s: qom %r, query-memdev %r"
                           % (path, k, values.get((path, k)), m[k]))
    ids = sorted(m["id"] for m in mds)
    objs = sorted(k[0][len("/objects/"):] for k in values
                  if k[1] == "type" and k[0].startswith("/objects/") and
                  str(values[k]).startswith("memory-backend"))
    tap.ok(not bad and ids == objs, "every backend of query-memdev is /objects/ID with the "
           "same values, and no other (%s)" % ", ".join(ids), bad + [ids, objs])
    file_ok = (values.get(("/objects/memdimm1", "type")) == "memory-backend-file" and
               values.get(("/objects/memdimm1", "share")) is True and
               str(values.get(("/objects/memdimm1", "mem-path"))).endswith("filemem") and
               values.get(("/objects/memfd0", "type")) == "memory-backend-memfd" and
               values.get(("/objects/memfd0", "size")) == 128 * MiB and
               values.get(("/objects/masterKey0", "type")) == "secret")
    tap.ok(file_ok, "file backend (mem-path, share), memfd backend and secret read back "
           "as given on the command line")


# ---------------------------------------------------------------- discovery

DISCOVERY = [
    ("query-machines", {}), ("query-target", {}), ("query-kvm", {}), ("query-name", {}),
    ("query-uuid", {}), ("query-cpus-fast", {}), ("query-hotpluggable-cpus", {}),
    ("query-events", {}), ("query-command-line-options", {}),
    ("query-command-line-options", {"option": "numa"}), ("query-memdev", {}),
    ("qom-list-types", {}), ("qom-list-types", {"implements": "memory-backend"}),
    ("qom-list-types", {"abstract": True}),
    ("device-list-properties", {"typename": "pc-dimm"}), ("query-chardev", {}),
    ("query-memory-devices", {}), ("query-memory-size-summary", {}),
    ("query-acpi-ospm-status", {}), ("query-status", {}), ("query-version", {}),
    ("query-commands", {}), ("query-migrate-capabilities", {}),
    ("query-migrate-parameters", {}), ("query-migrate", {}),
    ("qom-list", {"path": "/machine/peripheral/dimm0"}),
]


def check_discovery(tap, q, s, tmp):
    cmds = s.commands()
    got = {}
    for name, args in DISCOVERY:
        if name not in cmds:
            tap.ok(False, "%s is in the schema" % name)
            continue
        try:
            r = q.execute(name, args)
        except QMPError as e:
            tap.ok(False, "%s %s answers" % (name, args), str(e))
            continue
        errs = []
        s.check_value(cmds[name]["ret-type"], r, name, errs)
        got.setdefault(name, r)
        tap.ok(not errs, "%s %s: the reply has the schema's shape" % (name, args or ""),
               errs[:20])
    cpus = got.get("query-cpus-fast", [])
    hp = got.get("query-hotpluggable-cpus", [])
    types = {t["name"] for t in got.get("qom-list-types", [])}
    chardevs = {c["label"]: c for c in got.get("query-chardev", [])}
    facts = [
        ("query-machines: pc-i440fx-7.2, alias pc, default",
         [(m["name"], m.get("alias"), m.get("is-default")) for m in
          got.get("query-machines", [])] == [("pc-i440fx-7.2", "pc", True)]),
        ("query-target: x86_64", got.get("query-target") == {"arch": "x86_64"}),
        ("query-kvm: enabled, present",
         got.get("query-kvm") == {"enabled": True, "present": True}),
        ("query-name: introspect", got.get("query-name") == {"name": "introspect"}),
        ("query-uuid: the -uuid", got.get("query-uuid") == {"UUID": UUID}),
        ("query-cpus-fast: 2 CPUs on nodes 0 and 1, QOM paths",
         [(c["cpu-index"], c["props"]["node-id"], c["qom-path"], c["target"]) for c in cpus]
         == [(i, i, "/machine/unattached/device[%d]" % i, "x86_64") for i in range(2)]),
        ("query-hotpluggable-cpus: the 2 boot CPUs, plugged",
         [(c["qom-path"], c["vcpus-count"], c["props"]["socket-id"]) for c in hp]
         == [("/machine/unattached/device[%d]" % i, 1, i) for i in range(2)]),
        ("query-events: the schema's events",
         sorted(e["name"] for e in got.get("query-events", [])) ==
         sorted(e["name"] for e in s.entries if e["meta-type"] == "event")),
        ("query-command-line-options: numa has memdev",
         "memdev" in [p["name"] for o in q.execute("query-command-line-options",
                                                   {"option": "numa"})
                      for p in o["parameters"]]),
        ("qom-list-types: pc-dimm and the three backends (libvirt's gates)",
         {"pc-dimm", "memory-backend-ram", "memory-backend-file",
          "memory-backend-memfd"} <= types),
        ("device-list-properties pc-dimm: memdev, node, slot, addr",
         {"memdev", "node", "slot", "addr"} <=
         {p["name"] for p in got.get("device-list-properties", [])}),
        ("query-chardev: charmonitor on its socket, the QMP monitor and serial0",
         chardevs.get("charmonitor", {}).get("filename", "").endswith(
             "unix:%s,server=on" % (tmp / "mon.sock")) and
         chardevs["charmonitor"]["frontend-open"] is True and
         any(c["filename"].endswith("unix:%s,server=on" % (tmp / "qmp.sock"))
             for c in chardevs.values()) and
         chardevs.get("serial0", {}).get("filename") == "file:%s" % (tmp / "serial.txt")),
    ]
    for desc, ok in facts:
        tap.ok(ok, desc, json.dumps(got)[:3000] if not ok else None)


# ---------------------------------------------------------------- errors

def check_errors(tap, q):
    """(what, command, arguments, class, desc) - QEMU 7.2's answers, from
    reference/qemu-qmp-shapes.txt where it recorded them."""
    q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "m1", "size": GiB})
    q.execute("object-add", {"qom-type": "memory-backend-ram", "id": "mbig", "size": 7 * GiB})
    cases = [
        ("duplicate object id", "object-add",
         {"qom-type": "memory-backend-ram", "id": "m1", "size": GiB}, "GenericError",
         "attempt to add duplicate property 'm1' to object (type 'container')"),
        ("object-add of the -dimm slot's backend id", "object-add",
         {"qom-type": "memory-backend-ram", "id": "dimm-hd0", "size": 128 * MiB},
         "GenericError",
         "attempt to add duplicate property 'dimm-hd0' to object (type 'container')"),
        ("pc-dimm without memdev", "device_add", {"driver": "pc-dimm", "id": "d0"},
         "GenericError", "'memdev' property must be set"),
        ("pc-dimm on an unknown memdev", "device_add",
         {"driver": "pc-dimm", "id": "d1", "memdev": "nope"}, "DeviceNotFound",
         "Device 'nope' not found"),
        ("duplicate device id", "device_add",
         {"driver": "pc-dimm", "id": "dimm0", "memdev": "m1"}, "GenericError",
         "Duplicate device ID 'dimm0'"),
        # QEMU: "not enough space, currently 0x... in use of total space for
        # memory devices 0x..."; hotmem names the sizes (docs/qmp.md, differences)
        ("beyond maxmem", "device_add", {"driver": "pc-dimm", "id": "d2", "memdev": "mbig"},
         "GenericError", "DIMM 'd2': RAM 512M plus DIMMs 8064M is beyond -m maxmem=8G"),
        ("object-del of a backend in use", "object-del", {"id": "memdimm0"}, "GenericError",
         "object 'memdimm0' is in use, can not be deleted"),
        ("device_del of an unknown id", "device_del", {"id": "zz"}, "DeviceNotFound",
         "Device 'zz' not found"),
        ("qom-list of an unknown path", "qom-list", {"path": "/machine/peripheral/zz"},
         "DeviceNotFound", "Device '/machine/peripheral/zz' not found"),
        ("qom-get of an unknown path", "qom-get", {"path": "/objects/zz", "property": "size"},
         "DeviceNotFound", "Device '/objects/zz' not found"),
        ("qom-set of an unknown path", "qom-set",
         {"path": "/objects/zz", "property": "size", "value": 1}, "DeviceNotFound",
         "Device '/objects/zz' not found"),
        ("qom-get of an unknown property", "qom-get",
         {"path": "/machine/peripheral/dimm0", "property": "colour"}, "GenericError",
         "Property 'pc-dimm.colour' not found"),
        ("qom-set of an unknown property", "qom-set",
         {"path": "/objects/memdimm1", "property": "colour", "value": 1}, "GenericError",
         "Property 'memory-backend-file.colour' not found"),
        ("device-list-properties of an unknown type", "device-list-properties",
         {"typename": "virtio-net-pci"}, "DeviceNotFound", "Device 'virtio-net-pci' not found"),
        ("an unknown command", "frobnicate", {}, "CommandNotFound",
         "The command frobnicate has not been found"),
        ("qmp_capabilities again", "qmp_capabilities", {}, "CommandNotFound",
         "Capabilities negotiation is already complete, command ignored"),
        ("balloon without a balloon", "balloon", {"value": GiB}, "DeviceNotActive",
         "No balloon device has been activated"),
        ("query-balloon without a balloon", "query-balloon", {}, "DeviceNotActive",
         "No balloon device has been activated"),
        ("object-del of an unknown id", "object-del", {"id": "zz"}, "GenericError",
         "object 'zz' not found"),
        ("device_add of an unknown driver", "device_add", {"driver": "e1000", "id": "n0"},
         "GenericError", "'e1000' is not a valid device model name"),
        ("closefd of an unknown name", "closefd", {"fdname": "zz"}, "GenericError",
         "File descriptor named 'zz' not found"),
    ]
    before = (q.execute("query-memory-devices"), q.execute("query-memdev"))
    for what, cmd, args, cls, desc in cases:
        try:
            r = q.execute(cmd, args)
            tap.ok(False, what, "accepted: %r" % r)
            continue
        except QMPError as e:
            err = e
        tap.ok(err.error_class == cls and err.desc.startswith(desc),
               "%s -> %s \"%s\"" % (what, cls, desc),
               "got %s \"%s\"" % (err.error_class, err.desc))
    after = (q.execute("query-memory-devices"), q.execute("query-memdev"))
    tap.ok(before == after, "no refused command changed a DIMM or a backend")
    q.execute("object-del", {"id": "mbig"})
    q.execute("object-del", {"id": "m1"})
    # recorded: a second device_del before the guest answered returns {} too
    # (no guest runs here: the request stays pending, the DIMM stays)
    rs = [q.execute("device_del", {"id": "dimm1"}) for _ in range(2)]
    ids = [d["data"]["id"] for d in q.execute("query-memory-devices")]
    tap.ok(rs == [{}, {}] and "dimm1" in ids,
           "device_del twice while the guest has not answered -> {} both times, as QEMU",
           (rs, ids))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hotmem", default=str(REPO / "hotmem"))
    args = ap.parse_args()
    tap = Tap()
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        tap.ok(False, "a usable /dev/kvm (run me through tests/guest/rig.py)")
        return tap.finish()
    tmp = Path(tempfile.mkdtemp(prefix="hm-introspect-"))
    argv = [args.hotmem] + sh_layout(tmp)
    tap.diag("vmm: " + " ".join(argv))
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    q = None
    try:
        t0 = time.monotonic()
        q = QMP(tmp / "qmp.sock", timeout=60)
        tap.diag("QMP up in %.2f s" % (time.monotonic() - t0))
        s = check_schema(tap, q)
        if s:
            check_commands(tap, q, s)
        _, values = walk_qom(tap, q)
        check_qom_values(tap, q, values)
        if s:
            check_discovery(tap, q, s, tmp)
        check_errors(tap, q)
        q.execute("quit")
        rc = proc.wait(timeout=10)
        err = proc.stderr.read()
        tap.ok(rc == 0 and not err, "quit: exit 0, nothing on stderr", (rc, err[-2000:]))
    except (GuestError, QMPError, subprocess.TimeoutExpired) as e:
        tap.ok(False, "ran to the end", str(e))
    finally:
        if q:
            q.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
