// The widget manager of an app page: ipywidgets' ManagerBase over one KernelConnection, with the
// standard controls built in. An app using any other widget library is refused by name (serve it
// with `apex-nb app --frontend lab`, which loads JupyterLab's front end and its extensions).
import * as base from "@jupyter-widgets/base";
import { ManagerBase } from "@jupyter-widgets/base-manager";
import * as controls from "@jupyter-widgets/controls";
import { Comm, uuid } from "./kernel.js";

const MODULES = { "@jupyter-widgets/base": base, "@jupyter-widgets/controls": controls };
const WIDGET_TARGET = "jupyter.widget";

export class AppWidgetManager extends ManagerBase {
  constructor(kernel) {
    super();
    this.kernel = kernel;
    kernel.onCommOpen = (message) => {
      if (message.content.target_name !== WIDGET_TARGET) return;
      this.handle_comm_open(new Comm(kernel, message.content.comm_id, WIDGET_TARGET), message);
    };
  }

  async loadClass(className, moduleName, moduleVersion) {
    const module = MODULES[moduleName];
    if (!module || !module[className]) {
      throw new Error(`this app page has no ${moduleName}@${moduleVersion} ${className}; serve it with --frontend lab`);
    }
    return module[className];
  }

  async _create_comm(targetName, modelId, data, metadata, buffers) {
    const comm = new Comm(this.kernel, modelId || uuid(), targetName);
    if (data !== undefined || metadata !== undefined) comm.open(data, undefined, metadata, buffers);
    return comm;
  }

  async _get_comm_info() {
    const reply = await this.kernel.request("comm_info_request", { target_name: WIDGET_TARGET });
    return reply.content.comms || {};
  }

  /** Every widget the notebook run created, in one request on the control comm. */
  loadFromKernel() {
    return this._loadFromKernel();
  }
}
