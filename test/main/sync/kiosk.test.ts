// The kiosk pays by QRIS: the centre makes a dynamic QRIS for the oldest open bill, the bank
// pays it, and the kiosk's status check pulls the payment back so the bill closes here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../main/central/server';
import { makeTestBackend, type TestBackend } from '../../helpers/backend';

let central: RunningCentral;
let dir: string;
let b: TestBackend;
beforeAll(async () => {
  b = await makeTestBackend();
  dir = mkdtempSync(join(tmpdir(), 'central-kiosk-'));
  central = await startCentral({ port: 0, dataDir: dir, now: b.clock.now, enrolmentCodes: [{ code: 'DEMO-2026', maxUses: 10, validDays: 3650 }] });
}, 120_000);
afterAll(async () => {
  await b?.dispose();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk QRIS', () => {
  it('is refused before the terminal is enrolled', async () => {
    const kiosk = await b.login('kios1');
    const idpel = b.services.store.get<{ idpel: string }>("SELECT b.idpel FROM bills b WHERE NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) LIMIT 1")?.idpel ?? '';
    const bill = (await b.ok('inquiry.idpel', { idpel }, kiosk)).bills[0];
    const err = await b.err('kiosk.qris.create', { idpel, billId: bill?.billId }, kiosk);
    expect(err.message).toMatch(/belum terdaftar di server pusat/);
  });

  it('creates a QRIS for the oldest bill, the bank pays it, and the bill closes here with a receipt', async () => {
    const admin = await b.login('admin');
    await b.ok('sync.enrol', { centralUrl: central.url, enrolmentCode: 'DEMO-2026', officeCode: 'UPTD-SUKAMAKMUR' }, admin);
    await b.services.sync.runOnce();
    const kiosk = await b.login('kios1');
    const idpel = b.services.store.get<{ idpel: string }>(
      "SELECT b.idpel FROM bills b WHERE b.object_type = 'stall_permit' AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id) GROUP BY b.idpel HAVING count(*) >= 2 LIMIT 1",
    )?.idpel ?? '';
    const inquiry = await b.ok('inquiry.idpel', { idpel }, kiosk);
    const [oldest, newer] = inquiry.bills;
    expect((await b.err('kiosk.qris.create', { idpel, billId: newer?.billId }, kiosk)).code).toBe('SKIP_OLDER');
    const qris = await b.ok('kiosk.qris.create', { idpel, billId: oldest?.billId ?? '' }, kiosk);
    expect(qris).toMatchObject({ status: 'pending', amount: oldest?.total, paymentId: null });
    expect(qris.payload).toMatch(/^000201/);
    expect((await b.ok('kiosk.qris.status', { qrisId: qris.qrisId }, kiosk)).status).toBe('pending');
    expect(central.bank.qrisPay({ qrisId: qris.qrisId }).code).toBe('00');
    const paid = await b.ok('kiosk.qris.status', { qrisId: qris.qrisId }, kiosk);
    expect(paid.status).toBe('paid');
    expect(paid.receiptNo).toMatch(/^GW-/);
    const after = await b.ok('inquiry.idpel', { idpel }, kiosk);
    expect(after.bills.map((x) => x.billId)).not.toContain(oldest?.billId);

    // the visitor's receipt: printed once at the kiosk, then only as a copy at the counter
    const { receipt, copyNo } = await b.ok('kiosk.receipt', { qrisId: qris.qrisId, paper: '58mm' }, kiosk);
    expect(copyNo).toBe(1);
    expect(receipt).toMatchObject({ receiptNo: paid.receiptNo, paymentId: paid.paymentId, total: oldest?.total, idpel, status: 'sah', printCount: 1 });
    expect(receipt.items.map((i) => i.billId)).toEqual([oldest?.billId]);
    expect(receipt.totalWords).toMatch(/rupiah$/);
    expect((await b.err('kiosk.receipt', { qrisId: qris.qrisId, paper: '58mm' }, kiosk)).message).toMatch(/sudah dicetak; minta salinan di loket/);
    const prints = () => b.services.store.get<{ n: number }>('SELECT count(*) AS n FROM receipt_prints WHERE payment_id = ?', [paid.paymentId ?? ''])?.n;
    expect(prints()).toBe(1);
    // staff print their copies through receipt.printed, not this
    expect((await b.err('kiosk.receipt', { qrisId: qris.qrisId, paper: '58mm' }, await b.login('loket1'))).code).toBe('FORBIDDEN');

    // not before the bank has paid, and not long after
    const second = await b.ok('kiosk.qris.create', { idpel, billId: newer?.billId ?? '' }, kiosk);
    expect((await b.err('kiosk.receipt', { qrisId: second.qrisId, paper: '80mm' }, kiosk)).message).toMatch(/belum dibayar/);
    expect(central.bank.qrisPay({ qrisId: second.qrisId }).code).toBe('00');
    expect((await b.ok('kiosk.qris.status', { qrisId: second.qrisId }, kiosk)).status).toBe('paid');
    b.clock.advance(31 * 60_000);
    const late = await b.login('kios1');
    expect((await b.err('kiosk.receipt', { qrisId: second.qrisId, paper: '80mm' }, late)).message).toMatch(/30 menit setelah membayar/);
    expect((await b.err('kiosk.receipt', { qrisId: 'tidak-ada', paper: '80mm' }, late)).message).toMatch(/Struk tidak dapat diambil/);
  }, 60_000);
});
