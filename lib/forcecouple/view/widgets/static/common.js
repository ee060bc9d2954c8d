// Shared by the book's widgets. Python prepends this file to each widget's ES
// module (anywidget loads a module as one string, so it cannot import siblings).

const SVG = "http://www.w3.org/2000/svg";

// Values packed by Python's pack_floats: "<step>:<n0>,<n1>,..." holds the second
// differences of value/step (fixed point; the first two carry the start).
function decode(text) {
  const colon = text.indexOf(":");
  const step = Number(text.slice(0, colon));
  const body = text.slice(colon + 1);
  const second = body ? body.split(",") : [];
  const out = new Float64Array(second.length);
  let slope = 0, whole = 0;
  for (let i = 0; i < second.length; i++) {
    slope += Number(second[i]);
    whole += slope;
    out[i] = whole * step;
  }
  return out;
}

// The widget's outer box: a group labelled by `label`, with the spec's title.
// JupyterLab swallows arrow keys pressed in an output unless the widget stops
// them. `prefix` keeps element ids apart between widget kinds on one page.
let uid = 0;
function frame(host, spec, { cls = "", label = spec.title, prefix }) {
  const id = `${prefix}-${++uid}`;
  const root = el("div", { class: `fc-explorer ${cls}`.trim(), role: "group", "aria-label": label }, host);
  root.addEventListener("keydown", (e) => e.stopPropagation());
  if (spec.title) el("div", { class: "fc-title" }, root, spec.title);
  return { root, id };
}

// DOM helpers and a small SVG line chart (axes, ticks, legend with start and end values).
function el(tag, attrs = {}, parent = null, text = null, ns = null) {
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
const svgEl = (tag, attrs, parent, text = null) => el(tag, attrs, parent, text, SVG);

function ticks(lo, hi, n = 5) {
  const step0 = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(step0)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) || step0;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(Number(t.toFixed(10)));
  return out;
}

// `colours` is the widget spec's colours (grid and axis lines), from forcecouple.view.style.
function chart(parent, panel, lines, range, x, xLabel, colours) {
  // A small viewBox: a chart a third of the text column wide still shows its text at >= 11 CSS px.
  const W = 220, H = 170, L = 44, R = 8, T = 22, B = 34;
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, class: "fc-chart", role: "img",
    "aria-label": `${panel.title}: ${lines.map((l) => `${l.label} from ${l.values[0].toFixed(1)} to ${l.values[l.values.length - 1].toFixed(1)}`).join("; ")}` }, parent);
  const [x0, x1] = [x[0], x[x.length - 1]], [y0, y1] = range;
  const sx = (v) => L + ((v - x0) / (x1 - x0 || 1)) * (W - L - R);
  const sy = (v) => H - B - ((v - y0) / (y1 - y0 || 1)) * (H - T - B);
  svgEl("text", { x: L, y: 15, "font-size": 14, "font-weight": 600 }, svg, panel.title);
  for (const t of ticks(y0, y1, 4)) {
    svgEl("line", { x1: L, x2: W - R, y1: sy(t), y2: sy(t), stroke: colours.grid, class: "fc-grid" }, svg);
    svgEl("text", { x: L - 4, y: sy(t) + 4, "font-size": 12, "text-anchor": "end" }, svg, String(t));
  }
  for (const t of ticks(x0, x1, 4)) {
    svgEl("text", { x: sx(t), y: H - B + 15, "font-size": 12, "text-anchor": "middle" }, svg, String(t));
  }
  svgEl("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: colours.axis, class: "fc-axis" }, svg);
  svgEl("line", { x1: L, x2: L, y1: T, y2: H - B, stroke: colours.axis, class: "fc-axis" }, svg);
  svgEl("text", { x: (L + W - R) / 2, y: H - 3, "font-size": 12, "text-anchor": "middle" }, svg, xLabel);
  svgEl("text", { x: 11, y: (T + H - B) / 2, "font-size": 12, "text-anchor": "middle",
    transform: `rotate(-90 11 ${(T + H - B) / 2})` }, svg, panel.y_label);
  lines.forEach((line) => {
    const d = Array.from(line.values, (v, i) => `${i ? "L" : "M"}${sx(x[i]).toFixed(1)},${sy(v).toFixed(1)}`).join("");
    svgEl("path", { d, fill: "none", stroke: line.colour, "stroke-width": 2,
      "stroke-dasharray": line.dash === "dashed" ? "6 4" : "none", "data-role": "line" }, svg);
  });
  const legend = el("ul", { class: "fc-legend" }, parent);
  for (const line of lines) {
    const li = el("li", {}, legend);
    const key = svgEl("svg", { width: 22, height: 8, "aria-hidden": "true" }, li);
    svgEl("line", { x1: 0, x2: 22, y1: 4, y2: 4, stroke: line.colour, "stroke-width": 3,
      "stroke-dasharray": line.dash === "dashed" ? "5 3" : "none" }, key);
    li.appendChild(document.createTextNode(` ${line.label}: ${line.values[0].toFixed(1)} → ${line.values[line.values.length - 1].toFixed(1)}`));
  }
}

// What the reader typed in a number box, as text. A type=number box holds what
// it cannot read as a finite number ("1e400", "1e", "-") as bad input: its value
// is then "" and the text itself is out of reach, so this follows the box's input
// events and keeps its best reconstruction (the inserted text alone, or appended
// to what was there: whichever the box could not read) while the input is bad.
function typedText(input) {
  let text = input.value;
  input.addEventListener("input", (e) => {
    if (!input.validity.badInput) { text = input.value; return; }
    const data = e.data ?? "";
    if (e.inputType && e.inputType.startsWith("delete")) {
      text = e.inputType === "deleteContentBackward" ? text.slice(0, -1) : "";
    } else {
      text = [data, text + data].find((t) => t !== "" && !Number.isFinite(Number(t))) ?? "";
    }
  });
  return () => (input.validity.badInput ? text || "?" : input.value);
}

// A typed guess checked against [lo, hi] (the quantity's sensible range, in
// `unit`): {value} when it can be compared, else {error}, a sentence that says
// what is allowed. Never shows NaN or Infinity.
function checkGuess(text, [lo, hi], unit = "") {
  const range = `type a number between ${lo}${unit} and ${hi}${unit}`;
  if (text.trim() === "") return { error: "Type a number first." };
  const v = Number(text);
  if (Number.isNaN(v)) return { error: `That is not a number: ${range}, such as 12.5 or -3.` };
  if (v > hi) return { error: `That number is too large: ${range}.` };
  if (v < lo) return { error: `That number is too small: ${range}.` };
  return { value: v };
}

// "Predict first": a toggle among the widget's buttons, and a box with a labelled
// number input, a reveal button and an aria-live verdict. While the reader
// predicts, `revealed` is false and the widget hides its answer; `hide()` (call it
// when a control changes) hides it again, and `showHidden()` puts a placeholder
// where the charts were. `answer()` gives {value, after, unit, range} for the
// verdict, or a sentence saying why there is nothing to compare with yet.
// A guess must be a finite number within `range` (answer().range, else the
// `range` given here; by default a half-turn either way, -180° to 180°, which
// holds any joint angle or change of angle); otherwise the verdict says what is
// allowed.
function predictFirst({ id, buttons, parent, label, answer, redraw, range = [-180, 180] }) {
  const p = { predicting: false, revealed: true };
  const toggle = el("button", { type: "button", "aria-pressed": "false", "data-role": "predict" }, buttons,
    "predict first");
  p.box = el("div", { class: "fc-predict", hidden: "" }, parent);
  const text = el("label", { for: `${id}-guess` }, p.box, label);
  const guess = el("input", { type: "number", id: `${id}-guess`, step: "any", value: "0",
    min: range[0], max: range[1] }, p.box);
  const typed = typedText(guess);
  const reveal = el("button", { type: "button", "data-role": "reveal" }, p.box, "reveal");
  const leave = el("button", { type: "button", "data-role": "leave" }, p.box, "leave predict mode");
  const verdict = el("p", { class: "fc-verdict", "aria-live": "polite", "data-role": "verdict" }, p.box);

  const setPredicting = (on) => {
    p.predicting = on;
    toggle.setAttribute("aria-pressed", String(on));
    p.box.hidden = !on;
    p.revealed = !on;
    verdict.textContent = "";
    redraw();
  };
  toggle.addEventListener("click", () => setPredicting(!p.predicting));
  leave.addEventListener("click", () => { setPredicting(false); toggle.focus(); });
  reveal.addEventListener("click", () => {
    const a = answer();
    if (typeof a === "string") { verdict.textContent = a; return; }
    const u = a.unit ?? "°";
    if (!Number.isFinite(a.value)) { verdict.textContent = "The model has no answer to compare with here."; return; }
    const checked = checkGuess(typed(), a.range ?? range, u);
    if (checked.error) { verdict.textContent = checked.error; return; }
    const g = checked.value, off = Math.abs(a.value - g);
    p.revealed = true;
    verdict.textContent = `You predicted ${g.toFixed(1)}${u}; the model says ${a.value.toFixed(1)}${u}` +
      `${a.after ? ` ${a.after}` : ""}: ${off < 0.5 ? "spot on" : `off by ${off.toFixed(1)}${u}`}.`;
    redraw();
  });
  p.setLabel = (t) => { if (text.textContent !== t) text.textContent = t; };
  p.hide = () => { if (p.predicting) { p.revealed = false; verdict.textContent = ""; } };
  p.showHidden = (charts, summary, given = "") => {
    el("p", { class: "fc-hidden-note", "data-role": "hidden" }, charts, "The charts are hidden until you reveal.");
    summary.textContent = `${given} Result hidden until you reveal your prediction.`.trim();
  };
  return p;
}
