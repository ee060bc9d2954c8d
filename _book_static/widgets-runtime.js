/* The book's widget runtime: renders the saved anywidgets of a static page, offline.
 *
 * What it implements of anywidget's front-end contract (anywidget 0.11, "AFM"):
 *  - the page's saved state: <script type="application/vnd.jupyter.widget-state+json">
 *    ({"state": {model_id: {model_module, model_name, state, buffers?}}}), binary
 *    buffers included ({path, data: base64, encoding}: a DataView at that path);
 *  - each place a widget is shown: <script type="application/vnd.jupyter.widget-view+json">
 *    ({model_id}) inside the element _ext/widget_runtime.py puts around it
 *    ([data-widget-view], holding the widget's static picture until it renders);
 *  - the widget's ES module from the model's `_esm` string (dynamic import() of a
 *    Blob URL, which Chromium allows from file:// pages), its `_css` added once per
 *    widget class (per _anywidget_id). The book's build moves both out of the saved
 *    state into cached files (_ext/widget_assets.py): `_esm` is then
 *    "fc-static:<file>.js+<file>.js" (common.js, then the widget's own module):
 *    scripts the page loads before this one, which put each part's text in
 *    window.fcWidgetModules; `_css` is "fc-static:<file>.css+...", stylesheets the
 *    page already links;
 *  - the module's default export, an object or a (async) function returning one, with
 *    `initialize({model})` (once per model) and `render({model, el})` (once per view);
 *  - the model: get, set (fires "change:<name>" then "change" at once, as Backbone
 *    does, only when the value changed), on/off, save_changes (no kernel: nothing to
 *    send, so it does nothing beyond the local events), send (no kernel: a no-op),
 *    widget_manager.get_model(id).
 * Not implemented (the static book has no kernel): messages from Python ("msg:custom"
 * never fires), ipywidgets' own models and views (the build refuses them, see
 * _ext/widget_runtime.py). In JupyterLab, Colab and VS Code anywidget's own front end
 * runs instead; this file is only for the HTML book.
 *
 * A classic (non-module) script on purpose: Chromium refuses <script type="module" src>
 * from file:// pages (CORS), while import() of a Blob URL works there.
 */
(() => {
  "use strict";
  const STATE = "application/vnd.jupyter.widget-state+json";
  const VIEW = "application/vnd.jupyter.widget-view+json";

  function equal(a, b) {
    if (a === b) return true;
    if (a instanceof DataView || b instanceof DataView) return false;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function bytes(base64) {
    const text = atob(base64);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return new DataView(out.buffer);
  }

  /** The saved state with each binary buffer put in place (anywidget reads DataViews). */
  function withBuffers(state, buffers) {
    for (const buffer of buffers || []) {
      let target = state;
      const path = buffer.path || [];
      for (let i = 0; i < path.length - 1; i++) target = target[path[i]];
      if (path.length) target[path[path.length - 1]] = bytes(buffer.data);
    }
    return state;
  }

  class Model {
    constructor(id, state, manager) {
      this.id = id;
      this._state = state;
      this._handlers = new Map();
      this.widget_manager = manager;
    }
    get(name) { return this._state[name]; }
    set(name, value) {
      const changes = typeof name === "object" && name !== null ? name : { [name]: value };
      const changed = [];
      for (const [key, v] of Object.entries(changes)) {
        if (equal(this._state[key], v)) continue;
        this._state[key] = v;
        changed.push(key);
      }
      for (const key of changed) this._emit(`change:${key}`, this._state[key]);
      if (changed.length) this._emit("change");
    }
    on(event, callback) {
      for (const name of event.split(/\s+/).filter(Boolean)) {
        if (!this._handlers.has(name)) this._handlers.set(name, []);
        this._handlers.get(name).push(callback);
      }
    }
    off(event, callback) {
      for (const name of event ? event.split(/\s+/) : [...this._handlers.keys()]) {
        const list = this._handlers.get(name);
        if (!list) continue;
        if (callback) this._handlers.set(name, list.filter((f) => f !== callback));
        else this._handlers.delete(name);
      }
    }
    save_changes() {}  // no kernel: set() already told this page's listeners
    send() {}  // no kernel to receive custom messages
    _emit(name, value) {
      for (const callback of [...(this._handlers.get(name) || [])]) {
        callback.call(this, this, value);
      }
    }
  }

  const STATIC = "fc-static:";
  const modules = new Map();  // _esm text -> Promise of the widget definition
  const styled = new Set();  // _anywidget_id (or _css text) already styled
  const initialized = new Map();  // model id -> Promise of initialize()

  /** A module's text: `_esm` itself, or its moved-out parts, joined. */
  function moduleText(esm) {
    if (!esm.startsWith(STATIC)) return esm;
    return esm.slice(STATIC.length).split("+").map((name) => {
      const text = (window.fcWidgetModules || {})[name];
      if (typeof text !== "string") {
        throw new Error(`widget runtime: the widget module _static/widgets/${name} did not load`);
      }
      return text;
    }).join("\n");
  }

  function definition(esm) {
    esm = moduleText(esm);
    if (!modules.has(esm)) {
      const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules.set(esm, import(url).then(async (mod) => {
        URL.revokeObjectURL(url);
        let widget = mod.default ?? mod;
        if (typeof widget === "function") widget = await widget();
        return widget;
      }));
    }
    return modules.get(esm);
  }

  function addStyle(model) {
    const css = model.get("_css");
    const key = model.get("_anywidget_id") || css;
    if (!css || css.startsWith(STATIC) || styled.has(key)) return;  // moved out: linked by the page
    styled.add(key);
    const style = document.createElement("style");
    style.dataset.anywidget = key;
    style.textContent = css;
    document.head.appendChild(style);
  }

  async function renderView(script, models) {
    const place = script.closest("[data-widget-view]") || script.parentElement;
    const id = JSON.parse(script.textContent).model_id;
    const model = models.get(id);
    if (!model) throw new Error(`widget runtime: no saved state for model ${id}`);
    const widget = await definition(model.get("_esm"));
    addStyle(model);
    if (!initialized.has(id)) initialized.set(id, Promise.resolve(widget.initialize?.({ model })));
    await initialized.get(id);
    const el = document.createElement("div");
    el.className = "widget-runtime-view";
    for (const name of model.get("_dom_classes") || []) el.classList.add(name);
    await widget.render?.({ model, el });
    for (const twin of place.querySelectorAll(":scope > .widget-twin")) twin.remove();
    place.appendChild(el);
    place.dataset.widgetRendered = "true";
  }

  async function start() {
    const saved = document.querySelector(`script[type="${STATE}"]`);
    if (!saved) return;
    const models = new Map();
    const manager = { get_model: async (id) => models.get(id) };
    for (const [id, entry] of Object.entries(JSON.parse(saved.textContent).state || {})) {
      models.set(id, new Model(id, withBuffers(entry.state || {}, entry.buffers), manager));
    }
    const views = [...document.querySelectorAll(`script[type="${VIEW}"]`)];
    const results = await Promise.allSettled(views.map((view) => renderView(view, models)));
    for (const result of results) {
      if (result.status === "rejected") console.error(result.reason);
    }
    document.documentElement.dataset.widgetsRendered = String(views.length);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
