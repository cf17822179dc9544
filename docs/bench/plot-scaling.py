#!/usr/bin/env python3
"""Draws docs/scaling.svg from the CSV files of docs/bench/scaling.sh: three panels (cost per analysis
against rule-base size, against replies per document, and batch throughput against documents), log x.
Plain SVG written by hand: no plotting library on the machines this runs on."""
import csv, math, sys

analysis, docs, out = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(analysis)))
rules = [(float(r["rules"]), float(r["micros_per_analysis"]), r["x"]) for r in rows if r["series"] == "rules"]
replies = [(float(r["x"]), float(r["micros_per_analysis"]), r["x"]) for r in rows if r["series"] == "replies"]
batch = [(float(r["x"]), float(r["docs_per_second"]), r["x"]) for r in csv.DictReader(open(docs))]

W, H, M = 300, 230, 50
panels = [
    ("µs per analysis vs rules in the base", "rules (bundled, 5x, 20x)", rules),
    ("µs per analysis vs replies in the document", "replies", replies),
    ("documents/s vs documents in the batch", "documents", batch),
]
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W*3+20}" height="{H+40}" font-family="sans-serif" font-size="11">',
       '<rect width="100%" height="100%" fill="white"/>']
for i, (title, xlabel, pts) in enumerate(panels):
    ox = 10 + i * W
    svg.append(f'<text x="{ox + W/2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>')
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
    path = " ".join(f'{"M" if j == 0 else "L"}{px(p[0]):.1f},{py(p[1]):.1f}' for j, p in enumerate(pts))
    svg.append(f'<path d="{path}" fill="none" stroke="#1f6feb" stroke-width="2"/>')
    for p in pts:
        svg.append(f'<circle cx="{px(p[0]):.1f}" cy="{py(p[1]):.1f}" r="3" fill="#1f6feb"/>')
        svg.append(f'<text x="{px(p[0]):.1f}" y="{py(p[1])-7:.1f}" text-anchor="middle">{p[1]:,.0f}</text>')
        svg.append(f'<text x="{px(p[0]):.1f}" y="{H+4}" text-anchor="middle">{int(p[0]):,}</text>')
    svg.append(f'<text x="{ox + M + (W-M)/2}" y="{H+20}" text-anchor="middle">{xlabel} (log scale)</text>')
svg.append('</svg>')
open(out, "w").write("\n".join(svg) + "\n")
