// Shared by the book's widgets. Python prepends this file to each widget's ES
// module (anywidget loads a module as one string, so it cannot import siblings).

const SVG = "http://www.w3.org/2000/svg";

// Little-endian float32 values sent from Python as base64 text.
function decode(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
