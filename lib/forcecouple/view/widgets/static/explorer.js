// JointExplorer front end: look up and draw, no physics.
// Python (forcecouple.widget) sends every physical curve on the solver's grid;
// this module mixes them for the slider values, applies the same equilibrium
// rule on the grid (scan from rest the way the torque points, first sign
// change, linear interpolation, or the limit) and redraws an SVG. Around the
// bone it draws spec.anatomy (forcecouple.model.preset_drawing: femur, spine,
// landmarks... for orientation only), turning what turns with the bone by the
// computed angle; every string carries its slider group's name.

// SVG, decode(), el(), svgEl() and predictFirst() come from common.js, which
// Python prepends to this module. The sentences are Python's (spec.words,
// from forcecouple.view.words.SENTENCES): this module only fills them in.
function rotate([x, y], deg) {
  const a = (deg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  return [c * x - s * y, s * x + c * y];
}

function joinWords(words) {
  if (words.length <= 1) return words.join("");
  return words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
}

// A torque magnitude (N·m): one decimal below 10 N·m, whole above (as words.format_torque).
function formatTorque(t) {
  const size = Math.abs(t);
  return size < 10 ? size.toFixed(1) : size.toFixed(0);
}

// Curves of one variant, ready to mix: passive (m) and per-muscle arms/strings.
function prepare(spec, arrays, v) {
  const m = arrays.grid.length;
  const zeros = new Float32Array(m);
  const pick = (i) => (i === null ? zeros : arrays.items[i]);
  const arms = v.arms.map(pick), strings = v.strings.map(pick);
  const spring = pick(v.spring), load = pick(v.load);
  const passive = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let t = spring[j] + load[j];
    for (const s of strings) t += s[j];
    passive[j] = t;
  }
  return { arms, strings, spring, load, passive, geometry: v };
}

// Newtons of pull of every muscle for the slider values.
function pullsFor(spec, values) {
  const pulls = new Float64Array(spec.muscles.length);
  spec.controls.forEach((c, k) => c.muscles.forEach((i, n) => { pulls[i] = values[k] * c.scale[n]; }));
  return pulls;
}

// The equilibrium rule on the grid: the same as forcecouple.model.solve.equilibrium.
function solveOnGrid(curves, pulls, grid, rest, zeroTorque) {
  const net = (j) => {
    let t = curves.passive[j];
    for (let i = 0; i < pulls.length; i++) t += pulls[i] * curves.arms[i][j];
    return t;
  };
  const restTorque = net(rest);
  if (Math.abs(restTorque) <= zeroTorque) {
    return { angle: grid[rest], at: rest, frac: 0, atLimit: false, restTorque, residual: restTorque };
  }
  const sign = restTorque > 0 ? 1 : -1;
  let prev = rest, prevT = restTorque;
  for (let j = rest + sign; j >= 0 && j < grid.length; j += sign) {
    const t = net(j);
    if (sign * t <= 0) {
      const frac = t === 0 ? 1 : prevT / (prevT - t);
      const angle = grid[prev] + (grid[j] - grid[prev]) * frac;
      return { angle, at: prev, next: j, frac, atLimit: false, restTorque, residual: prevT + (t - prevT) * frac };
    }
    prev = j; prevT = t;
  }
  return { angle: grid[prev], at: prev, frac: 0, atLimit: true, restTorque, residual: prevT };
}

// Each muscle's torque and the spring and load at the answer (N·m).
function torquesAt(curves, pulls, answer) {
  const j0 = answer.at, j1 = answer.next ?? answer.at, f = answer.frac;
  const lerp = (a) => a[j0] + (a[j1] - a[j0]) * f;
  const muscles = curves.arms.map((a, i) => pulls[i] * lerp(a) + lerp(curves.strings[i]));
  const tensions = curves.arms.map((a, i) => {
    const arm = lerp(a);
    return pulls[i] + (Math.abs(arm) > 1e-12 ? lerp(curves.strings[i]) / arm : 0);
  });
  return { muscles, tensions, spring: lerp(curves.spring), load: lerp(curves.load) };
}

// " forward" / " back" for a signed value, or "" when the shown number is zero.
function toward(value, directions, shown) {
  if (Number(shown) === 0) return "";
  return " " + (value >= 0 ? directions[0] : directions[1]);
}

// Fill a template of spec.words: "{name}" -> values.name.
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);

function torqueWords(t, directions) {
  const torque = formatTorque(t);
  return { torque, toward: toward(t, directions, torque) };
}

function tiltText(angle, directions) {
  const shown = Math.abs(angle).toFixed(1);
  return `${shown}°${toward(angle, directions, shown)}`;
}

// The sentences of forcecouple.view.words.describe_parts, from the page's numbers.
function describeParts(spec, answer, torques, hasLoad) {
  const W = spec.words, d = spec.directions;
  const shown = Math.abs(answer.angle).toFixed(1);
  const parts = [fill(W[answer.atLimit ? "at_limit" : "tilted"],
    { bone: spec.bone, angle: shown, toward: toward(answer.angle, d, shown) })];
  const groups = spec.controls.map((c) => [c.label, c.muscles.reduce((s, i) => s + torques.muscles[i], 0)]);
  for (const [direction, sign] of [[d[0], 1], [d[1], -1]]) {
    const these = groups.filter(([, t]) => sign * t > 0);
    if (these.length) {
      const total = these.reduce((s, [, t]) => s + t, 0);
      parts.push(fill(W.pulling, { direction, names: joinWords(these.map(([l]) => l)), torque: formatTorque(total) }));
    }
  }
  parts.push(fill(W.tissues, torqueWords(torques.spring, d)));
  if (hasLoad) parts.push(fill(W.load, torqueWords(torques.load, d)));
  parts.push(fill(W[answer.atLimit ? "net_at_limit" : "net"], torqueWords(answer.residual, d)));
  const balanced = Math.abs(answer.restTorque) <= spec.zero_torque;
  parts.push(fill(W[balanced ? "release_balanced" : "release"],
    { angle: tiltText(spec.rest_angle, d), ...torqueWords(answer.restTorque, d) }));
  return parts;
}

// ---- The picture --------------------------------------------------------------
// Plain geometry in cm, y up (the model's frame); the SVG's y is -y. Sizes of
// lines and text are given in CSS px and turned into cm with `u` (cm per px),
// measured from the picture's size on the page, so text stays legible however
// large the picture is drawn.
const add = (a, b) => [a[0] + b[0], a[1] + b[1]];
const sub = (a, b) => [a[0] - b[0], a[1] - b[1]];
const mul = (a, k) => [a[0] * k, a[1] * k];
const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const norm = (a) => Math.hypot(a[0], a[1]);
const unit = (a) => { const n = norm(a) || 1; return [a[0] / n, a[1] / n]; };
const perp = (a) => [-a[1], a[0]];
const dir = (deg) => [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
const pt = ([x, y]) => `${x.toFixed(3)},${(-y).toFixed(3)}`;
const pathOf = (pts, close = false) => (pts.length ? `M${pts.map(pt).join("L")}${close ? "Z" : ""}` : "");

function bezier(p0, p1, p2, p3, n) {
  const out = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n, s = 1 - t;
    out.push([s * s * s * p0[0] + 3 * s * s * t * p1[0] + 3 * s * t * t * p2[0] + t * t * t * p3[0],
      s * s * s * p0[1] + 3 * s * s * t * p1[1] + 3 * s * t * t * p2[1] + t * t * t * p3[1]]);
  }
  return out;
}

// The point and unit tangent at arc length s along a polyline.
function along(pts, s) {
  for (let i = 1; i < pts.length; i++) {
    const d = norm(sub(pts[i], pts[i - 1]));
    if (s <= d || i === pts.length - 1) return { p: lerp(pts[i - 1], pts[i], Math.min(s / (d || 1), 1)), t: unit(sub(pts[i], pts[i - 1])) };
    s -= d;
  }
  return { p: pts[0], t: [0, 1] };
}
const lengthOf = (pts) => pts.slice(1).reduce((s, p, i) => s + norm(sub(p, pts[i])), 0);

// The part [t0, t1] of segment p-q inside box [x0, y0, x1, y1], or null (Liang-Barsky).
function clip(p, q, box) {
  let t0 = 0, t1 = 1;
  const dx = q[0] - p[0], dy = q[1] - p[1];
  const edge = (a, b) => {
    if (a === 0) return b >= 0;
    const r = b / a;
    if (a < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
    return true;
  };
  if (!edge(-dx, p[0] - box[0]) || !edge(dx, box[2] - p[0]) || !edge(-dy, p[1] - box[1]) || !edge(dy, box[3] - p[1])) return null;
  return t1 > t0 ? [t0, t1] : null;
}

// The share of box a that box b covers.
function overlap(a, b) {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? (w * h) / ((a[2] - a[0]) * (a[3] - a[1])) : 0;
}

// A polygon ready for point tests: its points and bounding box.
function shape(pts) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pts) { x0 = Math.min(x0, p[0]); y0 = Math.min(y0, p[1]); x1 = Math.max(x1, p[0]); y1 = Math.max(y1, p[1]); }
  return { pts, box: [x0, y0, x1, y1] };
}

function inside(x, y, s) {
  if (x < s.box[0] || x > s.box[2] || y < s.box[1] || y > s.box[3]) return false;
  const poly = s.pts;
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const xi = poly[i][0], yi = poly[i][1], xj = poly[j][0], yj = poly[j][1];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

// WCAG relative luminance of a "#rrggbb" colour: deep colours get a light halo on a dark page.
function isDeep(colour) {
  const n = parseInt(String(colour).slice(1), 16);
  if (!Number.isFinite(n)) return false;
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
}

// The lumbar spine at a pelvic angle: sacrum top and L3 turn with the pelvis,
// the thoracolumbar junction stays; two cubic curves join them.
function spineCurve(S, angle) {
  const base = rotate(S.base, angle), bd = rotate(S.base_direction, angle);
  const mid = rotate(S.middle, angle), md = rotate(S.middle_direction, angle);
  const top = S.top, td = S.top_direction;
  const k1 = norm(sub(mid, base)) / 3, k2 = norm(sub(top, mid)) / 3;
  const lower = bezier(base, add(base, mul(bd, k1)), sub(mid, mul(md, k1)), mid, 14);
  const upper = bezier(mid, add(mid, mul(md, k2)), sub(top, mul(td, k2)), top, 14);
  return lower.concat(upper.slice(1));
}

// Vertebral bodies (centre, unit tangent) spaced evenly along a curve.
function bodiesAlong(curve, n) {
  const total = lengthOf(curve);
  return Array.from({ length: n }, (_, i) => along(curve, ((i + 0.5) / n) * total));
}

function render({ model, el: host }) {
  const spec = model.get("spec");
  const arrays = { grid: decode(spec.grid), items: spec.arrays.map(decode) };
  const grid = arrays.grid;
  const curves = spec.variants.map((v) => prepare(spec, arrays, v));
  const hasLoad = spec.variants.some((v) => v.load !== null);
  const E = spec.extent, C = spec.colours, A = spec.anatomy || null;
  const LM = spec.landmarks || {};
  const state = {
    values: [...model.get("values")],
    variant: model.get("variant"),
    shownAngle: 0,
  };
  // Fix mode (FixExplorer, spec.fix): the reader sets a target tilt and locks, not
  // activations; the values are the least-effort answer, read off Python's grid.
  const FIX = spec.fix || null;
  // Slider groups: the label, and the colour of the group's first string (as its bar).
  const groups = spec.controls.map((c) => {
    const colour = spec.muscles[c.muscles[0]].colour;
    return { label: c.label, muscles: c.muscles, colour, deep: isDeep(colour), dash: spec.muscles[c.muscles[0]].dash };
  });

  const { root, id } = frame(host, spec, { cls: "fc-joint", label: spec.title || `${spec.bone} explorer`, prefix: "fc" });
  const stage = el("div", { class: "fc-stage" }, root);
  const figure = el("div", { class: "fc-figure" }, stage);
  const view = A ? A.view : [-E, -E, E, E];  // x min, y min, x max, y max (cm, y up)
  const vbW = view[2] - view[0], vbH = view[3] - view[1];
  const svg = svgEl("svg", { viewBox: `${view[0]} ${-view[3]} ${vbW} ${vbH}`, class: "fc-picture", role: "img",
    "aria-labelledby": `${id}-live`, overflow: "hidden" }, figure);
  svg.style.aspectRatio = `${vbW} / ${vbH}`;
  // A key to the lines: solid and dashed strings tip the bone opposite ways (at rest), dotted lines are lever arms.
  const key = el("div", { class: "fc-key", "aria-hidden": "true" }, figure);
  for (const [dash, words] of [["none", `tips it ${spec.directions[0]}`], ["6 4", `tips it ${spec.directions[1]}`],
    ["2 3", "lever arm"]]) {
    const item = el("span", {}, key);
    svgEl("line", { x1: 1, y1: 5, x2: 27, y2: 5, stroke: "currentColor", "stroke-width": dash === "2 3" ? 1.5 : 3,
      "stroke-dasharray": dash }, svgEl("svg", { width: 28, height: 10, viewBox: "0 0 28 10" }, item));
    item.appendChild(document.createTextNode(` ${words}`));
  }
  const keepRow = el("div", { class: "fc-keep" }, figure);
  if (FIX) keepRow.style.display = "none";  // the ghost is the joint as it is now
  const keepButton = el("button", { type: "button", "data-role": "keep",
    title: "Pin the pose you see now as a faint outline, to compare with the next one" }, keepRow, "Keep for comparison");
  const clearButton = el("button", { type: "button", "data-role": "clear-kept", hidden: "" }, keepRow, "clear");
  const keptNote = el("span", { class: "fc-kept-note", "data-role": "kept-note", "aria-live": "polite" }, keepRow);

  const panel = el("div", { class: "fc-panel" }, stage);
  const tilt = el("div", { class: "fc-tilt", "data-role": "tilt" }, panel);
  const limitNote = el("p", { class: "fc-limit", role: "status", "data-role": "limit" }, panel);
  const clampNote = el("p", { class: "fc-clamp", role: "status", "data-role": "clamp" }, panel);
  const controls = el("div", { class: "fc-controls" }, panel);
  const snap = (v, c) => Number((Math.round(Math.min(Math.max(v, 0), c.max) / c.step) * c.step).toFixed(6));
  const sliders = (FIX ? [] : spec.controls).map((c, k) => {
    const row = el("div", { class: "fc-row" }, controls);
    const inputId = `${id}-s${k}`;
    el("label", { for: inputId }, row, c.label);
    const input = el("input", { type: "range", id: inputId, min: 0, max: c.max, step: c.step,
      value: state.values[k], "aria-label": `${c.label} pull in ${c.unit === "%" ? "percent of maximal force" : "newtons"}` }, row);
    const out = el("output", { for: inputId }, row);
    input.addEventListener("input", () => { state.values[k] = Number(input.value); changed(); });
    // Arrow keys move 1 % of the range, PageUp/PageDown 10 % (whole steps; Python's key_step, page_step).
    const keys = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
    input.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const delta = e.key in keys ? keys[e.key] * (c.key_step ?? c.step)
        : e.key === "PageUp" ? (c.page_step ?? c.step) : e.key === "PageDown" ? -(c.page_step ?? c.step) : 0;
      if (!delta) return;
      e.preventDefault();
      state.values[k] = snap(Number(state.values[k]) + delta, c);
      changed();
    });
    return { input, out, c };
  });
  let variantInput = null, variantOut = null;
  if (spec.variant_control) {
    const vc = spec.variant_control;
    const row = el("div", { class: "fc-row" }, controls);
    const inputId = `${id}-v`;
    el("label", { for: inputId }, row, vc.label);
    variantInput = el("input", { type: "range", id: inputId, min: 0, max: vc.values.length - 1, step: 1,
      value: state.variant, "aria-label": vc.label }, row);
    variantOut = el("output", { for: inputId }, row);
    variantInput.addEventListener("input", () => { state.variant = Number(variantInput.value); changed(); });
  }

  const buttons = el("div", { class: "fc-buttons" }, panel);
  for (const p of spec.presets) {
    const b = el("button", { type: "button", "data-preset": p.label }, buttons, p.label);
    b.addEventListener("click", () => { state.values = [...p.values]; state.variant = p.variant; changed(); });
  }
  const reset = el("button", { type: "button", "data-role": "reset" }, buttons, "reset");
  reset.addEventListener("click", () => {
    if (FIX) { fix.reset(); return; }
    state.values = [...spec.start.values]; state.variant = spec.start.variant; changed();
  });
  const guessing = FIX ? { revealed: true, predicting: false, hide() {} } : predictFirst({ id, buttons, parent: panel, redraw,
    label: `Your prediction (degrees, + is ${spec.directions[0]}):`,
    answer: () => ({ value: current().answer.angle }) });

  const side = el("div", { class: "fc-side" }, root);
  const lines = el("ul", { class: "fc-lines" }, side);
  const bars = svgEl("svg", { class: "fc-bars", role: "img", "aria-label": "torque of each muscle at the answer" }, side);
  if (FIX) { lines.hidden = true; bars.style.display = "none"; }
  const sens = !FIX && spec.sensitivity_step && spec.muscles.every((m) => m.fmax != null) ? sensitivityChart() : null;
  const fix = FIX ? fixTool() : null;
  // The whole readout as one sentence for screen readers (the list above shows it on screen).
  const live = el("p", { class: "fc-live fc-sr-only", id: `${id}-live`, "aria-live": "polite", "data-role": "live" },
    root);

  function clampValues() {
    const notes = [];
    state.values = spec.controls.map((c, k) => {
      const v = Number(state.values[k]);
      const ok = Number.isFinite(v) ? Math.min(Math.max(v, 0), c.max) : 0;
      if (ok !== v) notes.push(`${c.label} set to ${ok} ${c.unit} (allowed: 0 to ${c.max} ${c.unit}; got ${state.values[k]})`);
      return ok;
    });
    const top = spec.variants.length - 1;
    if (!(state.variant >= 0 && state.variant <= top)) {
      notes.push(`variant set to 0 (allowed: 0 to ${top}; got ${state.variant})`);
      state.variant = 0;
    }
    clampNote.textContent = notes.length ? `Out of range, clamped: ${notes.join("; ")}.` : "";
  }

  function current() {
    const c = curves[state.variant];
    const pulls = pullsFor(spec, state.values);
    const answer = solveOnGrid(c, pulls, grid, spec.rest_index, spec.zero_torque);
    return { c, pulls, answer, torques: torquesAt(c, pulls, answer) };
  }

  // The kernel (when there is one) hears the new pulls once the slider rests for
  // a moment, so sending them never slows the redraw.
  let syncTimer = null;
  function sync() {
    model.set("values", [...state.values]);
    model.set("variant", state.variant);
    model.save_changes();
  }

  function changed() {
    clampValues();
    guessing.hide();
    redraw();
    clearTimeout(syncTimer);
    syncTimer = setTimeout(FIX ? fix.sync : sync, 60);
  }

  // ---- "Which pull matters most here?" --------------------------------------------
  // For each muscle: the change of rest angle if its activation rises by
  // spec.sensitivity_step of its fmax (capped at fmax), solved with the same rule
  // (forcecouple.course.fix.sensitivity is the reference). Largest first.
  function sensitivityChart() {
    const box = el("section", { class: "fc-sens", "data-role": "sensitivity", "aria-labelledby": `${id}-sens` }, side);
    el("div", { class: "fc-sens-title", id: `${id}-sens` }, box, "Which pull matters most here?");
    const pct = Math.round(spec.sensitivity_step * 100);
    el("p", { class: "fc-sens-how" }, box,
      `How far the rest angle would move if one muscle pulled ${pct} % of its maximal force harder, the others as set:`);
    const list = el("ol", { class: "fc-sens-list" }, box);
    const rows = spec.muscles.map((m, i) => {
      const li = el("li", { class: "fc-sens-row", "data-role": "sensitivity-row", "data-muscle": m.name }, list);
      const nameEl = el("span", { class: "fc-sens-name" }, li, m.label);
      const group = spec.controls.find((c) => c.muscles.includes(i));
      if (group && group.label !== m.label) el("span", { class: "fc-sens-group" }, nameEl, ` (${group.label})`);
      const track = el("span", { class: "fc-sens-track", "aria-hidden": "true" }, li);
      const bar = el("span", { class: `fc-sens-bar${isDeep(m.colour) ? " fc-deep" : ""}`, "data-role": "sensitivity-bar" }, track);
      bar.style.background = m.colour;
      const value = el("span", { class: "fc-sens-value" }, li);
      const note = el("span", { class: "fc-sens-note" }, li);
      return { i, li, bar, value, note, change: 0, atLimit: false };
    });
    return (now) => {
      for (const r of rows) {
        const m = spec.muscles[r.i], pulls = Float64Array.from(now.pulls);
        pulls[r.i] = Math.min(m.fmax, pulls[r.i] + spec.sensitivity_step * m.fmax);
        const up = solveOnGrid(now.c, pulls, grid, spec.rest_index, spec.zero_torque);
        r.change = up.angle - now.answer.angle;
        r.atLimit = up.atLimit;
      }
      const top = Math.max(1, ...rows.map((r) => Math.abs(r.change)));
      const sorted = [...rows].sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      sorted.forEach((r, k) => {
        if (list.children[k] !== r.li) list.insertBefore(r.li, list.children[k] || null);
        const shown = Math.abs(r.change).toFixed(1);
        const word = Number(shown) === 0 ? "" : ` ${r.change >= 0 ? spec.directions[0] : spec.directions[1]}`;
        const sign = Number(shown) === 0 ? "" : r.change >= 0 ? "+" : "−";
        r.value.textContent = `${sign}${shown}°${word}`;
        r.note.textContent = r.atLimit ? "stops at the joint's limit" : "";
        r.li.dataset.change = String(r.change);
        r.li.dataset.atLimit = String(r.atLimit);
        const w = (Math.abs(r.change) / top) * 50;
        r.bar.style.width = `${w.toFixed(2)}%`;
        r.bar.style.left = r.change >= 0 ? "50%" : `${(50 - w).toFixed(2)}%`;
      });
    };
  }

  // ---- Fix mode: a target tilt and locks; the least-effort answer off Python's grid ----
  function fixTool() {
    const F = FIX, step = F.step, n = spec.muscles.length;
    const fs = { target: F.start.target, locks: [...F.start.locks], note: "" };
    const arrays = F.arrays.map(decode);
    const box = el("div", { class: "fc-fix", "data-role": "fix" });
    panel.insertBefore(box, controls);
    const row = el("div", { class: "fc-row" }, box);
    const inputId = `${id}-target`;
    el("label", { for: inputId }, row, "Target tilt");
    const input = el("input", { type: "range", id: inputId, step: 0.1, "data-role": "fix-target",
      "aria-label": `target tilt in degrees, + is ${spec.directions[0]}` }, row);
    const out = el("output", { for: inputId, "data-role": "fix-target-value" }, row);
    const range = el("p", { class: "fc-fix-range", "data-role": "fix-range" }, box);
    const note = el("p", { class: "fc-clamp", role: "status", "data-role": "fix-clamp" }, box);
    const set = el("fieldset", { class: "fc-locks" }, box);
    el("legend", {}, set, "Hold as it is now:");
    const toggles = F.locks.map((lk, k) => {
      const lab = el("label", { class: "fc-switch" }, set);
      const cb = el("input", { type: "checkbox", role: "switch", "data-role": "fix-lock", "data-lock": String(k) }, lab);
      el("span", {}, lab, lk.label);
      cb.addEventListener("change", () => { fs.locks[k] = cb.checked; update(); });
      return cb;
    });
    input.addEventListener("input", () => { fs.target = Number(input.value); update(); });
    const keys = { ArrowRight: 0.1, ArrowUp: 0.1, ArrowLeft: -0.1, ArrowDown: -0.1, PageUp: 1, PageDown: -1 };
    input.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const [lo, hi] = reach();
      let t = null;
      if (e.key in keys) t = fs.target + keys[e.key];
      else if (e.key === "Home") t = lo;
      else if (e.key === "End") t = hi;
      if (t === null) return;
      e.preventDefault();
      fs.target = Number((Math.round(Math.min(Math.max(t, lo), hi) * 10) / 10).toFixed(1));
      update();
    });

    // The answer's readout: its angle, one sentence, and a bar pair per muscle.
    tilt.hidden = true;
    const angleP = el("p", { class: "fc-fix-angle", "data-role": "fix-angle", "aria-live": "polite" }, box);
    const sentence = el("p", { class: "fc-fix-sentence", "data-role": "fix-sentence" }, box);
    const outBox = el("section", { class: "fc-fix-out", "aria-labelledby": `${id}-fixh` }, side);
    el("div", { class: "fc-sens-title", id: `${id}-fixh` }, outBox, "Each muscle: now and in the least-effort answer");
    const keyP = el("p", { class: "fc-fix-key", "aria-hidden": "true" }, outBox);
    el("span", { class: "fc-fix-swatch fc-fix-swatch-now" }, keyP);
    keyP.appendChild(document.createTextNode(` now (${F.now_label})   `));
    el("span", { class: "fc-fix-swatch fc-fix-swatch-answer" }, keyP);
    keyP.appendChild(document.createTextNode(" least effort (in the muscle's colour); % of maximal force"));
    const list = el("ul", { class: "fc-fix-list" }, outBox);
    const rows = spec.muscles.map((m, i) => {
      const li = el("li", { class: "fc-fix-row", "data-role": "fix-row", "data-muscle": m.name }, list);
      const name = el("span", { class: "fc-sens-name" }, li, m.label);
      const track = el("span", { class: "fc-fix-track", "aria-hidden": "true" }, li);
      const nowBar = el("span", { class: "fc-fix-now" }, track);
      const bar = el("span", { class: `fc-fix-bar${isDeep(m.colour) ? " fc-deep" : ""}` }, track);
      bar.style.background = m.colour;
      const value = el("span", { class: "fc-fix-value" }, li);
      return { li, name, nowBar, bar, value, m, i };
    });

    const mask = () => fs.locks.reduce((s, on, k) => s | (on ? 1 << k : 0), 0);
    const heldSet = () => new Set(F.locks.flatMap((lk, k) => (fs.locks[k] ? lk.muscles : [])));
    function reach() {
      const c = F.combos[mask()];
      return [c.from, Number((c.from + (c.count - 1) * step).toFixed(6))];
    }
    const deg = (x) => `${x < 0 ? "−" : ""}${Math.abs(x).toFixed(1)}°`;
    // Clamp the target to what these locks can reach; say so when it moved.
    function clampTarget(asked, why = "") {
      const [lo, hi] = reach();
      let t = Number(asked);
      if (!Number.isFinite(t)) {
        fs.note = `${why}${why ? "c" : "C"}ould not read the target ${JSON.stringify(String(asked))}; kept ${deg(fs.target)}.`;
        t = fs.target;
      } else fs.note = "";
      const ok = Math.min(Math.max(t, lo), hi);
      if (ok !== t) {
        fs.note = `${why}${why ? "t" : "T"}arget ${deg(t)} is out of reach with ${fs.locks.some(Boolean) ? "these muscles held" : "these muscles"}` +
          ` (reachable: ${deg(lo)} to ${deg(hi)}); set to ${deg(ok)}.`;
      }
      fs.target = ok;
    }
    // The answer's activations (fractions of fmax) at the target: linear between grid targets.
    function activations() {
      const c = F.combos[mask()], held = heldSet();
      const x = Math.min(Math.max((fs.target - c.from) / step, 0), c.count - 1);
      const j0 = Math.min(Math.floor(x), c.count - 2 < 0 ? 0 : c.count - 2), f = x - j0, j1 = Math.min(j0 + 1, c.count - 1);
      return spec.muscles.map((m, i) => {
        if (held.has(i)) return F.now[i];
        const k = c.arrays[i];
        if (k === null) return 0;
        const a = arrays[k];
        return a[j0] + (a[j1] - a[j0]) * f;
      });
    }
    // Slider values (the explorer's unit) for activations: pull = value * scale.
    const valuesOf = (acts) => spec.controls.map((c) => {
      const i = c.muscles[0];
      return (acts[i] * spec.muscles[i].fmax) / c.scale[0];
    });
    function apply() {
      const acts = activations();
      fs.acts = acts;
      state.values = valuesOf(acts);
    }
    function update(why) {
      if (why === undefined) clampTarget(fs.target);
      apply();
      changed();
    }
    const join = (w) => (w.length <= 1 ? w.join("") : `${w.slice(0, -1).join(", ")} and ${w[w.length - 1]}`);
    return {
      fs,
      init() {
        const pulls = F.now.map((a, i) => a * spec.muscles[i].fmax);
        const nowAnswer = solveOnGrid(curves[0], pulls, grid, spec.rest_index, spec.zero_torque);
        kept = { angle: nowAnswer.angle, variant: 0,
          label: `dashed: now (${F.now_label}), ${tiltText(nowAnswer.angle, spec.directions)}` };
        fs.nowAngle = nowAnswer.angle;
        const asked = new URLSearchParams(window.location.search).get("target");
        clampTarget(fs.target);
        if (asked !== null) clampTarget(asked, "From the link: ");
        apply();
        clampValues();
      },
      setTarget(value, why) { clampTarget(value, why); apply(); changed(); },
      reset() { fs.locks = [...F.start.locks]; fs.target = F.start.target; update(); },
      sync() {
        model.set("target", fs.target);
        model.set("locks", [...fs.locks]);
        model.save_changes();
      },
      draw(now) {
        const [lo, hi] = reach();
        if (Number(input.min) !== lo) input.min = lo;
        if (Number(input.max) !== hi) input.max = hi;
        if (Number(input.value) !== fs.target) input.value = fs.target;
        const t = `${deg(fs.target)}`;
        out.textContent = t;
        input.setAttribute("aria-valuetext", `${tiltText(fs.target, spec.directions)} target`);
        toggles.forEach((cb, k) => { cb.checked = fs.locks[k]; });
        range.textContent = `Reachable with ${fs.locks.some(Boolean) ? "these muscles held" : "every muscle free"}: ` +
          `${deg(lo)} to ${deg(hi)}.`;
        note.textContent = fs.note;
        const a = now.answer.angle;
        angleP.dataset.angle = String(a);
        angleP.textContent = `The least-effort answer rests at ${tiltText(a, spec.directions)} (solid); ` +
          `now ${tiltText(fs.nowAngle, spec.directions)} (dashed).`;
        const held = heldSet(), acts = fs.acts, cut = F.unchanged;
        const ups = [], downs = [];
        spec.muscles.forEach((m, i) => {
          if (held.has(i)) return;
          if (acts[i] - F.now[i] > cut) ups.push(m.label);
          else if (F.now[i] - acts[i] > cut) downs.push(m.label);
        });
        const parts = [];
        if (ups.length) parts.push(`${join(ups)} ${ups.length === 1 ? "works" : "work"} harder`);
        if (downs.length) parts.push(`${join(downs)} ${downs.length === 1 ? "eases" : "ease"} off`);
        sentence.textContent = `To rest at ${tiltText(a, spec.directions)} for the least effort, ` +
          `${parts.length ? parts.join("; ") : "nothing needs to change"}.`;
        const top = Math.max(0.1, ...acts, ...F.now);
        for (const r of rows) {
          const nowV = F.now[r.i], ans = acts[r.i];
          r.li.dataset.now = String(nowV);
          r.li.dataset.answer = String(ans);
          r.li.classList.toggle("fc-held", held.has(r.i));
          r.name.textContent = held.has(r.i) ? `${r.m.label} (held)` : r.m.label;
          r.nowBar.style.width = `${((nowV / top) * 100).toFixed(2)}%`;
          r.bar.style.width = `${((ans / top) * 100).toFixed(2)}%`;
          r.value.textContent = `${(nowV * 100).toFixed(1)} → ${(ans * 100).toFixed(1)} %`;
          r.value.setAttribute("aria-label", `now ${(nowV * 100).toFixed(1)} %, least effort ${(ans * 100).toFixed(1)} % of maximal force`);
        }
      },
    };
  }

  // -- the picture's nodes: made by build() (again when the drawn size changes), moved by drawPicture()
  let u = vbW / 420;         // cm per CSS px
  let fontPx = 13;           // label size, CSS px
  const px = (n) => n * u;
  let pic = null;
  let kept = null;           // the pose pinned by "Keep for comparison"
  let lastNow = null;
  const widths = new Map();  // measured label widths (cm), by font and text
  const attrs = (e, a) => { for (const [k, v] of Object.entries(a)) e.setAttribute(k, v); return e; };
  const setLine = (e, p, q) => attrs(e, { x1: p[0], y1: -p[1], x2: q[0], y2: -q[1] });
  const strokes = (m, w) => ({ stroke: m.colour, "stroke-width": px(w),
    "stroke-dasharray": m.dash === "dashed" ? `${px(9)} ${px(5)}` : "none" });
  const bounds = [view[0], view[1], view[2], view[3]];

  // Each muscle's insertion and origin (cm) at an angle, for a variant.
  function stringEnds(geo, angle) {
    return spec.muscles.map((m, i) => [rotate(geo.insertion[i], angle), rotate(geo.origin[i], angle * geo.turns[i])]);
  }

  // A label's width (cm): the sum of its characters' widths, each measured once per
  // label style (measuring forces a layout, so a changing number must not).
  function textWidth(text, cls) {
    let w = 0;
    for (const ch of text) {
      const key = `${cls}|${ch}`;
      if (!widths.has(key)) {
        pic.measure.setAttribute("class", cls);
        pic.measure.textContent = ch === " " ? "a a" : ch;
        let m = 0;
        try {
          m = pic.measure.getComputedTextLength();
          if (ch === " ") { pic.measure.textContent = "aa"; m -= pic.measure.getComputedTextLength(); }
        } catch (e) { m = 0; }
        if (!(m > 0)) return text.length * 0.6 * px(fontPx);  // not laid out yet (hidden): estimate
        widths.set(key, m);
      }
      w += widths.get(key);
    }
    return w;
  }

  function label(parent, cls, text, extra = {}) {
    return svgEl("text", { class: `fc-label ${cls}`, "text-anchor": "middle", "dominant-baseline": "central", ...extra }, parent, text);
  }

  function build() {
    svg.replaceChildren();
    svg.style.fontSize = `${px(fontPx)}px`;
    svg.style.setProperty("--fc-small", `${px(11.5)}px`);
    widths.clear();
    pic = {};
    const L = {};
    for (const n of ["back", "pose", "kept", "strings", "marks", "labels"]) L[n] = svgEl("g", { class: `fc-layer-${n}` }, svg);
    pic.L = L;
    pic.measure = svgEl("text", { class: "fc-label", visibility: "hidden", x: view[0], y: -view[1] }, svg);
    const outline = spec.variants[state.variant].outline;

    if (spec.normal_range && !(A && A.tilt_line)) {
      const [a, b] = spec.normal_range, r = E * 0.9;
      svgEl("path", { d: `M0,0 L${pt(rotate([r, 0], a))} A${r},${r} 0 0 0 ${pt(rotate([r, 0], b))} Z`, fill: C.normal,
        "fill-opacity": 0.12, stroke: "none", "data-role": "normal-range" }, L.back);
    }
    if (!A) {
      pic.ghost = svgEl("polygon", { fill: "none", stroke: C.ghost, "stroke-dasharray": `${px(3)} ${px(3)}`,
        "stroke-width": px(1.2) }, L.back);
    }
    pic.fixed = [];  // fixed bones, for the label placer
    pic.moving = [];
    if (A) {
      for (const part of A.parts) {
        const layer = part.moves ? L.pose : L.back;
        const cls = `fc-part fc-part-${part.style}`;
        let node;
        if (part.shape === "circle") {
          node = svgEl("circle", { class: cls, r: part.radius }, layer);
        } else if (part.style === "rod") {
          node = svgEl("g", { class: cls }, layer);
          svgEl("path", { fill: "none", stroke: C.edge, "stroke-width": px(10), "stroke-linecap": "round",
            "stroke-linejoin": "round" }, node);
          svgEl("path", { fill: "none", stroke: C.bone, "stroke-width": px(7), "stroke-linecap": "round",
            "stroke-linejoin": "round" }, node);
        } else {
          node = svgEl(part.shape === "polygon" ? "polygon" : "polyline", { class: cls }, layer);
        }
        if (part.style === "fixed" || part.style === "bone") {
          attrs(node, { fill: C.anatomy, stroke: part.style === "bone" ? C.edge : C.anatomy_edge,
            "stroke-width": px(1.3), "stroke-linejoin": "round" });
        } else if (part.style === "faint") {
          attrs(node, { fill: "none", stroke: C.faint, "stroke-width": px(1.5), "stroke-linecap": "round" });
        } else if (part.style === "ridge") {
          attrs(node, { fill: "none", stroke: C.edge, "stroke-width": px(3), "stroke-linecap": "round", "stroke-linejoin": "round" });
        }
        const item = { part, node };
        (part.moves ? pic.moving : pic.fixed).push(item);
        if (!part.moves) placePart(item, 0);
        // a polygon moving part (the sacrum) goes over the pelvis: drawn after the bone, below
      }
      if (A.column) {
        const c = A.column;
        pic.column = c.vertebrae.map(([name, y]) => {
          const [w, h] = name.startsWith("C") ? c.cervical_box : c.thoracic_box;
          return { name, at: [c.x, y], box: [c.x - w / 2, y - h / 2, c.x + w / 2, y + h / 2],
            node: svgEl("rect", { class: "fc-part fc-part-fixed fc-vertebra", x: c.x - w / 2, y: -(y + h / 2), width: w, height: h,
              rx: Math.min(w, h) * 0.25, fill: C.anatomy, stroke: C.anatomy_edge, "stroke-width": px(1.1) }, L.back) };
        });
      }
      if (A.lumbar_spine) {
        const S = A.lumbar_spine;
        pic.spineLine = svgEl("path", { class: "fc-part fc-spine-line", fill: "none", stroke: C.anatomy_edge,
          "stroke-width": px(1.2) }, L.pose);
        const [w, h] = S.body;
        const box = (parent) => svgEl("rect", { class: "fc-part fc-part-fixed fc-vertebra", x: -w / 2, y: -h / 2, width: w,
          height: h, rx: 0.5, fill: C.anatomy, stroke: C.anatomy_edge, "stroke-width": px(1.1) }, parent);
        pic.lumbar = S.lumbar.map(() => box(L.pose));
        // thoracic bodies above the junction: fixed
        const spacing = lengthOf(spineCurve(S, 0)) / S.lumbar.length;
        pic.thoracic = S.thoracic.map((name, i) => {
          const c = add(S.top, mul(S.top_direction, (i + 0.5) * spacing));
          const node = box(L.back);
          node.setAttribute("transform", bodyTransform(c, S.top_direction));
          return c;
        });
      }
    }
    pic.bone = svgEl("polygon", { fill: C.bone, stroke: C.edge, "stroke-width": px(1.5), "stroke-linejoin": "round",
      "data-role": "bone" }, L.pose);
    // moving parts drawn over the bone (sacrum, clavicle, spine of the scapula)
    for (const item of pic.moving) L.pose.appendChild(item.node);
    if (pic.spineLine) { L.pose.appendChild(pic.spineLine); for (const b of pic.lumbar) L.pose.appendChild(b); }
    if (!outline.length) pic.bone.setAttribute("visibility", "hidden");

    pic.strings = spec.muscles.map((m) => {
      const deep = isDeep(m.colour) ? " fc-deep" : "";
      return {
        lever: svgEl("line", { stroke: m.colour, "stroke-dasharray": `${px(2)} ${px(3)}`, "stroke-width": px(1.2),
          "data-role": "lever", class: "fc-lever" }, L.strings),
        under: svgEl("line", { class: `fc-under${deep}`, stroke: "none", "stroke-linecap": "butt",
          "stroke-dasharray": m.dash === "dashed" ? `${px(9)} ${px(5)}` : "none" }, L.strings),
        line: svgEl("line", { class: "fc-string", ...strokes(m, 2.5), "data-role": "string" }, L.strings),
        pull: svgEl("path", { class: `fc-pull${deep}`, "data-role": "pull",
          fill: m.dash === "dashed" ? "none" : m.colour, stroke: m.colour, "stroke-width": px(2),
          "stroke-linejoin": "round", "stroke-linecap": "round" }, L.strings),
        halo: svgEl("line", { class: "fc-arrow-halo", stroke: C.halo, "stroke-width": px(6), "stroke-linecap": "round" }, L.strings),
        shaft: svgEl("line", { stroke: m.colour, "stroke-width": px(3.5) }, L.strings),
        head: svgEl("polygon", { fill: m.colour, class: "fc-arrow-head", stroke: C.halo, "stroke-width": px(1), "data-role": "arrow" }, L.strings),
      };
    });

    // marks: the pivot, the angle, landmarks, the load
    // the pivot sits on the bone, which is light in both themes: a dark dot either way
    svgEl("circle", { cx: 0, cy: 0, r: px(4.5), fill: C.ink, stroke: C.bone, "stroke-width": px(1.2),
      "data-role": "pivot" }, L.marks);
    if (A && A.tilt_line) {
      pic.band = spec.normal_range ? svgEl("path", { fill: C.normal, "fill-opacity": 0.18, stroke: "none",
        "data-role": "normal-range" }, L.marks) : null;
      pic.level = svgEl("line", { class: "fc-ink", stroke: C.ink, "stroke-width": px(1.3),
        "stroke-dasharray": `${px(5)} ${px(4)}`, "data-role": "level" }, L.marks);
      pic.tiltUnder = svgEl("line", { class: "fc-under", stroke: C.halo, "stroke-width": px(5) }, L.marks);
      pic.tiltLine = svgEl("line", { class: "fc-ink", stroke: C.ink, "stroke-width": px(2.2), "data-role": "tilt-line" }, L.marks);
    }
    if (A && A.rise) {
      pic.riseLevel = svgEl("line", { class: "fc-ink", stroke: C.ink, "stroke-width": px(1.3),
        "stroke-dasharray": `${px(5)} ${px(4)}` }, L.marks);
      pic.clavicle0 = svgEl("line", { class: "fc-ink", stroke: C.ink, "stroke-width": px(1.1),
        "stroke-dasharray": `${px(3)} ${px(3)}` }, L.marks);
      pic.riseArrow = svgEl("path", { class: "fc-ink", fill: "none", stroke: C.ink, "stroke-width": px(1.6),
        "data-role": "rise" }, L.marks);
    }
    pic.arc = svgEl("path", { class: "fc-ink", fill: "none", stroke: C.ink, "stroke-width": px(1.8), "data-role": "arc" }, L.marks);
    pic.marks = (A ? A.marks : []).filter((n) => LM[n]).map((name) => ({
      name, at: LM[name],
      dot: svgEl("circle", { class: "fc-ink", r: px(4), fill: C.ink, stroke: C.halo, "stroke-width": px(1) }, L.marks),
      text: label(L.labels, "fc-mark fc-text", name, { fill: C.text }),
    }));
    if (spec.load) {
      pic.load = svgEl("path", { class: "fc-ink fc-load-arrow", fill: C.load, stroke: C.load, "stroke-width": px(2.5),
        "stroke-linejoin": "round", "data-role": "load" }, L.marks);
      pic.loadText = label(L.labels, "fc-mark fc-text", `arm's weight ${Math.round(spec.load.force)} N`, { fill: C.text });
    }
    pic.angleText = label(L.labels, "fc-angle fc-text", "", { fill: C.text, "data-role": "angle" });
    pic.riseText = A && A.rise ? label(L.labels, "fc-mark fc-text", "", { fill: C.text, "data-role": "rise-text" }) : null;
    pic.partLabels = [];
    if (A) {
      for (const item of [...pic.fixed, ...pic.moving]) {
        if (item.part.label) pic.partLabels.push({ item, text: label(L.labels, "fc-part-label fc-muted", item.part.label, { fill: C.edge }) });
      }
      if (A.lumbar_spine && A.lumbar_spine.label) {
        pic.spineLabel = label(L.labels, "fc-part-label fc-muted", A.lumbar_spine.label, { fill: C.edge });
      }
      if (A.column) {
        pic.columnLabels = A.column.labels.map((name) => {
          const v = pic.column.find((b) => b.name === name);
          return v ? { v, text: label(L.labels, "fc-part-label fc-muted", name, { fill: C.edge }) } : null;
        }).filter(Boolean);
      }
    }
    pic.groupLabels = groups.map((g) => label(L.labels, `fc-group${g.deep ? " fc-deep" : ""}`, g.label,
      { fill: g.colour, "data-role": "group-label", "data-group": g.label }));
    if (kept) drawKept();
  }

  function bodyTransform(c, t) {
    const deg = (Math.atan2(-t[1], t[0]) * 180) / Math.PI - 90;
    return `translate(${c[0].toFixed(3)},${(-c[1]).toFixed(3)}) rotate(${deg.toFixed(2)})`;
  }

  // Put a drawing part where it is at `angle` (fixed parts at any angle).
  function placePart(item, angle) {
    const { part, node } = item;
    const turn = (p) => (part.moves ? rotate(p, angle) : p);
    if (part.shape === "circle") {
      const c = turn(part.centre);
      attrs(node, { cx: c[0], cy: -c[1] });
      item.poly = null;
      return;
    }
    const pts = part.points.map(turn);
    item.poly = part.shape === "polygon" ? pts : null;
    item.pts = pts;
    if (part.style === "rod") for (const p of node.children) p.setAttribute("d", pathOf(pts));
    else node.setAttribute("points", pts.map(pt).join(" "));
  }

  // Where the pose is at `angle`: bone outline, moving parts, lumbar spine, strings.
  function pose(angle, variant) {
    const geo = curves[variant].geometry;
    const out = { outline: geo.outline.map((p) => rotate(p, angle)), ends: stringEnds(geo, angle), parts: [] };
    if (A) {
      for (const part of A.parts) {
        if (!part.moves || part.shape === "circle") continue;
        out.parts.push({ part, pts: part.points.map((p) => rotate(p, angle)) });
      }
      if (A.lumbar_spine) out.spine = spineCurve(A.lumbar_spine, angle);
    }
    return out;
  }

  // -- the label placer: tries candidate spots, keeps the one that covers least
  function placer() {
    const ctx = { boxes: [], segments: [], polys: [] };
    const margin = px(3);
    const box = [bounds[0] + margin, bounds[1] + margin, bounds[2] - margin, bounds[3] - margin];
    ctx.place = (node, text, cls, cands, own = -1) => {
      const w = textWidth(text, cls) + px(4), h = px(fontPx) * 1.25, gap = px(4);
      let best = null;
      cands.forEach((c, i) => {
        const d = unit(c.dir);
        const reach = Math.abs(d[0]) * (w / 2) + Math.abs(d[1]) * (h / 2);
        const centre = add(c.at, mul(d, gap + reach + (c.extra || 0)));
        const b = [centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2];
        let cost = i * 1.5 + (c.cost || 0);
        if (b[0] < box[0] || b[1] < box[1] || b[2] > box[2] || b[3] > box[3]) cost += 1000;
        for (const o of ctx.boxes) cost += 600 * overlap(b, o);
        for (const s of ctx.segments) if (clip(s.p, s.q, b)) cost += s.group === own ? 12 : s.weight;
        for (const poly of ctx.polys) {
          if (poly.shape.box[0] > b[2] || poly.shape.box[2] < b[0] || poly.shape.box[1] > b[3] || poly.shape.box[3] < b[1]) continue;
          const hits = inside(centre[0], centre[1], poly.shape) + inside(b[0], b[1], poly.shape) +
            inside(b[2], b[1], poly.shape) + inside(b[0], b[3], poly.shape) + inside(b[2], b[3], poly.shape);
          cost += hits * poly.weight;
        }
        if (!best || cost < best.cost) best = { cost, centre, b };
      });
      ctx.boxes.push(best.b);
      attrs(node, { x: best.centre[0].toFixed(3), y: (-best.centre[1]).toFixed(3) });
      return best;
    };
    ctx.segment = (p, q, weight, group = -2) => ctx.segments.push({ p, q, weight, group });
    ctx.polyline = (pts, weight) => { for (let i = 1; i < pts.length; i++) ctx.segment(pts[i - 1], pts[i], weight); };
    return ctx;
  }

  // Candidate spots beside a segment: both sides, at several points along its visible part.
  function besideSegment(p, q, ts = [0.5, 0.35, 0.65, 0.22, 0.8]) {
    const part = clip(p, q, bounds);
    if (!part) return [];
    const a = lerp(p, q, part[0]), b = lerp(p, q, part[1]);
    const n = unit(perp(sub(b, a)));
    const out = [];
    for (const t of ts) {
      const m = lerp(a, b, t);
      out.push({ at: m, dir: n }, { at: m, dir: mul(n, -1) });
    }
    return out;
  }
  const around = (at, dirs, cost = 0) => dirs.map((d) => ({ at, dir: d, cost }));

  function drawPicture(now) {
    lastNow = now;
    const revealed = guessing.revealed;
    const shown = revealed ? now.answer.angle : state.shownAngle;
    const geo = now.c.geometry;
    const P = pose(shown, state.variant);
    const ctx = placer();
    if (geo.outline.length) {
      if (pic.ghost) pic.ghost.setAttribute("points", geo.outline.map(pt).join(" "));
      pic.bone.setAttribute("points", P.outline.map(pt).join(" "));
      ctx.polys.push({ shape: shape(P.outline), weight: 6 });
    }
    for (const item of pic.moving) placePart(item, shown);
    for (const item of [...pic.fixed, ...pic.moving]) {
      if (item.poly) ctx.polys.push({ shape: item.shape && !item.part.moves ? item.shape : (item.shape = shape(item.poly)), weight: 4 });
    }
    if (pic.spineLine) {
      pic.spineLine.setAttribute("d", pathOf(P.spine));
      bodiesAlong(P.spine, pic.lumbar.length).forEach((b, i) => pic.lumbar[i].setAttribute("transform", bodyTransform(b.p, b.t)));
      ctx.polyline(P.spine, 25);
    }
    if (pic.column) for (const v of pic.column) ctx.boxes.push(v.box);
    for (const item of pic.fixed.concat(pic.moving)) if (item.part.style !== "faint" && item.pts && !item.poly) ctx.polyline(item.pts, 20);

    // strings, levers, pull chevrons and tension arrows
    spec.muscles.forEach((m, i) => {
      const s = pic.strings[i];
      const [p, q] = P.ends[i];
      const tension = now.torques.tensions[i];
      const w = 2 + 4 * Math.min(tension * spec.arrow_scale / E, 1);
      setLine(s.line, p, q);
      setLine(s.under, p, q);
      s.line.setAttribute("stroke-width", px(w));
      s.under.setAttribute("stroke-width", px(w + 3));
      const dx = q[0] - p[0], dy = q[1] - p[1], L2 = dx * dx + dy * dy, len = Math.sqrt(L2);
      const t = (-(p[0] * dx + p[1] * dy)) / L2;
      setLine(s.lever, [0, 0], [p[0] + t * dx, p[1] + t * dy]);
      const g = groups.findIndex((gr) => gr.muscles.includes(i));
      ctx.segment(p, q, 45, g);
      // which way the string pulls: a filled head (solid strings) or an open one (dashed)
      const vis = clip(p, q, bounds);
      if (vis) {
        const along = (vis[0] + (vis[1] - vis[0]) * 0.72);
        const tip = lerp(p, q, along), ud = [dx / len, dy / len], nd = perp(ud), h = px(9);
        const back = sub(tip, mul(ud, h));
        const l = add(back, mul(nd, h * 0.5)), r = sub(back, mul(nd, h * 0.5));
        s.pull.setAttribute("d", m.dash === "dashed" ? `M${pt(l)}L${pt(tip)}L${pt(r)}` : `M${pt(l)}L${pt(tip)}L${pt(r)}Z`);
      } else s.pull.setAttribute("d", "");
      const showArrow = revealed && tension > 0;
      for (const part of [s.halo, s.shaft, s.head]) part.setAttribute("visibility", showArrow ? "visible" : "hidden");
      if (showArrow) {
        const L = Math.min(tension * spec.arrow_scale, len * 0.9), ux = dx / len, uy = dy / len;
        const tip = [p[0] + ux * L, p[1] + uy * L], h = Math.min(px(13), L);
        setLine(s.halo, p, tip);
        setLine(s.shaft, p, sub(tip, [ux * h * 0.6, uy * h * 0.6]));
        const left = [tip[0] - ux * h - uy * h * 0.5, tip[1] - uy * h + ux * h * 0.5];
        const right = [tip[0] - ux * h + uy * h * 0.5, tip[1] - uy * h - ux * h * 0.5];
        s.head.setAttribute("points", [tip, left, right].map(pt).join(" "));
        ctx.boxes.push([tip[0] - h, tip[1] - h, tip[0] + h, tip[1] + h]);
      }
    });

    const degrees = revealed ? `${shown.toFixed(1)}°` : "?";
    // the angle: ASIS-PSIS line against the horizontal (pelvis), or an arc at the pivot
    if (pic.tiltLine) {
      const [na, nb] = A.tilt_line;
      const a = rotate(LM[na], shown), b = rotate(LM[nb], shown);
      const span = norm(sub(b, a)), d = unit(sub(b, a)), r = span * 0.42;
      const beyond = add(b, mul(d, r * 1.2));
      setLine(pic.tiltLine, a, beyond);
      setLine(pic.tiltUnder, a, beyond);
      setLine(pic.level, b, add(b, [r * 1.25, 0]));
      const ang = (Math.atan2(d[1], d[0]) * 180) / Math.PI;
      const e0 = add(b, [r, 0]), e1 = add(b, mul(d, r));
      pic.arc.setAttribute("d", `M${pt(e0)} A${r},${r} 0 0 ${ang >= 0 ? 0 : 1} ${pt(e1)}`);
      if (pic.band) {
        const [lo, hi] = spec.normal_range, R = r * 1.25;
        pic.band.setAttribute("d", `M${pt(b)} L${pt(add(b, mul(dir(lo), R)))} A${R},${R} 0 0 0 ${pt(add(b, mul(dir(hi), R)))} Z`);
      }
      ctx.segment(a, beyond, 40);
      ctx.segment(b, add(b, [r * 1.25, 0]), 40);
      const mid = dir(ang / 2);
      pic.angleText.textContent = degrees;
      ctx.place(pic.angleText, degrees, "fc-angle", [
        { at: add(b, mul(mid, r * 1.25)), dir: mid }, { at: add(b, [r * 1.25, 0]), dir: [1, 0] },
        { at: add(b, [r * 1.25, 0]), dir: [0, -1] }, { at: add(b, [r * 1.25, 0]), dir: [1, -1] },
        { at: beyond, dir: d }, { at: beyond, dir: [0, 1] }]);
    } else {
      const ref = A && A.rise ? LM[A.rise] : null;
      const a0 = ref ? (Math.atan2(ref[1], ref[0]) * 180) / Math.PI : 0;
      const r = ref ? norm(ref) * 0.45 : E * 0.35;
      const e0 = mul(dir(a0), r), e1 = mul(dir(a0 + shown), r);
      pic.arc.setAttribute("d", `M${pt(e0)} A${r},${r} 0 0 ${shown >= 0 ? 0 : 1} ${pt(e1)}`);
      if (pic.clavicle0) { setLine(pic.clavicle0, [0, 0], mul(dir(a0), r * 1.35)); ctx.segment([0, 0], mul(dir(a0), r * 1.35), 30); }
      pic.angleText.textContent = degrees;
      const out = dir(a0 + shown / 2);
      ctx.place(pic.angleText, degrees, "fc-angle", [
        { at: mul(out, r), dir: [0, -1] }, { at: mul(out, r), dir: [0, -1], extra: px(8) },
        { at: mul(out, r * 1.05), dir: out }, { at: mul(out, r), dir: [-1, -1] },
        { at: [0, 0], dir: [-1, -1] }, { at: [0, 0], dir: [0, -1], extra: px(6) }]);
    }

    // landmarks: a dot and a name each
    for (const mk of pic.marks) {
      const at = rotate(mk.at, shown);
      attrs(mk.dot, { cx: at[0], cy: -at[1] });
      const horizontal = [Math.sign(at[0]) || 1, 0];  // away from the pivot, sideways
      ctx.place(mk.text, mk.name, "fc-mark", [
        ...around(at, [horizontal, [horizontal[0], 1], [0, 1], [horizontal[0], -1], [0, -1]]),
        ...around(at, [[-horizontal[0], 1], [-horizontal[0], 0], [-horizontal[0], -1]], 10)]);
    }
    // the acromion's rise against its height at angle 0
    if (pic.riseText) {
      const ref = LM[A.rise], now0 = rotate(ref, shown), rise = now0[1] - ref[1];
      const x = ref[0] + Math.max(2.2, px(20));
      setLine(pic.riseLevel, [ref[0] - px(10), ref[1]], [x + px(14), ref[1]]);
      // a dimension line from the 0° level to the acromion's level now, with a tick at each end
      const y1 = now0[1], tick = px(4);
      pic.riseArrow.setAttribute("d", !revealed || Math.abs(rise) < 0.1 ? "" :
        `M${pt([x, ref[1]])}L${pt([x, y1])}M${pt([x - tick, y1])}L${pt([x + tick, y1])}` +
        `M${pt([x - tick, ref[1]])}L${pt([x + tick, ref[1]])}M${pt(now0)}L${pt([x - tick, y1])}`);
      const text = revealed ? `${rise >= 0 ? "rises" : "drops"} ${Math.abs(rise).toFixed(1)} cm` : "rises ? cm";
      pic.riseText.textContent = text;
      ctx.segment([ref[0] - px(10), ref[1]], [x + px(14), ref[1]], 30);
      const mid = [x, (ref[1] + y1) / 2];
      ctx.place(pic.riseText, text, "fc-mark", around(mid, [[1, 0], [1, -1], [1, 1], [0, -1]]));
    }
    if (pic.load) {
      const at = rotate(spec.load.at, shown), tip = add(at, [0, -px(55)]), h = px(10);
      pic.load.setAttribute("d", `M${pt(at)}L${pt(add(tip, [0, h * 0.8]))}M${pt(add(tip, [-h * 0.55, h]))}L${pt(tip)}L${pt(add(tip, [h * 0.55, h]))}Z`);
      ctx.segment(at, tip, 40);
      const text = pic.loadText.textContent;
      ctx.place(pic.loadText, text, "fc-mark", [...around(tip, [[0, -1], [1, -1], [-1, -1]]),
        ...around(lerp(at, tip, 0.6), [[1, 0], [-1, 0]])]);
    }

    // the strings' names: beside one of the group's strings
    groups.forEach((g, k) => {
      const cands = [];
      for (const i of g.muscles) cands.push(...besideSegment(...P.ends[i]));
      if (!cands.length) cands.push({ at: [view[0], view[3]], dir: [1, -1] });
      ctx.place(pic.groupLabels[k], g.label, `fc-group${g.deep ? " fc-deep" : ""}`, cands, k);
    });
    // names of the bones, where there is room
    for (const { item, text } of pic.partLabels) {
      const pts = item.pts || [item.part.centre];
      const vis = pts.filter((p) => p[0] > bounds[0] && p[0] < bounds[2] && p[1] > bounds[1] && p[1] < bounds[3]);
      const ys = vis.map((p) => p[1]);
      const midY = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
      const near = vis.length ? vis.reduce((a, p) => (Math.abs(p[1] - midY) < Math.abs(a[1] - midY) ? p : a)) : [0, 0];
      const xs = vis.filter((p) => Math.abs(p[1] - midY) < 4).map((p) => p[0]);
      const left = [Math.min(...xs, near[0]), midY], right = [Math.max(...xs, near[0]), midY];
      const cands = item.poly
        ? [...around(right, [[1, 0], [1, 1], [1, -1]]), ...around(left, [[-1, 0], [-1, 1], [-1, -1]])]
        : besideSegment(pts[0], pts[pts.length - 1], [0.5, 0.3, 0.7, 0.15]);
      ctx.place(text, item.part.label, "fc-part-label", cands);
    }
    if (pic.spineLabel) {
      const b = bodiesAlong(P.spine, 5);
      const n = [-1, 0];
      ctx.place(pic.spineLabel, A.lumbar_spine.label, "fc-part-label", [
        ...around(b[3].p, [[1, 0], [1, -0.5], [1, 0.5]], 0).map((c) => ({ ...c, extra: px(12) })),
        ...around(b[2].p, [n, [-1, 0.5]], 4).map((c) => ({ ...c, extra: px(10) })),
        ...around(b[4].p, [[1, 0], n], 6)]);
    }
    if (kept && pic.keptLabel) {
      const m = px(2), h = px(fontPx) * 0.75;
      const corners = [[view[0] + m, view[3] - m - h, 1], [view[2] - m, view[3] - m - h, -1],
        [view[0] + m, view[1] + m + h, 1], [view[2] - m, view[1] + m + h, -1]];
      ctx.place(pic.keptLabel, pic.keptLabel.textContent, "fc-kept-label",
        corners.map(([x, y, dx]) => ({ at: [x, y], dir: [dx, 0] })));
    }
    for (const { v, text } of pic.columnLabels || []) {
      const w = v.box[2] - v.box[0];
      ctx.place(text, v.name, "fc-part-label", around(v.at, [[-1, 0], [1, 0]]).map((c) => ({ ...c, extra: w / 2 })));
    }
  }

  // -- "Keep for comparison": the pose now, drawn faintly; it stays until replaced or cleared
  function drawKept() {
    pic.L.kept.replaceChildren();
    const g = svgEl("g", { class: "fc-kept", "data-role": "kept", "data-angle": String(kept.angle) }, pic.L.kept);
    const P = pose(kept.angle, kept.variant);
    const faint = { fill: "none", stroke: C.ghost, "stroke-width": px(1.6), "stroke-linejoin": "round",
      "stroke-dasharray": `${px(4)} ${px(3)}` };
    if (P.outline.length) svgEl("polygon", { ...faint, points: P.outline.map(pt).join(" "), "data-role": "kept-bone" }, g);
    for (const { pts, part } of P.parts) {
      svgEl(part.shape === "polygon" ? "polygon" : "polyline", { ...faint, points: pts.map(pt).join(" ") }, g);
    }
    if (P.spine) svgEl("path", { ...faint, d: pathOf(P.spine), "stroke-width": px(3) }, g);
    spec.muscles.forEach((m, i) => {
      const [p, q] = P.ends[i];
      setLine(svgEl("line", { stroke: m.colour, "stroke-width": px(1.6), "stroke-opacity": 0.55,
        "stroke-dasharray": m.dash === "dashed" ? `${px(6)} ${px(4)}` : "none" }, g), p, q);
    });
    if (A && A.tilt_line) {
      const [na, nb] = A.tilt_line;
      setLine(svgEl("line", { ...faint, "stroke-dasharray": "none" }, g), rotate(LM[na], kept.angle), rotate(LM[nb], kept.angle));
    }
    if (A && A.rise) {
      const at = rotate(LM[A.rise], kept.angle);
      svgEl("circle", { cx: at[0], cy: -at[1], r: px(3.5), fill: "none", stroke: C.ghost, "stroke-width": px(1.5) }, g);
    }
    pic.keptLabel = label(g, "fc-kept-label fc-muted", kept.label ?? `dashed: kept at ${tiltText(kept.angle, spec.directions)}`,
      { fill: C.ghost });
    if (lastNow) drawPicture(lastNow);
  }

  function keep() {
    const shown = guessing.revealed ? current().answer.angle : state.shownAngle;
    kept = { angle: shown, variant: state.variant };
    drawKept();
    clearButton.hidden = false;
    keptNote.textContent = `Kept: ${guessing.revealed ? tiltText(shown, spec.directions) : "the pose shown"} (faint outline).`;
  }
  function clearKept() {
    kept = null;
    pic.keptLabel = null;
    pic.L.kept.replaceChildren();
    clearButton.hidden = true;
    keptNote.textContent = "";
  }
  keepButton.addEventListener("click", keep);
  clearButton.addEventListener("click", clearKept);

  // The drawn size sets line widths and text size; rebuild when it changes.
  function measure() {
    const r = svg.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return false;
    const next = Math.max(vbW / r.width, vbH / r.height);
    const nextFont = r.width >= 360 ? 13 : 12;
    if (Math.abs(next - u) / u < 0.03 && nextFont === fontPx) return false;
    u = next;
    fontPx = nextFont;
    return true;
  }
  if (typeof ResizeObserver !== "undefined") {
    new ResizeObserver(() => { if (measure()) { build(); if (lastNow) redraw(); } }).observe(svg);
  }

  // Torque bars: one row per muscle, then tissues and load; made once.
  const barRows = spec.muscles.map((m) => [m.label, m.colour, isDeep(m.colour) ? "fc-deep" : ""]);
  barRows.push(["tissues", C.tissues, ""]);
  if (hasLoad) barRows.push(["load", C.load, "fc-load"]);
  const BAR = { W: 300, rowH: 18, mid: 190, half: 100 };
  bars.setAttribute("viewBox", `0 0 ${BAR.W} ${barRows.length * BAR.rowH + 4}`);
  svgEl("line", { x1: BAR.mid, y1: 0, x2: BAR.mid, y2: barRows.length * BAR.rowH, stroke: C.ghost }, bars);
  const barEls = barRows.map(([, colour, cls], k) => ({
    text: svgEl("text", { class: "fc-text", x: 2, y: k * BAR.rowH + 14, "font-size": 11, fill: C.text }, bars),
    rect: svgEl("rect", { class: `fc-bar ${cls}`.trim(), y: k * BAR.rowH + 2, height: BAR.rowH - 6, fill: colour, "data-role": "bar" }, bars),
  }));

  function drawBars(now) {
    const values = [...now.torques.muscles, now.torques.spring];
    if (hasLoad) values.push(now.torques.load);
    const top = Math.max(1e-9, ...values.map(Math.abs));
    values.forEach((t, k) => {
      const w = (Math.abs(t) / top) * (BAR.half - 2);
      barEls[k].text.textContent = `${barRows[k][0]} ${t >= 0 ? "+" : "−"}${formatTorque(t)}`;
      barEls[k].rect.setAttribute("x", t >= 0 ? BAR.mid : BAR.mid - w);
      barEls[k].rect.setAttribute("width", w);
    });
    bars.setAttribute("visibility", guessing.revealed ? "visible" : "hidden");
  }

  // The sentence is always current (never stale when read); while a slider moves the
  // region is busy, so screen readers announce it once the slider rests, not every step.
  let liveTimer = null;
  function announce(text) {
    if (live.textContent !== text) live.textContent = text;
    live.setAttribute("aria-busy", "true");
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => live.setAttribute("aria-busy", "false"), 300);
  }

  function redraw() {
    const start = performance.now();
    const now = current();
    const [pos, neg] = spec.directions;
    const a = now.answer.angle;
    sliders.forEach(({ input, out, c }, k) => {
      if (Number(input.value) !== state.values[k]) input.value = state.values[k];
      const text = `${Number(state.values[k]).toFixed(c.step < 1 ? 1 : 0)} ${c.unit}`;
      if (out.textContent !== text) {
        out.textContent = text;
        input.setAttribute("aria-valuetext", text);
      }
    });
    if (variantInput) {
      const vc = spec.variant_control;
      variantInput.value = state.variant;
      variantOut.textContent = `${vc.values[state.variant]} ${vc.unit}`;
      variantInput.setAttribute("aria-valuetext", variantOut.textContent);
    }
    if (guessing.revealed) state.shownAngle = a;
    root.dataset.angle = String(a);
    root.dataset.atLimit = String(now.answer.atLimit);
    drawPicture(now);
    drawBars(now);
    if (sens) sens(now);
    if (fix) fix.draw(now);
    if (guessing.revealed) {
      tilt.textContent = tiltText(a, spec.directions);
      const all = describeParts(spec, now.answer, now.torques, hasLoad);
      const sentence = all.join(" ");
      const parts = all.slice(1).map((x) => x.replace(/\.$/, ""));
      while (lines.children.length < parts.length) el("li", {}, lines);
      while (lines.children.length > parts.length) lines.lastChild.remove();
      parts.forEach((x, k) => { if (lines.children[k].textContent !== x) lines.children[k].textContent = x; });
      root.dataset.description = sentence;
      announce(sentence);
      limitNote.textContent = now.answer.atLimit
        ? `The ${spec.bone} is against the end of its range (${Math.abs(a).toFixed(0)}° ${a >= 0 ? pos : neg}): ` +
          `the joint itself holds the net torque, ${formatTorque(now.answer.residual)} N·m.`
        : "";
    } else {
      tilt.textContent = "? (make your prediction)";
      lines.replaceChildren();
      limitNote.textContent = "";
      root.dataset.description = "Result hidden until you reveal your prediction.";
      announce(root.dataset.description);
    }
    root.dataset.updateMs = String(performance.now() - start);
  }

  // Changes from Python (e.g. explorer.values = [...]); our own echoes are ignored.
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  model.on("change:values", () => {
    if (FIX) return;  // in fix mode the page sets the values from target and locks
    const v = model.get("values");
    if (same(v, state.values)) return;
    state.values = [...v]; clampValues(); redraw();
  });
  model.on("change:variant", () => {
    if (model.get("variant") === state.variant) return;
    state.variant = model.get("variant"); clampValues(); redraw();
  });
  // Fix mode: Python's target and locks, ?target= in the page's address, and a
  // "forcecouple:target-tilt" event (e.g. from a widget that measures a photo).
  let onTilt = null;
  if (FIX) {
    model.on("change:target", () => {
      const t = model.get("target");
      if (t !== fix.fs.target) fix.setTarget(t, "From Python: ");
    });
    model.on("change:locks", () => {
      const l = model.get("locks");
      if (l.length === fix.fs.locks.length && !l.every((x, k) => x === fix.fs.locks[k])) {
        fix.fs.locks = [...l];
        fix.setTarget(fix.fs.target);
      }
    });
    onTilt = (e) => fix.setTarget(e && e.detail ? e.detail.tilt : undefined, "From the photo: ");
    window.addEventListener("forcecouple:target-tilt", onTilt);
    fix.init();
  }
  measure();
  build();
  clampValues();
  redraw();
  clearTimeout(liveTimer);
  live.setAttribute("aria-busy", "false");
  return () => { if (onTilt) window.removeEventListener("forcecouple:target-tilt", onTilt); };
}

export default { render };
