import { z } from 'zod';
import { op } from './define';
import { BACK_OFFICE } from '../roles';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** the first entry whose hash or link does not match, when ok is false */
  firstBadSeq: number | null;
  headHash: string | null;
}

export const auditOps = {
  'audit.list': op<{ entries: AuditEntry[]; total: number }>()({
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
        entity: z.string().max(64).optional(),
      })
      .strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Log audit terbaru',
  }),
  'audit.verify': op<AuditVerifyResult>()({
    input: z.object({}).strict(),
    access: BACK_OFFICE,
    mutates: false,
    summary: 'Memeriksa rantai hash log audit',
  }),
};
