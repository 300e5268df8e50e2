// apex-nb app page: connect to the page's (preheated) kernel, fetch the widgets, render the cell
// outputs Voila put in the page, and say so in the page if the connection is lost.
import "@jupyter-widgets/controls/css/widgets.css";
import { Widget } from "@lumino/widgets";
import { KernelConnection } from "./kernel.js";
import { AppWidgetManager } from "./manager.js";
import "./page.css";

const OUTPUT_SCRIPT = 'script[type="application/vnd.voila.cell-output+json"]';
const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";

function channelsUrl(config) {
  const base = config.baseUrl || "/";
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const token = config.token || new URLSearchParams(location.search).get("token") || "";
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  return `${scheme}//${location.host}${base}api/kernels/${encodeURIComponent(config.kernelId)}/channels${query}`;
}

function banner(text) {
  let element = document.querySelector(".apx-connection");
  if (!element) {
    element = document.createElement("div");
    element.className = "apx-connection";
    element.setAttribute("role", "alert");
    document.body.prepend(element);
  }
  element.textContent = text;
}

function showCells() {
  window.themeLoaded = true;
  if (window.cellLoaded && window.display_cells) window.display_cells();
}

async function renderOutput(manager, script) {
  const output = JSON.parse(script.textContent);
  const data = output.data || {};
  const host = document.createElement("div");
  host.className = "apx-cell-output";
  script.replaceWith(host);
  if (data[WIDGET_VIEW]) {
    const model = await manager.get_model(data[WIDGET_VIEW].model_id);
    const view = await manager.create_view(model);
    Widget.attach(view.luminoWidget, host);
  } else if (data["text/html"]) {
    host.innerHTML = data["text/html"]; // the app notebook's own output (Voila marks it trusted)
  } else if (data["text/plain"]) {
    const pre = document.createElement("pre");
    pre.textContent = data["text/plain"];
    host.appendChild(pre);
  }
}

async function main() {
  const config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
  const kernel = new KernelConnection(channelsUrl(config));
  kernel.onClose = () => banner("The connection to the app was lost. Reload the page to continue.");
  await kernel.ready;
  const manager = new AppWidgetManager(kernel);
  await manager.loadFromKernel();
  for (const script of document.querySelectorAll(OUTPUT_SCRIPT)) await renderOutput(manager, script);
  showCells();
}

main().catch((error) => {
  console.error(error);
  showCells();
  banner(`The app could not start: ${error && error.message ? error.message : error}. Reload the page to try again.`);
});
