#!/usr/bin/env python3
"""campusflow's study report: one HTML page for a study table (study.h5,
written by `campusflow sweep`), with its factors and variants compared.

  study_report.py STUDY.h5 OUT_DIR [--tradeoff METRIC,METRIC]
                                   (run by `campusflow report`)

The page holds, in this order:
  1. the study: name, description, scenario, runs done of planned, runs
     incomplete and failed;
  2. per numeric factor, a trade-off figure first (two metrics against the
     factor on twin y axes: the first two metrics, or those of --tradeoff),
     then each metric against the factor: the mean (line and markers), the
     95 % confidence interval of the mean shaded, the 5-95 % range of the
     runs as a lighter band (error bars when there are several lines); one
     line per variant (and per level of the other factors);
  3. with two variants or more: per metric, the mean and its 95 % CI per
     variant as points with error bars, and a table;
  4. a summary in plain words: each variant against the first (the
     reference) in the same factor levels, or, in a study of one variant,
     each factor's last level against its first;
  5. the aggregate table (every case and metric).

Statistics. Every case's mean, standard deviation (n - 1), 5/50/95 %
percentiles and 95 % confidence interval of the mean (Student t with
n - 1 degrees of freedom) are those of the study table (/aggregate). A
comparison of two cases is the difference of their means with a Welch 95 %
interval: d = m2 - m1, se = sqrt(s1²/n1 + s2²/n2), degrees of freedom by
Welch-Satterthwaite, df = se⁴ / ((s1²/n1)²/(n1 - 1) + (s2²/n2)²/(n2 - 1)),
interval d ± t(0.975, df) · se. The Student t quantile is scipy's where
scipy is installed; otherwise it is found here by bisection on the t
distribution function, written with the regularised incomplete beta
function (continued fraction, Lentz's method), to 1e-10. An interval that
holds 0 is said as "no clear difference". n counts the runs that gave the
metric a value.

The file is untrusted input, read like a run's result by report.py (whose
checks and page this script shares): everything is checked before anything
is drawn, names are shown as plain text in the plots and HTML-escaped in the
page. A file that cannot be reported on exits 2, a failure while writing
exits 1, each with one line on stderr (docs/report.md)."""
import html
import math
import multiprocessing
import sys

import h5py
import numpy as np

import report  # noqa: F401  (matplotlib's settings: Agg, no mathtext, fonts, colours)
from report import BadInput, bad, child, attribute, texts, shaped, load, name, legend_label, legend, Page, run_report, open_hdf5

import matplotlib.pyplot as plt  # noqa: E402  (after report set the backend)

STUDY_FORMAT = "campusflow-study/1"
SPREAD_COLUMNS = "values,mean,sd,p5,p50,p95,ci95_low,ci95_high"
VALUES, MEAN, SD, P5, P50, P95, CI_LOW, CI_HIGH = range(8)
# Far above any study: a file past them is crafted or damaged, and its page
# could not be read (or drawn) anyway.
MAX_CASES = 10_000
MAX_RUNS = 10_000_000
MAX_METRICS = 200
MAX_FACTORS = 20


# --- the Student t quantile ---------------------------------------------------

def _betacf(a, b, x):
    """The continued fraction of the regularised incomplete beta (Lentz)."""
    tiny, eps = 1e-300, 1e-15
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 10_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < eps:
            break
    return h


def betainc(a, b, x):
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t, df):
    """P(T <= t) for Student's t with df (> 0, not necessarily whole) degrees of freedom."""
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_quantile(p, df):
    """The p quantile (0.5 < p < 1) of Student's t with df degrees of freedom."""
    try:
        from scipy.stats import t as student_t
        return float(student_t.ppf(p, df))
    except ImportError:
        pass
    lo, hi = 0.0, 2.0
    while t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2.0
    while hi - lo > 1e-12 * max(1.0, hi):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if t_cdf(mid, df) < p else (lo, mid)
    return 0.5 * (lo + hi)


def welch(a, b):
    """b's mean minus a's, with the Welch 95 % interval: (d, low, high, df).
    a and b are rows of a metric's table (values, mean, sd, ...). low and high
    are NaN when either has fewer than 2 values; equal to d when neither
    varies."""
    n1, m1, s1 = a[VALUES], a[MEAN], a[SD]
    n2, m2, s2 = b[VALUES], b[MEAN], b[SD]
    d = m2 - m1
    if n1 < 2 or n2 < 2 or not (math.isfinite(s1) and math.isfinite(s2)):
        return d, math.nan, math.nan, math.nan
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    se = math.sqrt(v1 + v2)
    if se == 0.0:
        return d, d, d, math.inf
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    half = t_quantile(0.975, df) * se
    return d, d - half, d + half, df


# --- reading, every value checked -------------------------------------------

def strings(group, key, rows=None):
    ds = child(group, key, h5py.Dataset)
    out = texts(ds)
    if rows is not None and len(out) != rows:
        raise bad(ds, f"has {len(out)} rows, expected {rows}")
    return out


def integers(group, key, rows):
    ds = child(group, key, h5py.Dataset)
    if shaped(ds, (1,))[0] != rows:
        raise bad(ds, f"has {ds.shape[0]} rows, expected {rows}")
    if ds.dtype.names or ds.dtype.kind not in "iu":
        raise bad(ds, f"has type {ds.dtype}, expected integers")
    values = load(ds).astype(np.int64)
    if (values < 0).any():
        raise bad(ds, f"is {values[values < 0][0]} at row {int(np.argmax(values < 0))}, expected a count")
    return values


def floats(ds, shape):
    """A float dataset of this shape; NaN (no value) allowed, infinities not."""
    if tuple(shaped(ds, (len(shape),))) != shape:
        raise bad(ds, f"has shape {ds.shape}, expected {shape}")
    if ds.dtype.names or ds.dtype.kind not in "iuf":
        raise bad(ds, f"has type {ds.dtype}, expected numbers")
    values = load(ds).astype(float)
    if np.isinf(values).any():
        raise bad(ds, "holds an infinite value")
    return values


def read_factor(group, k, rows, listed):
    ds = child(group, f"factor_{k}", h5py.Dataset)
    numeric = ds.dtype.kind in "iuf" and not ds.dtype.names
    if numeric:
        values = floats(ds, (rows,))
        if np.isnan(values).any():
            raise bad(ds, "holds NaN, expected a level")
    else:
        values = strings(group, f"factor_{k}", rows)
    fname = attribute(ds, "name", "text", listed)
    if fname != listed:
        raise bad(ds, f'is "{fname}", /aggregate/factor_names says "{listed}"', "name")
    return {"name": fname, "unit": attribute(ds, "unit", "text", ""), "numeric": numeric, "values": values}


def read(path):
    """Everything the page shows, checked; BadInput for a file that cannot be reported on."""
    with open_hdf5(path) as f:
        fmt = attribute(f, "format", "text", "")
        if fmt != STUDY_FORMAT:
            raise bad(f, f'is "{fmt}", expected "{STUDY_FORMAT}"', "format")
        s = {k: attribute(f, k, "text", "") for k in ("name", "description", "study_file", "scenario_file", "version")}
        s["planned"] = attribute(f, "planned_runs", "int", 0)
        runs = child(f, "runs", h5py.Group)
        done = shaped(child(runs, "run", h5py.Dataset), (1,), to_read=False)[0]
        if done > MAX_RUNS:
            raise bad(runs, f"has {done} runs, more than the {MAX_RUNS} a report reads")
        status = strings(runs, "status", done)
        s["done"] = done
        s["status"] = {k: status.count(k) for k in sorted(set(status))}

        g = child(f, "aggregate", h5py.Group)
        variant = strings(g, "variant")
        cases = len(variant)
        if cases == 0:
            raise bad(g, "has no case")
        if cases > MAX_CASES:
            raise bad(g, f"has {cases} cases, more than the {MAX_CASES} a report draws")
        s["variant"] = variant
        for key in ("runs", "incomplete", "failed"):
            s[key] = integers(g, key, cases)
        if (s["incomplete"] > s["runs"]).any() or (s["failed"] > s["runs"]).any():
            raise bad(g, "counts more incomplete or failed runs than runs in a case")
        factor_names = strings(g, "factor_names")
        if len(factor_names) > MAX_FACTORS:
            raise bad(g, f"has {len(factor_names)} factors, more than the {MAX_FACTORS} a report draws")
        s["factors"] = [read_factor(g, k, cases, listed) for k, listed in enumerate(factor_names)]
        metric_names = strings(g, "metric_names")
        units = strings(g, "metric_units", len(metric_names))
        if len(metric_names) > MAX_METRICS:
            raise bad(g, f"has {len(metric_names)} metrics, more than the {MAX_METRICS} a report draws")
        s["metrics"] = []
        for m, (mname, unit) in enumerate(zip(metric_names, units)):
            ds = child(g, f"metric_{m}", h5py.Dataset)
            columns = attribute(ds, "columns", "text", "")
            if columns != SPREAD_COLUMNS:
                raise bad(ds, f'is "{columns}", expected "{SPREAD_COLUMNS}"', "columns")
            table = floats(ds, (cases, 8))
            n = table[:, VALUES]
            if np.isnan(n).any() or (n < 0).any() or (n > s["runs"]).any() or (n != np.round(n)).any():
                raise bad(ds, "has a count of values that is not between 0 and the case's runs")
            s["metrics"].append({"name": mname, "unit": unit, "table": table})
    return s


def read_in_time(path, seconds):
    """read() in a child process, stopped after so many seconds (HDF5 can
    loop for ever on a damaged file)."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        try:
            return pool.apply_async(read, (path,)).get(seconds)
        except multiprocessing.TimeoutError:
            raise BadInput(f"{path}: reading took more than {seconds:g} s: the file is damaged "
                           f"(CAMPUSFLOW_REPORT_READ_SECONDS sets the limit)")


# --- the study's cases --------------------------------------------------------

def variants_of(s):
    """The variants in the order of the study (the first is the reference)."""
    return list(dict.fromkeys(s["variant"]))


def levels(factor):
    """A factor's levels in the study's order (numbers ascending)."""
    if factor["numeric"]:
        return sorted(set(float(x) for x in factor["values"]))
    return list(dict.fromkeys(factor["values"]))


def level_text(factor, value):
    if factor["numeric"]:
        return f"{value:g}{' ' + factor['unit'] if factor['unit'] else ''}"
    return str(value)


def with_unit(label, unit):
    return f"{label} [{unit}]" if unit else label


def case_key(s, c, skip=None):
    """Case c's variant and levels of every factor but `skip`."""
    return (s["variant"][c],) + tuple(float(f["values"][c]) if f["numeric"] else f["values"][c]
                                       for k, f in enumerate(s["factors"]) if k != skip)


def key_label(s, key, skip=None, with_variant=True):
    """"variant, factor level, ..." for a case_key; only what varies in the study."""
    parts = [key[0]] if with_variant and len(variants_of(s)) > 1 else []
    others = [f for k, f in enumerate(s["factors"]) if k != skip]
    for f, v in zip(others, key[1:]):
        if len(levels(f)) > 1:
            parts.append(f"{f['name']} {level_text(f, v)}")
    return ", ".join(parts)


def lines_along(s, k):
    """The cases along factor k: {case_key without k: [cases sorted by k's level]}."""
    f = s["factors"][k]
    lines = {}
    for c in range(len(s["variant"])):
        lines.setdefault(case_key(s, c, skip=k), []).append(c)
    order = {v: i for i, v in enumerate(levels(f))}
    for key in lines:
        lines[key].sort(key=lambda c: order[float(f["values"][c]) if f["numeric"] else f["values"][c]])
    return lines


# --- numbers in words ---------------------------------------------------------

def decimals(*values):
    """Decimals that show the largest of the values to 3 significant digits (0 to 6)."""
    top = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    if top == 0.0:
        return 0
    return int(min(6, max(0, 2 - math.floor(math.log10(top)))))


def num(x, dec):
    text = f"{x:.{dec}f}"
    return "0" if float(text) == 0 else text  # no "-0"


def unit_text(unit):
    return f" {unit}" if unit else ""


def runs_note(s, a, b, metric=None):
    """"10 and 10 runs", with the incomplete ones, and the runs that gave the
    metric a value where some did not."""
    n = f"{s['runs'][a]} and {s['runs'][b]} runs"
    inc = s["incomplete"][a] + s["incomplete"][b]
    n += f", {inc} of them incomplete" if inc else ""
    if metric is not None:
        values = metric["table"][[a, b], VALUES].astype(int)
        if values[0] != s["runs"][a] or values[1] != s["runs"][b]:
            n += f", {values[0]} and {values[1]} with a value"
    return n


def comparison(s, metric, a, b, subject, reference):
    """One sentence: case b against case a for a metric. `subject` and
    `reference` name them ("With X", "with Y")."""
    t = metric["table"]
    mname, unit = metric["name"], unit_text(metric["unit"])
    if t[a, VALUES] == 0 or t[b, VALUES] == 0:
        return (f"{subject}, {mname} cannot be compared {reference}: no run of one of the two gave it a value "
                f"({runs_note(s, a, b, metric)}).")
    d, low, high, _ = welch(t[a], t[b])
    dec = decimals(d, low, high)
    if math.isfinite(low) and high > low:  # and 2 significant digits of the interval's half-width
        dec = int(min(6, max(dec, 1 - math.floor(math.log10((high - low) / 2)))))
    if not math.isfinite(low):
        how = "higher" if d > 0 else "lower"
        return (f"{subject}, {mname} is {num(abs(d), dec)}{unit} {how} than {reference} on average, without an "
                f"interval (fewer than 2 values: {runs_note(s, a, b, metric)}).")
    if low == high:  # neither case varies: the values as they are
        if d == 0:
            return (f"{subject}, {mname} is the same as {reference}: {t[a, MEAN]:.6g}{unit} in every run "
                    f"({runs_note(s, a, b, metric)}).")
        how = "higher" if d > 0 else "lower"
        return (f"{subject}, {mname} is {abs(d):.6g}{unit} {how} than {reference} "
                f"({t[b, MEAN]:.6g} against {t[a, MEAN]:.6g}{unit} in every run; {runs_note(s, a, b, metric)}).")
    if low <= 0 <= high:
        return (f"{subject}, {mname} shows no clear difference from its value {reference} "
                f"(difference {num(d, dec)}{unit}, 95 % CI {num(low, dec)} to {num(high, dec)}{unit}; "
                f"{runs_note(s, a, b, metric)}).")
    if d > 0:
        return (f"{subject}, {mname} is {num(d, dec)}{unit} higher than {reference} "
                f"(95 % CI {num(low, dec)} to {num(high, dec)}{unit}; {runs_note(s, a, b, metric)}).")
    return (f"{subject}, {mname} is {num(-d, dec)}{unit} lower than {reference} "
            f"(95 % CI {num(-high, dec)} to {num(-low, dec)}{unit} lower; {runs_note(s, a, b, metric)}).")


def threshold(s, metric, k, cases):
    """Where a metric's mean along factor k leaves 0 (0 at the first levels,
    above 0 from some level on) or falls to it, and whether it rises or falls
    at every step (said only when the last level differs clearly from the
    first); None when neither is plainly so."""
    f = s["factors"][k]
    means = metric["table"][cases, MEAN]
    if len(cases) < 3 or np.isnan(means).any():
        return None
    x = [level_text(f, float(f["values"][c])) for c in cases]
    unit = unit_text(metric["unit"])
    zero = means == 0
    if zero[0] and not zero.all():
        first = int(np.argmax(~zero))
        if not zero[first:].any() and (means[first:] > 0).all():
            return (f"On average {metric['name']} is 0{unit} up to {f['name']} {x[first - 1]} "
                    f"and above 0 from {x[first]} on.")
    if zero[-1] and not zero.all():
        last = len(zero) - int(np.argmax(~zero[::-1]))
        if not zero[:last].any() and (means[:last] > 0).all():
            return (f"On average {metric['name']} is above 0 up to {f['name']} {x[last - 1]} "
                    f"and 0 from {x[last]} on.")
    # A trend only where the last level differs clearly from the first.
    _, low, high, _ = welch(metric["table"][cases[0]], metric["table"][cases[-1]])
    if not (math.isfinite(low) and (low > 0 or high < 0)):
        return None
    steps = np.diff(means)
    if (steps > 0).all():
        return f"The mean of {metric['name']} rises at every step of {f['name']}."
    if (steps < 0).all():
        return f"The mean of {metric['name']} falls at every step of {f['name']}."
    return None


def summary(s):
    """[(heading, [sentence, ...]), ...] in plain words."""
    out = []
    variants = variants_of(s)
    incomplete, failed = int(s["incomplete"].sum()), int(s["failed"].sum())
    notes = []
    if s["done"] < s["planned"]:
        notes.append(f"Only {s['done']} of the {s['planned']} planned runs are done: the figures below are "
                     f"of those.")
    if incomplete:
        where = [case_label(s, c) for c in range(len(s["variant"])) if s["incomplete"][c]]
        notes.append(f"{incomplete} run{'s' if incomplete > 1 else ''} did not complete"
                     f"{f' ({failed} failed)' if failed else ''}, in {'; '.join(where)}: their metrics are "
                     f"those at the end of the run, or missing.")
    else:
        notes.append("Every run completed.")
    out.append(("", notes))
    if len(variants) > 1:
        reference = variants[0]
        ref_cases = {case_key(s, c)[1:]: c for c in range(len(s["variant"])) if s["variant"][c] == reference}
        for c in range(len(s["variant"])):
            v = s["variant"][c]
            levels_key = case_key(s, c)[1:]
            if v == reference or levels_key not in ref_cases:
                continue
            at = key_label(s, (v,) + levels_key, with_variant=False)
            sentences = [comparison(s, m, ref_cases[levels_key], c, f"With {v}", f"with {reference}")
                         for m in s["metrics"]]
            out.append((f"{v} against {reference}" + (f" ({at})" if at else ""), sentences))
    else:
        for k, f in enumerate(s["factors"]):
            lv = levels(f)
            if len(lv) < 2:
                continue
            for key, cases in lines_along(s, k).items():
                first = [c for c in cases if (float(f["values"][c]) if f["numeric"] else f["values"][c]) == lv[0]]
                last = [c for c in cases if (float(f["values"][c]) if f["numeric"] else f["values"][c]) == lv[-1]]
                if not first or not last:
                    continue
                a, b = first[0], last[0]
                sentences = [comparison(s, m, a, b, f"At {f['name']} {level_text(f, lv[-1])}",
                                        f"at {f['name']} {level_text(f, lv[0])}") for m in s["metrics"]]
                if f["numeric"]:
                    sentences += [t for t in (threshold(s, m, k, cases) for m in s["metrics"]) if t]
                at = key_label(s, key, skip=k)
                out.append((f"{f['name']}: {level_text(f, lv[-1])} against {level_text(f, lv[0])}"
                            + (f" ({at})" if at else ""), sentences))
        if not s["factors"]:
            sentences = []
            for m in s["metrics"]:
                r = m["table"][0]
                if r[VALUES] and r[SD] == 0:
                    sentences.append(f"{m['name']} is {r[MEAN]:.6g}{unit_text(m['unit'])} in every run "
                                     f"({int(r[VALUES])} runs with a value).")
                    continue
                dec = decimals(r[MEAN], r[CI_LOW], r[CI_HIGH])
                ci = (f"95 % CI {num(r[CI_LOW], dec)} to {num(r[CI_HIGH], dec)}{unit_text(m['unit'])}; "
                      if math.isfinite(r[CI_LOW]) else "")
                sentences.append(f"{m['name']} is {num(r[MEAN], dec)}{unit_text(m['unit'])} on average "
                                 f"({ci}{int(r[VALUES])} runs with a value)." if r[VALUES] else
                                 f"{m['name']} has no value in any run.")
            out.append(("", sentences))
    return out


def case_label(s, c):
    return key_label(s, case_key(s, c)) or s["variant"][c]


# --- drawing ------------------------------------------------------------------

class StudyPage(Page):
    def paragraph(self, text):
        self.parts.append(f"<p>{html.escape(text)}</p>")

    def items(self, sentences, cls=None):
        attr = f' class="{cls}"' if cls else ""
        self.parts.append("<ul>" + "".join(f"<li{attr}>{html.escape(t)}</li>" for t in sentences) + "</ul>")

    def grid(self, header, rows):
        head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
        self.parts.append(f"<table><tr>{head}</tr>{body}</table>")


def fmt(x):
    return "–" if not math.isfinite(x) else f"{x:.4g}"


def mean_ci(row):
    if not math.isfinite(row[MEAN]):
        return "–"
    if not math.isfinite(row[CI_LOW]):
        return fmt(row[MEAN])
    return f"{fmt(row[MEAN])} ({fmt(row[CI_LOW])} to {fmt(row[CI_HIGH])})"


def draw_bands(ax, x, t, colour, label, bands, marker="o", ls="-", band_labels=False):
    """The mean as a line with markers, its 95 % CI shaded, the runs' 5-95 %
    range as a lighter band (bands True), as error bars (False) or not at
    all (None); band_labels names the bands in the legend."""
    ax.plot(x, t[:, MEAN], marker=marker, ls=ls, color=colour, label=legend_label(label), zorder=3)
    if np.isfinite(t[:, CI_LOW]).any():
        ax.fill_between(x, t[:, CI_LOW], t[:, CI_HIGH], color=colour, alpha=0.3, lw=0,
                        label="95 % CI of the mean" if band_labels else None)
    if bands is None:
        return
    if bands:
        ax.fill_between(x, t[:, P5], t[:, P95], color=colour, alpha=0.1, lw=0,
                        label="5-95 % of the runs" if band_labels else None)
    else:
        ax.errorbar(x, t[:, MEAN], yerr=[t[:, MEAN] - t[:, P5], t[:, P95] - t[:, MEAN]], fmt="none",
                    ecolor=colour, alpha=0.5, capsize=3, lw=1)


def colour(i):
    return report.OKABE_ITO[i % len(report.OKABE_ITO)]


def factor_figures(s, page, tradeoff):
    for k, f in enumerate(s["factors"]):
        if not f["numeric"] or len(levels(f)) < 2:
            continue
        lines = lines_along(s, k)
        several = len(lines) > 1
        x_label = with_unit(f["name"], f["unit"])
        page.heading(f"Against {f['name']}")
        if tradeoff is not None:
            ma, mb = (s["metrics"][i] for i in tradeoff)
            fig, ax = plt.subplots(figsize=(8, 4.2 + 0.2 * len(lines)))
            ax2 = ax.twinx()
            ax2.grid(False)
            styles = ["o", "s", "^", "D", "v", "P", "X", "*"]
            for i, (key, cases) in enumerate(lines.items()):
                x = np.array([float(f["values"][c]) for c in cases])
                tag = key_label(s, key, skip=k)
                draw_bands(ax, x, ma["table"][cases], colour(0), f"{ma['name']}{', ' + tag if tag else ''}",
                           None, styles[i % len(styles)], "-")
                draw_bands(ax2, x, mb["table"][cases], colour(1), f"{mb['name']}{', ' + tag if tag else ''}",
                           None, styles[i % len(styles)], "--")
            ax.set_xlabel(x_label)
            ax.set_ylabel(with_unit(ma["name"], ma["unit"]), color=colour(0))
            ax2.set_ylabel(with_unit(mb["name"], mb["unit"]), color=colour(1))
            ax.tick_params(axis="y", colors=colour(0))
            ax2.tick_params(axis="y", colors=colour(1))
            h1, l1 = ax.get_legend_handles_labels()
            h2, l2 = ax2.get_legend_handles_labels()
            # Below the plot: on top of ax2's bands it would hide them, and ax's would be hidden.
            ax.legend(h1 + h2, l1 + l2, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.18),
                      ncol=2, frameon=False)
            page.figure(fig, f"factor{k}-tradeoff.png",
                        f"Trade-off along {f['name']}: {ma['name']} (left axis, solid) and {mb['name']} (right "
                        f"axis, dashed): the mean and its 95 % CI (shaded).")
        for m, metric in enumerate(s["metrics"]):
            fig, ax = plt.subplots(figsize=(8, 3.5))
            for i, (key, cases) in enumerate(lines.items()):
                x = np.array([float(f["values"][c]) for c in cases])
                draw_bands(ax, x, metric["table"][cases], colour(i), key_label(s, key, skip=k) or "mean",
                           not several, band_labels=not several)
            ax.set_xlabel(x_label), ax.set_ylabel(with_unit(metric["name"], metric["unit"]))
            legend(ax, fontsize=8)
            page.figure(fig, f"factor{k}-metric{m}.png",
                        f"{metric['name']} against {f['name']}: mean (line), its 95 % CI (shaded) and 5-95 % of "
                        f"the runs ({'error bars' if several else 'lighter band'})"
                        f"{'; one line per ' + ('variant' if len(variants_of(s)) > 1 else 'case') if several else ''}.")


def variant_figures(s, page):
    variants = variants_of(s)
    if len(variants) < 2:
        return
    page.heading("Variants side by side")
    groups = {}  # levels of the factors -> {variant: case}
    for c in range(len(s["variant"])):
        key = case_key(s, c)
        groups.setdefault(key[1:], {})[key[0]] = c
    width = 0.8 / len(groups)
    for m, metric in enumerate(s["metrics"]):
        fig, ax = plt.subplots(figsize=(8, max(3.0, 0.4 * len(variants) + 1.2)))
        for g, (lv, cases) in enumerate(groups.items()):
            y = np.array([i + (g - (len(groups) - 1) / 2) * width for i, v in enumerate(variants) if v in cases])
            t = metric["table"][[cases[v] for v in variants if v in cases]]
            err = [t[:, MEAN] - t[:, CI_LOW], t[:, CI_HIGH] - t[:, MEAN]]
            err = np.nan_to_num(np.array(err))
            label = key_label(s, ("",) + lv, with_variant=False) or "mean and 95 % CI"
            ax.errorbar(t[:, MEAN], y, xerr=err, fmt="o", capsize=4, color=colour(g), label=legend_label(label))
        ax.set_yticks(range(len(variants)), variants), ax.invert_yaxis()
        ax.set_xlabel(with_unit(metric["name"], metric["unit"]))
        legend(ax, fontsize=8)
        page.figure(fig, f"variants-metric{m}.png",
                    f"{metric['name']} per variant: mean with its 95 % CI"
                    f"{' (one colour per level of the factors)' if len(groups) > 1 else ''}.")
    header = ["variant"] + [f["name"] for f in s["factors"] if len(levels(f)) > 1] + \
             [f"{with_unit(m['name'], m['unit'])}: mean (95 % CI)" for m in s["metrics"]]
    rows = []
    for lv, cases in groups.items():
        for v in variants:
            if v in cases:
                c = cases[v]
                rows.append([v] + [level_text(f, f["values"][c]) for f in s["factors"] if len(levels(f)) > 1] +
                            [mean_ci(m["table"][c]) for m in s["metrics"]])
    page.grid(header, rows)


def aggregate_table(s, page):
    page.heading("All cases")
    header = ["variant"] + [with_unit(f["name"], f["unit"]) for f in s["factors"]] + \
             ["metric", "unit", "runs", "incomplete", "values", "mean", "sd", "95 % CI low", "95 % CI high",
              "p5", "p50", "p95"]
    rows = []
    for c in range(len(s["variant"])):
        for m in s["metrics"]:
            r = m["table"][c]
            rows.append([s["variant"][c]] + [f"{f['values'][c]:g}" if f["numeric"] else f["values"][c]
                                              for f in s["factors"]] +
                        [m["name"], m["unit"], s["runs"][c], s["incomplete"][c], int(r[VALUES])] +
                        [fmt(r[i]) for i in (MEAN, SD, CI_LOW, CI_HIGH, P5, P50, P95)])
    page.grid(header, rows)


def draw(s, out, tradeoff):
    page = StudyPage(out)
    status = ", ".join(f"{n} {k}" for k, n in s["status"].items()) or "none"
    page.table([("study", s["name"]), ("description", s["description"] or "–"), ("study file", s["study_file"]),
                ("scenario file", s["scenario_file"]), ("runs done / planned", f"{s['done']} / {s['planned']}"),
                ("runs incomplete, failed", f"{int(s['incomplete'].sum())}, {int(s['failed'].sum())}"),
                ("runs by status", status),
                ("variants", ", ".join(variants_of(s))),
                ("factors", "; ".join(f"{f['name']}: {', '.join(level_text(f, v) for v in levels(f))}"
                                      for f in s["factors"]) or "none"),
                ("metrics", ", ".join(with_unit(m["name"], m["unit"]) for m in s["metrics"])),
                ("campusflow", s["version"])])
    factor_figures(s, page, tradeoff)
    variant_figures(s, page)
    page.heading("Summary")
    if len(variants_of(s)) > 1:
        page.paragraph("Differences of means with their Welch 95 % confidence interval: each variant against the "
                       f"first, {variants_of(s)[0]}, in the same levels of the factors.")
    elif s["factors"]:
        page.paragraph("Differences of means with their Welch 95 % confidence interval: each factor's last level "
                       "against its first, the other factors at the same levels.")
    else:
        page.paragraph("The study has one case: its means with their 95 % confidence interval.")
    for heading, sentences in summary(s):
        if heading:
            page.parts.append(f"<h3>{html.escape(heading)}</h3>")
        page.items(sentences, "finding")
    aggregate_table(s, page)
    page.write(f"campusflow study: {s['name']}")
    return page


def tradeoff_metrics(s, spec):
    """The two metrics of the trade-off figure: by name from --tradeoff, else the first two."""
    names = [m["name"] for m in s["metrics"]]
    if spec is None:
        return (0, 1) if len(names) >= 2 else None
    wanted = spec.split(",")
    if len(wanted) != 2 or wanted[0] == wanted[1]:
        raise BadInput(f"--tradeoff {name(spec)}: expected two different metrics, METRIC,METRIC")
    for w in wanted:
        if w not in names:
            raise BadInput(f"--tradeoff: the study has no metric {name(w)} (it has {', '.join(names)})")
    return names.index(wanted[0]), names.index(wanted[1])


def main(argv):
    args = argv[1:]
    spec = None
    if len(args) == 4 and args[2] == "--tradeoff":
        spec = args[3]
        args = args[:2]
    if len(args) != 2:
        print("usage: study_report.py STUDY.h5 OUT_DIR [--tradeoff METRIC,METRIC]", file=sys.stderr)
        return 2
    path, out = args

    def read(path, seconds):
        data = read_in_time(path, seconds)
        return data, tradeoff_metrics(data, spec)

    return run_report("study_report.py", path, out, read, lambda both, out: draw(both[0], out, both[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
