// Where the backend keeps secrets (the terminal's central-API credential). In Electron the shell
// holds them with safeStorage and hands them to the worker; the browser host and the tests keep
// them in a file only the user can read.
export interface Secrets {
  read(name: string): string | null;
  write(name: string, value: string): void;
}

/** secrets held by the thread that owns the worker: a snapshot at start, writes sent back */
export function relayedSecrets(initial: Record<string, string | null>, send: (name: string, value: string) => void): Secrets {
  const values = new Map(Object.entries(initial));
  return {
    read: (name) => values.get(name) ?? null,
    write: (name, value) => {
      values.set(name, value);
      send(name, value);
    },
  };
}
