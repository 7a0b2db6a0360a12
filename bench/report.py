"""From raw samples to figures and the printed table.

A figure is one row: for each VMM the samples (one per run) it could
measure, and for the runs it could not, the reason.  A row is always
printed; a VMM without any sample gets "not measurable: <why>" under it.
"""

import statistics

import footprint

VMMS = ("hotmem", "qemu")
# Firecracker's published bound for its own memory beyond guest RAM
FOOTPRINT_TARGET_MIB = 5.0
VMM_TITLE = {"hotmem": "hotmem", "qemu": "QEMU 7.2"}


def _get(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def _why(res, *path):
    """The reason stored for an unmeasured value, or a generic one."""
    d = res
    for p in path:
        if isinstance(d, dict) and "unmeasured" in d:
            return d["unmeasured"]
        if not isinstance(d, dict) or p not in d:
            errs = res.get("errors")
            if errs:
                return "run failed: %s" % errs[0]
            return "no value recorded (%s)" % ".".join(path)
        d = d[p]
    if isinstance(d, dict) and "unmeasured" in d:
        return d["unmeasured"]
    return None


def _num(res, *path):
    v = _get(res, *path)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v, None
    return None, _why(res, *path) or "no value recorded"


# Extractors: (sample dict) -> (value or None, reason when None)

def boot_to_init(res):
    return _num(res, "boot_to_init_ms")


def fw_hotmem_timing(res):
    t = res.get("hotmem_timing")
    if res["vmm"] != "hotmem":
        return None, ("QEMU/SeaBIOS report no kernel-entry time of their "
                      "own (see the kvm-trace row)")
    if not t:
        return None, _why(res, "hotmem_timing") or \
            "run failed: %s" % (res.get("errors") or ["no HOTMEM_TIMING"])[0]
    fw, ke = t.get("fw_entry_ms", -1), t.get("kernel_entry_ms", -1)
    if fw is None or ke is None or fw < 0 or ke < 0:
        return None, ("HOTMEM_TIMING lacks a firmware event (fw_entry_ms=%s,"
                      " kernel_entry_ms=%s)" % (fw, ke))
    return ke - fw, None


def fw_main(res):
    """hotmem: its own report; QEMU: the kvm trace."""
    if res["vmm"] == "hotmem":
        return fw_hotmem_timing(res)
    return fw_trace(res)


def fw_trace(res):
    r, why = _num(res, "trace", "reset_ms")
    k, why2 = _num(res, "trace", "kernel_entry_ms")
    if r is None or k is None:
        return None, why or why2
    return k - r, None


def vmm_startup(res):
    return _num(res, "trace", "reset_ms")


def kernel_to_init(res):
    k, why = _num(res, "trace", "kernel_entry_ms")
    b, why2 = _num(res, "boot_to_init_ms")
    if k is None or b is None:
        return None, why or why2
    return b - k, None


def hot_add(res):
    return _num(res, "hot_add", "ms")


def hot_remove(res):
    return _num(res, "hot_remove", "ms")


def rss_overhead(res):
    v, why = _num(res, "rss", "overhead_kb")
    if v is None and isinstance(res.get("rss"), dict) and \
            "unmeasured" not in res["rss"]:
        why = "no guest RAM mapping found in smaps (%s)" % \
            res["rss"].get("method", "?")
    return (v / 1024.0 if v is not None else None), why


def _footprint_notes(vmm, sel_samples, vals):
    """Where the median run's MiB go, and (hotmem) the target."""
    notes = []
    with_fp = [s for s in sel_samples if isinstance(_get(s, "rss",
                                                         "classes"), dict)
               and _get(s, "rss", "overhead_kb") is not None]
    if with_fp:
        with_fp.sort(key=lambda s: s["rss"]["overhead_kb"])
        med = with_fp[len(with_fp) // 2]["rss"]
        notes.append("where the MiB go (median run): %s" %
                     footprint.summary(med, top=7))
        if vmm == "hotmem":
            notes.append("guest RAM found by %s" % med.get("method"))
    if vmm == "hotmem" and vals:
        over = sum(v > FOOTPRINT_TARGET_MIB for v in vals)
        notes.append("target <= %.0f MiB: %s" % (
            FOOTPRINT_TARGET_MIB, "met in every run" if not over else
            "exceeded in %d of %d runs" % (over, len(vals))))
    return notes


def guest_ram_rss(res):
    v, why = _num(res, "rss", "guest_ram_rss_kb")
    if v is not None and not _get(res, "rss", "guest_ram_mappings"):
        v, why = None, "no mapping of the guest RAM size in smaps"
    return (v / 1024.0 if v is not None else None), why


def qmp_rtt(res):
    return _num(res, "qmp_rtt", "median_us")


# (key, label, unit, scenario selector, extractor)
def figure_specs(slot_counts):
    specs = [
        ("boot_to_init", "boot: process start -> guest init", "ms",
         ("main",), boot_to_init),
        ("vmm_startup", "VMM start-up: process start -> first vCPU entry "
         "(kvm trace)", "ms", ("main",), vmm_startup),
        ("firmware", "firmware: reset -> kernel entry (hotmem: "
         "HOTMEM_TIMING; QEMU: kvm trace)", "ms", ("main",), fw_main),
        ("firmware_trace", "firmware: reset -> kernel entry (kvm trace, "
         "both)", "ms", ("main",), fw_trace),
        ("kernel_to_init", "kernel entry -> guest init (kvm trace)", "ms",
         ("main",), kernel_to_init),
        ("hot_add", "hot-add: device_add -> memory online in guest "
         "(8 slots)", "ms", ("main",), hot_add),
        ("hot_remove", "hot-remove: device_del -> DEVICE_DELETED", "ms",
         ("main",), hot_remove),
        ("rss_overhead", "VMM RSS beyond guest RAM, after boot (smaps Rss of "
         "every mapping but guest RAM)", "MiB",
         ("main",), rss_overhead),
        ("guest_ram_rss", "guest RAM resident on the host, after boot",
         "MiB", ("main",), guest_ram_rss),
        ("qmp_rtt", "QMP query-status round trip (median of %d)"
         % 200, "us", ("main",), qmp_rtt),
    ]
    for n in slot_counts:
        specs.append(("hot_add_slots_%d" % n, "hot-add into the last of %d "
                      "slot%s" % (n, "" if n == 1 else "s"), "ms",
                      ("slots", n), hot_add))
    if slot_counts:
        n = max(slot_counts)
        specs.append(("boot_slots_%d" % n, "boot: process start -> guest "
                      "init, %d slots" % n, "ms", ("slots", n),
                      boot_to_init))
    import balloon
    import migrate
    specs += migrate.figure_specs() + balloon.figure_specs()
    return specs


def _row_notes(fig):
    """Lines under a row of the migrate and balloon parts: their targets."""
    import balloon
    import migrate
    return migrate.figure_notes(fig) + balloon.figure_notes(fig)


def _selected(samples, sel, vmm):
    out = []
    for s in samples:
        if s.get("vmm") != vmm or s.get("scenario") != sel[0]:
            continue
        if sel[0] == "slots" and s.get("slots") != sel[1]:
            continue
        out.append(s)
    return out


def compute_figures(samples, slot_counts, runs_wanted,
                    only=("main", "slots")):
    """only: the scenarios that ran (BENCH_ONLY); rows of the others are
    left out.  runs_wanted: a number, or {part: runs} when the parts of a
    results file were measured in different bench runs."""
    figures = []
    if "slots" not in only:
        slot_counts = []
    for key, label, unit, sel, fn in figure_specs(slot_counts):
        if sel[0] not in only:
            continue
        fig = {"key": key, "label": label, "unit": unit}
        for vmm in VMMS:
            vals, whys = [], []
            sel_samples = _selected(samples, sel, vmm)
            for s in sel_samples:
                v, why = fn(s)
                if v is None:
                    whys.append(why)
                else:
                    vals.append(v)
            wanted = runs_wanted.get(sel[0], 0) if isinstance(
                runs_wanted, dict) else runs_wanted
            missing = wanted - len(sel_samples)
            if missing > 0:
                whys += ["run not done (the bench stopped early)"] * missing
            entry = {"samples": vals, "runs": wanted}
            if vals:
                entry.update(min=min(vals), median=statistics.median(vals),
                             max=max(vals))
            if whys:
                # distinct reasons, most frequent first
                counts = {}
                for w in whys:
                    counts[w] = counts.get(w, 0) + 1
                entry["unmeasured"] = [
                    {"reason": w, "runs": c}
                    for w, c in sorted(counts.items(), key=lambda x: -x[1])]
            if key == "rss_overhead":
                entry["notes"] = _footprint_notes(vmm, sel_samples, vals)
            fig[vmm] = entry
        h, q = fig["hotmem"].get("median"), fig["qemu"].get("median")
        fig["ratio"] = (h / q) if h is not None and q else None
        fig["notes"] = _row_notes(fig)
        figures.append(fig)
    return figures


def _fmt(v, unit):
    if v is None:
        return "-"
    if unit == "MiB":
        return "%.1f" % v
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.2f" % v


def format_table(figures, header_lines=()):
    rows = []
    head = ("figure", "unit", "hotmem min / median / max",
            "QEMU min / median / max", "hotmem/QEMU")
    notes_per_row = []
    for f in figures:
        cells = [f["label"], f["unit"]]
        notes = []
        for vmm in VMMS:
            e = f[vmm]
            if "median" in e:
                c = "%s / %s / %s" % (_fmt(e["min"], f["unit"]),
                                      _fmt(e["median"], f["unit"]),
                                      _fmt(e["max"], f["unit"]))
                if len(e["samples"]) < e["runs"]:
                    c += " (%d/%d runs)" % (len(e["samples"]), e["runs"])
            else:
                c = "not measurable"
            cells.append(c)
            for n in e.get("notes", []):
                notes.append("%s: %s" % (VMM_TITLE[vmm], n))
            for u in e.get("unmeasured", []):
                notes.append("%s: not measurable in %d/%d run%s: %s" % (
                    VMM_TITLE[vmm], u["runs"], e["runs"],
                    "" if e["runs"] == 1 else "s", u["reason"]))
        cells.append("%.2f" % f["ratio"] if f["ratio"] is not None else "-")
        notes += f.get("notes", [])
        rows.append(cells)
        notes_per_row.append(notes)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    widths[0] = min(widths[0], 62)

    def line(cells):
        out = []
        for i, c in enumerate(cells):
            out.append(c.ljust(widths[i]) if i in (0, 1) else
                       c.rjust(widths[i]))
        return "  ".join(out).rstrip()

    out = list(header_lines)
    out.append(line(head))
    out.append("  ".join("-" * w for w in widths))
    for cells, notes in zip(rows, notes_per_row):
        label = cells[0]
        if len(label) > widths[0]:
            # long label: its own line, the numbers below it
            out.append(label)
            cells = ["  ..."] + cells[1:]
        out.append(line(cells))
        for n in notes:
            out.append("    " + n)
    return "\n".join(out)
