#!/usr/bin/env python3
"""Write the sample issue's photo files: generated placeholders, not real photographs.

The Taiyuan Daily page of 10 February 2023 (layouts/taiyuan-2023-02-10.ron) prints three
photos; their pictures are not part of the seed text, so this script draws a simple snowy
scene for each (sky gradient, snow-covered ground, a dark band for the road, railway or
power line, and deterministic snowflakes) and writes it as an 8-bit RGB PNG using only the
standard library (zlib + struct). The output is the same bytes on every run.

    python3 assets/make_assets.py        # writes assets/*.png beside this script
"""

import os
import random
import struct
import zlib


def png(path, width, height, rows):
    """Write `rows` (one bytes object of width*3 RGB bytes per row) as a PNG file."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = bytearray()
    prev = bytes(width * 3)
    for row in rows:
        # Filter type 2 (Up): identical rows compress to almost nothing.
        raw.append(2)
        raw.extend(bytes((a - b) & 0xFF for a, b in zip(row, prev)))
        prev = row
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def scene(width, height, sky_top, sky_bottom, horizon, band, band_colour, flakes, seed):
    """A snowy scene: sky gradient above `horizon` (a fraction of the height), white ground
    below with a dark `band` (top, bottom fractions), and `flakes` square snowflakes."""
    rng = random.Random(seed)
    spots = {}
    for _ in range(flakes):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.choice((2, 3, 4))
        for dy in range(r):
            spots.setdefault(y + dy, []).append((x, r))
    h_line = int(horizon * height)
    b_top, b_bottom = int(band[0] * height), int(band[1] * height)
    rows = []
    for y in range(height):
        if y < h_line:
            t = y / max(1, h_line - 1)
            colour = tuple(round(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom))
        elif b_top <= y < b_bottom:
            colour = band_colour
        else:
            shade = 250 - (y - h_line) * 20 // max(1, height - h_line)
            colour = (shade, shade, min(255, shade + 4))
        row = bytearray(bytes(colour) * width)
        for x, r in spots.get(y, ()):
            for dx in range(r):
                if x + dx < width:
                    row[(x + dx) * 3:(x + dx) * 3 + 3] = b"\xff\xff\xff"
        rows.append(bytes(row))
    return rows


PHOTOS = [
    # name, size, sky top, sky bottom, horizon, dark band, band colour, flakes
    ("snow-traffic", (900, 600), (92, 104, 122), (196, 204, 214), 0.45, (0.62, 0.80), (70, 72, 78), 260),
    ("xishan-railway", (1200, 800), (110, 124, 146), (210, 216, 224), 0.40, (0.66, 0.72), (84, 62, 50), 320),
    ("power-grid", (1200, 800), (80, 96, 120), (184, 196, 212), 0.70, (0.20, 0.21), (40, 40, 44), 360),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for i, (name, (w, h), top, bottom, horizon, band, band_colour, flakes) in enumerate(PHOTOS):
        path = os.path.join(here, name + ".png")
        size = png(path, w, h, scene(w, h, top, bottom, horizon, band, band_colour, flakes, seed=i + 1))
        print(f"{path}: {w}x{h}, {size} bytes")


if __name__ == "__main__":
    main()
