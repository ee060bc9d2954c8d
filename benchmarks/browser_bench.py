"""Browser measurements of the built book: slider latency, page weight, accessibility.

Uses Debian's Chromium through Playwright, offline over file://. Run from
``make bench`` (after a build); prints three tables. The accessibility table
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


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None or not (HTML / "index.html").exists():
        print("browser benchmarks skipped: need Debian chromium and a built book (make html)")
        return
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        # Latency: 200 input events on the pelvis explorer (7 muscles, 5 sliders).
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto((HTML / "chapters/anterior_pelvic_tilt.html").as_uri())
        root = page.locator(".fc-explorer").first
        root.wait_for(timeout=30_000)
        rounds = [root.evaluate(LATENCY_JS) for _ in range(5)]
        page.close()
        print(f"first input event on the page (cold): {rounds[0]['cold']:.2f} ms")
        print(f"{'slider-to-redraw latency, pelvis':44s} {'p50 ms':>8s} {'p95 ms':>8s} {'worst p95':>9s}  "
              "target p95 (median of 5 rounds of 200 inputs)")
        for name, key in (("input handler (mix curves, solve, redraw SVG)", "handler"),
                          ("handler + forced style/layout", "withLayout")):
            p50 = statistics.median(percentile(r[key], 50) for r in rounds)
            p95s = [percentile(r[key], 95) for r in rounds]
            p95 = statistics.median(p95s)
            print(f"{name:44s} {p50:8.2f} {p95:8.2f} {max(p95s):9.2f}  <= 4 {'meets' if p95 <= 4 else 'MISSES'}")
        # Page weight: each page on a first visit, then what each further page adds.
        print()
        print(f"{'page weight (first visit)':48s} {'files':>5s} {'raw KB':>9s} {'gzip KB':>9s} "
              f"{'new gzip KB':>11s}  target")
        seen: set[str] = set()
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
            page.goto((HTML / path).as_uri(), wait_until="load")
            page.wait_for_timeout(1500)  # widgets render after load
            unique = sorted(set(urls))
            sizes = {u: file_bytes(u) for u in unique}
            raw = sum(s[0] for s in sizes.values()) / 1024
            gz = sum(s[1] for s in sizes.values()) / 1024
            new = sum(s[1] for u, s in sizes.items() if u not in seen) / 1024
            first = not seen
            before = set(seen)
            seen.update(unique)
            # 2 MB and 150 KB read as decimal units (2,000,000 and 150,000 bytes): the stricter reading.
            first_ok = gz * 1024 <= 2_000_000
            new_ok = new * 1024 <= 150_000
            widget_stack = any("embed-amd" in u for u in unique) and not any("embed-amd" in u for u in before)
            verdict = ("meets" if first_ok else "MISSES") + (
                "" if first or widget_stack else (" / meets" if new_ok else " / MISSES"))
            note = " (first page with the widget stack)" if widget_stack and not first else ""
            print(f"{path:48s} {len(unique):5d} {raw:9.0f} {gz:9.0f} {new:11.0f}  <= 2 MB first"
                  f"{'' if first else ', <= 150 kB new'}: {verdict}{note}")
            context.close()
        audit_table(browser)
        browser.close()


if __name__ == "__main__":
    main()
