// The one gate every call passes, whatever the transport: known operation → session → role →
// input schema → handler. Nothing reaches a handler unvalidated; nothing leaves as a raw error.
import { z } from 'zod';
import { contract, isOpName, type OpName } from '../../shared/contract';
import { AppError, type ApiError, type ApiResponse } from '../../shared/errors';
import { roleLabels } from '../../shared/roles';
import type { WireRequest } from '../../shared/wire';
import type { CallOrigin } from '../backend/types';
import type { Caller, CallCtx, Handlers, Services } from './context';

z.config(z.locales.id());

export type Router = (request: WireRequest, origin: CallOrigin) => Promise<ApiResponse<unknown>>;

function fail(error: AppError): { ok: false; error: ApiError } {
  return { ok: false, error: error.toApiError() };
}

/** zod issues → one summary line and per-field messages, in Bahasa Indonesia */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { detail: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const detail = Object.entries(fields)
    .slice(0, 3)
    .map(([k, m]) => (k === '_' ? m : `${k}: ${m}`))
    .join('; ');
  return { detail, fields };
}

export function createRouter(services: Services, handlers: Handlers): Router {
  return async (request, origin) => {
    try {
      if (typeof request !== 'object' || request === null) {
        return fail(new AppError('BAD_REQUEST', { detail: 'bentuk permintaan salah' }));
      }
      const { op, input, session } = request;
      if (!isOpName(op)) return fail(new AppError('UNKNOWN_OPERATION', { op: String(op).slice(0, 64) }));
      const def = contract[op];

      let caller: Caller | null = null;
      const isPublic = def.access.includes('public');
      if (typeof session === 'string' && session.length > 0) {
        caller = services.sessions.touch(session, services.now());
      }
      if (!isPublic) {
        if (!caller) return fail(new AppError('NOT_AUTHENTICATED'));
        if (!def.access.includes(caller.user.role)) {
          return fail(new AppError('FORBIDDEN', { role: roleLabels[caller.user.role].id }));
        }
      }

      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        const { detail, fields } = describeIssues(parsed.error.issues);
        return fail(new AppError('INVALID_INPUT', { detail }, fields));
      }
      const ctx: CallCtx = { services, caller, origin };
      const handler = handlers[op] as (ctx: CallCtx, input: unknown) => unknown;
      const value = await handler(ctx, parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return fail(err);
      const ref = services.newId().slice(-8);
      services.log(`[router] ${String(request?.op)} gagal (ref ${ref}): ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail(new AppError('INTERNAL', { ref }));
    }
  };
}

export type { OpName };
