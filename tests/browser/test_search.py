"""The book's search from file://: results, each with a snippet, and a clean console.

Sphinx's searchtools.js fetch()es every result's page for its snippet, which browsers
refuse over file://; _ext/offline_search.py and _book_static/offline-search.js answer
those fetches from the pages' text written at build time (_static/search-pages.js).
"""

from __future__ import annotations

import json

from playwright.sync_api import expect


def test_search_from_file_url_shows_results_with_snippets(offline):
    messages: list[str] = []
    offline.page.on("console", lambda m: messages.append(f"console.{m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
    page = offline.page
    page.goto((offline.root / "search.html").as_uri() + "?q=torque", wait_until="load")
    status = page.locator("#search-results p.search-summary")
    expect(status).to_contain_text("found", timeout=20_000)
    results = page.locator("#search-results ul.search > li")
    count = results.count()
    assert count >= 5, f"only {count} results for 'torque'"
    # Every result gets its snippet (searchtools adds each one after its fetch answers).
    expect(page.locator("#search-results ul.search > li p.context")).to_have_count(count, timeout=10_000)
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(count)]
    assert any(h and h.startswith("chapters/force_couples.html") for h in links), links
    snippets = [results.nth(i).locator("p.context").inner_text().strip() for i in range(count)]
    assert all(snippets), f"empty snippets: {list(zip(links, snippets, strict=True))}"
    # Each snippet is cut around the search term (stemmed: "torqu").
    assert sum("torqu" in s.lower() for s in snippets) >= count - 1, snippets
    page.wait_for_timeout(300)  # anything logged just after the last snippet
    assert messages == [], "\n".join(messages)
    assert offline.errors == [], offline.errors


# What searchtools' Search.htmlToText reads from a fetched page: [role=main]'s text
# without .headerlink, scripts and styles, or that of the element an anchor names.
PAGE_TEXTS = """([page, stored]) => {
  const parse = (html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const q of [".headerlink", "script", "style"]) doc.querySelectorAll(q).forEach((e) => e.remove());
    return doc.querySelector('[role="main"]');
  };
  const real = parse(page), copy = parse('<div role="main">' + stored + "</div>");
  const differ = [...real.querySelectorAll("[id]")].map((e) => e.id).filter((id) => {
    const a = real.querySelector("#" + CSS.escape(id)), b = copy.querySelector("#" + CSS.escape(id));
    return !b || a.textContent !== b.textContent;
  });
  return { same: real.textContent === copy.textContent, differ };
}"""


def test_the_stored_page_texts_are_the_pages_own(offline):
    """search-pages.js holds, for every page of the index, the text searchtools would
    read from the page itself, for the whole page and for every anchor in it: the
    snippets from file:// are the ones a web server gives."""
    page = offline.open("search.html")
    stored = page.evaluate("""() => new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = "_static/search-pages.js";
      s.onload = () => resolve(window.FC_SEARCH_PAGES);
      s.onerror = reject;
      document.head.appendChild(s);
    })""")
    index = (offline.root / "searchindex.js").read_text(encoding="utf-8")
    docnames = json.loads(index[index.index("(") + 1:index.rindex(")")])["docnames"]
    assert sorted(stored) == sorted(docnames)
    for docname in docnames:
        html = (offline.root / f"{docname}.html").read_text(encoding="utf-8")
        result = page.evaluate(PAGE_TEXTS, [html, stored[docname]])
        assert result == {"same": True, "differ": []}, docname
