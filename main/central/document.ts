// The OpenAPI document drives the simulator: its operations are the routes (each operationId
// must have a handler and vice versa), and its schemas validate every request (and, when asked,
// every response) with ajv. Validation messages are Bahasa Indonesia (ajv-i18n).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeId from 'ajv-i18n/localize/id';

export const DOCUMENT_PATH = join(__dirname, '..', '..', 'shared', 'central-api', 'openapi.yaml');
const SCHEMA_ID = 'https://central.e-retribusi.invalid/openapi';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type Method = (typeof METHODS)[number];

export interface Detail {
  path: string;
  message: string;
}

export interface ParamSpec {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  type: string | undefined;
  validate: ValidateFunction;
}

export interface Operation {
  operationId: string;
  method: Method;
  /** the document's path, e.g. /v1/qris/{qrisId} */
  path: string;
  pattern: RegExp;
  pathParams: string[];
  params: ParamSpec[];
  /** security scheme names that grant access; empty = public */
  security: string[];
  body: { required: boolean; validate: ValidateFunction } | null;
  responses: Map<string, { contentType: string; validate: ValidateFunction | null }>;
}

export interface CentralDocument {
  doc: JsonObject;
  operations: Operation[];
  /** validator of one components/schemas entry */
  schema(name: string): ValidateFunction;
  /** the first matching operation, or why none matched */
  match(method: string, path: string): { op: Operation; params: Record<string, string> } | { error: 'not_found' | 'method' };
}

export function loadDocumentFile(path = DOCUMENT_PATH): JsonObject {
  return YAML.parse(readFileSync(path, 'utf8')) as JsonObject;
}

/** rewrite #/components/schemas/X refs into refs to the wrapper schema's $defs */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        out[k] = `${SCHEMA_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
      } else {
        out[k] = rewriteRefs(v);
      }
    }
    return out;
  }
  return value;
}

function resolveComponent(doc: JsonObject, value: Json): JsonObject {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.$ref === 'string') {
    const parts = value.$ref.replace(/^#\//, '').split('/');
    let node: Json = doc;
    for (const p of parts) node = node && typeof node === 'object' && !Array.isArray(node) ? (node[p] ?? null) : null;
    if (!node || typeof node !== 'object' || Array.isArray(node)) throw new Error(`referensi tidak ditemukan: ${value.$ref}`);
    return node;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('komponen bukan objek');
  return value;
}

function obj(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, discriminator: true });
  addFormats(ajv);
  return ajv;
}

export function buildDocument(doc: JsonObject = loadDocumentFile()): CentralDocument {
  const ajv = createAjv();
  const schemas = obj(obj(doc.components).schemas);
  ajv.addSchema({ $id: SCHEMA_ID, $defs: rewriteRefs(schemas) } as object);
  const compile = (schema: Json): ValidateFunction => ajv.compile(rewriteRefs(schema) as object);
  const globalSecurity = Array.isArray(doc.security) ? doc.security : [];

  const operations: Operation[] = [];
  for (const [path, itemJson] of Object.entries(obj(doc.paths))) {
    const item = obj(itemJson);
    for (const method of METHODS) {
      const opJson = item[method];
      if (!opJson) continue;
      const op = obj(opJson);
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '([^/]+)')}$`);
      const params: ParamSpec[] = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => {
        const spec = resolveComponent(doc, p);
        const schema = obj(spec.schema);
        const resolvedSchema = typeof schema.$ref === 'string' ? resolveComponent(doc, schema) : schema;
        return {
          name: String(spec.name),
          in: spec.in as ParamSpec['in'],
          required: spec.required === true,
          type: typeof resolvedSchema.type === 'string' ? resolvedSchema.type : undefined,
          validate: compile(schema),
        };
      });
      const security = (Array.isArray(op.security) ? op.security : globalSecurity).flatMap((s) => Object.keys(obj(s)));
      let body: Operation['body'] = null;
      if (op.requestBody) {
        const rb = resolveComponent(doc, op.requestBody);
        const media = obj(obj(rb.content)['application/json']);
        body = { required: rb.required === true, validate: compile(media.schema ?? {}) };
      }
      const responses = new Map<string, { contentType: string; validate: ValidateFunction | null }>();
      for (const [status, rJson] of Object.entries(obj(op.responses))) {
        const r = resolveComponent(doc, rJson);
        const content = obj(r.content);
        const [contentType, mediaJson] = Object.entries(content)[0] ?? ['', null];
        const media = obj(mediaJson);
        responses.set(status, { contentType, validate: contentType === 'application/json' && media.schema ? compile(media.schema) : null });
      }
      operations.push({ operationId: String(op.operationId), method, path, pattern, pathParams, params, security, body, responses });
    }
  }

  const schemaCache = new Map<string, ValidateFunction>();
  return {
    doc,
    operations,
    schema(name) {
      let v = schemaCache.get(name);
      if (!v) {
        const found = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
        if (!found) throw new Error(`skema tidak ada: ${name}`);
        v = found;
        schemaCache.set(name, v);
      }
      return v;
    },
    match(method, path) {
      let pathMatched = false;
      for (const op of operations) {
        const m = op.pattern.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (op.method !== method.toLowerCase()) continue;
        const params: Record<string, string> = {};
        op.pathParams.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? '');
        });
        return { op, params };
      }
      return { error: pathMatched ? 'method' : 'not_found' };
    },
  };
}

/** ajv errors as Indonesian details, paths as JSON pointers under a prefix */
export function validationDetails(errors: ErrorObject[] | null | undefined, prefix = ''): Detail[] {
  if (!errors || errors.length === 0) return [];
  const copy = errors.map((e) => ({ ...e }));
  localizeId(copy);
  const out: Detail[] = [];
  const seen = new Set<string>();
  for (const e of copy) {
    // the oneOf/discriminator summary repeats what the branch errors already say
    if (e.keyword === 'oneOf' && copy.length > 1) continue;
    let message = (e.message ?? 'tidak valid').trim();
    if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') message = `${message}: "${e.params.additionalProperty}"`;
    if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) message = `${message}: ${e.params.allowedValues.join(', ')}`;
    if (e.keyword === 'const') message = `${message}: ${JSON.stringify(e.params.allowedValue)}`;
    const path = `${prefix}${e.instancePath}` || '/';
    const key = `${path}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out.slice(0, 20);
}

/** one line: the first problem and where */
export function summarise(details: Detail[]): string {
  const first = details[0];
  if (!first) return 'tidak valid';
  const more = details.length > 1 ? ` (dan ${details.length - 1} masalah lain)` : '';
  return `${first.path === '/' ? '' : `${first.path}: `}${first.message}${more}`;
}
