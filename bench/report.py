"""Turn one file's bench results into the printed tables (one main table per file, then fliesstext's details)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fliesstext.evaluate import render_table

# (column header, path into a row's figures, format); "ratio" rows divide by the reference row of the same run
COLUMNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("P", ("body", "precision", "mean"), "{:.3f}"),
    ("P med", ("body", "precision", "median"), "{:.3f}"),
    ("R", ("body", "recall", "mean"), "{:.3f}"),
    ("R med", ("body", "recall", "median"), "{:.3f}"),
    ("F1", ("body", "f1", "mean"), "{:.3f}"),
    ("F1 med", ("body", "f1", "median"), "{:.3f}"),
    ("title", ("title", "accuracy"), "{:.3f}"),
    ("title+k", ("title_kicker", "accuracy"), "{:.3f}"),
    ("date", ("date", "accuracy"), "{:.3f}"),
    ("authors", ("authors", "accuracy"), "{:.3f}"),
    ("lang", ("lang", "accuracy"), "{:.3f}"),
    ("ms/page", ("speed", "ms_per_page"), "{:.2f}"),
    ("pages/s", ("speed", "pages_per_s"), "{:.1f}"),
    ("peak RSS MB", ("speed", "peak_rss_mb"), "{:.0f}"),
)


def lookup(figures: Mapping[str, Any], path: tuple[str, ...]) -> float | None:
    value: Any = figures
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, int | float) else None


def ratios(figures: Mapping[str, Any], reference: Mapping[str, Any] | None) -> dict[str, float | None]:
    """Each column's figure divided by the reference extractor's figure (None when either is missing or 0)."""
    out: dict[str, float | None] = {}
    for header, path, _ in COLUMNS:
        mine, theirs = lookup(figures, path), lookup(figures=reference or {}, path=path)
        out[header] = mine / theirs if mine is not None and theirs else None
    return out


def _cell(value: float | None, fmt: str) -> str:
    return "—" if value is None else fmt.format(value)


def main_table(file_result: Mapping[str, Any], reference: str) -> list[str]:
    """The one table per file: a row of figures per extractor and, under it, the ratios to the reference."""
    header = ["extractor", *(c[0] for c in COLUMNS)]
    rows: list[list[str]] = []
    for name, figures in file_result["rows"].items():
        if "error" in figures:
            rows.append([name, f"failed: {figures['error'][:80]}"])
            continue
        rows.append([name, *(_cell(lookup(figures, path), fmt) for _, path, fmt in COLUMNS)])
        if name != reference and any(v is not None for v in (figures.get("ratios") or {}).values()):
            rows.append([f"  ÷ {reference}", *(_cell(figures["ratios"].get(c[0]), "{:.2f}×") for c in COLUMNS)])
    return render_table(header, rows)


def per_language_table(per_language: Mapping[str, Mapping[str, Any]], names: list[str]) -> list[str]:
    header = ["lang", "pages", *(f"{n} F1" for n in names)]
    rows = [[lang, str(v["n"]), *(_cell(v.get(n), "{:.3f}") for n in names)] for lang, v in per_language.items()]
    return render_table(header, rows)


def worst_table(worst: list[Mapping[str, Any]]) -> list[str]:
    rows = [[f"{p['f1']:.3f}", f"{p['precision']:.3f}", f"{p['recall']:.3f}", _cell(p.get("ms"), "{:.1f}"), p["id"]]
            for p in worst]
    return render_table(["F1", "P", "R", "ms", "page"], rows)


def profile_table(profile: Mapping[str, Any]) -> list[str]:
    lines: list[str] = []
    for key, title in (("stages_ms", "stage"), ("modules_ms", "module (cProfile own time)")):
        figures: Mapping[str, float] = profile.get(key) or {}
        total = sum(figures.values()) or 1.0
        rows = [[name, f"{ms:.3f}", f"{100 * ms / total:.1f}%"] for name, ms in figures.items()]
        if key == "stages_ms":
            rows.append(["total", f"{sum(figures.values()):.3f}", "100%"])
            if profile.get("extract_page_ms") is not None:
                rows.append(["(extract_page, whole)", f"{profile['extract_page_ms']:.3f}", ""])
        lines += render_table([title, "ms/page", "share"], rows)
    return lines


def memory_line(memory: Mapping[str, Any]) -> str:
    return (f"memory: {memory['pages']} pages × {memory['repeat']} passes in one process: RSS "
            f"{memory['rss_before_mb']:.0f} MB before, {memory['rss_after_first_mb']:.0f} MB after pass 1, "
            f"{memory['rss_after_last_mb']:.0f} MB after pass {memory['repeat']} → growth "
            f"{memory['growth_mb']:+.1f} MB ({memory['seconds']:.1f} s)")


def file_report(file_result: Mapping[str, Any], reference: str) -> str:
    """Everything printed for one bench file."""
    out = [f"\n=== {file_result['file']} ({file_result['kind']}, {file_result['pages']} pages) ==="]
    out += main_table(file_result, reference)
    notes = [f"{name}: {note}" for name, note in file_result.get("notes", {}).items() if note]
    out += [f"skipped {name}: {why}" for name, why in file_result.get("skipped", {}).items()]
    if notes:
        out.append("notes: " + "; ".join(notes))
    passes = max((lookup(r, ("speed", "passes")) or 0 for r in file_result["rows"].values()), default=0)
    out.append(f"ms/page: CPU time of the extraction call on one core, fastest of {passes:.0f} passes per page; "
               "peak RSS: the extractor's own process (VmHWM)")
    if file_result.get("per_language"):
        out += ["", "per-language mean body F1:"]
        out += per_language_table(file_result["per_language"], file_result.get("language_columns", []))
    if file_result.get("worst"):
        out += ["", "fliesstext: worst 10 pages by body F1:"]
        out += worst_table(file_result["worst"])
    if file_result.get("profile"):
        profile = file_result["profile"]
        failed = f" — failed: {profile['error']}" if "error" in profile else ""
        out += ["", f"fliesstext: time profile (per-module ms include cProfile's overhead: read the shares){failed}"]
        if "error" not in profile:
            out += profile_table(profile)
    memory = file_result.get("memory")
    if memory:
        out += ["", memory_line(memory) if "error" not in memory else f"memory check failed: {memory['error']}"]
    return "\n".join(out)


def compare_lines(current: Mapping[str, Any], previous: Mapping[str, Any] | None, stamp: str) -> list[str]:
    """fliesstext's headline figures against the previous run on the same file (same number of pages)."""
    if not previous or previous.get("pages") != current.get("pages"):
        return []
    out = []
    for name in ("fliesstext", "fliesstext:precision", "fliesstext:recall"):
        now, before = current["rows"].get(name), previous.get("rows", {}).get(name)
        if not now or not before or "error" in now or "error" in before:
            continue
        cells = []
        for header, path, fmt in COLUMNS:
            new, old = lookup(now, path), lookup(before, path)
            if header in ("F1", "F1 med", "title", "date", "authors", "lang", "ms/page") and new is not None \
                    and old is not None and fmt.format(new) != fmt.format(old):
                cells.append(f"{header} {fmt.format(old)} → {fmt.format(new)}")
        out.append(f"{name} vs previous run {stamp}: " + (", ".join(cells) or "no change"))
    return out


def summary(file_result: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """The table's figures only, per extractor: what a closing note or a run-to-run diff needs."""
    return {name: {header: lookup(figures, path) for header, path, _ in COLUMNS}
            for name, figures in file_result["rows"].items() if "error" not in figures}
