// Terminal side of the central API: enrolment, push (idempotent, per-record acks, conflicts and
// reasons), the office pull, master data last-writer-wins, receipt verification, persistence.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { openStore } from '../../../main/store';
import { migrations as terminalMigrations } from '../../../main/store/migrations';
import { appendAudit } from '../../../main/audit/audit';
import { auditHash } from '../../../main/central/push';
import type { AuditData, MasterRecord, OfficeRecord, Page, PushRecord, ReceiptVerifyResponse } from '../../../shared/central-api/types';
import { billRecord, cashPayment, enrolTerminal, http, idpel, levyRecord, newSigner, startSim, T0, type Sim, type TestTerminal } from './helpers';

let sim: Sim;
let t1: TestTerminal;
beforeAll(async () => {
  sim = await startSim();
  t1 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT01');
});
afterAll(async () => {
  await sim.dispose();
});

function count(table: string): number {
  return (sim.central.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`) as { n: number }).n;
}

/** three real audit rows made by the terminal's own audit module, as the push carries them */
async function terminalAuditRows(): Promise<{ id: string; data: AuditData }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'terminal-audit-'));
  const store = await openStore({ dir, migrations: terminalMigrations });
  try {
    store.write((tx) => {
      for (let i = 0; i < 3; i++) {
        appendAudit(tx, { id: uuidv7(), at: new Date(Date.UTC(2026, 2, 14, 3, i)), actorId: 'user-1', actorName: 'Dewi Lestari', action: 'payment.cash', entity: 'payment', entityId: `p${i}`, before: undefined, after: { total: 1000 * i } });
      }
    });
    return store
      .all<{ seq: number; id: string; at: string; actor_id: string | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }>(
        'SELECT * FROM audit_log ORDER BY seq',
      )
      .map((r) => ({
        id: r.id,
        data: { seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, beforeJson: r.before_json, afterJson: r.after_json, prevHash: r.prev_hash, hash: r.hash },
      }));
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('enrolment', () => {
  it('registers a terminal with its Ed25519 key and gives a bearer token; the same terminal again gets a new token', async () => {
    const signer = newSigner();
    const body = { enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-PASAR', terminalCode: 'LKT09', publicKeyPem: signer.publicKeyPem, keyId: signer.keyId };
    const first = await http<{ token: string; terminalId: string }>(sim.central.url, '/v1/enrolments', { body });
    expect(first.status).toBe(201);
    expect(first.json.token).toMatch(/^ert_/);
    const health = await http(sim.central.url, '/v1/master-records', { token: first.json.token });
    expect(health.status).toBe(200);
    const again = await http<{ token: string; terminalId: string }>(sim.central.url, '/v1/enrolments', { body });
    expect(again.status).toBe(200);
    expect(again.json.terminalId).toBe(first.json.terminalId);
    expect((await http(sim.central.url, '/v1/master-records', { token: first.json.token })).status).toBe(401);
    expect((await http(sim.central.url, '/v1/master-records', { token: again.json.token })).status).toBe(200);
  });

  it('refuses unknown codes, another key for a taken terminal code, a key in use, a wrong key id and non-Ed25519 keys', async () => {
    const taken = newSigner();
    const base = { enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-RUSUN', terminalCode: 'LKT01', publicKeyPem: taken.publicKeyPem, keyId: taken.keyId };
    const e = async (body: object) => http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/enrolments', { body });
    expect((await e({ ...base, enrolmentCode: 'SALAH-KODE' })).json.error.code).toBe('ENROLMENT_CODE_INVALID');
    const takenRes = await e(base);
    expect(takenRes.status).toBe(409);
    expect(takenRes.json.error.code).toBe('TERMINAL_TAKEN');
    expect(takenRes.json.error.message).toContain('sudah terdaftar');
    expect((await e({ ...base, terminalCode: 'LKT02', publicKeyPem: t1.signer.publicKeyPem, keyId: t1.signer.keyId })).json.error.code).toBe('KEY_IN_USE');
    expect((await e({ ...base, terminalCode: 'LKT03', keyId: '0123456789abcdef' })).json.error.code).toBe('KEY_ID_MISMATCH');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const rsaRes = await e({ ...base, terminalCode: 'LKT04', publicKeyPem: rsa, keyId: '0123456789abcdef' });
    expect(rsaRes.status).toBe(400);
    expect(rsaRes.json.error.message).toContain('Ed25519');
  });

  it('refuses terminal calls without a valid token', async () => {
    const res = await http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/push', { body: { records: [] } });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain('Token terminal');
    expect((await http(sim.central.url, '/v1/gateway-payments', { token: 'ert_palsu' })).status).toBe(401);
  });

  it('a code minted for one office and one use works once, for that office only', async () => {
    const code = sim.central.mintEnrolmentCode({ officeCode: 'UPTD-LAB', maxUses: 1 });
    const s1 = newSigner();
    const wrongOffice = await http<{ error: { code: string } }>(sim.central.url, '/v1/enrolments', { body: { enrolmentCode: code.code, officeCode: 'UPTD-PASAR', terminalCode: 'LAB1', publicKeyPem: s1.publicKeyPem, keyId: s1.keyId } });
    expect(wrongOffice.status).toBe(403);
    const ok = await http(sim.central.url, '/v1/enrolments', { body: { enrolmentCode: code.code, officeCode: 'UPTD-LAB', terminalCode: 'LAB1', publicKeyPem: s1.publicKeyPem, keyId: s1.keyId } });
    expect(ok.status).toBe(201);
    // the first answer got lost: the same terminal may enrol again with the used-up code
    expect((await http(sim.central.url, '/v1/enrolments', { body: { enrolmentCode: code.code, officeCode: 'UPTD-LAB', terminalCode: 'LAB1', publicKeyPem: s1.publicKeyPem, keyId: s1.keyId } })).status).toBe(200);
    const s2 = newSigner();
    const used = await http<{ error: { code: string } }>(sim.central.url, '/v1/enrolments', { body: { enrolmentCode: code.code, officeCode: 'UPTD-LAB', terminalCode: 'LAB2', publicKeyPem: s2.publicKeyPem, keyId: s2.keyId } });
    expect(used.json.error.code).toBe('ENROLMENT_CODE_INVALID');
  });
});

describe('push', () => {
  it('accepts a mixed batch once; the same batch again is all duplicates and nothing is doubled', async () => {
    const id1 = idpel(101);
    const b1 = billRecord({ idpel: id1, period: '2026-02', dueDate: '2026-02-10' });
    const b2 = billRecord({ idpel: id1, period: '2026-03', dueDate: '2026-03-10' });
    const pay = cashPayment(t1, { idpel: id1, items: [{ billId: b1.id, principal: b1.data.principal, fine: 3500, fineMonths: 1 }], paidAt: '2026-03-14T03:10:00.000Z', receiptNo: 'LKT01-20260314-0001' });
    const shiftId = uuidv7();
    const closing: PushRecord = {
      kind: 'shift_closing',
      id: shiftId,
      data: {
        terminalCode: 'LKT01', clerkId: 'user-loket1', businessDate: '2026-03-14', openedAt: '2026-03-14T01:00:00.000Z', openingCash: 200_000, closedAt: '2026-03-14T09:00:00.000Z',
        denominations: [{ value: 100_000, count: 5, amount: 500_000 }, { value: 50_000, count: 2, amount: 100_000 }, { value: 1_000, count: 3, amount: 3_000 }],
        countedCash: 603_000, expectedCash: 603_500, difference: -500, note: 'kurang lima ratus', approvedBy: null,
      },
    };
    const deposit: PushRecord = {
      kind: 'deposit',
      id: uuidv7(),
      data: { stsNo: 'STS/LKT01/2026/000001', terminalCode: 'LKT01', businessDate: '2026-03-14', amount: 403_000, bankReference: 'SETOR-889123', depositedAt: '2026-03-14T09:30:00.000Z', byUser: 'user-loket1', shifts: [{ shiftId, amount: 403_000 }] },
    };
    const audits = (await terminalAuditRows()).map((a): PushRecord => ({ kind: 'audit', id: a.id, data: a.data }));
    const batch: PushRecord[] = [b1, b2, pay, closing, deposit, ...audits];

    const before = { records: count('records'), bills: count('bills'), payments: count('payments'), items: count('payment_items') };
    const first = await t1.push(batch);
    expect(first.acks.map((a) => [a.kind, a.status])).toEqual(batch.map((r) => [r.kind, 'accepted']));
    expect(first.summary).toEqual({ accepted: batch.length, duplicate: 0, rejected: 0 });
    const after = { records: count('records'), bills: count('bills'), payments: count('payments'), items: count('payment_items') };
    expect(after).toEqual({ records: before.records + batch.length, bills: before.bills + 2, payments: before.payments + 1, items: before.items + 1 });

    const second = await t1.push(batch);
    expect(second.acks.every((a) => a.status === 'duplicate')).toBe(true);
    expect(second.summary).toEqual({ accepted: 0, duplicate: batch.length, rejected: 0 });
    expect({ records: count('records'), bills: count('bills'), payments: count('payments'), items: count('payment_items') }).toEqual(after);

    // null members and key order do not change the content
    const reordered = { ...b2, data: Object.fromEntries(Object.entries(b2.data).reverse()) as typeof b2.data };
    const dup = await t1.push([{ ...reordered, data: { ...reordered.data, runId: null } }]);
    expect(dup.acks[0]?.status).toBe('duplicate');
  });

  it('rejects the same id with other content (conflict), with a reason and an Indonesian message, and keeps the first', async () => {
    const b = billRecord({ idpel: idpel(102), period: '2026-03', dueDate: '2026-03-10' });
    expect((await t1.push([b])).acks[0]?.status).toBe('accepted');
    const changed = billRecord({ idpel: idpel(102), period: '2026-03', dueDate: '2026-03-10', rent: 999_000, id: b.id, objectId: b.data.objectId });
    const res = await t1.push([changed]);
    expect(res.acks[0]).toMatchObject({ kind: 'bill', id: b.id, status: 'rejected', code: 'CONFLICT' });
    expect(res.acks[0]?.message).toContain('isinya berbeda');
    expect(sim.central.db.get<{ principal: number }>('SELECT principal FROM bills WHERE id = ?', [b.id])?.principal).toBe(350_000);
  });

  it('rejects bad records one by one with reason codes; the rest of the batch is stored', async () => {
    const good = billRecord({ idpel: idpel(103), period: '2026-03', dueDate: '2026-03-10' });
    const schemaBad = { kind: 'bill', id: uuidv7(), data: { ...good.data, principal: -5, skrdNo: '' } } as unknown as PushRecord;
    const unknownKind = { kind: 'refund', id: uuidv7(), data: {} } as unknown as PushRecord;
    const sumBad = billRecord({ idpel: idpel(104), period: '2026-03', dueDate: '2026-03-10' });
    sumBad.data.principal += 1;
    const idpelBad = billRecord({ idpel: `${idpel(105).slice(0, 16)}${(Number(idpel(105).slice(16)) + 1) % 10}`, period: '2026-03', dueDate: '2026-03-10' });
    const twin = billRecord({ idpel: idpel(103), period: '2026-03', dueDate: '2026-03-10', objectId: good.data.objectId });
    const otherTerminal = cashPayment({ signer: t1.signer, terminalCode: 'LKT77' }, { idpel: idpel(103), items: [{ billId: good.id, principal: 350_000 }], paidAt: '2026-03-14T03:00:00.000Z', receiptNo: 'LKT77-1' });
    const totalBad = cashPayment(t1, { idpel: idpel(103), items: [{ billId: good.id, principal: 350_000 }], paidAt: '2026-03-14T03:00:00.000Z', receiptNo: 'LKT01-20260314-0090' });
    totalBad.data.total += 1000;
    const forged = cashPayment({ signer: newSigner(), terminalCode: 'LKT01' }, { idpel: idpel(103), items: [{ billId: good.id, principal: 350_000 }], paidAt: '2026-03-14T03:00:00.000Z', receiptNo: 'LKT01-20260314-0091' });

    const res = await t1.push([good, schemaBad, unknownKind, sumBad, idpelBad, twin, otherTerminal, totalBad, forged]);
    const byIndex = res.acks.map((a) => [a.status, a.code ?? null]);
    expect(byIndex).toEqual([
      ['accepted', null],
      ['rejected', 'INVALID_SCHEMA'],
      ['rejected', 'UNKNOWN_KIND'],
      ['rejected', 'INCONSISTENT'],
      ['rejected', 'INVALID_IDPEL'],
      ['rejected', 'DUPLICATE_BILL'],
      ['rejected', 'TERMINAL_MISMATCH'],
      ['rejected', 'INCONSISTENT'],
      ['rejected', 'INCONSISTENT'],
    ]);
    const schemaAck = res.acks[1];
    expect(schemaAck?.message).toMatch(/^Isi tagihan .* tidak sesuai skema/);
    expect(schemaAck?.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['/records/1/data/principal', '/records/1/data/skrdNo']));
    expect(res.acks[3]?.message).toContain('tidak sama dengan jumlah barisnya');
    expect(res.acks[5]?.existingId).toBe(good.id);
    expect(res.acks[8]?.message).toContain('String verifikasi kuitansi');
    // resending the same rejected record gives the same answer
    expect((await t1.push([sumBad])).acks[0]?.code).toBe('INCONSISTENT');
  });

  it('keeps the terminal\'s reversal and overpayment records (the outbox kinds) and shares them with the office', async () => {
    const t2 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT06');
    const reversal: PushRecord = { kind: 'reversal', id: uuidv7(), data: { paymentId: uuidv7(), ntb: 'NTB-X1', reversedAt: '2026-03-14T05:00:00.000Z', reason: 'pembatalan oleh bank' } };
    const over: PushRecord = { kind: 'overpayment', id: uuidv7(), data: { billId: uuidv7(), keptPaymentId: uuidv7(), extraPaymentId: uuidv7(), amount: 350_000, detectedAt: '2026-03-14T05:01:00.000Z' } };
    const zero: PushRecord = { kind: 'overpayment', id: uuidv7(), data: { ...(over.data as object), amount: 0 } } as PushRecord;
    expect((await t1.push([reversal, over, zero])).acks.map((a) => a.code ?? a.status)).toEqual(['accepted', 'accepted', 'INVALID_SCHEMA']);
    expect((await t1.push([reversal, over])).acks.map((a) => a.status)).toEqual(['duplicate', 'duplicate']);
    const seen = await t2.get<Page<OfficeRecord>>('/v1/office-records?limit=500&kinds=reversal,overpayment');
    expect(seen.json.records.map((r) => r.id).sort()).toEqual([reversal.id, over.id].sort());
  });

  it('refuses a malformed batch envelope whole with 400', async () => {
    const notArray = await http<{ error: { code: string } }>(sim.central.url, '/v1/push', { token: t1.token, body: { records: 'x' } });
    expect(notArray.status).toBe(400);
    const tooMany = await http<{ error: { code: string; message: string } }>(sim.central.url, '/v1/push', {
      token: t1.token,
      body: { records: Array.from({ length: 501 }, (_, i) => ({ kind: 'bill', id: `b${i}` })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toContain('500');
  });

  it('keeps one void per payment, one closure per bill, and checks the audit chain', async () => {
    const b = billRecord({ idpel: idpel(106), period: '2026-03', dueDate: '2026-03-10' });
    const p = cashPayment(t1, { idpel: idpel(106), items: [{ billId: b.id, principal: 350_000 }], paidAt: '2026-03-14T04:00:00.000Z', receiptNo: 'LKT01-20260314-0101' });
    const v1: PushRecord = { kind: 'void', id: uuidv7(), data: { paymentId: p.id, reason: 'salah tagihan', requestedBy: 'user-loket1', approvedBy: 'user-kepala', voidedAt: '2026-03-14T04:10:00.000Z' } };
    const v2: PushRecord = { kind: 'void', id: uuidv7(), data: { paymentId: p.id, reason: 'lagi', requestedBy: 'user-loket1', approvedBy: 'user-kepala', voidedAt: '2026-03-14T04:11:00.000Z' } };
    const c1: PushRecord = { kind: 'bill_cancellation', id: uuidv7(), data: { billId: b.id, reason: 'salah terbit', byUser: 'user-admin', at: '2026-03-14T04:20:00.000Z' } };
    const c2: PushRecord = { kind: 'bill_writeoff', id: uuidv7(), data: { billId: b.id, decisionNo: 'SK-1/2026', reason: 'pemutihan', requestedBy: 'user-admin', approvedBy: 'user-kepala', at: '2026-03-14T04:21:00.000Z' } };
    const res = await t1.push([b, p, v1, v2, c1, c2]);
    expect(res.acks.map((a) => a.code ?? a.status)).toEqual(['accepted', 'accepted', 'accepted', 'ALREADY_VOIDED', 'accepted', 'ALREADY_CLOSED']);

    const rows = await terminalAuditRows();
    const [a1, a2, a3] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    const t2 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT05');
    // out of order is fine: #3 first, then #1, then #2 links both
    const tampered = { ...a2.data, afterJson: '{"total":999999}' };
    const broken = { ...a2.data, prevHash: 'f'.repeat(64) };
    broken.hash = auditHash(a2.id, broken);
    const out = await t2.push([
      { kind: 'audit', id: a3.id, data: a3.data },
      { kind: 'audit', id: a1.id, data: a1.data },
      { kind: 'audit', id: a2.id, data: tampered },
      { kind: 'audit', id: a2.id, data: broken },
      { kind: 'audit', id: a2.id, data: a2.data },
    ]);
    expect(out.acks.map((a) => a.code ?? a.status)).toEqual(['accepted', 'accepted', 'AUDIT_HASH_INVALID', 'AUDIT_CHAIN_BROKEN', 'accepted']);
  });

  it('lets the other terminals of the office pull what one pushed (by cursor), and nobody else', async () => {
    const t2 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT02');
    const other = await enrolTerminal(sim.central, 'UPTD-PASAR', 'LKT01');
    const b = billRecord({ idpel: idpel(107), period: '2026-03', dueDate: '2026-03-10' });
    await t1.push([b]);
    const seen = new Map<string, OfficeRecord>();
    let cursor = '';
    for (let i = 0; i < 100; i++) {
      const page = await t2.get<Page<OfficeRecord>>(`/v1/office-records?limit=3&cursor=${cursor}`);
      expect(page.status).toBe(200);
      for (const r of page.json.records) {
        expect(seen.has(`${r.kind}:${r.id}`)).toBe(false);
        seen.set(`${r.kind}:${r.id}`, r);
      }
      cursor = page.json.nextCursor;
      if (!page.json.hasMore) break;
    }
    expect(seen.get(`bill:${b.id}`)?.terminalCode).toBe('LKT01');
    expect(seen.get(`bill:${b.id}`)?.data).toMatchObject({ idpel: b.data.idpel, principal: 350_000 });
    expect([...seen.values()].some((r) => r.kind === 'audit')).toBe(false);
    const own = await t1.get<Page<OfficeRecord>>('/v1/office-records?limit=500');
    expect(own.json.records.some((r) => r.id === b.id)).toBe(false);
    const ownToo = await t1.get<Page<OfficeRecord>>('/v1/office-records?limit=500&includeOwn=true&kinds=bill');
    expect(ownToo.json.records.some((r) => r.id === b.id)).toBe(true);
    expect(ownToo.json.records.every((r) => r.kind === 'bill')).toBe(true);
    const elsewhere = await other.get<Page<OfficeRecord>>('/v1/office-records?limit=500');
    expect(elsewhere.json.records).toEqual([]);
    const badCursor = await t2.get<{ error: { code: string } }>('/v1/office-records?cursor=bm9wZQ');
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error.code).toBe('INVALID_CURSOR');
  });
});

describe('master data', () => {
  it('is last-writer-wins by version: higher accepted, same = duplicate, same version other content = conflict, lower = stale', async () => {
    const t = await enrolTerminal(sim.central, 'UPTD-MASTER', 'LKT01');
    const results = sim.central.upsertMaster([levyRecord(100), { entity: 'tariff', id: 'tarif-sewa', data: { code: 'SEWA_LT1', amount: 300_000, effectiveFrom: '2026-01-01' } }]);
    expect(results.map((r) => [r.status, r.version])).toEqual([['accepted', 1], ['accepted', 1]]);
    const first = await t.get<Page<MasterRecord>>('/v1/master-records');
    const mine = first.json.records.filter((r) => r.id === levyRecord().id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entity: 'levy', version: 1, deleted: false });

    const v2 = { kind: 'master' as const, id: levyRecord().id, entity: 'levy', version: 2, data: { ...levyRecord(200).data } };
    const pushed = await t.push([v2, v2, { ...v2, data: { ...v2.data, name: 'lain' } }, { ...v2, version: 1 }]);
    expect(pushed.acks.map((a) => a.code ?? a.status)).toEqual(['accepted', 'duplicate', 'CONFLICT', 'VERSION_STALE']);
    expect(pushed.acks[3]?.currentVersion).toBe(2);
    expect(pushed.acks[3]?.message).toContain('lebih lama');

    const next = await t.get<Page<MasterRecord>>(`/v1/master-records?cursor=${first.json.nextCursor}`);
    expect(next.json.records.map((r) => [r.entity, r.id, r.version, r.data.interestRateBp])).toEqual([['levy', levyRecord().id, 2, 200]]);
    const empty = await t.get<Page<MasterRecord>>(`/v1/master-records?cursor=${next.json.nextCursor}`);
    expect(empty.json).toMatchObject({ records: [], hasMore: false, nextCursor: next.json.nextCursor });

    // a record a terminal creates is for its office only; a tombstone comes through the pull
    await t.push([{ kind: 'master', id: 'payer-x', entity: 'payer', version: 1, data: { name: 'Budi Santoso' } }]);
    const elsewhere = await enrolTerminal(sim.central, 'UPTD-LAIN', 'LKT01');
    const theirs = await elsewhere.get<Page<MasterRecord>>('/v1/master-records?limit=500');
    expect(theirs.json.records.some((r) => r.id === 'payer-x')).toBe(false);
    sim.central.upsertMaster([{ entity: 'payer', id: 'payer-x', deleted: true, data: {} }]);
    const tomb = await t.get<Page<MasterRecord>>(`/v1/master-records?cursor=${empty.json.nextCursor}`);
    expect(tomb.json.records.find((r) => r.id === 'payer-x')).toMatchObject({ version: 2, deleted: true });
    // restore the 1 % rule for the other tests
    sim.central.upsertMaster([levyRecord(100)]);
  });
});

describe('receipt verification', () => {
  it('says valid for a receipt signed with the enrolled key, invalid when tampered, and follows the pushed payment', async () => {
    const id = idpel(108);
    const b = billRecord({ idpel: id, period: '2026-03', dueDate: '2026-03-10' });
    const p = cashPayment(t1, { idpel: id, items: [{ billId: b.id, principal: 350_000 }], paidAt: '2026-03-14T05:00:00.000Z', receiptNo: 'LKT01-20260314-0200' });
    const verification = p.data.verification as string;
    const verify = (text: string) => http<ReceiptVerifyResponse>(sim.central.url, '/v1/receipts/verify', { body: { verification: text } });

    const offline = await verify(verification);
    expect(offline.json).toMatchObject({ valid: true, status: 'belum_tercatat', receipt: { receiptNo: 'LKT01-20260314-0200', terminalCode: 'LKT01', officeCode: 'UPTD-RUSUN', total: 350_000, idpel: id } });

    const [prefix, claim, sig] = verification.split('.') as [string, string, string];
    const forgedClaim = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claim, 'base64url').toString()), a: 35_000 })).toString('base64url');
    const tampered = await verify(`${prefix}.${forgedClaim}.${sig}`);
    expect(tampered.json).toMatchObject({ valid: false, status: 'tidak_sah' });
    expect(tampered.json.message).toContain('palsu');
    expect(tampered.json.receipt).toBeUndefined();
    expect((await verify('ERL1.bukan.kuitansi')).json.valid).toBe(false);
    const stranger = cashPayment({ signer: newSigner(), terminalCode: 'LKT01' }, { idpel: id, items: [{ billId: b.id, principal: 350_000 }], paidAt: T0, receiptNo: 'X-1' });
    expect((await verify(stranger.data.verification as string)).json.message).toContain('tidak terdaftar');

    await t1.push([b, p]);
    expect((await verify(verification)).json).toMatchObject({ valid: true, status: 'sah' });
    await t1.push([{ kind: 'void', id: uuidv7(), data: { paymentId: p.id, reason: 'uang palsu', requestedBy: 'user-loket1', approvedBy: 'user-kepala', voidedAt: '2026-03-14T05:30:00.000Z' } }]);
    expect((await verify(verification)).json).toMatchObject({ valid: false, status: 'dibatalkan' });
  });
});

describe('persistence', () => {
  it('keeps terminals, tokens, records and keys across a restart of the simulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'central-restart-'));
    try {
      const a = await startSim({ dir });
      const t = await enrolTerminal(a.central, 'UPTD-RUSUN', 'LKT01');
      const b = billRecord({ idpel: idpel(109), period: '2026-03', dueDate: '2026-03-10' });
      await t.push([b]);
      const keys = { admin: a.central.adminKey, gateway: a.central.gatewayKey };
      await a.dispose();
      const again = await startSim({ dir });
      try {
        expect({ admin: again.central.adminKey, gateway: again.central.gatewayKey }).toEqual(keys);
        const res = await http<{ acks: { status: string }[] }>(again.central.url, '/v1/push', { token: t.token, body: { records: [b] } });
        expect(res.json.acks[0]?.status).toBe('duplicate');
        expect(again.central.bank.inquiry(b.data.idpel).code).toBe('00');
      } finally {
        await again.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
