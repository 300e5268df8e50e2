// One kernel connection over Jupyter Server's websocket: send shell messages, route replies and
// iopub messages to the callbacks of the message they answer, and comm messages to their comm.
import { decodeFrame, encodeFrame } from "./wire.js";

const PROTOCOL_VERSION = "5.3";

export function uuid() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return "xxxxxxxxxxxx4xxxyxxxxxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** A comm as ipywidgets' ``IClassicComm`` expects it (open, send, close, on_msg, on_close). */
export class Comm {
  constructor(kernel, commId, targetName) {
    this.kernel = kernel;
    this.comm_id = commId;
    this.target_name = targetName;
    this._onMsg = null;
    this._onClose = null;
    kernel.comms.set(commId, this);
  }

  open(data, callbacks, metadata, buffers) {
    const content = { comm_id: this.comm_id, target_name: this.target_name, data: data || {} };
    return this.kernel.send("comm_open", content, callbacks, metadata, buffers);
  }

  send(data, callbacks, metadata, buffers) {
    return this.kernel.send("comm_msg", { comm_id: this.comm_id, data }, callbacks, metadata, buffers);
  }

  close(data, callbacks, metadata, buffers) {
    this.kernel.comms.delete(this.comm_id);
    return this.kernel.send("comm_close", { comm_id: this.comm_id, data: data || {} }, callbacks, metadata, buffers);
  }

  on_msg(callback) {
    this._onMsg = callback;
  }

  on_close(callback) {
    this._onClose = callback;
  }

  _message(message) {
    if (this._onMsg) this._onMsg(message);
  }

  _closed(message) {
    this.kernel.comms.delete(this.comm_id);
    if (this._onClose) this._onClose(message);
  }
}

export class KernelConnection {
  /** ``url``: the kernel's ``.../channels`` websocket address, with its query string. */
  constructor(url) {
    this.session = uuid();
    this.comms = new Map();
    this.onCommOpen = () => {};
    this.onClose = () => {};
    this._callbacks = new Map();
    this._replies = new Map();
    const separator = url.includes("?") ? "&" : "?";
    this.socket = new WebSocket(`${url}${separator}session_id=${this.session}`);
    this.socket.binaryType = "arraybuffer";
    this.ready = new Promise((resolve, reject) => {
      this.socket.onopen = () => resolve(this);
      this.socket.onerror = () => reject(new Error("the connection to the app server failed"));
    });
    this.socket.onclose = (event) => this.onClose(event);
    this.socket.onmessage = (event) => this._receive(decodeFrame(event.data));
  }

  /** Send a shell message; ``callbacks`` follow ipywidgets' ``ICallbacks`` (shell.reply, iopub.*). */
  send(msgType, content, callbacks, metadata, buffers) {
    const msgId = uuid();
    const header = { msg_id: msgId, msg_type: msgType, username: "", session: this.session, date: new Date().toISOString(), version: PROTOCOL_VERSION };
    const message = { header, parent_header: {}, metadata: metadata || {}, content, channel: "shell" };
    if (callbacks) this._callbacks.set(msgId, callbacks);
    this.socket.send(encodeFrame(message, buffers));
    return msgId;
  }

  /** Send a shell request and resolve with its reply message. */
  request(msgType, content) {
    return new Promise((resolve) => {
      const msgId = this.send(msgType, content);
      this._replies.set(msgId, resolve);
    });
  }

  _receive(message) {
    const type = message.header.msg_type;
    const parent = message.parent_header ? message.parent_header.msg_id : undefined;
    const callbacks = parent ? this._callbacks.get(parent) : undefined;
    if (message.channel === "shell") {
      if (callbacks && callbacks.shell && callbacks.shell.reply) callbacks.shell.reply(message);
      const resolve = this._replies.get(parent);
      if (resolve) {
        this._replies.delete(parent);
        resolve(message);
      }
      return;
    }
    if (message.channel !== "iopub") return;
    if (type === "comm_open") this.onCommOpen(message);
    else if (type === "comm_msg" || type === "comm_close") {
      const comm = this.comms.get(message.content.comm_id);
      if (comm && type === "comm_msg") comm._message(message);
      else if (comm) comm._closed(message);
    }
    if (callbacks && callbacks.iopub) {
      const handler = type === "status" ? callbacks.iopub.status : callbacks.iopub.output;
      if (handler && (type === "status" || ["stream", "display_data", "execute_result", "error"].includes(type))) handler(message);
    }
    if (type === "status" && message.content.execution_state === "idle" && parent) this._callbacks.delete(parent);
  }
}
