// The table of contents of the app: every operation the renderer may call, declared once.
import type { z } from 'zod';
import type { OpDef } from './define';
import { authOps } from './auth';
import { auditOps } from './audit';
import { officeOps } from './office';
import { billingOps } from './billing';
import { masterOps } from './master';
import { counterOps } from './counter';
import { syncOps } from './sync';

export const contract = {
  ...authOps,
  ...auditOps,
  ...officeOps,
  ...billingOps,
  ...masterOps,
  ...counterOps,
  ...syncOps,
} satisfies Record<string, OpDef>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K] extends OpDef<z.ZodType, infer R> ? R : never;

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type { OpDef } from './define';
export * from './auth';
export * from './audit';
export * from './office';
export * from './billing';
export * from './master';
export * from './counter';
export * from './sync';
