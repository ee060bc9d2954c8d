// Point RequireJS at the vendored widget modules, for any page depth and for file://.
// Loaded by myst-nb (nb_ipywidgets_js) after widgets-vendor/require.js and before
// widgets-vendor/html-manager/embed-amd.js, only on pages that carry widget state.
(function () {
  "use strict";
  // Sphinx >= 7.2 writes the relative path to the site root on <html data-content_root="../">.
  // Fall back to this script's own URL (<root>/_static/widgets-require-config.js).
  var root = document.documentElement.dataset.content_root;
  var base = root !== undefined
    ? new URL(root, document.baseURI)
    : new URL("../", document.currentScript.src);
  var vendor = new URL("_static/widgets-vendor/", base).href;
  var htmlManager = vendor + "html-manager/";
  window.require.config({
    paths: {
      // anywidget's dist/index.js is an anonymous AMD module depending on @jupyter-widgets/base.
      anywidget: vendor + "anywidget/index",
      // embed-amd.js define()s these by name; giving them a path only changes the
      // module.uri webpack uses as its public path, so the Font Awesome files that
      // html-manager's CSS references resolve to _static/widgets-vendor/html-manager/ instead
      // of <page dir>/@jupyter-widgets/.
      "@jupyter-widgets/base": htmlManager + "base",
      "@jupyter-widgets/controls": htmlManager + "controls",
      "@jupyter-widgets/base7": htmlManager + "base7",
      "@jupyter-widgets/controls7": htmlManager + "controls7",
      "@jupyter-widgets/html-manager": htmlManager + "html-manager",
      "@jupyter-widgets/html-manager/dist/libembed-amd": htmlManager + "libembed-amd"
    }
  });
})();
