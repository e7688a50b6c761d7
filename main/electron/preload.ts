// Runs sandboxed before the renderer's scripts. Exposes exactly one thing, `window.loket`, a
// frozen object with two functions: one carries a WireRequest, one a document to print. No
// ipcRenderer, no event objects, no other channel can be reached from the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse } from '../../shared/errors';
import { IPC, type LoketBridge, type PrintOutcome, type PrintRequest, type WireRequest } from '../../shared/wire';

const bridge: LoketBridge = Object.freeze({
  transport: 'ipc',
  invoke(request: WireRequest): Promise<ApiResponse<unknown>> {
    // only the request crosses: extra arguments from the page are dropped here
    return ipcRenderer.invoke(IPC.invoke, request) as Promise<ApiResponse<unknown>>;
  },
  print(request: PrintRequest): Promise<PrintOutcome> {
    return ipcRenderer.invoke(IPC.print, request) as Promise<PrintOutcome>;
  },
} satisfies LoketBridge);

contextBridge.exposeInMainWorld('loket', bridge);
