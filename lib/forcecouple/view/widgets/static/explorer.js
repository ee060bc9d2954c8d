// JointExplorer front end: look up and draw, no physics.
// Python (forcecouple.widget) sends every physical curve on the solver's grid;
// this module mixes them for the slider values, applies the same equilibrium
// rule on the grid (scan from rest the way the torque points, first sign
// change, linear interpolation, or the limit) and redraws an SVG.

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

function render({ model, el: host }) {
  const spec = model.get("spec");
  const arrays = { grid: decode(spec.grid), items: spec.arrays.map(decode) };
  const grid = arrays.grid;
  const curves = spec.variants.map((v) => prepare(spec, arrays, v));
  const hasLoad = spec.variants.some((v) => v.load !== null);
  const E = spec.extent, C = spec.colours;
  const state = {
    values: [...model.get("values")],
    variant: model.get("variant"),
    shownAngle: 0,
  };

  const { root, id } = frame(host, spec, { label: spec.title || `${spec.bone} explorer`, prefix: "fc" });
  const body = el("div", { class: "fc-body" }, root);
  const svg = svgEl("svg", { viewBox: `${-E} ${-E} ${2 * E} ${2 * E}`, class: "fc-picture", role: "img",
    "aria-labelledby": `${id}-live`, overflow: "hidden" }, body);
  const side = el("div", { class: "fc-side" }, body);
  const tilt = el("div", { class: "fc-tilt", "data-role": "tilt" }, side);
  const lines = el("ul", { class: "fc-lines" }, side);
  const bars = svgEl("svg", { class: "fc-bars", role: "img", "aria-label": "torque of each muscle at the answer" }, side);
  const limitNote = el("p", { class: "fc-limit", role: "status", "data-role": "limit" }, side);
  const clampNote = el("p", { class: "fc-clamp", role: "status", "data-role": "clamp" }, side);

  const controls = el("div", { class: "fc-controls" }, root);
  const sliders = spec.controls.map((c, k) => {
    const row = el("div", { class: "fc-row" }, controls);
    const inputId = `${id}-s${k}`;
    el("label", { for: inputId }, row, c.label);
    const input = el("input", { type: "range", id: inputId, min: 0, max: c.max, step: c.step,
      value: state.values[k], "aria-label": `${c.label} pull in ${c.unit === "%" ? "percent of maximal force" : "newtons"}` }, row);
    const out = el("output", { for: inputId }, row);
    input.addEventListener("input", () => { state.values[k] = Number(input.value); changed(); });
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

  const buttons = el("div", { class: "fc-buttons" }, root);
  for (const p of spec.presets) {
    const b = el("button", { type: "button", "data-preset": p.label }, buttons, p.label);
    b.addEventListener("click", () => { state.values = [...p.values]; state.variant = p.variant; changed(); });
  }
  const reset = el("button", { type: "button", "data-role": "reset" }, buttons, "reset");
  reset.addEventListener("click", () => { state.values = [...spec.start.values]; state.variant = spec.start.variant; changed(); });
  const guessing = predictFirst({ id, buttons, parent: root, redraw,
    label: `Your prediction (degrees, + is ${spec.directions[0]}):`,
    answer: () => ({ value: current().answer.angle }) });
  const live = el("p", { class: "fc-live", id: `${id}-live`, "aria-live": "polite", "data-role": "live" }, root);

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
    syncTimer = setTimeout(sync, 60);
  }

  // The picture's nodes are made once; each redraw only moves them.
  const flip = ([x, y]) => `${x.toFixed(3)},${(-y).toFixed(3)}`;
  const pic = {};
  if (spec.normal_range) {
    const [a, b] = spec.normal_range, r = E * 0.9;
    const p0 = rotate([r, 0], a), p1 = rotate([r, 0], b);
    svgEl("path", { d: `M0,0 L${flip(p0)} A${r},${r} 0 0 0 ${flip(p1)} Z`, fill: C.normal,
      "fill-opacity": 0.12, stroke: "none", "data-role": "normal-range" }, svg);
  }
  pic.ghost = svgEl("polygon", { fill: "none", stroke: C.ghost, "stroke-dasharray": "2 2", "stroke-width": E / 300 }, svg);
  pic.bone = svgEl("polygon", { fill: C.bone, stroke: C.edge, "stroke-width": E / 200,
    "data-role": "bone" }, svg);
  pic.strings = spec.muscles.map((m) => {
    const dash = m.dash === "dashed" ? `${E / 40} ${E / 60}` : "none";
    return {
      line: svgEl("line", { stroke: m.colour, "stroke-dasharray": dash }, svg),
      lever: svgEl("line", { stroke: m.colour, "stroke-dasharray": `${E / 100}`, "stroke-width": E / 300,
        "data-role": "lever" }, svg),
      halo: svgEl("line", { stroke: C.halo, "stroke-width": E / 55, "stroke-linecap": "round" }, svg),
      shaft: svgEl("line", { stroke: m.colour, "stroke-width": E / 80 }, svg),
      head: svgEl("polygon", { fill: m.colour, stroke: C.halo, "stroke-width": E / 300, "data-role": "arrow" }, svg),
    };
  });
  svgEl("circle", { cx: 0, cy: 0, r: E / 60, fill: C.ink }, svg);
  pic.arc = svgEl("path", { fill: "none", stroke: C.ink, "stroke-width": E / 200, "data-role": "arc" }, svg);
  pic.label = svgEl("text", { "font-size": E / 12, fill: C.text }, svg);
  const setLine = (e, p, q) => {
    e.setAttribute("x1", p[0]); e.setAttribute("y1", -p[1]); e.setAttribute("x2", q[0]); e.setAttribute("y2", -q[1]);
  };

  function drawPicture(now) {
    const shown = guessing.revealed ? now.answer.angle : state.shownAngle;
    const geo = now.c.geometry;
    if (geo.outline.length) {
      pic.ghost.setAttribute("points", geo.outline.map(flip).join(" "));
      pic.bone.setAttribute("points", geo.outline.map((p) => flip(rotate(p, shown))).join(" "));
    }
    spec.muscles.forEach((m, i) => {
      const el = pic.strings[i];
      const p = rotate(geo.insertion[i], shown), q = rotate(geo.origin[i], shown * geo.turns[i]);
      const tension = now.torques.tensions[i];
      setLine(el.line, p, q);
      el.line.setAttribute("stroke-width", E / 150 + (E / 60) * Math.min(tension * spec.arrow_scale / E, 1));
      const dx = q[0] - p[0], dy = q[1] - p[1], len = Math.hypot(dx, dy);
      const t = (-(p[0] * dx + p[1] * dy)) / (len * len);
      setLine(el.lever, [0, 0], [p[0] + t * dx, p[1] + t * dy]);
      const showArrow = guessing.revealed && tension > 0;
      for (const part of [el.halo, el.shaft, el.head]) part.setAttribute("visibility", showArrow ? "visible" : "hidden");
      if (showArrow) {
        const L = Math.min(tension * spec.arrow_scale, len * 0.9), ux = dx / len, uy = dy / len;
        const tip = [p[0] + ux * L, p[1] + uy * L], h = E / 22;
        setLine(el.halo, p, tip);
        setLine(el.shaft, p, tip);
        const left = [tip[0] - ux * h - uy * h * 0.5, tip[1] - uy * h + ux * h * 0.5];
        const right = [tip[0] - ux * h + uy * h * 0.5, tip[1] - uy * h - ux * h * 0.5];
        el.head.setAttribute("points", [tip, left, right].map(flip).join(" "));
      }
    });
    const r = E * 0.35, a0 = rotate([r, 0], 0), a1 = rotate([r, 0], shown);
    pic.arc.setAttribute("d", `M${flip(a0)} A${r},${r} 0 0 ${shown >= 0 ? 0 : 1} ${flip(a1)}`);
    pic.label.setAttribute("x", a1[0] * 1.1);
    pic.label.setAttribute("y", -a1[1] * 1.1);
    pic.label.textContent = guessing.revealed ? `${shown.toFixed(1)}°` : "?";
  }

  // Torque bars: one row per muscle, then tissues and load; made once.
  const barRows = spec.muscles.map((m) => [m.label, m.colour]);
  barRows.push(["tissues", C.tissues]);
  if (hasLoad) barRows.push(["load", C.load]);
  const BAR = { W: 300, rowH: 18, mid: 190, half: 100 };
  bars.setAttribute("viewBox", `0 0 ${BAR.W} ${barRows.length * BAR.rowH + 4}`);
  svgEl("line", { x1: BAR.mid, y1: 0, x2: BAR.mid, y2: barRows.length * BAR.rowH, stroke: C.ghost }, bars);
  const barEls = barRows.map(([, colour], k) => ({
    text: svgEl("text", { x: 2, y: k * BAR.rowH + 14, "font-size": 11, fill: C.text }, bars),
    rect: svgEl("rect", { y: k * BAR.rowH + 2, height: BAR.rowH - 6, fill: colour, "data-role": "bar" }, bars),
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

  // Screen readers hear the sentence once the sliders rest, not on every step.
  let liveTimer = null;
  function announce(text) {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => { live.textContent = text; }, 300);
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
    const v = model.get("values");
    if (same(v, state.values)) return;
    state.values = [...v]; clampValues(); redraw();
  });
  model.on("change:variant", () => {
    if (model.get("variant") === state.variant) return;
    state.variant = model.get("variant"); clampValues(); redraw();
  });
  clampValues();
  redraw();
  clearTimeout(liveTimer);
  live.textContent = root.dataset.description;
}

export default { render };
