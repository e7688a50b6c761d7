// The client instance the screens use, wired to the session and connection stores.
import { sessionStore } from '../session/store';
import { createClient, type Call } from './client';
import { connectionStore } from './connection';
import { detectTransport, type Transport } from './transport';

let transport: Transport | null = null;

function currentTransport(): Transport {
  // detected lazily, once: reading the #token fragment must happen exactly one time
  transport ??= detectTransport();
  return transport;
}

export const call: Call = createClient({
  transport: currentTransport,
  session: () => sessionStore.getState().info?.token ?? null,
  onUnauthenticated: (error) => sessionStore.getState().signOut(error),
  onReachable: (reachable, kind) => connectionStore.getState().report(reachable, kind),
});

/** read the host token from the address bar before anything else can change the fragment */
export function initTransport(): Transport {
  return currentTransport();
}

export { ClientError, isClientError } from './client';
