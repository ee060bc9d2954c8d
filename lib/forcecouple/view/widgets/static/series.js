// SeriesExplorer front end: pick the precomputed run for the choices and draw
// line charts. No model here; Python computed every run.

// SVG, decode(), el(), svgEl(), chart() and predictFirst() come from common.js,
// which Python prepends to this module. With spec.predict each run carries
// the number the reader may predict first (its "predict": label, value, after,
// given); the charts and the summary stay hidden until the reader reveals.
// A choice that is not one of its options (a script or a stale saved state can
// set the hours slider to 25, -3, NaN or 7.5) is moved to the nearest option,
// and the .fc-clamp line says what was asked and what is shown, as in the joint
// explorers: a run is looked up only for choices that have one.

function render({ model, el: host }) {
  const spec = model.get("spec");
  const x = decode(spec.x);
  const state = { choice: listOf(model.get("choice")) };
  const { root, id } = frame(host, spec, { cls: "fc-series", prefix: "fs" });
  const controls = el("div", { class: "fc-controls" }, root);
  const inputs = spec.choices.map((c, k) => {
    if (c.slider) {
      const row = el("div", { class: "fc-row" }, controls);
      el("label", { for: `${id}-c${k}` }, row, c.label);
      const input = el("input", { type: "range", id: `${id}-c${k}`, min: 0, max: c.options.length - 1, step: 1,
        value: state.choice[k], "aria-label": c.label }, row);
      const out = el("output", { for: `${id}-c${k}` }, row);
      input.addEventListener("input", () => { state.choice[k] = Number(input.value); changed(); });
      return { set: (i) => { input.value = i; out.textContent = c.options[i]; input.setAttribute("aria-valuetext", c.options[i]); } };
    }
    const box = el("fieldset", { class: "fc-choice" }, controls);
    el("legend", {}, box, c.label);
    const radios = c.options.map((option, i) => {
      const label = el("label", {}, box);
      const r = el("input", { type: "radio", name: `${id}-c${k}`, value: i }, label);
      label.appendChild(document.createTextNode(` ${option}`));
      r.addEventListener("change", () => { if (r.checked) { state.choice[k] = i; changed(); } });
      return r;
    });
    return { set: (i) => radios.forEach((r, j) => { r.checked = j === i; }) };
  });
  const clampNote = el("p", { class: "fc-clamp", role: "status", "data-role": "clamp" }, root);
  const guessing = spec.predict ? predictFirst({ id, buttons: el("div", { class: "fc-buttons" }, root), parent: root,
    label: "Your prediction:", answer: () => spec.runs[state.choice.join(",")].predict, redraw: draw }) : null;
  const charts = el("div", { class: "fc-charts" }, root);
  const summary = el("p", { class: "fc-live", "aria-live": "polite", "data-role": "summary" }, root);

  // Every choice an option index (a whole number from 0 to the last option). Not a
  // number at all: the last valid index of that choice is kept. True when it clamped.
  let valid = spec.choices.map(() => 0);
  function clampChoice() {
    const notes = [];
    state.choice = spec.choices.map((c, k) => {
      const raw = state.choice[k], top = c.options.length - 1;
      const v = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      const ok = Number.isFinite(v) ? Math.min(Math.max(Math.round(v), 0), top) : valid[k];
      if (ok !== v) {
        const asked = raw === undefined ? "nothing" : Number.isFinite(v) ? String(v) : `${String(raw)} (not a number)`;
        notes.push(c.slider
          ? `${c.label} set to ${c.options[ok]} (slider position ${ok}; allowed: positions 0 to ${top} ` +
            `in whole steps, ${c.options[0]} to ${c.options[top]}; got ${asked})`
          : `${c.label} set to ${c.options[ok]} (option ${ok}; allowed: options 0 to ${top}; got ${asked})`);
      }
      return ok;
    });
    valid = [...state.choice];
    clampNote.textContent = notes.length ? `Out of range, clamped: ${notes.join("; ")}.` : "";
    return notes.length > 0;
  }

  let syncTimer = null;
  function sync() { model.set("choice", [...state.choice]); model.save_changes(); }
  function changed() {
    clampChoice();
    if (guessing) guessing.hide();
    draw();
    clearTimeout(syncTimer);
    syncTimer = setTimeout(sync, 60);
  }

  function draw() {
    inputs.forEach((inp, k) => inp.set(state.choice[k]));
    const key = state.choice.join(",");
    const run = spec.runs[key];
    root.dataset.run = key;
    charts.replaceChildren();
    if (guessing) {
      guessing.setLabel(`Your prediction (${run.predict.label}):`);
      if (!guessing.revealed) {
        guessing.showHidden(charts, summary, run.predict.given ?? "");
        return;
      }
    }
    spec.panels.forEach((panel, p) => {
      const cell = el("div", { class: "fc-chart-cell" }, charts);
      const lines = run.panels[p].map((l) => ({ ...l, values: decode(l.values) }));
      chart(cell, panel, lines, run.ranges[p], x, spec.x_label, spec.colours);
    });
    summary.textContent = run.summary;
  }

  model.on("change:choice", () => {
    const v = listOf(model.get("choice"));
    if (v.join(",") === state.choice.join(",")) return;
    state.choice = v;
    const clamped = clampChoice();
    if (guessing) guessing.hide();
    draw();
    if (clamped) { clearTimeout(syncTimer); syncTimer = setTimeout(sync, 60); }  // tell the kernel what is shown
  });
  if (clampChoice()) syncTimer = setTimeout(sync, 60);
  draw();
}

// The model's choice as a fresh array (a stale or broken state may hold anything).
function listOf(v) {
  return Array.isArray(v) ? [...v] : [];
}

export default { render };
