import type { z } from 'zod';
import type { Access } from '../roles';

/** One operation of the API: its input schema, the roles allowed, and (as a type only) its result. */
export interface OpDef<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I;
  access: readonly Access[];
  /** true when the operation may change data (the router audits and serialises those) */
  mutates: boolean;
  /** one line, Bahasa Indonesia: what the operation does */
  summary: string;
  /** phantom: never read at run time, carries the result type */
  readonly _result?: R;
}

export function op<R>() {
  return <I extends z.ZodType>(def: { input: I; access: readonly Access[]; mutates: boolean; summary: string }): OpDef<I, R> => def;
}
