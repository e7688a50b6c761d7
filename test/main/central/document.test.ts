// The OpenAPI document is valid, the simulator implements exactly its operations, and the
// TypeScript mirror (shared/central-api/types.ts) names the same kinds, codes and paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadDocumentFile, METHODS } from '../../../main/central/document';
import { CENTRAL, GATEWAY_CODES, PUSH_KINDS, REJECT_CODES } from '../../../shared/central-api/types';
import { http, startSim, type Sim } from './helpers';

type Obj = Record<string, unknown>;
const doc = loadDocumentFile() as Obj;
const paths = doc.paths as Record<string, Obj>;
const schemas = (doc.components as Obj).schemas as Record<string, Obj>;

function docOperations(): { method: string; path: string; operationId: string }[] {
  const out: { method: string; path: string; operationId: string }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (op) out.push({ method, path, operationId: String(op.operationId) });
    }
  }
  return out;
}

const SAMPLE_PARAMS: Record<string, string> = { qrisId: 'QR20260314000001', date: '2026-03-14' };

let sim: Sim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.dispose();
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every operation a unique operationId, a summary, and a default error response', () => {
    const ops = docOperations();
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    for (const { method, path } of ops) {
      const op = paths[path]?.[method] as Obj;
      expect(typeof op.summary, `${method} ${path}`).toBe('string');
      expect(Object.keys(op.responses as Obj), `${method} ${path}`).toContain('default');
    }
  });

  it('has a handler in the simulator for every operation, and no handler without an operation', () => {
    expect([...sim.central.operationIds].sort()).toEqual(docOperations().map((o) => o.operationId).sort());
  });

  it('answers every documented path and method over HTTP (never "no such route")', async () => {
    for (const { method, path } of docOperations()) {
      const concrete = path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x');
      const res = await http<{ error?: { code: string } }>(sim.central.url, concrete, { method: method.toUpperCase() });
      expect(res.json?.error?.code, `${method} ${concrete}`).not.toBe('ROUTE_NOT_FOUND');
      expect(res.json?.error?.code, `${method} ${concrete}`).not.toBe('METHOD_NOT_ALLOWED');
      expect(res.status, `${method} ${concrete}`).toBeLessThan(500);
    }
  });

  it('refuses routes and methods the document does not have', async () => {
    const unknown = await http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/payments');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('ROUTE_NOT_FOUND');
    expect(unknown.json.error.message).toContain('tidak ada');
    const wrongMethod = await http<{ error: { code: string } }>(sim.central.url, '/v1/health', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('validates request bodies against its schemas and answers 400 in Indonesian', async () => {
    const res = await http<{ error: { code: string; message: string; details: { path: string; message: string }[] } }>(sim.central.url, '/v1/enrolments', {
      body: { enrolmentCode: 'DEMO-2026', officeCode: 'UPTD', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('INVALID_REQUEST');
    expect(res.json.error.message).toMatch(/^Permintaan tidak sah: /);
    const messages = res.json.error.details.map((d) => d.message).join(' | ');
    expect(messages).toContain('harus memiliki properti');
    expect(messages).toContain('tidak boleh memiliki properti tambahan');
    const notJson = await http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/enrolments', { rawBody: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toEqual({ code: 'INVALID_JSON', message: 'Badan permintaan bukan JSON yang sah.' });
    const wrongType = await http<{ error: { code: string } }>(sim.central.url, '/v1/enrolments', { rawBody: 'a=b', contentType: 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
    const badLimit = await http<{ error: { code: string; details: { path: string }[] } }>(sim.central.url, '/admin/bank/settlement?date=2026-02-30', { adminKey: sim.central.adminKey });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.details[0]?.path).toBe('/query/date');
  });

  it('names the same record kinds, gateway codes and paths as the TypeScript mirror', () => {
    const branches = ((schemas.PushRecord as Obj).oneOf as { $ref: string }[]).map((b) => {
      const name = b.$ref.split('/').pop() as string;
      return ((schemas[name] as Obj).properties as { kind: { const: string } }).kind.const;
    });
    expect([...branches].sort()).toEqual([...PUSH_KINDS].sort());
    const codes = new Set<string>();
    for (const name of ['GatewayInquiryResponse', 'GatewayPaymentResponse', 'GatewayReversalResponse']) {
      for (const c of ((schemas[name] as Obj).properties as { code: { enum: string[] } }).code.enum) codes.add(c);
    }
    expect([...codes].sort()).toEqual(Object.keys(GATEWAY_CODES).sort());
    const ackCodes = String(((schemas.PushAck as Obj).properties as { code: { description: string } }).code.description);
    for (const code of REJECT_CODES) expect(ackCodes).toContain(code);
    const docPaths = Object.keys(paths);
    for (const p of Object.values(CENTRAL.paths)) expect(docPaths.some((d) => d === p || d.startsWith(`${p}/`)), p).toBe(true);
    expect((doc.info as Obj).version).toBe(CENTRAL.apiVersion);
  });
});
