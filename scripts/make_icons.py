#!/usr/bin/env python3
"""Draws Casebook's app icons (PNG 192/512, plain and maskable) and the SVG favicon.

Run once when the design changes; the outputs are committed under static/icons/.
Pure standard library (zlib) so it runs on any machine without Pillow.
The mark: a timeline (a bar with three stops) on a blue tile.
"""
import struct
import zlib
from pathlib import Path

BLUE = (31, 79, 130)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def mark(x, y, size, scale):
    """True where the white timeline mark is drawn (centred, `scale` of the width)."""
    c = size / 2
    half = size * scale / 2
    bar = abs(y - c) <= size * 0.035 * scale / 0.6 and abs(x - c) <= half
    r = size * 0.085 * scale / 0.6
    stops = [c - half * 0.8, c - half * 0.05, c + half * 0.8]
    dot = any((x - sx) ** 2 + (y - c) ** 2 <= r ** 2 for sx in stops)
    return bar or dot


def png(size, maskable):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            on_tile = maskable or inside_rounded_square(px, py, size, size * 0.2)
            if not on_tile:
                row += bytes((0, 0, 0, 0))
            elif mark(px, py, size, 0.5 if maskable else 0.64):
                row += bytes(WHITE + (255,))
            else:
                row += bytes(BLUE + (255,))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="13" fill="rgb(31,79,130)"/>
<rect x="11.5" y="30" width="41" height="4" fill="#fff"/>
<circle cx="15.6" cy="32" r="5.8" fill="#fff"/><circle cx="31" cy="32" r="5.8" fill="#fff"/><circle cx="48.4" cy="32" r="5.8" fill="#fff"/>
</svg>
"""

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (OUT / f"icon-{size}.png").write_bytes(png(size, False))
        (OUT / f"icon-maskable-{size}.png").write_bytes(png(size, True))
    (OUT / "icon.svg").write_text(SVG)
    print("wrote", ", ".join(sorted(p.name for p in OUT.iterdir())))
