// The services assembled in the current thread: open the store, migrate, seed the demo office
// on first start, and route calls. The worker runs this; tests use it directly.
import { pooledUuidv7 } from './ids';
import type { AppConfig } from '../config';
import { createRouter, type Router } from '../api/router';
import { handlers } from '../api/handlers';
import type { Services } from '../api/context';
import { createSessionRegistry } from '../auth/sessions';
import { createSearchIndex } from '../billing/search';
import { createSyncService } from '../sync/service';
import type { Secrets } from './secrets';
import { loadOrCreateSigner } from '../counter/signing';
import { openStore } from '../store/store';
import { migrations } from '../store/migrations';
import type { OpenReport, Store } from '../store/types';
import { seedDemoOffice, seedProductionDefaults } from '../seed/demo';
import type { Backend } from './types';

export interface InProcessOptions {
  now?: () => Date;
  newId?: () => string;
  log?: (line: string) => void;
  /** run push/pull in the background (the app does; tests drive sync themselves) */
  backgroundSync?: boolean;
  /** secrets held outside the data folder (Electron's safeStorage); default: a 0600 file in it */
  secrets?: Secrets;
}

export interface InProcessBackend extends Backend {
  services: Services;
  router: Router;
  report: OpenReport;
  seeded: boolean;
}

export async function openBackend(config: AppConfig, options: InProcessOptions = {}): Promise<InProcessBackend> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const store: Store = await openStore({ dir: config.dataDir, migrations, now });
  const services: Services = {
    store,
    now,
    newId: options.newId ?? pooledUuidv7(),
    config,
    sessions: createSessionRegistry(config.sessionIdleMinutes),
    search: createSearchIndex(),
    signer: loadOrCreateSigner(config.dataDir),
    sync: createSyncService(() => services, options.secrets ? { secrets: options.secrets } : {}),
    log,
  };
  let seeded = false;
  const hasMeta = store.get<{ n: number }>("SELECT count(*) AS n FROM app_meta WHERE key = 'office_name'")?.n ?? 0;
  if (!hasMeta) {
    if (config.profile === 'demo') await seedDemoOffice(services);
    else seedProductionDefaults(services);
    seeded = true;
    store.snapshot();
  }
  const router = createRouter(services, handlers);
  if (options.backgroundSync) {
    const sync = services.sync;
    const start = () => sync.start(config.syncIntervalSeconds * 1000);
    if (!sync.isEnrolled() && config.centralUrl && config.enrolmentCode) {
      // first start against a configured centre: enrol, then sync; a failure is retried next start
      sync
        .enrol({ centralUrl: config.centralUrl, enrolmentCode: config.enrolmentCode, officeCode: config.officeCode }, null)
        .then(start, (err: unknown) => log(`[sync] pendaftaran otomatis gagal: ${err instanceof Error ? err.message : String(err)}`));
    } else if (sync.isEnrolled()) start();
  }
  let closed = false;
  return {
    services,
    router,
    report: store.report,
    seeded,
    call: (request, origin) => router(request, origin),
    close: async () => {
      if (closed) return;
      closed = true;
      await services.sync.stop();
      store.close();
    },
  };
}
