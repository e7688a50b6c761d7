// The services assembled in the current thread: open the store, migrate, seed the demo office
// on first start, and route calls. The worker runs this; tests use it directly.
import { pooledUuidv7 } from './ids';
import type { AppConfig } from '../config';
import { createRouter, type Router } from '../api/router';
import { handlers } from '../api/handlers';
import type { Services } from '../api/context';
import { createSessionRegistry } from '../auth/sessions';
import { createSearchIndex } from '../billing/search';
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
      store.close();
    },
  };
}
