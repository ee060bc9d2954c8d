"""Browser measurements of the built book: page weight, slider latency, first render, accessibility.

Uses Debian's Chromium through Playwright, offline over file://. Run from
``make bench`` (after a build). The book's widget runtime is measured side by side
with the old widget stack (require.js, html-manager, anywidget's bundle), which
benchmarks/old_stack.py fetches from npm into a copy of the build (never shipped),
and with the notebook reader's peer: the same slider as ``ipywidgets.interact``
redrawing with matplotlib in a live kernel (benchmarks/kernel_bench.py). Targets
(issue 18): the heaviest widget page's first visit <= 400 KB gzip and 1.5 MB raw,
<= 100 KB new for each further chapter, slider p95 no worse than the old stack.
Times are printed, never asserted. The accessibility table
counts axe-core's findings on every page by impact (the browser tests fail on
any serious or critical one; moderate and minor ones are reported here).
"""

from __future__ import annotations

import gzip
import pathlib
import shutil
import statistics
import urllib.parse

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE = ROOT / "tests" / "browser" / "vendor" / "axe-core" / "axe.min.js"
IMPACTS = ("critical", "serious", "moderate", "minor")


def toc_pages() -> list[str]:
    """Every page of the book, sections included, in table-of-contents order."""
    import yaml

    def walk(entries: list[dict]) -> list[str]:
        return [f for e in entries for f in [e["file"], *walk(e.get("sections", []))]]

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [f for part in toc["parts"] for f in walk(part["chapters"])]
    return [f"{f}.html" for f in files]


def audit_table(browser) -> None:
    """axe-core's violations on every page, counted by impact (rules and nodes)."""
    print()
    print(f"{'accessibility audit (axe-core)':48s} " + " ".join(f"{i:>9s}" for i in IMPACTS) + "  (rules/nodes)")
    totals = dict.fromkeys(IMPACTS, 0)
    axe = AXE.read_text(encoding="utf-8")
    for path in toc_pages():
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto((HTML / path).as_uri(), wait_until="load")
        page.wait_for_timeout(1500)  # widgets and quizzes render after load
        page.add_script_tag(content=axe)
        found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.map(v => [v.impact, v.nodes.length])""")
        cells = []
        for impact in IMPACTS:
            rules = [n for i, n in found if i == impact]
            totals[impact] += len(rules)
            cells.append(f"{len(rules)}/{sum(rules)}")
        print(f"{path:48s} " + " ".join(f"{c:>9s}" for c in cells))
        page.close()
    print(f"{'all pages (rules)':48s} " + " ".join(f"{totals[i]:>9d}" for i in IMPACTS))
LATENCY_JS = """(root) => {
  const slider = root.querySelector('.fc-controls input[type=range]');
  const svg = root.querySelector('svg.fc-picture');
  const handler = [], withLayout = [];
  const first = performance.now();
  slider.value = '7'; slider.dispatchEvent(new Event('input', {bubbles: true}));
  const cold = performance.now() - first;
  for (let i = 0; i < 50; i++) {  // warm-up, not counted
    slider.value = String(i * 0.3); slider.dispatchEvent(new Event('input', {bubbles: true}));
  }
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    slider.value = String((i % 100) * 0.2);
    slider.dispatchEvent(new Event('input', {bubbles: true}));
    const t1 = performance.now();
    svg.getBoundingClientRect(); root.offsetHeight;  // force style and layout
    withLayout.push(performance.now() - t0);
    handler.push(t1 - t0);
  }
  return {handler, withLayout, cold};
}"""


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def file_bytes(url: str) -> tuple[int, int]:
    path = pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(url).path))
    data = path.read_bytes() if path.is_file() else b""
    return len(data), len(gzip.compress(data, compresslevel=6))


FIRST_RENDER_JS = """() => {
  window.__fcDrawn = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.fc-explorer, .fc-series, .fc-plan')) {
      window.__fcDrawn = performance.now(); observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
}"""
TIMING_JS = """() => { const nav = performance.getEntriesByType('navigation')[0];
  return {drawn: window.__fcDrawn, load: nav.loadEventStart, ready: nav.domContentLoadedEventEnd}; }"""
PELVIS = "chapters/anterior_pelvic_tilt.html"


def offline_page(browser_or_context):
    page = browser_or_context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    return page


def slider_latency(browser, html: pathlib.Path) -> dict[str, tuple[float, float, float]]:
    """p50, p95 and the worst round's p95 (ms) of 5 rounds of 200 inputs on the pelvis explorer."""
    page = offline_page(browser)
    page.goto((html / PELVIS).as_uri())
    root = page.locator(".fc-explorer").first
    root.wait_for(timeout=30_000)
    rounds = [root.evaluate(LATENCY_JS) for _ in range(5)]
    page.close()
    out = {"cold": (rounds[0]["cold"],) * 3}
    for key in ("handler", "withLayout"):
        p95s = [percentile(r[key], 95) for r in rounds]
        out[key] = (statistics.median(percentile(r[key], 50) for r in rounds), statistics.median(p95s), max(p95s))
    return out


def first_render(browser, html: pathlib.Path, runs: int = 7) -> tuple[float, float]:
    """Median ms from navigation start, and from the load event, to the first widget drawn (pelvis page)."""
    from_start, from_load = [], []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(script=f"({FIRST_RENDER_JS})()")
        page = offline_page(context)
        page.goto((html / PELVIS).as_uri(), wait_until="load")
        page.wait_for_function("window.__fcDrawn !== null", timeout=30_000)
        timing = page.evaluate(TIMING_JS)
        from_start.append(timing["drawn"])
        from_load.append(timing["drawn"] - timing["load"])
        context.close()
    return statistics.median(from_start), statistics.median(from_load)


def page_weights(browser, html: pathlib.Path) -> list[dict]:
    """Each page's first visit (files, raw and gzip KB) and what it adds after the pages before it."""
    seen: set[str] = set()
    rows = []
    for path in toc_pages():
        context = browser.new_context()
        page = context.new_page()
        urls: list[str] = []

        def record(route, request, urls=urls):
            if request.url.startswith("file://"):
                urls.append(request.url.split("?")[0])
                route.continue_()
            else:
                route.abort()

        page.route("**/*", record)
        page.goto((html / path).as_uri(), wait_until="load")
        page.wait_for_timeout(1500)  # widgets render after load
        unique = sorted(set(urls))
        sizes = {u: file_bytes(u) for u in unique}
        widgets = any(w in u for u in unique for w in ("widgets-runtime.js", "embed-amd.js"))
        rows.append({"path": path, "files": len(unique), "widgets": widgets, "first": not seen,
                     "raw": sum(s[0] for s in sizes.values()) / 1000,
                     "gz": sum(s[1] for s in sizes.values()) / 1000,
                     "new": sum(s[1] for u, s in sizes.items() if u not in seen) / 1000})
        seen.update(unique)
        context.close()
    return rows


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None or not (HTML / "index.html").exists():
        print("browser benchmarks skipped: need Debian chromium and a built book (make html)")
        return
    from kernel_bench import interact_latency
    from old_stack import build_old_copy

    old_html = build_old_copy(HTML)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        # The widget runtime against the old stack (require.js, html-manager, anywidget's
        # bundle: benchmarks/old_stack.py), in the same browser, interleaved.
        latency = {"new": slider_latency(browser, HTML), "old": slider_latency(browser, old_html)}
        render = {"new": first_render(browser, HTML), "old": first_render(browser, old_html)}
        weights = {"new": page_weights(browser, HTML), "old": page_weights(browser, old_html)}
        kernel = interact_latency(rounds=30)
        kernel_p50, kernel_p95 = percentile(kernel, 50), percentile(kernel, 95)

        # Page weight, both stacks side by side (KB = 1,000 bytes, gzip level 6).
        print(f"{'page weight (KB: 1,000 bytes)':44s} {'files':>5s} {'raw':>7s} {'gzip':>7s} {'new':>7s}   "
              f"{'old raw':>7s} {'old gzip':>8s} {'old new':>7s}  target (new stack)")
        for new, old in zip(weights["new"], weights["old"], strict=True):
            targets = []
            if new["widgets"]:
                targets.append(f"first visit <= 400 gzip, 1500 raw: "
                               f"{verdict(new['gz'] <= 400 and new['raw'] <= 1500)}")
            if not new["first"]:
                targets.append(f"<= 100 new: {verdict(new['new'] <= 100)}")
            print(f"{new['path']:44s} {new['files']:5d} {new['raw']:7.0f} {new['gz']:7.0f} {new['new']:7.0f}   "
                  f"{old['raw']:7.0f} {old['gz']:8.0f} {old['new']:7.0f}  {'; '.join(targets)}")

        heaviest = {k: max((r for r in v if r["widgets"]), key=lambda r: r["gz"]) for k, v in weights.items()}
        further = {k: max(r["new"] for r in v if not r["first"]) for k, v in weights.items()}
        rows = [
            (f"heaviest widget page, first visit, gzip KB ({heaviest['new']['path'].split('/')[-1]})",
             heaviest["new"]["gz"], heaviest["old"]["gz"], "<= 400", heaviest["new"]["gz"] <= 400),
            ("heaviest widget page, first visit, raw KB", heaviest["new"]["raw"], heaviest["old"]["raw"],
             "<= 1500", heaviest["new"]["raw"] <= 1500),
            ("largest further chapter, new gzip KB", further["new"], further["old"], "<= 100", further["new"] <= 100),
        ]
        for name, key in (("slider-to-redraw p50, handler + layout, ms", "withLayout"),):
            rows.append((name, latency["new"][key][0], latency["old"][key][0], "", None))
        rows.append(("slider-to-redraw p95, handler + layout, ms", latency["new"]["withLayout"][1],
                     latency["old"]["withLayout"][1], "<= old",
                     latency["new"]["withLayout"][1] <= latency["old"]["withLayout"][1]))
        rows.append(("slider-to-redraw p95, input handler only, ms", latency["new"]["handler"][1],
                     latency["old"]["handler"][1], "", None))
        rows.append(("first input event on the page (cold), ms", latency["new"]["cold"][0],
                     latency["old"]["cold"][0], "", None))
        rows.append(("navigation start to first widget drawn, ms", render["new"][0], render["old"][0], "", None))
        rows.append(("load event to first widget drawn, ms", render["new"][1], render["old"][1], "", None))
        print()
        print("widget runtime vs the old stack (pelvis page; medians; one run, same browser)")
        print(f"{'measure':58s} {'new':>9s} {'old':>9s} {'new/old':>8s}  target  verdict")
        for name, new, old, target, ok in rows:
            ratio = f"{new / old:8.2f}" if old else f"{'':8s}"
            print(f"{name:58s} {new:9.2f} {old:9.2f} {ratio}  {target:6s}  {'' if ok is None else verdict(ok)}")
        page_p50, page_p95 = latency["new"]["withLayout"][0], latency["new"]["withLayout"][1]
        print()
        print("peer: the same slider as ipywidgets.interact + matplotlib in a live kernel "
              "(comm update -> new PNG on iopub, 30 moves)")
        print(f"{'measure':58s} {'page':>9s} {'kernel':>9s} {'page/kernel':>11s}")
        print(f"{'slider-to-redraw p50, ms':58s} {page_p50:9.2f} {kernel_p50:9.1f} {page_p50 / kernel_p50:11.4f}")
        print(f"{'slider-to-redraw p95, ms':58s} {page_p95:9.2f} {kernel_p95:9.1f} {page_p95 / kernel_p95:11.4f}")
        print(f"the page redraws {kernel_p50 / page_p50:.0f}x faster than the kernel round trip (p50)")
        audit_table(browser)
        browser.close()


if __name__ == "__main__":
    main()
