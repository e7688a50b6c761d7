import { z } from 'zod';
import { op } from './define';
import { BACK_OFFICE, ROLES, STAFF, type Role } from '../roles';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
}

export interface SessionInfo {
  token: string;
  user: SessionUser;
  /** ISO-8601 UTC: the session ends if idle past this moment */
  idleExpiresAt: string;
  terminalCode: string;
  officeName: string;
  /** the office's address, for the letterhead of printed reports */
  officeAddress: string;
}

export interface SetupStatus {
  needsFirstAdmin: boolean;
  /** tanggal buku: today's WIB date by the backend's clock */
  businessDate: string;
  profile: 'demo' | 'production';
  officeName: string;
  terminalCode: string;
}

export interface UserRow extends SessionUser {
  createdAt: string;
  disabled: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
}

const username = z
  .string()
  .trim()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(32, 'Nama pengguna maksimal 32 karakter')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya huruf kecil, angka, titik, garis bawah atau tanda hubung');
const password = z.string().min(1, 'Kata sandi wajib diisi').max(256, 'Kata sandi terlalu panjang');
const newPassword = z
  .string()
  .min(10, 'Kata sandi minimal 10 karakter')
  .max(256, 'Kata sandi terlalu panjang')
  .regex(/[A-Za-z]/, 'Kata sandi harus memuat huruf')
  .regex(/[0-9]/, 'Kata sandi harus memuat angka');
const fullName = z.string().trim().min(3, 'Nama lengkap minimal 3 karakter').max(100, 'Nama lengkap maksimal 100 karakter');

export const authOps = {
  'setup.status': op<SetupStatus>()({
    input: z.object({}).strict(),
    access: ['public'],
    mutates: false,
    summary: 'Status penyiapan aplikasi (apakah admin pertama perlu dibuat)',
  }),
  'setup.createFirstAdmin': op<SessionInfo>()({
    input: z.object({ username, fullName, password: newPassword }).strict(),
    access: ['public'],
    mutates: true,
    summary: 'Membuat akun admin UPTD pertama (hanya bila belum ada pengguna)',
  }),
  'auth.login': op<SessionInfo>()({
    input: z.object({ username: z.string().trim().min(1, 'Nama pengguna wajib diisi').max(64), password }).strict(),
    access: ['public'],
    mutates: true,
    summary: 'Masuk dengan nama pengguna dan kata sandi',
  }),
  'auth.logout': op<{ ok: true }>()({
    input: z.object({}).strict(),
    access: ROLES,
    mutates: false,
    summary: 'Keluar dan mengakhiri sesi',
  }),
  'auth.me': op<SessionInfo>()({
    input: z.object({}).strict(),
    access: ROLES,
    mutates: false,
    summary: 'Sesi yang sedang aktif',
  }),
  'auth.changePassword': op<{ ok: true }>()({
    input: z.object({ currentPassword: password, newPassword }).strict(),
    access: STAFF,
    mutates: true,
    summary: 'Mengganti kata sandi sendiri',
  }),
  'users.list': op<UserRow[]>()({
    input: z.object({}).strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Daftar pengguna lokal',
  }),
  'users.create': op<UserRow>()({
    input: z.object({ username, fullName, role: z.enum(ROLES), password: newPassword }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuat pengguna baru',
  }),
  'users.unlock': op<UserRow>()({
    input: z.object({ userId: z.string().min(1).max(64) }).strict(),
    access: ['admin'],
    mutates: true,
    summary: 'Membuka kunci akun yang terkunci',
  }),
};
