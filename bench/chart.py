"""chart.py - bar chart of the ratios run.php measured.

Usage: python3 chart.py DATA.json OUT.png
DATA.json: [{"bench": name, "xsock": ratio|null, "cpu": ratio|null,
             "ceiling": ratio|null, "anchor": ratio|null, "target": ratio|null}, ...]
xsock, ceiling and anchor (C better or nginx, where a row has one): rate
against builtin's; cpu: builtin's CPU time per operation over xsock's.
Ratios are against PHP's built-in transports; > 1 is better (run.php has
already inverted the lower-is-better rows).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402


def main(src, out):
    rows = json.load(open(src))
    names = [r["bench"] for r in rows]
    ys = range(len(rows))
    h = 0.21
    fig, ax = plt.subplots(figsize=(9, 0.9 * len(rows) + 1.6))
    for off, key, label, color in ((-1.5 * h, "xsock", "xsock / builtin, rate (RSS: builtin / xsock)", "#2a7ab9"),
                                   (-0.5 * h, "cpu", "builtin / xsock, CPU time per operation", "#8cc0e6"),
                                   (0.5 * h, "ceiling", "C ceiling / builtin (rate)", "#bbbbbb"),
                                   (1.5 * h, "anchor", "C better or nginx / builtin (rate)", "#e39b3b")):
        vals = [r.get(key) or 0 for r in rows]
        bars = ax.barh([y + off for y in ys], vals, height=h, label=label, color=color)
        for bar, r in zip(bars, rows):
            if r.get(key):
                ax.text(bar.get_width() * 1.03, bar.get_y() + bar.get_height() / 2,
                        "%.2f" % r[key], va="center", fontsize=8)
            elif key != "anchor":
                ax.text(1.02, bar.get_y() + bar.get_height() / 2, "n/a", va="center", fontsize=7)
    targets = [(y, r["target"]) for y, r in zip(ys, rows) if r.get("target")]
    for i, (y, t) in enumerate(targets):
        ax.plot([t, t], [y - 2 * h, y + 2 * h], color="#c0392b", linewidth=2,
                label="target" if i == 0 else None)
    ax.set_xscale("log", base=2)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: "%g" % v))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_yticks(list(ys))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.set_xlabel("ratio to PHP's built-in transports (log scale; > 1 = better)")
    ax.set_title("xsock vs PHP built-in transports (medians)")
    ax.legend(loc="lower right", fontsize=8)
    lo = min([r[k] for r in rows for k in ("xsock", "cpu", "ceiling", "anchor") if r.get(k)] + [1.0])
    hi = max([r[k] for r in rows for k in ("xsock", "cpu", "ceiling", "anchor", "target") if r.get(k)] + [1.0])
    ax.set_xlim(min(lo, 1.0) / 1.5, hi * 1.6)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
