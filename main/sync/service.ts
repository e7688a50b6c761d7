// The sync service of one backend: holds the credential, runs push + pull now and then (never
// two at once), and enrols the terminal. The clock and timers are the backend's own.
import { AppError } from '../../shared/errors';
import type { Secrets } from '../backend/secrets';
import type { SyncStatus } from '../../shared/contract/sync';
import type { Services } from '../api/context';
import { appendAudit } from '../audit/audit';
import { createCentralClient, CentralError, type CentralClient } from './http';
import { pullGateway, pullSource, pushOutbox, readCredential, syncStatus, writeCredential, type Credential } from './engine';

export interface SyncService {
  status(): SyncStatus;
  /** one push + pull; concurrent calls share the run in progress */
  runOnce(): Promise<SyncStatus>;
  isEnrolled(): boolean;
  enrol(input: { centralUrl: string; enrolmentCode: string; officeCode: string }, actor: { id: string; name: string } | null): Promise<SyncStatus>;
  start(intervalMs: number): void;
  /** the authenticated client, or null when the terminal is not enrolled */
  client(): CentralClient | null;
  /** stops the timer and waits for a run in progress */
  stop(): Promise<void>;
}

export function createSyncService(servicesOf: () => Services, opts: { timeoutMs?: number; secrets?: Secrets } = {}): SyncService {
  const services = new Proxy({} as Services, { get: (_t, key) => servicesOf()[key as keyof Services] });
  let loaded = false;
  let credential: Credential | null = null;
  let client: CentralClient | null = null;
  const load = () => {
    if (loaded) return;
    loaded = true;
    const held = opts.secrets?.read('central');
    credential = opts.secrets ? (held ? (JSON.parse(held) as Credential) : null) : readCredential(services.config.dataDir);
    client = credential ? createCentralClient({ baseUrl: credential.centralUrl, token: credential.token, timeoutMs: opts.timeoutMs }) : null;
  };
  let running: Promise<SyncStatus> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const status = (): SyncStatus => {
    load();
    return { ...syncStatus(services.store, credential), running: running !== null };
  };

  const runOnce = (): Promise<SyncStatus> => {
    if (running) return running;
    load();
    const c = client;
    if (!c) return Promise.resolve(status());
    running = (async () => {
      try {
        await pushOutbox(services, c);
        await pullSource(services, c, 'master');
        await pullSource(services, c, 'office');
        await pullGateway(services, c);
      } catch (err) {
        services.log(`[sync] ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        running = null;
      }
      return status();
    })();
    return running;
  };

  return {
    status,
    runOnce,
    client: () => {
      load();
      return client;
    },
    isEnrolled: () => {
      load();
      return credential !== null;
    },
    async enrol(input, actor) {
      load();
      const anonymous = createCentralClient({ baseUrl: input.centralUrl, token: null, timeoutMs: opts.timeoutMs });
      let answer;
      try {
        answer = await anonymous.enrol({
          enrolmentCode: input.enrolmentCode,
          officeCode: input.officeCode,
          terminalCode: services.config.terminalCode,
          publicKeyPem: services.signer.publicKeyPem,
          keyId: services.signer.keyId,
        });
      } catch (err) {
        const detail = err instanceof CentralError ? err.message : String(err);
        throw new AppError('BAD_REQUEST', { detail: `pendaftaran ke server pusat gagal: ${detail}` });
      }
      credential = { centralUrl: input.centralUrl, token: answer.token, terminalId: answer.terminalId, officeCode: answer.officeCode, enrolledAt: answer.enrolledAt };
      if (opts.secrets) opts.secrets.write('central', JSON.stringify(credential));
      else writeCredential(services.config.dataDir, credential);
      client = createCentralClient({ baseUrl: credential.centralUrl, token: credential.token, timeoutMs: opts.timeoutMs });
      services.store.write((tx) =>
        appendAudit(tx, {
          id: services.newId(),
          at: services.now(),
          actorId: actor?.id ?? null,
          actorName: actor?.name ?? 'sistem',
          action: 'sync.enrol',
          entity: 'terminal',
          entityId: services.config.terminalCode,
          after: { centralUrl: input.centralUrl, officeCode: answer.officeCode, terminalId: answer.terminalId, keyId: services.signer.keyId },
        }),
      );
      void runOnce();
      return status();
    },
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
  };
}
