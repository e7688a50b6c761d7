// The gateway's host-to-host side against bills terminals pushed: inquiry (00/10/13, fines by
// amountDue), payment (exact amount, idempotent by NTB), reversal (same business day only),
// QRIS, double payments, the gateway-payment pull by cursor, and the settlement file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { amountDue, DEFAULT_INTEREST } from '../../../shared/fines';
import { businessDate } from '../../../shared/time';
import { crc16, parseTlv } from '../../../main/central/qris-payload';
import type {
  GatewayEvent,
  GatewayInquiryResponse,
  GatewayPaymentResponse,
  GatewayReversalResponse,
  Overpayment,
  Page,
  PushRecord,
  Qris,
} from '../../../shared/central-api/types';
import { billRecord, cashPayment, enrolTerminal, http, idpel, levyRecord, startSim, type Sim, type TestTerminal } from './helpers';

let sim: Sim;
let t1: TestTerminal;
let gw: <T>(path: string, body: unknown) => Promise<T>;

beforeAll(async () => {
  sim = await startSim();
  t1 = await enrolTerminal(sim.central, 'UPTD-RUSUN', 'LKT01');
  sim.central.upsertMaster([levyRecord(100)]);
  gw = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await http<T>(sim.central.url, path, { body, gatewayKey: sim.central.gatewayKey });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
    return res.json;
  };
});
afterAll(async () => {
  await sim.dispose();
});

const inquire = (id: string) => gw<GatewayInquiryResponse>('/gateway/inquiry', { idpel: id });
const pay = (id: string, amount: number, ntb: string) => gw<GatewayPaymentResponse>('/gateway/payment', { idpel: id, amount, ntb });
const reverse = (ntb: string) => gw<GatewayReversalResponse>('/gateway/reversal', { ntb, reason: 'permintaan nasabah' });

async function pushBills(id: string, periods: [string, string][], payerName?: string): Promise<Extract<PushRecord, { kind: 'bill' }>[]> {
  const bills = periods.map(([period, dueDate]) => billRecord({ idpel: id, period, dueDate, ...(payerName ? { payerName } : {}) }));
  const res = await t1.push(bills);
  expect(res.summary.accepted).toBe(bills.length);
  return bills;
}

async function pullAll(t: TestTerminal, limit: number, startCursor = ''): Promise<{ pages: GatewayEvent[][]; cursor: string }> {
  const pages: GatewayEvent[][] = [];
  let cursor = startCursor;
  for (let i = 0; i < 200; i++) {
    const res = await t.get<Page<GatewayEvent>>(`/v1/gateway-payments?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(res.json.records);
    cursor = res.json.nextCursor;
    if (!res.json.hasMore) break;
  }
  return { pages, cursor };
}

describe('inquiry', () => {
  it('answers 10 for an IDPEL the centre does not know (or a wrong check digit)', async () => {
    expect(await inquire(idpel(900))).toMatchObject({ code: '10', message: 'IDPEL tidak terdaftar' });
    expect((await inquire('03209100020009999')).code).toBe('10');
    expect((await inquire('abc')).code).toBe('10');
  });

  it('answers 00 with name, principal, fine and total — the fine priced by amountDue as of the WIB business date, with the levy rule', async () => {
    const id = idpel(201);
    const bills = await pushBills(id, [['2026-01', '2026-01-10'], ['2026-02', '2026-02-10'], ['2026-03', '2026-03-10']], 'Siti Rahayu');
    const today = businessDate(sim.central.now());
    expect(today).toBe('2026-03-14');
    const expected = bills.map((b) => amountDue({ principal: b.data.principal, dueDate: b.data.dueDate }, today, DEFAULT_INTEREST));
    expect(expected.map((e) => e.months)).toEqual([3, 2, 1]);
    const res = await inquire(id);
    expect(res).toMatchObject({
      code: '00',
      message: 'Sukses',
      idpel: id,
      name: 'Siti Rahayu',
      businessDate: '2026-03-14',
      principal: 1_050_000,
      fine: expected.reduce((s, e) => s + e.fine, 0),
      total: expected.reduce((s, e) => s + e.total, 0),
    });
    expect(res.fine).toBe(10_500 + 7_000 + 3_500);
    expect(res.bills?.map((b) => [b.billId, b.fineMonths, b.fine])).toEqual(bills.map((b, i) => [b.id, expected[i]?.months, expected[i]?.fine]));

    // the levy's own rule (2 % a month) is what the centre prices with
    sim.central.upsertMaster([levyRecord(200)]);
    expect((await inquire(id)).fine).toBe(2 * (10_500 + 7_000 + 3_500));
    sim.central.upsertMaster([levyRecord(100)]);

    // the WIB date, not the UTC one: 20.00 UTC on 9 April is 10 April 03.00 WIB
    sim.clock.set('2026-04-09T20:00:00.000Z');
    const april = await inquire(id);
    expect(april.businessDate).toBe('2026-04-10');
    expect(april.fine).toBe(bills.reduce((s, b) => s + amountDue({ principal: b.data.principal, dueDate: b.data.dueDate }, '2026-04-10', DEFAULT_INTEREST).fine, 0));
    sim.clock.set('2026-03-14T03:00:00.000Z');
  });

  it('needs the gateway key', async () => {
    const res = await http<{ error: { code: string; message: string } }>(sim.central.url, '/gateway/inquiry', { body: { idpel: idpel(201) } });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toContain('X-Gateway-Key');
    expect((await http(sim.central.url, '/gateway/inquiry', { body: { idpel: idpel(201) }, gatewayKey: 'salah' })).status).toBe(401);
    expect((await http(sim.central.url, '/gateway/inquiry', { body: { idpel: idpel(201) }, token: t1.token })).status).toBe(401);
  });
});

describe('payment by IDPEL', () => {
  it('takes the exact amount only, is idempotent by NTB, marks the bills paid (13) and makes a gateway payment terminals pull', async () => {
    const id = idpel(202);
    const bills = await pushBills(id, [['2026-02', '2026-02-10'], ['2026-03', '2026-03-10']]);
    const due = await inquire(id);
    const total = due.total as number;
    const before = (sim.central.db.get<{ n: number }>('SELECT count(*) AS n FROM gateway_payments') as { n: number }).n;

    const wrong = await pay(id, total - 1, 'NTB202A');
    expect(wrong).toMatchObject({ code: '14', expectedAmount: total, amount: total - 1 });
    expect(wrong.message).toContain('tidak sesuai');
    const ok = await pay(id, total, 'NTB202B');
    expect(ok).toMatchObject({ code: '00', ntb: 'NTB202B', idpel: id, amount: total, businessDate: '2026-03-14' });
    expect(ok.ntpd).toMatch(/^NTPD-20260314-\d{6}$/);
    expect(ok.items?.map((i) => i.billId)).toEqual(bills.map((b) => b.id));
    expect(ok.duplicate).toBeUndefined();

    const again = await pay(id, total, 'NTB202B');
    expect(again).toMatchObject({ code: '00', ntpd: ok.ntpd, paymentId: ok.paymentId, duplicate: true });
    expect((await pay(id, total + 5, 'NTB202B')).code).toBe('94');
    expect((sim.central.db.get<{ n: number }>('SELECT count(*) AS n FROM gateway_payments') as { n: number }).n).toBe(before + 1);

    expect(await inquire(id)).toMatchObject({ code: '13', message: 'Tagihan sudah dibayar' });
    expect((await pay(id, total, 'NTB202C')).code).toBe('13');

    const { pages } = await pullAll(t1, 100);
    const events = pages.flat().filter((e) => e.ntb === 'NTB202B');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'payment', id: ok.paymentId, ntpd: ok.ntpd, channel: 'bank', idpel: id, amount: total, qrisId: null });
    expect(events[0]?.items.map((i) => i.billId)).toEqual(bills.map((b) => b.id));
  });

  it('treats a counter payment pushed later for a gateway-paid bill as a double payment (overpayment), and a mirror of the gateway payment as none', async () => {
    const id = idpel(203);
    const [bill] = (await pushBills(id, [['2026-03', '2026-03-20']])) as [Extract<PushRecord, { kind: 'bill' }>];
    const ok = await pay(id, 350_000, 'NTB203');
    const cash = cashPayment(t1, { idpel: id, items: [{ billId: bill.id, principal: 350_000 }], paidAt: '2026-03-14T06:00:00.000Z', receiptNo: 'LKT01-20260314-0300' });
    const mirror: PushRecord = {
      kind: 'payment',
      id: uuidv7(),
      data: { ...cash.data, receiptNo: 'LKT01-20260314-0301', channel: 'gateway', ntb: 'NTB203', tendered: null, changeGiven: null, verification: null, items: cash.data.items.map((i) => ({ ...i, id: uuidv7() })) },
    };
    const res = await t1.push([mirror, cash]);
    expect(res.acks[0]).toEqual({ kind: 'payment', id: mirror.id, status: 'accepted' });
    expect(res.acks[1]?.status).toBe('accepted');
    expect(res.acks[1]?.notices).toEqual([expect.objectContaining({ code: 'DOUBLE_PAYMENT', billId: bill.id, amount: 350_000 })]);
    expect(res.acks[1]?.notices?.[0]?.message).toContain('kelebihan bayar');
    const list = await http<{ overpayments: Overpayment[] }>(sim.central.url, '/admin/overpayments', { adminKey: sim.central.adminKey });
    expect(list.json.overpayments.filter((o) => o.billId === bill.id)).toEqual([
      expect.objectContaining({ paymentId: cash.id, otherKind: 'gateway', otherRef: 'NTB203', amount: 350_000, officeCode: 'UPTD-RUSUN' }),
    ]);
    expect(ok.code).toBe('00');
  });

  it('sees counter payments: a bill paid at the counter inquires 13; its void opens it again', async () => {
    const id = idpel(204);
    const [bill] = (await pushBills(id, [['2026-03', '2026-03-20']])) as [Extract<PushRecord, { kind: 'bill' }>];
    const cash = cashPayment(t1, { idpel: id, items: [{ billId: bill.id, principal: 350_000 }], paidAt: '2026-03-14T06:30:00.000Z', receiptNo: 'LKT01-20260314-0400' });
    await t1.push([cash]);
    expect((await inquire(id)).code).toBe('13');
    await t1.push([{ kind: 'void', id: uuidv7(), data: { paymentId: cash.id, reason: 'salah', requestedBy: 'u1', approvedBy: 'u2', voidedAt: '2026-03-14T06:40:00.000Z' } }]);
    expect((await inquire(id)).code).toBe('00');
  });
});

describe('reversal', () => {
  it('reverses the same business day, reopens the bills, is idempotent, and the terminal pulls a reversal record', async () => {
    const id = idpel(205);
    await pushBills(id, [['2026-03', '2026-03-20']]);
    const { cursor } = await pullAll(t1, 500);
    const paid = await pay(id, 350_000, 'NTB205');
    expect((await inquire(id)).code).toBe('13');
    sim.clock.advance(8 * 3600_000); // 18.00 WIB, still 14 March
    const rev = await reverse('NTB205');
    expect(rev).toMatchObject({ code: '00', ntb: 'NTB205', businessDate: '2026-03-14' });
    expect(await inquire(id)).toMatchObject({ code: '00', total: 350_000 });
    expect(await reverse('NTB205')).toMatchObject({ code: '00', duplicate: true, reversedAt: rev.reversedAt });
    const { pages } = await pullAll(t1, 500, cursor);
    const fresh = pages.flat();
    expect(fresh.map((e) => [e.type, e.ntb])).toEqual([['payment', 'NTB205'], ['reversal', 'NTB205']]);
    const reversal = fresh[1] as Extract<GatewayEvent, { type: 'reversal' }>;
    expect(reversal).toMatchObject({ paymentId: paid.paymentId, amount: 350_000, reason: 'permintaan nasabah', idpel: id });
    sim.clock.set('2026-03-14T03:00:00.000Z');
  });

  it('refuses a reversal on another business day (16) and an unknown NTB (15)', async () => {
    const id = idpel(206);
    await pushBills(id, [['2026-03', '2026-03-20']]);
    expect((await pay(id, 350_000, 'NTB206')).code).toBe('00');
    sim.clock.set('2026-03-14T17:00:00.000Z'); // 00.00 WIB on 15 March
    const refused = await reverse('NTB206');
    expect(refused.code).toBe('16');
    expect(refused.message).toContain('hari buku yang sama');
    expect((await inquire(id)).code).toBe('13');
    expect((await reverse('NTB-TIDAK-ADA')).code).toBe('15');
    sim.clock.set('2026-03-14T03:00:00.000Z');
  });
});

describe('QRIS', () => {
  it('creates a dynamic QRIS for one bill, pays it through the gateway and reports its status', async () => {
    const id = idpel(207);
    const [bill] = (await pushBills(id, [['2026-02', '2026-02-10']])) as [Extract<PushRecord, { kind: 'bill' }>];
    const created = await t1.post<Qris>('/v1/qris', { billId: bill.id });
    expect(created.status).toBe(201);
    const due = amountDue({ principal: 350_000, dueDate: '2026-02-10' }, '2026-03-14', DEFAULT_INTEREST);
    expect(created.json).toMatchObject({ billId: bill.id, idpel: id, amount: due.total, fine: due.fine, status: 'pending', paidAt: null, ntb: null });
    expect(new Date(created.json.expiresAt).getTime() - new Date(created.json.createdAt).getTime()).toBe(15 * 60_000);
    const tags = new Map(parseTlv(created.json.payload));
    expect(tags.get('01')).toBe('12');
    expect(tags.get('53')).toBe('360');
    expect(tags.get('54')).toBe(String(due.total));
    expect(new Map(parseTlv(tags.get('62') ?? '')).get('05')).toBe(created.json.qrisId);
    expect(created.json.payload.slice(-4)).toBe(crc16(created.json.payload.slice(0, -4)));

    const same = await t1.post<Qris>('/v1/qris', { billId: bill.id });
    expect(same.status).toBe(200);
    expect(same.json.qrisId).toBe(created.json.qrisId);

    const qrisPay = (amount: number, ntb: string) => gw<GatewayPaymentResponse>('/gateway/qris-payment', { qrisId: created.json.qrisId, amount, ntb });
    expect((await qrisPay(due.total - 1, 'QNTB1')).code).toBe('14');
    const paid = await qrisPay(due.total, 'QNTB2');
    expect(paid).toMatchObject({ code: '00', qrisId: created.json.qrisId, amount: due.total });
    expect((await qrisPay(due.total, 'QNTB2')).duplicate).toBe(true);
    expect((await qrisPay(due.total, 'QNTB3')).code).toBe('13');
    const status = await t1.get<Qris>(`/v1/qris/${created.json.qrisId}`);
    expect(status.json).toMatchObject({ status: 'paid', ntb: 'QNTB2' });
    expect((await inquire(id)).code).toBe('13');
    const events = (await pullAll(t1, 500)).pages.flat().filter((e) => e.ntb === 'QNTB2');
    expect(events).toEqual([expect.objectContaining({ type: 'payment', channel: 'qris', qrisId: created.json.qrisId, amount: due.total })]);

    await reverse('QNTB2');
    expect((await t1.get<Qris>(`/v1/qris/${created.json.qrisId}`)).json.status).toBe('reversed');
  });

  it('expires a QRIS after its time (17), refuses unknown and closed bills, and hides other offices\' QRIS', async () => {
    const id = idpel(208);
    const [bill] = (await pushBills(id, [['2026-03', '2026-03-20']])) as [Extract<PushRecord, { kind: 'bill' }>];
    const q = await t1.post<Qris>('/v1/qris', { billId: bill.id });
    sim.clock.advance(16 * 60_000);
    expect((await t1.get<Qris>(`/v1/qris/${q.json.qrisId}`)).json.status).toBe('expired');
    expect((await gw<GatewayPaymentResponse>('/gateway/qris-payment', { qrisId: q.json.qrisId, amount: q.json.amount, ntb: 'QNTB-EXP' })).code).toBe('17');
    const fresh = await t1.post<Qris>('/v1/qris', { billId: bill.id });
    expect(fresh.status).toBe(201);
    expect(fresh.json.qrisId).not.toBe(q.json.qrisId);
    sim.clock.set('2026-03-14T03:00:00.000Z');

    const unknown = await t1.post<{ error: { code: string; message: string } }>('/v1/qris', { billId: uuidv7() });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('BILL_NOT_FOUND');
    await pay(id, 350_000, 'NTB208');
    const closed = await t1.post<{ error: { code: string } }>('/v1/qris', { billId: bill.id });
    expect(closed.status).toBe(409);
    expect(closed.json.error.code).toBe('BILL_NOT_OPEN');
    const stranger = await enrolTerminal(sim.central, 'UPTD-PASAR', 'LKT08');
    expect((await stranger.get(`/v1/qris/${q.json.qrisId}`)).status).toBe(404);
    expect((await gw<GatewayPaymentResponse>('/gateway/qris-payment', { qrisId: 'QR-TIDAK-ADA', amount: 1, ntb: 'QNTB-X' })).code).toBe('15');
  });
});

describe('gateway payment pull', () => {
  it('pages by cursor without duplicates; with the duplicate and reorder faults the client still gets every record once by id', async () => {
    const t = await enrolTerminal(sim.central, 'UPTD-PULL', 'LKT01');
    const ntbs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = idpel(300 + i);
      await t.push([billRecord({ idpel: id, period: '2026-03', dueDate: '2026-03-20' })]);
      const ntb = `NTB-PULL-${i}`;
      expect((await pay(id, 350_000, ntb)).code).toBe('00');
      ntbs.push(ntb);
    }
    await reverse('NTB-PULL-3');

    const clean = await pullAll(t, 5);
    expect(clean.pages.map((p) => p.length)).toEqual([5, 5, 3]);
    const ids = clean.pages.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(clean.pages.flat().filter((e) => e.type === 'payment').map((e) => e.ntb)).toEqual(ntbs);

    sim.central.setFaults({ seed: 7, duplicateRate: 1, reorder: true });
    try {
      const faulty = await pullAll(t, 5);
      const all = faulty.pages.flat();
      expect(all.length).toBeGreaterThan(13);
      const byId = new Map(all.map((e) => [e.id, e]));
      expect([...byId.keys()].sort()).toEqual([...ids].sort());
      const orderChanged = faulty.pages.some((page, i) => page.slice(0, 5).map((e) => e.id).join() !== clean.pages[i]?.map((e) => e.id).join());
      expect(orderChanged).toBe(true);
      const stats = sim.central.getFaults().stats;
      expect(stats.duplicate).toBeGreaterThan(0);
      expect(stats.reorder).toBeGreaterThan(0);
      expect(faulty.cursor).toBe(clean.cursor);
    } finally {
      sim.central.setFaults({});
    }
  });
});

describe('settlement', () => {
  it('lists the day\'s gateway payments with their status and the totals of the successful ones (RFC 4180)', async () => {
    const t = await enrolTerminal(sim.central, 'UPTD-SETTLE', 'LKT01');
    sim.clock.set('2026-03-16T02:00:00.000Z');
    const a = idpel(401);
    const b = idpel(402);
    await t.push([billRecord({ idpel: a, period: '2026-03', dueDate: '2026-03-20', payerName: 'Siti "Ani", S.Pd' }), billRecord({ idpel: b, period: '2026-03', dueDate: '2026-03-20', rent: 100_000, water: 20_000 })]);
    await pay(a, 350_000, 'NTB-S1');
    await pay(b, 120_000, 'NTB-S2');
    await reverse('NTB-S2');
    sim.clock.set('2026-03-17T02:00:00.000Z');
    const c = idpel(403);
    await t.push([billRecord({ idpel: c, period: '2026-03', dueDate: '2026-03-20' })]);
    await pay(c, 350_000, 'NTB-S3');

    const res = await http(sim.central.url, '/admin/bank/settlement?date=2026-03-16', { adminKey: sim.central.adminKey });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('tanggal_buku,waktu_bayar,ntb,ntpd,kanal,idpel,nama,id_tagihan,pokok,denda,jumlah,status,waktu_batal');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -1);
    expect(body).toHaveLength(3);
    expect(body[0]).toContain(`,NTB-S1,`);
    expect(body[0]).toContain(`,bank,${a},"Siti ""Ani"", S.Pd",`);
    expect(body[0]).toMatch(/,350000,0,350000,SUKSES,$/);
    expect(body[1]).toMatch(/,NTB-S2,.*,120000,0,120000,DIBATALKAN,2026-03-16T02:00:00.000Z$/);
    expect(body[2]).toBe('TOTAL,,1,,,,,,350000,0,350000,,');
    expect(res.text).not.toContain('NTB-S3');

    const office = await t.get('/v1/settlement/2026-03-17');
    expect(office.text.split('\r\n').filter((l) => l.includes('NTB-S3'))).toHaveLength(1);
    const elsewhere = await t1.get('/v1/settlement/2026-03-17');
    expect(elsewhere.text).not.toContain('NTB-S3');
    expect(sim.central.bank.settlementCsv('2026-03-17')).toContain('NTB-S3');
    sim.clock.set('2026-03-14T03:00:00.000Z');
  });
});
