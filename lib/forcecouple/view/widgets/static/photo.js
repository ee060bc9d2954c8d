// The photo tool: open a side photo (or the sample drawing), place the ASIS and
// PSIS markers and a level reference line, and read the pelvic tilt.
// The photo is read by FileReader into this page only: it is never sent to the
// kernel (no trait holds it), never uploaded and never stored.

// Tilt (degrees, anterior positive) of the PSIS-to-ASIS line against the
// reference line (or square to it, when it is steeper than 45 degrees: a door
// frame's side), image pixels with y down: the same rule as Python's
// forcecouple.tilt_from_points. Returns null with a reason when it cannot.
function tiltOf(asis, psis, ref) {
  let rx = ref[1][0] - ref[0][0], ry = ref[1][1] - ref[0][1];
  const len = Math.hypot(rx, ry);
  if (len < 1e-9) return { tilt: null, why: "Pull the reference line's two ends apart." };
  rx /= len; ry /= len;
  // Steeper than 45 degrees: a vertical (a door frame's side); level is square to it.
  if (Math.abs(ry) > Math.abs(rx)) [rx, ry] = [-ry, rx];
  if (rx < 0) { rx = -rx; ry = -ry; }
  const dx = asis[0] - psis[0], dy = asis[1] - psis[1];
  if (Math.hypot(dx, dy) < 1e-9) return { tilt: null, why: "Place the ASIS and PSIS markers apart." };
  const along = dx * rx + dy * ry, down = -dx * ry + dy * rx;
  return { tilt: (Math.atan2(down, Math.abs(along)) * 180) / Math.PI, why: "" };
}

function render({ model, el: host }) {
  const spec = model.get("spec");
  const C = spec.colours;
  const { root, id } = frame(host, spec, { cls: "fc-photo", prefix: "fcp" });
  el("p", { class: "fc-photo-privacy", "data-role": "privacy" }, root,
    "Your photo stays on this device: this page reads it, and never uploads or stores it.");
  const row = el("div", { class: "fc-photo-row" }, root);
  const fileId = `${id}-file`;
  el("label", { for: fileId, class: "fc-photo-open" }, row, "Open a side photo");
  const input = el("input", { type: "file", id: fileId, accept: "image/*", class: "fc-photo-file" }, row);
  const sampleButton = el("button", { type: "button", "data-role": "sample" }, row, "Use the sample drawing");

  const stage = el("div", { class: "fc-photo-stage", "data-role": "stage" }, root);
  const svg = svgEl("svg", { class: "fc-photo-svg", role: "group", "aria-label":
    "The photo with the ASIS and PSIS markers and the reference line; drop a photo here" }, stage);
  const image = svgEl("image", { x: 0, y: 0, preserveAspectRatio: "none", "aria-hidden": "true" }, svg);
  const refLine = svgEl("line", { class: "fc-photo-ref", stroke: C.reference }, svg);
  const tiltLine = svgEl("line", { class: "fc-photo-tilt", stroke: C.line }, svg);
  const status = el("p", { class: "fc-clamp", role: "status", "data-role": "clamp" }, root);
  const readout = el("p", { class: "fc-photo-readout", "data-role": "tilt-readout", "aria-live": "polite" }, root);

  // The compared ranges: a small scale in degrees, and the same in words.
  const scale = svgEl("svg", { class: "fc-photo-scale", viewBox: "0 0 400 116", role: "img",
    "aria-labelledby": `${id}-compare` }, root);
  const compare = el("p", { class: "fc-photo-compare", id: `${id}-compare`, "data-role": "compare" }, root);

  const sendRow = el("div", { class: "fc-photo-send" }, root);
  const sendButton = el("button", { type: "button", "data-role": "send" }, sendRow, "Use this tilt as the fix tool's target");
  const inBook = !!document.querySelector(".bd-article");
  const link = inBook ? el("a", { "data-role": "fix-link", class: "fc-photo-link" }, sendRow) : null;
  const sent = el("span", { class: "fc-photo-sent", "aria-live": "polite", "data-role": "sent" }, sendRow);
  if (!inBook) el("p", { class: "fc-photo-hint" }, root,
    "In Python, photo.tilt holds the last reading you sent; fix_explorer(target=photo.tilt) opens the fix tool there.");

  const state = { width: 1, height: 1, points: {} };
  const names = { asis: "ASIS marker", psis: "PSIS marker", ref0: "reference line, left end", ref1: "reference line, right end" };
  const handles = {};
  for (const key of ["ref0", "ref1", "psis", "asis"]) {
    const g = svgEl("g", { class: `fc-handle fc-handle-${key}`, tabindex: 0, role: "button",
      "aria-roledescription": "movable point", "data-point": key }, svg);
    const hit = svgEl("circle", { class: "fc-handle-hit", fill: "transparent" }, g);
    const dot = svgEl("circle", { class: "fc-handle-dot", fill: key.startsWith("ref") ? C.reference : C[key] }, g);
    const text = key.startsWith("ref") ? null : svgEl("text", { class: "fc-handle-label", "aria-hidden": "true" }, g, key.toUpperCase());
    handles[key] = { g, hit, dot, text };
    g.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      g.focus();
      g.setPointerCapture(e.pointerId);
      drag = key;
    });
    g.addEventListener("pointermove", (e) => { if (drag === key) move(key, toImage(e.clientX, e.clientY)); });
    g.addEventListener("pointerup", () => { drag = null; sync(); });
    g.addEventListener("pointercancel", () => { drag = null; });
    g.addEventListener("keydown", (e) => {
      const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (!(e.key in steps) || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const n = e.shiftKey ? 10 : 1, [sx, sy] = steps[e.key], p = state.points[key];
      move(key, [p[0] + sx * n, p[1] + sy * n]);
      sync();
    });
  }
  let drag = null;

  function toImage(x, y) {
    const m = svg.getScreenCTM();
    if (!m) return [0, 0];
    const p = new DOMPoint(x, y).matrixTransform(m.inverse());
    return [p.x, p.y];
  }

  function move(key, [x, y]) {
    const cx = Math.min(Math.max(x, 0), state.width), cy = Math.min(Math.max(y, 0), state.height);
    status.textContent = cx !== x || cy !== y
      ? `The ${names[key]} stays on the picture (x 0 to ${state.width} px, y 0 to ${state.height} px).` : "";
    state.points[key] = [cx, cy];
    redraw();
  }

  // Place the markers where a reader starts (fractions of the picture), for a new picture.
  function load(url, width, height, alt) {
    state.width = width; state.height = height;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.style.aspectRatio = `${width} / ${height}`;
    image.setAttribute("href", url);
    image.setAttribute("width", width);
    image.setAttribute("height", height);
    svg.setAttribute("aria-label", `${alt}, with the ASIS and PSIS markers and the reference line; drop a photo here`);
    for (const [key, [fx, fy]] of Object.entries(spec.start)) state.points[key] = [fx * width, fy * height];
    status.textContent = "";
    redraw();
    sync();
  }

  function readImage(file) {
    if (!file || !file.type.startsWith("image/")) {
      status.textContent = "That file is not an image: open a photo (JPEG, PNG...).";
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      const probe = new Image();
      probe.onload = () => load(reader.result, probe.naturalWidth, probe.naturalHeight, "Your photo");
      probe.onerror = () => { status.textContent = "This browser cannot show that image: try a JPEG or PNG."; };
      probe.src = reader.result;
    };
    reader.readAsDataURL(file);
  }
  input.addEventListener("change", () => readImage(input.files[0]));
  stage.addEventListener("dragover", (e) => { e.preventDefault(); stage.classList.add("fc-photo-over"); });
  stage.addEventListener("dragleave", () => stage.classList.remove("fc-photo-over"));
  stage.addEventListener("drop", (e) => {
    e.preventDefault();
    stage.classList.remove("fc-photo-over");
    readImage(e.dataTransfer && e.dataTransfer.files[0]);
  });
  sampleButton.addEventListener("click", () => load(spec.sample.url, spec.sample.width, spec.sample.height, spec.sample.alt));

  function reading() {
    const P = state.points;
    return tiltOf(P.asis, P.psis, [P.ref0, P.ref1]);
  }

  function describe(t) {
    const pub = spec.published.preece2008, her = spec.published.herrington2011, M = spec.model;
    const inside = t >= pub.low && t <= pub.high;
    const nearSd = Math.abs(t - pub.mean) <= pub.sd;
    const nearer = Math.abs(t - M.neutral) <= Math.abs(t - M.lower_crossed) ? "neutral" : "lower-crossed";
    return `Your reading lies ${inside ? "inside" : "outside"} the range ${pub.label} measured on the bones of 30 pelves ` +
      `(${pub.low} to ${pub.high}°)${nearSd ? `, within one standard deviation of their mean (${pub.mean} ± ${pub.sd}°)` : ""}. ` +
      `The model's neutral pelvis rests at ${M.neutral.toFixed(1)}° and its lower-crossed pelvis at ${M.lower_crossed.toFixed(1)}°; ` +
      `your reading is nearer the ${nearer} one. ${her.label} found some forward tilt in ${her.anterior_percent.men} % of ` +
      `young men and ${her.anterior_percent.women} % of young women, so a forward tilt is the usual posture, not a fault.`;
  }

  // The scale, drawn at its own width in CSS px (so its text keeps its size on a
  // phone): your reading on top, the published range as bands on the axis, the
  // model's two tilts as dashed ticks named on two rows below.
  function drawScale(t) {
    scale.replaceChildren();
    const W = Math.max(scale.getBoundingClientRect().width || 400, 240);
    scale.setAttribute("viewBox", `0 0 ${W} 116`);
    const { low, high } = spec.scale, X = (v) => 20 + ((v - low) / (high - low)) * (W - 40);
    const pub = spec.published.preece2008, M = spec.model;
    svgEl("rect", { x: X(pub.low), y: 28, width: X(pub.high) - X(pub.low), height: 12, fill: C.range, opacity: 0.35 }, scale);
    svgEl("rect", { x: X(pub.mean - pub.sd), y: 28, width: X(pub.mean + pub.sd) - X(pub.mean - pub.sd), height: 12,
      fill: C.range, opacity: 0.75 }, scale);
    svgEl("line", { x1: 20, x2: W - 20, y1: 44, y2: 44, class: "fc-photo-axis" }, scale);
    for (let v = Math.ceil(low / 10) * 10; v <= high; v += 10) {
      svgEl("line", { x1: X(v), x2: X(v), y1: 44, y2: 48, class: "fc-photo-axis" }, scale);
      svgEl("text", { x: X(v), y: 60, "text-anchor": "middle", class: "fc-photo-tick" }, scale, `${v}°`);
    }
    for (const [v, words, y] of [[M.neutral, `model neutral ${M.neutral.toFixed(1)}°`, 78],
      [M.lower_crossed, `model lower crossed ${M.lower_crossed.toFixed(1)}°`, 94]]) {
      svgEl("line", { x1: X(v), x2: X(v), y1: 26, y2: y - 10, class: "fc-photo-model" }, scale);
      svgEl("text", { x: X(v), y, "text-anchor": X(v) > W - 110 ? "end" : X(v) < 110 ? "start" : "middle", class: "fc-photo-tick" }, scale, words);
    }
    svgEl("text", { x: 20, y: 110, class: "fc-photo-tick fc-photo-key" }, scale,
      `band: ${pub.label}, ${pub.low}–${pub.high}° (dark: ${pub.mean} ± ${pub.sd}°)`);
    if (t !== null) {
      const x = X(Math.min(Math.max(t, low), high));
      svgEl("path", { d: `M${x},40 l-6,-14 h12 z`, fill: C.asis, class: "fc-photo-you" }, scale);
      svgEl("text", { x: Math.min(Math.max(x, 50), W - 50), y: 16, "text-anchor": "middle",
        class: "fc-photo-tick fc-photo-you-label" }, scale, `you: ${t.toFixed(1)}°`);
    }
  }

  function redraw() {
    const P = state.points, box = svg.getBoundingClientRect();
    const k = box.width > 0 ? state.width / box.width : 1;  // image px per CSS px
    setLine(refLine, P.ref0, P.ref1, 3 * k, `${8 * k} ${5 * k}`);
    setLine(tiltLine, P.psis, P.asis, 3 * k, "none");
    for (const [key, h] of Object.entries(handles)) {
      const [x, y] = P[key];
      h.hit.setAttribute("cx", x); h.hit.setAttribute("cy", y); h.hit.setAttribute("r", 24 * k);
      h.dot.setAttribute("cx", x); h.dot.setAttribute("cy", y); h.dot.setAttribute("r", (key.startsWith("ref") ? 7 : 9) * k);
      h.dot.setAttribute("stroke-width", 2 * k);
      if (h.text) {
        h.text.setAttribute("x", x + 14 * k); h.text.setAttribute("y", y - 12 * k);
        h.text.setAttribute("font-size", 15 * k);
        h.text.setAttribute("stroke-width", 4 * k);
      }
      h.g.setAttribute("aria-label", `${names[key]}: x ${Math.round(x)} px, y ${Math.round(y)} px; arrow keys move it`);
    }
    const { tilt, why } = reading();
    readout.dataset.tilt = tilt === null ? "" : tilt.toFixed(2);
    if (tilt === null) {
      readout.textContent = why;
    } else {
      const size = Math.abs(tilt).toFixed(1);
      const words = Math.abs(tilt) < 0.05 ? "level (the ASIS and PSIS at one height)"
        : tilt > 0 ? "anterior (the ASIS is lower than the PSIS)" : "posterior (the ASIS is higher than the PSIS)";
      readout.textContent = `Pelvic tilt: ${size}° ${words}.`;
    }
    compare.textContent = tilt === null ? "" : describe(tilt);
    drawScale(tilt);
    sendButton.disabled = tilt === null;
    if (link) {
      if (tilt === null) { link.removeAttribute("href"); link.textContent = ""; }
      else {
        const target = tilt.toFixed(1);
        link.setAttribute("href", `${spec.fix_page}?target=${target}#${spec.fix_anchor}`);
        link.textContent = `Open the fix tool with a target of ${target}°`;
      }
    }
  }

  function setLine(line, p, q, width, dash) {
    line.setAttribute("x1", p[0]); line.setAttribute("y1", p[1]);
    line.setAttribute("x2", q[0]); line.setAttribute("y2", q[1]);
    line.setAttribute("stroke-width", width);
    line.setAttribute("stroke-dasharray", dash);
  }

  // Only the numbers reach the kernel (when there is one): never the photo.
  function sync() {
    const P = state.points;
    model.set("asis", [...P.asis]);
    model.set("psis", [...P.psis]);
    model.set("reference", [[...P.ref0], [...P.ref1]]);
    model.save_changes();
  }

  sendButton.addEventListener("click", () => {
    const { tilt } = reading();
    if (tilt === null) return;
    model.set("tilt", Number(tilt.toFixed(2)));
    model.save_changes();
    const event = new CustomEvent("forcecouple:target-tilt", { detail: { tilt } });
    window.dispatchEvent(event);
    sent.textContent = `Sent ${tilt.toFixed(1)}° as the target${inBook ? "; the link opens the fix tool with it" : ""}.`;
  });

  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => redraw()) : null;
  if (resize) { resize.observe(svg); resize.observe(scale); }
  load(spec.sample.url, spec.sample.width, spec.sample.height, spec.sample.alt);
  return () => { if (resize) resize.disconnect(); };
}

export default { render };
