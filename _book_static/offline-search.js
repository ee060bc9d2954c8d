// Search result snippets from file:// (added to search.html only, by _ext/offline_search.py).
// Sphinx's searchtools.js fetch()es each result's page to cut its snippet, and browsers
// refuse fetch() of file:// URLs ("Failed to fetch"). Over file:// this loads the pages'
// text (_static/search-pages.js, written at build time) and answers those fetches from
// it. Over http(s) it does nothing: searchtools fetches the pages as usual.
(function () {
  "use strict";
  if (window.location.protocol !== "file:" || typeof window.fetch !== "function") return;
  var root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
  var pages = new Promise(function (resolve) {
    var script = document.createElement("script");
    script.src = new URL("_static/search-pages.js", root).href;
    script.onload = function () { resolve(window.FC_SEARCH_PAGES || {}); };
    script.onerror = function () { resolve({}); };  // no snippets, as without this script
    document.head.appendChild(script);
  });
  var realFetch = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, window.location.href);
    var path = url.pathname;
    var base = root.pathname;
    if (url.protocol !== "file:" || path.indexOf(base) !== 0 || !/\.html$/.test(path)) {
      return realFetch.apply(this, arguments);
    }
    var docname = decodeURIComponent(path.slice(base.length, -".html".length));
    return pages.then(function (texts) {
      var text = Object.prototype.hasOwnProperty.call(texts, docname) ? texts[docname] : null;
      // An empty body: searchtools then shows the result without a snippet.
      var body = text === null ? "" : '<div role="main">' + text + "</div>";
      return new Response(body, { status: 200, headers: { "Content-Type": "text/html" } });
    });
  };
})();
