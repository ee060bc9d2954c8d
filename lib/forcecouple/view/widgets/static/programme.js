// ProgrammeExplorer front end: tick findings, look up the precomputed plan and the
// simulated weeks, draw. SVG, decode(), el(), svgEl(), chart() and
// predictFirst() come from common.js, which Python prepends to this module.
// "predict first" asks for one joint's tilt at the last week (run.end), and
// hides the charts and the summary until the reader reveals.
// What indexes the precomputed data is checked first: a "Predict for" value that
// is none of its joints (set by a script) goes back to the first joint, and
// findings that are not on the checklist (a stale saved state) are left out; the
// .fc-clamp line says what was asked and what is used, as in the joint explorers.

function render({ model, el: host }) {
  const spec = model.get("spec");
  const weeks = decode(spec.weeks);
  const curves = spec.curves.map(decode);
  const { root, id } = frame(host, spec, { cls: "fc-plan", prefix: "fp" });
  const form = el("div", { class: "fc-controls" }, root);
  const boxes = {};
  for (const [cp, cpLabel] of spec.checkpoints) {
    const items = spec.findings.filter((f) => f.checkpoint === cp);
    if (!items.length) continue;
    const set = el("fieldset", { class: "fc-choice" }, form);
    el("legend", {}, set, cpLabel);
    for (const f of items) {
      const label = el("label", { "data-finding": f.name }, set);
      const box = el("input", { type: "checkbox", value: f.name, id: `${id}-${f.name}` }, label);
      label.appendChild(document.createTextNode(` ${f.label} (${f.view} view; table ${f.source})`));
      box.addEventListener("change", changed);
      boxes[f.name] = box;
    }
  }
  const clampNote = el("p", { class: "fc-clamp", role: "status", "data-role": "clamp" }, root);
  const out = el("div", { class: "fc-plan-out" }, root);
  const table = el("table", { class: "fc-plan-table" }, out);
  el("caption", {}, table, "The plan");
  const head = el("tr", {}, el("thead", {}, table));
  for (const h of ["step", "muscles or movements", "dose"]) el("th", { scope: "col" }, head, h);
  const body = el("tbody", {}, table);
  const notes = el("ul", { class: "fc-lines", "data-role": "notes" }, out);
  const lastWeek = Math.round(weeks[weeks.length - 1]);
  const guessing = predictFirst({ id, buttons: el("div", { class: "fc-buttons" }, root), parent: root,
    label: "Your prediction:", answer, redraw: draw });
  const target = el("select", { id: `${id}-target`, "data-role": "target" });
  spec.presets.forEach(([preset, label]) => el("option", { value: preset }, target, label));
  target.addEventListener("change", () => { guessing.hide(); draw(); });
  guessing.box.prepend(el("label", { for: target.id }, null, "Predict for"), target);
  const charts = el("div", { class: "fc-charts" }, root);
  const summary = el("p", { class: "fc-live", "aria-live": "polite", "data-role": "summary" }, root);
  const sources = el("p", { class: "fc-sources" }, root);
  sources.textContent = `Table A: ${spec.sources.A} Table B: ${spec.sources.B}`;

  const aim = () => spec.presets.find(([preset]) => preset === target.value);  // the joint to predict
  const clampNotes = { target: "", findings: "" };
  const showNotes = () => {
    const all = [clampNotes.target, clampNotes.findings].filter(Boolean);
    clampNote.textContent = all.length ? `Out of range, clamped: ${all.join("; ")}.` : "";
  };
  // "Predict for" must name one of the joints: anything else becomes the first.
  function checkTarget() {
    if (aim()) { clampNotes.target = ""; return; }
    const asked = target.value === "" ? "no joint" : `"${target.value}"`;
    const [first, firstLabel] = spec.presets[0];
    clampNotes.target = `Predict for set to ${firstLabel.toLowerCase()} (allowed: ` +
      `${spec.presets.map(([, l]) => l.toLowerCase()).join(" or ")}; got ${asked})`;
    target.value = first;
  }
  function answer() {
    const run = spec.runs[root.dataset.mask];
    if (!run) return "Tick at least one finding first.";
    const [joint, jointLabel] = aim();
    return { value: run.end[joint], after: `for the ${jointLabel.toLowerCase()} after ${lastWeek} weeks` };
  }

  let syncTimer = null;
  function ticked() { return spec.findings.filter((f) => boxes[f.name].checked).map((f) => f.name); }
  function sync() { model.set("findings", ticked()); model.save_changes(); }
  function changed() {
    clampNotes.findings = "";
    guessing.hide();
    draw();
    clearTimeout(syncTimer);
    syncTimer = setTimeout(sync, 60);
  }

  // The page's drawings of the findings (none in a notebook) link to the checklist:
  // following one puts the focus on that finding's tick box in this builder.
  for (const link of document.querySelectorAll("a[data-finding]")) {
    link.addEventListener("click", () => setTimeout(() => boxes[link.dataset.finding]?.focus(), 0));
  }

  // Ring the page's drawing of every ticked finding.
  function markDrawings() {
    for (const f of spec.findings) {
      document.getElementById(`posture-${f.name}`)?.classList.toggle("fc-ticked", boxes[f.name].checked);
    }
  }

  function draw() {
    checkTarget();
    showNotes();
    markDrawings();
    const mask = spec.findings.reduce((m, f, k) => m + (boxes[f.name].checked ? 2 ** k : 0), 0);
    root.dataset.mask = String(mask);
    body.replaceChildren(); notes.replaceChildren(); charts.replaceChildren();
    const [joint, jointLabel, jointUnit] = aim();
    guessing.setLabel(`Your prediction (the ${jointLabel.toLowerCase()} after ${lastWeek} weeks, ${jointUnit}):`);
    if (!mask) {
      summary.textContent = "Tick at least one finding to see a plan.";
      return;
    }
    const run = spec.runs[String(mask)];
    for (const [label, items, dose] of run.steps) {
      const row = el("tr", {}, body);
      el("th", { scope: "row" }, row, label);
      el("td", {}, row, items);
      el("td", {}, row, dose);
    }
    if (run.conflicts.length) {
      el("li", {}, notes, `Listed as both overactive and underactive, so left out: ${run.conflicts.join(", ")} ` +
        "(a trade-off to weigh, not a rule to follow).");
    }
    if (run.unmodelled.length) {
      el("li", {}, notes, `In the plan but in none of this book's models: ${run.unmodelled.join(", ")}.`);
    }
    if (!guessing.revealed) {
      const start = curves[run.curves[joint]][0];
      guessing.showHidden(charts, summary, `The ${jointLabel.toLowerCase()} starts at ${start.toFixed(1)}°; ` +
        `the neutral pattern settles at ${spec.neutral[joint].toFixed(1)}°.`);
      return;
    }
    for (const [preset, label, unit] of spec.presets) {
      const cell = el("div", { class: "fc-chart-cell" }, charts);
      const tilt = curves[run.curves[preset]];
      const neutral = new Float32Array(tilt.length).fill(spec.neutral[preset]);
      chart(cell, { title: `${label}, ${spec.days} days a week`, y_label: unit }, [
        { label: "following the plan", colour: spec.colours.angle, dash: "solid", values: tilt },
        { label: "neutral pattern", colour: spec.colours.neutral, dash: "dashed", values: neutral },
      ], spec.ranges[preset], weeks, "week", spec.colours);
    }
    summary.textContent = run.summary;
  }

  // The model's findings: only names on the checklist are ticked; the rest are named.
  function fromModel() {
    const given = model.get("findings");
    const chosen = Array.isArray(given) ? given : [];
    const unknown = Array.isArray(given) ? chosen.filter((n) => !(typeof n === "string" && Object.hasOwn(boxes, n)))
      : [given];
    clampNotes.findings = unknown.length ? `left out ${unknown.map((n) => JSON.stringify(n) ?? String(n)).join(", ")} ` +
      `(not findings on this checklist; allowed: ${Object.keys(boxes).join(", ")})` : "";
    for (const f of spec.findings) boxes[f.name].checked = chosen.includes(f.name);
    draw();
    if (unknown.length) { clearTimeout(syncTimer); syncTimer = setTimeout(sync, 60); }  // the kernel hears what is used
  }
  model.on("change:findings", () => {
    const given = model.get("findings");
    if (Array.isArray(given) && given.join(",") === ticked().join(",")) return;
    guessing.hide();
    fromModel();
  });
  fromModel();
}

export default { render };
