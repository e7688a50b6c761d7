// The worker thread that owns the store and the services, so a long report or a snapshot never
// freezes the window or the HTTP host. Messages: {id, request, origin} → {id, response}.
import { parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../config';
import type { ApiResponse } from '../../shared/errors';
import type { WireRequest } from '../../shared/wire';
import { openBackend } from './inprocess';
import { relayedSecrets } from './secrets';
import type { CallOrigin } from './types';

export type ToWorker = { kind: 'call'; id: number; request: WireRequest; origin: CallOrigin } | { kind: 'close'; id: number };
export type FromWorker =
  | { kind: 'ready'; report: unknown; seeded: boolean }
  | { kind: 'fatal'; message: string; code: string | null }
  | { kind: 'result'; id: number; response: ApiResponse<unknown> }
  | { kind: 'closed'; id: number }
  | { kind: 'log'; line: string }
  | { kind: 'secret'; name: string; value: string };

const port = parentPort;
if (!port) throw new Error('worker.ts harus dijalankan sebagai worker thread');

const post = (message: FromWorker) => port.postMessage(message);

export interface WorkerInit {
  config: AppConfig;
  /** secrets the owning thread keeps (Electron: safeStorage); absent → the backend keeps its own file */
  secrets?: Record<string, string | null>;
}

const init = workerData as WorkerInit;
openBackend(init.config, {
  log: (line) => post({ kind: 'log', line }),
  backgroundSync: true,
  ...(init.secrets ? { secrets: relayedSecrets(init.secrets, (name, value) => post({ kind: 'secret', name, value })) } : {}),
}).then(
  (backend) => {
    post({ kind: 'ready', report: backend.report, seeded: backend.seeded });
    port.on('message', (message: ToWorker) => {
      if (message.kind === 'call') {
        backend.call(message.request, message.origin).then((response) => post({ kind: 'result', id: message.id, response }));
      } else if (message.kind === 'close') {
        backend.close().then(() => {
          post({ kind: 'closed', id: message.id });
          port.close();
        });
      }
    });
  },
  (err: unknown) => {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : null;
    post({ kind: 'fatal', message: err instanceof Error ? err.message : String(err), code });
  },
);
