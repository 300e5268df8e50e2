// Jupyter messages on a kernel's websocket (jupyter_server's default, unnamed protocol):
// a message without buffers is one JSON text frame; a message with buffers is one binary frame:
// [n: uint32][offsets: n x uint32][JSON][buffer 1]...[buffer n-1], big-endian, offsets from the
// frame start (jupyter_server.base.zmqhandlers.serialize_binary_message / deserialize_...).

/** A Jupyter message from one websocket frame (a string or an ArrayBuffer). */
export function decodeFrame(data) {
  if (typeof data === "string") return JSON.parse(data);
  const view = new DataView(data);
  const count = view.getUint32(0);
  const offsets = [];
  for (let i = 0; i < count; i++) offsets.push(view.getUint32(4 * (i + 1)));
  offsets.push(data.byteLength);
  const message = JSON.parse(new TextDecoder().decode(data.slice(offsets[0], offsets[1])));
  message.buffers = [];
  for (let i = 1; i < count; i++) message.buffers.push(new DataView(data.slice(offsets[i], offsets[i + 1])));
  return message;
}

function bytesOf(buffer) {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** One websocket frame for ``message`` and its binary ``buffers`` (a string when there are none). */
export function encodeFrame(message, buffers) {
  if (!buffers || buffers.length === 0) return JSON.stringify(message);
  const parts = [new TextEncoder().encode(JSON.stringify(message)), ...buffers.map(bytesOf)];
  const head = 4 * (parts.length + 1);
  const frame = new Uint8Array(head + parts.reduce((sum, part) => sum + part.byteLength, 0));
  const view = new DataView(frame.buffer);
  view.setUint32(0, parts.length);
  let offset = head;
  parts.forEach((part, i) => {
    view.setUint32(4 * (i + 1), offset);
    frame.set(part, offset);
    offset += part.byteLength;
  });
  return frame.buffer;
}
