// Roles of the people (and the kiosk) that use the app.
export const ROLES = ['petugas', 'admin', 'kepala', 'kiosk'] as const;
/** petugas = petugas loket (counter clerk); admin = admin UPTD; kepala = kepala UPTD (supervisor); kiosk = self-service kiosk */
export type Role = (typeof ROLES)[number];
/** 'public' marks operations callable before login (login itself, first-run setup). */
export type Access = Role | 'public';

export const STAFF: readonly Role[] = ['petugas', 'admin', 'kepala'];
export const BACK_OFFICE: readonly Role[] = ['admin', 'kepala'];

export const roleLabels: Record<Role, { id: string; en: string }> = {
  petugas: { id: 'Petugas loket', en: 'Counter clerk' },
  admin: { id: 'Admin UPTD', en: 'UPTD admin' },
  kepala: { id: 'Kepala UPTD', en: 'Head of UPTD' },
  kiosk: { id: 'Kios mandiri', en: 'Self-service kiosk' },
};
