import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';
import { terbilangRupiah } from '../../../shared/terbilang';
import { checkProof } from '../../../main/counter/app';
import { openBillCondition } from '../../../main/billing/status';

let b: TestBackend;
let clerk: string;
let kepala: string;
let admin: string;
beforeAll(async () => {
  b = await makeTestBackend();
  clerk = await b.login('loket1');
  kepala = await b.login('kepala');
  admin = await b.login('admin');
});
afterAll(() => b.dispose());
const db = () => b.services.store;

/** an IDPEL of a tenant with at least `n` overdue open bills */
function tenantWithArrears(n: number, skip = 0): string {
  const row = db().get<{ idpel: string }>(
    `SELECT b.idpel FROM bills b WHERE b.object_type = 'rusun_contract' AND b.due_date < '2026-12-04'
        AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id)
      GROUP BY b.idpel HAVING count(*) >= ? ORDER BY b.idpel LIMIT 1 OFFSET ?`,
    [n, skip],
  );
  if (!row) throw new Error('no tenant with arrears');
  return row.idpel;
}

const taken = new Set<string>();
/** an IDPEL of a billed object of `type` with at least `n` open bills, not handed out before */
function objectWithOpenBills(type: 'rusun_contract' | 'stall_permit' | 'lab_order', n: number): string {
  const rows = db().all<{ idpel: string }>(
    `SELECT b.idpel FROM bills b WHERE b.object_type = ? AND ${openBillCondition('b')} GROUP BY b.idpel HAVING count(*) >= ? ORDER BY b.idpel`,
    [type, n],
  );
  const idpel = rows.map((r) => r.idpel).find((x) => !taken.has(x));
  if (!idpel) throw new Error(`no ${type} with ${n} open bills left`);
  taken.add(idpel);
  return idpel;
}

describe('cash payment', () => {
  it('needs an open shift', async () => {
    const idpel = tenantWithArrears(2);
    const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
    const err = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [inquiry.bills[0]?.billId], tendered: 10_000_000 }, clerk);
    expect(err).toMatchObject({ code: 'SHIFT_REQUIRED', message: 'Buka shift dulu sebelum menerima pembayaran.' });
  });

  it('pays the two oldest months with their fines in one transaction, frozen on the payment', async () => {
    const shift = await b.ok('shift.open', { openingCash: 200_000 }, clerk);
    expect(shift.expectedCash).toBe(200_000);
    expect((await b.err('shift.open', { openingCash: 0 }, clerk)).code).toBe('SHIFT_ALREADY_OPEN');
    const idpel = tenantWithArrears(2);
    const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
    const [first, second] = inquiry.bills;
    if (!first || !second) throw new Error('two bills expected');
    expect(first.fine).toBeGreaterThan(0);
    const seq = db().lastSeq;
    const receipt = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [first.billId, second.billId], tendered: 1_000_000 }, clerk);
    expect(db().lastSeq).toBe(seq + 1);
    expect(receipt.receiptNo).toMatch(/^LKT01-20261204-\d{4}$/);
    expect(receipt.total).toBe(first.total + second.total);
    expect(receipt.fine).toBe(first.fine + second.fine);
    expect(receipt.items.map((i) => [i.principal, i.fine, i.fineMonths])).toEqual([
      [first.principal, first.fine, first.fineMonths],
      [second.principal, second.fine, second.fineMonths],
    ]);
    expect(receipt.change).toBe(1_000_000 - receipt.total);
    expect(receipt.totalWords).toBe(terbilangRupiah(receipt.total, 'sentence'));
    expect(receipt.status).toBe('sah');
    const verified = await b.ok('receipt.verify', { verification: receipt.verification }, clerk);
    expect(verified).toMatchObject({ valid: true, receiptNo: receipt.receiptNo, total: receipt.total });
    const [head, body, sig] = receipt.verification.split('.');
    const forged = JSON.parse(Buffer.from(body ?? '', 'base64url').toString());
    forged.a = 1;
    const forgedText = `${head}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    expect((await b.ok('receipt.verify', { verification: forgedText }, clerk)).valid).toBe(false);
    // a month later the receipt still shows the fine charged then
    b.clock.advance(40 * 86_400_000);
    const later = await b.login('kepala');
    const again = await b.ok('receipt.get', { paymentId: receipt.paymentId }, later);
    expect(again.fine).toBe(receipt.fine);
    b.clock.set('2026-12-04T03:00:00.000Z');
    const after = await b.ok('shift.current', {}, clerk);
    expect(after?.expectedCash).toBe(200_000 + receipt.total);
  });

  it('refuses a bill already paid, naming the first receipt', async () => {
    const paid = db().get<{ bill_id: string; receipt_no: string; idpel: string; period: string }>(
      "SELECT i.bill_id, p.receipt_no, b.idpel, b.period FROM payment_items i JOIN payments p ON p.id = i.payment_id JOIN bills b ON b.id = i.bill_id WHERE p.receipt_no LIKE 'LKT01-20261204-%' AND p.shift_id IS NOT NULL LIMIT 1",
    );
    const err = await b.err('payment.cash', { requestId: randomUUID(), idpel: paid?.idpel, billIds: [paid?.bill_id], tendered: 5_000_000 }, clerk);
    expect(err.code).toBe('ALREADY_PAID');
    expect(err.message).toContain(paid?.receipt_no);
  });

  it('takes the oldest month first unless the setting allows skipping', async () => {
    const idpel = tenantWithArrears(2, 1);
    const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
    const newer = inquiry.bills[1];
    const err = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [newer?.billId], tendered: 5_000_000 }, clerk);
    expect(err.code).toBe('SKIP_OLDER');
    expect(err.message).toContain(inquiry.bills[0]?.period);
  });

  it('refuses too little cash and changes nothing; a retried request pays once', async () => {
    const idpel = tenantWithArrears(1, 2);
    const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
    const bill = inquiry.bills[0];
    const seq = db().lastSeq;
    const short = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId], tendered: (bill?.total ?? 0) - 1 }, clerk);
    expect(short.code).toBe('INSUFFICIENT_CASH');
    expect(db().lastSeq).toBe(seq);
    const requestId = randomUUID();
    const r1 = await b.ok('payment.cash', { requestId, idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk);
    const r2 = await b.ok('payment.cash', { requestId, idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk);
    expect(r2.receiptNo).toBe(r1.receiptNo);
    expect(r1.change).toBe(0);
    expect(db().get<{ n: number }>('SELECT count(*) AS n FROM payment_items WHERE bill_id = ?', [bill?.billId ?? ''])?.n).toBe(1);
  });

  it('records prints: the second and later are copies', async () => {
    const recent = await b.ok('payment.recent', { mineOnly: true }, clerk);
    const id = recent.rows[0]?.paymentId ?? '';
    expect(await b.ok('receipt.printed', { paymentId: id, paper: '80mm' }, clerk)).toEqual({ copyNo: 1, isCopy: false });
    expect(await b.ok('receipt.printed', { paymentId: id, paper: 'a4' }, clerk)).toEqual({ copyNo: 2, isCopy: true });
    expect((await b.ok('receipt.get', { paymentId: id }, clerk)).printCount).toBe(2);
  });
});

describe('void', () => {
  it('is requested with a reason, approved by a kepala who did not ask; the bill reopens and both records stay', async () => {
    const idpel = tenantWithArrears(1, 3);
    const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
    const bill = inquiry.bills[0];
    const receipt = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], tendered: bill?.total ?? 0 }, clerk);
    expect((await b.err('void.request', { paymentId: receipt.paymentId, reason: 'salah' }, clerk)).code).toBe('INVALID_INPUT');
    const req = await b.ok('void.request', { paymentId: receipt.paymentId, reason: 'Salah pilih IDPEL penghuni' }, clerk);
    expect((await b.err('void.request', { paymentId: receipt.paymentId, reason: 'Salah pilih IDPEL penghuni' }, clerk)).code).toBe('VOID_NOT_ALLOWED');
    expect((await b.err('void.decide', { requestId: req.id, decision: 'setuju' }, clerk)).code).toBe('FORBIDDEN');
    expect((await b.ok('void.list', { pendingOnly: true }, kepala)).map((r) => r.id)).toContain(req.id);
    const decided = await b.ok('void.decide', { requestId: req.id, decision: 'setuju', note: 'Disetujui' }, kepala);
    expect(decided.decision?.decision).toBe('setuju');
    const reopened = await b.ok('inquiry.idpel', { idpel }, clerk);
    expect(reopened.bills.map((x) => x.billId)).toContain(bill?.billId);
    const voided = await b.ok('receipt.get', { paymentId: receipt.paymentId }, clerk);
    expect(voided).toMatchObject({ receiptNo: receipt.receiptNo, total: receipt.total, status: 'dibatalkan' });
    expect(voided.void?.approvedBy).toBe('Drs. Bambang Sutrisno');
    const report = await b.ok('report.daily', { date: '2026-12-04' }, kepala);
    expect(report.voids.map((v) => v.receiptNo)).toContain(receipt.receiptNo);
    expect(report.payments.find((p) => p.receiptNo === receipt.receiptNo)?.voided).toBe(true);
    expect((await b.ok('shift.current', {}, clerk))?.expectedCash).toBe(
      200_000 + (db().get<{ s: number }>("SELECT sum(total) AS s FROM payments p WHERE p.shift_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payment_voids v WHERE v.payment_id = p.id) AND channel = 'tunai'")?.s ?? 0),
    );
  });
});

describe('transfer with proof', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64');
  it('checks type, content and size', () => {
    expect(checkProof('image/gif', png, 1000)).toMatch(/JPG, PNG atau PDF/);
    expect(checkProof('application/pdf', png, 1000)).toMatch(/bukan application\/pdf/);
    expect(checkProof('image/png', png, 10)).toMatch(/melebihi batas/);
    expect(checkProof('image/png', '@@@', 1000)).toMatch(/rusak/);
    expect(checkProof('image/png', png, 1000)).toBeInstanceOf(Buffer);
  });

  it('counts as paid only after an admin verifies it; a rejected one reopens the bill', async () => {
    const idpel = tenantWithArrears(1, 4);
    const bill = (await b.ok('inquiry.idpel', { idpel }, clerk)).bills[0];
    const bad = await b.err('payment.transfer', { requestId: randomUUID(), idpel, billIds: [bill?.billId], bankReference: 'TRF123456', proof: { fileName: 'bukti.exe', mime: 'application/x-msdownload', base64: png } }, clerk);
    expect(bad.code).toBe('PROOF_INVALID');
    const receipt = await b.ok('payment.transfer', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], bankReference: 'TRF123456', proof: { fileName: 'bukti.png', mime: 'image/png', base64: png } }, clerk);
    expect(receipt.status).toBe('menunggu_verifikasi');
    expect(receipt.bankReference).toBe('TRF123456');
    expect(receipt).toEqual(await b.ok('receipt.get', { paymentId: receipt.paymentId }, clerk));
    const cash = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId], tendered: 9_999_999 }, clerk);
    expect(cash.code).toBe('PENDING_TRANSFER');
    expect((await b.ok('transfer.list', { pendingOnly: true }, admin)).map((t) => t.paymentId)).toContain(receipt.paymentId);
    expect((await b.ok('transfer.proof', { paymentId: receipt.paymentId }, admin)).base64).toBe(png);
    expect((await b.err('transfer.verify', { paymentId: receipt.paymentId, decision: 'terima' }, clerk)).code).toBe('FORBIDDEN');
    expect((await b.err('transfer.verify', { paymentId: receipt.paymentId, decision: 'tolak' }, admin)).code).toBe('INVALID_INPUT');
    await b.ok('transfer.verify', { paymentId: receipt.paymentId, decision: 'tolak', note: 'Nominal di bukti tidak sesuai' }, admin);
    expect((await b.ok('receipt.get', { paymentId: receipt.paymentId }, clerk)).status).toBe('ditolak');
    expect((await b.ok('inquiry.idpel', { idpel }, clerk)).bills.map((x) => x.billId)).toContain(bill?.billId);
    const second = await b.ok('payment.transfer', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], bankReference: 'TRF999999', proof: { fileName: 'bukti2.png', mime: 'image/png', base64: png } }, clerk);
    await b.ok('transfer.verify', { paymentId: second.paymentId, decision: 'terima' }, admin);
    expect((await b.ok('receipt.get', { paymentId: second.paymentId }, clerk)).status).toBe('sah');
    expect((await b.ok('inquiry.idpel', { idpel }, clerk)).bills.map((x) => x.billId)).not.toContain(bill?.billId);
  });
});

describe('closing and deposit', () => {
  it('needs the kepala for a difference above the limit, then the deposit empties the cash on hand', async () => {
    const shift = await b.ok('shift.current', {}, clerk);
    if (!shift) throw new Error('no shift');
    const expected = shift.expectedCash;
    // count the expected cash minus Rp 50.000: a shortage above the Rp 10.000 limit
    const short = Math.floor((expected - 50_000) / 100) * 100;
    const notes = Math.floor(short / 100_000);
    const rest = short - notes * 100_000;
    const denominations: Record<string, number> = { '100000': notes, '100': rest / 100 };
    const need = await b.err('shift.close', { shiftId: shift.id, denominations }, clerk);
    expect(need.code).toBe('APPROVAL_REQUIRED');
    expect(need.message).toContain(`-Rp ${(expected - short).toLocaleString('id-ID')}`);
    const wrong = await b.err('shift.close', { shiftId: shift.id, denominations, approval: { username: 'kepala', password: 'salah' } }, clerk);
    expect(wrong.code).toBe('APPROVAL_INVALID');
    const notKepala = await b.err('shift.close', { shiftId: shift.id, denominations, approval: { username: 'admin', password: 'Retribusi2026' } }, clerk);
    expect(notKepala.message).toMatch(/hanya kepala UPTD/);
    expect((await b.err('shift.close', { shiftId: shift.id, denominations: { '75000': 1 } }, clerk)).code).toBe('INVALID_INPUT');
    const report = await b.ok('shift.close', { shiftId: shift.id, denominations, note: 'Selisih dicatat', approval: { username: 'kepala', password: 'Retribusi2026' } }, clerk);
    expect(report).toMatchObject({ countedCash: short, difference: short - expected, approvedBy: 'Drs. Bambang Sutrisno' });
    expect(report.voids.length).toBe(1);
    expect(report.receiptCount).toBeGreaterThanOrEqual(4);
    expect(report.byLevy.reduce((s, l) => s + l.total, 0)).toBe(report.byChannel.reduce((s, c) => s + c.total, 0));
    expect((await b.err('shift.close', { shiftId: shift.id, denominations }, clerk)).code).toBe('SHIFT_CLOSED');
    const status = await b.ok('deposit.status', {}, clerk);
    expect(status.cashOnHand).toBe(short - 200_000);
    const after = await b.ok('deposit.create', { bankReference: 'BJTG-STS-001' }, clerk);
    expect(after.cashOnHand).toBe(0);
    expect(after.deposits[0]).toMatchObject({ amount: short - 200_000, bankReference: 'BJTG-STS-001' });
    expect((await b.err('deposit.create', { bankReference: 'BJTG-STS-002' }, clerk)).code).toBe('NOTHING_TO_DEPOSIT');
  });

  it('a shift left open past midnight must be closed before taking payments', async () => {
    await b.ok('shift.open', { openingCash: 100_000 }, clerk);
    b.clock.set('2026-12-05T02:00:00.000Z');
    const fresh = await b.login('loket1');
    const current = await b.ok('shift.current', {}, fresh);
    expect(current?.isStale).toBe(true);
    const idpel = tenantWithArrears(1, 5);
    const bill = (await b.ok('inquiry.idpel', { idpel }, fresh)).bills[0];
    const err = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId], tendered: 9_999_999 }, fresh);
    expect(err).toMatchObject({ code: 'SHIFT_STALE' });
    expect(err.message).toContain('2026-12-04');
    await b.ok('shift.close', { shiftId: current?.id ?? '', denominations: { '100000': 1 } }, fresh);
    // closed is closed: no payment goes into it (the counter remembers the open shift it found)
    expect((await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId], tendered: 9_999_999 }, fresh)).code).toBe('SHIFT_REQUIRED');
    await b.ok('shift.open', { openingCash: 100_000 }, fresh);
    const receipt = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [bill?.billId ?? ''], tendered: 9_999_999 }, fresh);
    expect(receipt.receiptNo).toMatch(/^LKT01-20261205-0001$/);
  });
});

describe('daily report', () => {
  it('adds up per clerk, per levy and per channel to the day total', async () => {
    kepala = await b.login('kepala');
    const report = await b.ok('report.daily', { date: '2026-12-04' }, kepala);
    const sum = (xs: { total: number }[]) => xs.reduce((s, x) => s + x.total, 0);
    expect(sum(report.byClerk)).toBe(report.total);
    expect(sum(report.byLevy)).toBe(report.total);
    expect(sum(report.byChannel)).toBe(report.total);
    expect(report.count).toBe(report.payments.filter((p) => !p.voided).length);
    expect(report.voidedTotal).toBeGreaterThan(0);
  });
});

describe('the bills a payment may take, and the receipt it returns', () => {
  beforeAll(async () => {
    // the day after (the tests above moved the clock); loket1 has that day's shift open
    clerk = await b.login('loket1');
    kepala = await b.login('kepala');
    admin = await b.login('admin');
    expect((await b.ok('shift.current', {}, clerk))?.isStale).toBe(false);
  });

  it('returns the very receipt that is stored, for a tenant, a stall and a lab order', async () => {
    for (const [type, n] of [['rusun_contract', 2], ['stall_permit', 2], ['lab_order', 1]] as const) {
      const idpel = objectWithOpenBills(type, n);
      const inquiry = await b.ok('inquiry.idpel', { idpel }, clerk);
      const chosen = inquiry.bills.slice(0, n).map((x) => x.billId);
      // chosen in any order: the receipt lists them oldest first, as the inquiry did
      const receipt = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [...chosen].reverse(), tendered: 50_000_000 }, clerk);
      expect(receipt.items.map((i) => i.billId)).toEqual(chosen);
      expect(receipt.items.map((i) => i.amount)).toEqual(inquiry.bills.slice(0, n).map((x) => x.total));
      expect(receipt.items.map((i) => i.lines)).toEqual(inquiry.bills.slice(0, n).map((x) => x.lines));
      expect(receipt.objectLabel).toBe(inquiry.objectLabel);
      expect(receipt).toEqual(await b.ok('receipt.get', { paymentId: receipt.paymentId }, clerk));
    }
  });

  it('refuses a gap in the months — names the month left out — and a bill of another IDPEL; changes nothing', async () => {
    const idpel = objectWithOpenBills('stall_permit', 3);
    const other = objectWithOpenBills('rusun_contract', 1);
    const [m1, m2, m3] = (await b.ok('inquiry.idpel', { idpel }, clerk)).bills;
    const otherBill = (await b.ok('inquiry.idpel', { idpel: other }, clerk)).bills[0];
    const seq = db().lastSeq;
    const gap = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [m1?.billId, m3?.billId], tendered: 50_000_000 }, clerk);
    expect(gap.code).toBe('SKIP_OLDER');
    expect(gap.message).toContain(m2?.period);
    const foreign = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [m1?.billId, otherBill?.billId], tendered: 50_000_000 }, clerk);
    expect(foreign.code).toBe('NOT_FOUND');
    const unknown = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [randomUUID()], tendered: 50_000_000 }, clerk);
    expect(unknown.code).toBe('NOT_FOUND');
    const twice = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [m1?.billId, m1?.billId], tendered: 50_000_000 }, clerk);
    expect(twice.code).toBe('INVALID_INPUT');
    expect(db().lastSeq).toBe(seq);
  });

  it("a voided payment's months are open again and must be paid first; with skipping allowed a newer month goes alone", async () => {
    const idpel = objectWithOpenBills('rusun_contract', 2);
    const [m1, m2] = (await b.ok('inquiry.idpel', { idpel }, clerk)).bills;
    const paid = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [m1?.billId ?? ''], tendered: 50_000_000 }, clerk);
    const request = await b.ok('void.request', { paymentId: paid.paymentId, reason: 'Salah pilih bulan' }, clerk);
    await b.ok('void.decide', { requestId: request.id, decision: 'setuju' }, kepala);
    const skip = await b.err('payment.cash', { requestId: randomUUID(), idpel, billIds: [m2?.billId], tendered: 50_000_000 }, clerk);
    expect(skip.code).toBe('SKIP_OLDER');
    expect(skip.message).toContain(m1?.period);
    const settings = await b.ok('settings.counter', {}, clerk);
    await b.ok('settings.counter.save', { ...settings, allowSkipOlderBills: true }, admin);
    try {
      const newer = await b.ok('payment.cash', { requestId: randomUUID(), idpel, billIds: [m2?.billId ?? ''], tendered: 50_000_000 }, clerk);
      expect(newer.items.map((i) => i.billId)).toEqual([m2?.billId]);
      expect(newer).toEqual(await b.ok('receipt.get', { paymentId: newer.paymentId }, clerk));
    } finally {
      await b.ok('settings.counter.save', settings, admin);
    }
    expect((await b.ok('inquiry.idpel', { idpel }, clerk)).bills[0]?.billId).toBe(m1?.billId);
  });
});
