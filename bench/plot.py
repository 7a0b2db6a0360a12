#!/usr/bin/env python3
"""Small line charts written as PNG with the standard library only (zlib +
struct): the soak's plot, without a plotting dependency.

    bench/plot.py RESULTS.json OUT.png     the soak plot of a results file

A chart is a list of panels stacked vertically; a panel has a title, a
y-axis unit and series of (x, y) points.  Text uses a built-in 5x7 font
(digits, upper-case letters and a little punctuation; lower case is drawn
as upper case).
"""

import json
import math
import struct
import sys
import zlib

# 5x7 glyphs, one string of 7 rows of 5 bits each
FONT = {
    "0": "01110 10001 10011 10101 11001 10001 01110",
    "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111",
    "3": "11111 00010 00100 00010 00001 10001 01110",
    "4": "00010 00110 01010 10010 11111 00010 00010",
    "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110",
    "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110",
    "9": "01110 10001 10001 01111 00001 00010 01100",
    "A": "01110 10001 10001 11111 10001 10001 10001",
    "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01110 10001 10000 10000 10000 10001 01110",
    "D": "11100 10010 10001 10001 10001 10010 11100",
    "E": "11111 10000 10000 11110 10000 10000 11111",
    "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01110 10001 10000 10111 10001 10001 01111",
    "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "01110 00100 00100 00100 00100 00100 01110",
    "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001",
    "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001",
    "N": "10001 10001 11001 10101 10011 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110",
    "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101",
    "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110",
    "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110",
    "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 10101 01010",
    "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 10001 01010 00100 00100 00100",
    "Z": "11111 00001 00010 00100 01000 10000 11111",
    ".": "00000 00000 00000 00000 00000 01100 01100",
    ",": "00000 00000 00000 00000 01100 00100 01000",
    "-": "00000 00000 00000 11111 00000 00000 00000",
    "+": "00000 00100 00100 11111 00100 00100 00000",
    "/": "00001 00001 00010 00100 01000 10000 10000",
    ":": "00000 01100 01100 00000 01100 01100 00000",
    "(": "00010 00100 01000 01000 01000 00100 00010",
    ")": "01000 00100 00010 00010 00010 00100 01000",
    "=": "00000 00000 11111 00000 11111 00000 00000",
    "%": "11000 11001 00010 00100 01000 10011 00011",
    "<": "00010 00100 01000 10000 01000 00100 00010",
    ">": "01000 00100 00010 00001 00010 00100 01000",
    " ": "00000 00000 00000 00000 00000 00000 00000",
}

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GRID = (220, 220, 220)
COLORS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189)]


class Canvas:
    def __init__(self, w, h, bg=WHITE):
        self.w, self.h = w, h
        self.px = bytearray(bytes(bg) * (w * h))

    def set(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(c)

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1 + 1)):
            for x in range(max(0, x0), min(self.w, x1 + 1)):
                self.set(x, y, c)

    def line(self, x0, y0, x1, y1, c, width=1):
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            for o in range(width):
                self.set(x0, y0 + o - width // 2, c)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, x, y, s, c=BLACK, scale=1):
        for ch in s.upper():
            g = FONT.get(ch, FONT[" "]).split()
            for r, row in enumerate(g):
                for col, bit in enumerate(row):
                    if bit == "1":
                        self.rect(x + col * scale, y + r * scale,
                                  x + col * scale + scale - 1,
                                  y + r * scale + scale - 1, c)
            x += 6 * scale

    def png(self):
        raw = b"".join(b"\x00" + bytes(self.px[y * self.w * 3:(y + 1) *
                                                self.w * 3])
                       for y in range(self.h))

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data +
                    struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
        return (b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2,
                                           0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _fmt(v):
    if abs(v) >= 100 or v == int(v):
        return "%d" % round(v)
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.2f" % v


def _ticks(lo, hi, n=5):
    """About n round tick values (1, 2 or 5 times a power of ten apart)
    covering [lo, hi]."""
    raw = (hi - lo) / n
    if raw <= 0:
        return [lo]
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    t = math.ceil(lo / step) * step
    out = []
    while t <= hi + step * 1e-9:
        out.append(round(t, 9))
        t += step
    return out


def draw_panel(cv, box, title, unit, series, x_label, x_range):
    """series: [(label, [(x, y)...])]; box: (x0, y0, x1, y1) of the panel."""
    x0, y0, x1, y1 = box
    cv.text(x0, y0, title, scale=2)
    left, top, right, bottom = x0 + 70, y0 + 36, x1 - 10, y1 - 34
    ys = [y for _, pts in series for _, y in pts]
    lo, hi = (min(ys), max(ys)) if ys else (0, 1)
    pad = max((hi - lo) * 0.1, abs(hi) * 0.02, 0.5)
    lo, hi = lo - pad, hi + pad
    xlo, xhi = x_range
    xhi = xhi if xhi > xlo else xlo + 1

    def px(x, y):
        return (int(left + (x - xlo) * (right - left) / (xhi - xlo)),
                int(bottom - (y - lo) * (bottom - top) / (hi - lo)))
    for t in _ticks(lo, hi):
        _, yy = px(xlo, t)
        cv.line(left, yy, right, yy, GRID)
        cv.text(x0 + 4, yy - 3, _fmt(t))
    for t in _ticks(xlo, xhi, 10):
        xx, _ = px(t, lo)
        cv.line(xx, top, xx, bottom, GRID)
        s = _fmt(t)
        cv.text(xx - 3 * len(s), bottom + 6, s)
    cv.line(left, top, left, bottom, BLACK)
    cv.line(left, bottom, right, bottom, BLACK)
    cv.text(x0 + 4, top - 10, unit)
    cv.text((left + right) // 2 - 3 * len(x_label), bottom + 18, x_label)
    lx = left + 10
    for i, (label, pts) in enumerate(series):
        c = COLORS[i % len(COLORS)]
        prev = None
        for x, y in pts:
            p = px(x, y)
            if prev:
                cv.line(prev[0], prev[1], p[0], p[1], c, width=2)
            prev = p
        if len(pts) == 1:
            cv.rect(prev[0] - 2, prev[1] - 2, prev[0] + 2, prev[1] + 2, c)
        cv.rect(lx, top + 4, lx + 12, top + 8, c)
        cv.text(lx + 16, top + 3, label)
        lx += 16 + 6 * len(label) + 20


def chart(panels, x_label, width=900, panel_height=300):
    """panels: [(title, unit, series)]; returns PNG bytes."""
    cv = Canvas(width, panel_height * len(panels) + 10)
    xs = [x for _, _, series in panels for _, pts in series for x, _ in pts]
    x_range = (min(xs), max(xs)) if xs else (0, 1)
    for i, (title, unit, series) in enumerate(panels):
        draw_panel(cv, (10, 10 + i * panel_height, width - 10,
                        (i + 1) * panel_height), title, unit, series, x_label,
                   x_range)
    return cv.png()


def soak_png(soak):
    """The soak plot: VMM RSS and guest MemTotal over the cycles."""
    cyc = soak.get("per_cycle", [])
    smp = soak.get("samples", [])
    mib = 1024.0
    # after every cycle, and the sample before the first one
    rss = sorted({c["cycle"]: c["vmrss_kb"] / mib for c in smp + cyc
                  if c.get("vmrss_kb") is not None}.items())
    over = [(s["cycle"], s["overhead_kb"] / mib) for s in smp
            if s.get("overhead_kb") is not None]
    plugged = [(c["cycle"], c["memtotal_plugged_kb"] / mib) for c in cyc
               if c.get("memtotal_plugged_kb") is not None]
    removed = [(s["cycle"], s["memtotal_kb"] / mib) for s in smp
               if s.get("memtotal_kb") is not None]
    panels = [
        ("HOTMEM RSS, DIMM REMOVED", "MIB",
         [("VMRSS", rss)]),
        ("HOTMEM MEMORY BEYOND GUEST RAM", "MIB",
         [("SMAPS RSS BEYOND GUEST RAM", over)]),
        ("GUEST MEMTOTAL", "MIB",
         [("DIMM ONLINE", plugged), ("DIMM REMOVED", removed)]),
    ]
    return chart(panels, "CYCLE")


def main():
    if len(sys.argv) != 3:
        print("usage: bench/plot.py RESULTS.json OUT.png", file=sys.stderr)
        return 2
    with open(sys.argv[1]) as f:
        res = json.load(f)
    soak = res.get("soak")
    if not soak:
        print("plot: no soak in %s" % sys.argv[1], file=sys.stderr)
        return 1
    with open(sys.argv[2], "wb") as f:
        f.write(soak_png(soak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
