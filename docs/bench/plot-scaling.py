#!/usr/bin/env python3
"""Draws docs/scaling.svg from the CSV files of docs/bench/scaling.sh: three panels (cost per analysis
against rule-base size, against replies per document, and batch throughput against documents), log x.
Plain SVG written by hand: no plotting library on the machines this runs on."""
import csv, math, sys

analysis, docs, out = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(analysis)))
def series(name, x):
    return [(float(r[x]), float(r["micros_per_analysis"])) for r in rows if r["series"] == name]

# Each panel: title, x label, and its lines (legend, colour, points).
clones, joins = series("rules", "rules"), series("rules-joins", "rules")
replies = series("replies", "x")
batch = [(float(r["x"]), float(r["docs_per_second"])) for r in csv.DictReader(open(docs))]

W, H, M = 300, 230, 50
panels = [
    ("µs per analysis vs rules in the base", "rules (bundled, 5x, 20x)",
     [("copies of the bundled rules", "#1f6feb", clones), ("generated joins (three shapes)", "#d1242f", joins)]),
    ("µs per analysis vs replies in the document", "replies", [("", "#1f6feb", replies)]),
    ("documents/s vs documents in the batch", "documents", [("", "#1f6feb", batch)]),
]
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W*3+20}" height="{H+40}" font-family="sans-serif" font-size="11">',
       '<rect width="100%" height="100%" fill="white"/>']
for i, (title, xlabel, lines) in enumerate(panels):
    ox = 10 + i * W
    svg.append(f'<text x="{ox + W/2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>')
    pts = [p for _, _, line in lines for p in line]
    if not pts:
        continue
    xs = [math.log10(p[0]) for p in pts]
    ymax = max(p[1] for p in pts) * 1.15
    x0, x1 = min(xs), max(xs)
    span = (x1 - x0) or 1
    def px(x): return ox + M + (math.log10(x) - x0) / span * (W - M - 20)
    def py(y): return H - 10 - y / ymax * (H - 50)
    svg.append(f'<line x1="{ox+M}" y1="{H-10}" x2="{ox+W-10}" y2="{H-10}" stroke="black"/>')
    svg.append(f'<line x1="{ox+M}" y1="{H-10}" x2="{ox+M}" y2="30" stroke="black"/>')
    for k in range(5):
        y = ymax * k / 4
        svg.append(f'<text x="{ox+M-4}" y="{py(y)+4}" text-anchor="end">{y:,.0f}</text>')
        svg.append(f'<line x1="{ox+M}" y1="{py(y)}" x2="{ox+W-10}" y2="{py(y)}" stroke="#ddd"/>')
    for n, (legend, colour, line) in enumerate(lines):
        if not line:
            continue
        path = " ".join(f'{"M" if j == 0 else "L"}{px(p[0]):.1f},{py(p[1]):.1f}' for j, p in enumerate(line))
        svg.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in line:
            svg.append(f'<circle cx="{px(p[0]):.1f}" cy="{py(p[1]):.1f}" r="3" fill="{colour}"/>')
            svg.append(f'<text x="{px(p[0]):.1f}" y="{py(p[1])-7:.1f}" text-anchor="middle" fill="{colour}">{p[1]:,.0f}</text>')
        if legend:
            svg.append(f'<text x="{ox+M+8}" y="{44 + 14*n}" fill="{colour}">— {legend}</text>')
    for x in sorted({p[0] for p in pts}):
        svg.append(f'<text x="{px(x):.1f}" y="{H+4}" text-anchor="middle">{int(x):,}</text>')
    svg.append(f'<text x="{ox + M + (W-M)/2}" y="{H+20}" text-anchor="middle">{xlabel} (log scale)</text>')
svg.append('</svg>')
open(out, "w").write("\n".join(svg) + "\n")
