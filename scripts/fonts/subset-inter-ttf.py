#!/usr/bin/env python3
"""Subsets Inter (OFL 1.1) as TrueType for the PDF brief (jsPDF embeds TTF only, not WOFF2).

Run by hand, not at install or test time (the outputs are committed):
  apt-get install python3-fonttools python3-brotli && npm pack inter-ui@4.1.1 && tar xzf inter-ui-4.1.1.tgz
  /usr/bin/python3 scripts/fonts/subset-inter-ttf.py package/web
Wider than the app's WOFF2 subset (Cyrillic, Greek, Latin Extended-B) so names in those scripts
survive in the PDF; layout features are dropped as there, so advance widths match font-metrics.ts.
"""
import sys
from pathlib import Path
from fontTools import subset
from fontTools.ttLib import TTFont

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else 'package/web')
OUT = Path(__file__).resolve().parents[2] / 'src' / 'ui' / 'fonts'

RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF),
          (0x2010, 0x2027), (0x2030, 0x203A)]
EXTRA = [0x20AC, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2264, 0x2265, 0x2248, 0x2026, 0x2022, 0x25B6, 0x25BC]
CODEPOINTS = sorted({c for a, b in RANGES for c in range(a, b + 1)} | set(EXTRA))

for src, dst in [('Inter-Regular.woff2', 'inter-regular.ttf'), ('Inter-SemiBold.woff2', 'inter-semibold.ttf')]:
    options = subset.Options()
    options.flavor = None
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ['*']
    options.notdef_outline = True
    font = TTFont(SRC / src)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=CODEPOINTS)
    sub.subset(font)
    font.flavor = None
    font.save(OUT / dst)
    print(dst, (OUT / dst).stat().st_size, 'glyf' in font)
