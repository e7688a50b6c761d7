// The main thread's side of the worker: a Backend whose calls are messages.
import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../config';
import { AppError, type ApiResponse } from '../../shared/errors';
import type { Backend } from './types';
import type { FromWorker, ToWorker, WorkerInit } from './worker';

export class BackendStartError extends Error {
  override name = 'BackendStartError';
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.code = code;
  }
}

export interface StartedBackend extends Backend {
  report: unknown;
  seeded: boolean;
}

export function startBackend(
  config: AppConfig,
  opts: {
    workerPath: string;
    log?: (line: string) => void;
    /** secrets this thread keeps for the backend (Electron: safeStorage), and how to store a new one */
    secrets?: { initial: Record<string, string | null>; write: (name: string, value: string) => Promise<void> };
  },
): Promise<StartedBackend> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const init: WorkerInit = { config, ...(opts.secrets ? { secrets: opts.secrets.initial } : {}) };
  const worker = new Worker(opts.workerPath, { workerData: init });
  const pending = new Map<number, (response: ApiResponse<unknown>) => void>();
  const closing = new Map<number, () => void>();
  let nextId = 1;
  let alive = true;

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'ready':
          resolve({
            report: message.report,
            seeded: message.seeded,
            call(request, origin) {
              if (!alive) return Promise.resolve({ ok: false, error: new AppError('BACKEND_UNAVAILABLE').toApiError() });
              const id = nextId++;
              return new Promise((res) => {
                pending.set(id, res);
                worker.postMessage({ kind: 'call', id, request, origin } satisfies ToWorker);
              });
            },
            close() {
              if (!alive) return Promise.resolve();
              const id = nextId++;
              return new Promise<void>((res) => {
                closing.set(id, res);
                worker.postMessage({ kind: 'close', id } satisfies ToWorker);
              });
            },
          });
          break;
        case 'fatal':
          reject(new BackendStartError(message.message, message.code));
          break;
        case 'result':
          pending.get(message.id)?.(message.response);
          pending.delete(message.id);
          break;
        case 'closed':
          closing.get(message.id)?.();
          closing.delete(message.id);
          break;
        case 'log':
          log(message.line);
          break;
        case 'secret':
          opts.secrets?.write(message.name, message.value).catch((err: unknown) => log(`[backend] rahasia ${message.name} tidak tersimpan: ${err instanceof Error ? err.message : String(err)}`));
          break;
      }
    });
    worker.on('error', (err) => {
      log(`[backend] worker error: ${err.stack ?? err.message}`);
      reject(new BackendStartError(err.message, null));
    });
    worker.on('exit', (code) => {
      alive = false;
      for (const res of pending.values()) res({ ok: false, error: new AppError('BACKEND_UNAVAILABLE').toApiError() });
      pending.clear();
      for (const res of closing.values()) res();
      closing.clear();
      if (code !== 0) log(`[backend] worker berhenti dengan kode ${code}`);
    });
  });
}
