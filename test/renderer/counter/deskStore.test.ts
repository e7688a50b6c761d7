// The cash desk's payment attempts against a fake backend: one requestId per attempt, kept
// through a retry after a lost answer (so the retry cannot pay twice), renewed after a payment;
// a second press while paying sends nothing; a refusal reloads the bills and keeps the message.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InquiryResult, Receipt } from '../../../shared/contract';

const calls: { op: string; input: Record<string, unknown> }[] = [];
let answer: (op: string, input: Record<string, unknown>) => Promise<unknown> = async () => undefined;

vi.mock('../../../renderer/api', () => ({
  call: (op: string, input: Record<string, unknown>) => {
    calls.push({ op, input });
    return answer(op, input);
  },
}));

const { ClientError } = await import('../../../renderer/api/client');
const desk = await import('../../../renderer/counter/deskStore');
const { cashReceipt, closingReport } = await import('./fixtures');
const { shift } = await import('../../../renderer/counter/store');
const openShift = { ...closingReport.shift, closed: null };

const payer: InquiryResult = {
  idpel: '03209100010000077',
  payerName: 'Agus Maulana',
  objectLabel: 'Blok A A-108',
  levyName: 'Retribusi Sewa Rusunawa',
  levyKind: 'rusunawa',
  asOf: '2026-12-04',
  bills: [
    { billId: 'b1', skrdNo: 'S1', levyName: 'Retribusi Sewa Rusunawa', period: '2026-10', dueDate: '2026-10-10', principal: 425_000, fineMonths: 2, fine: 8_500, total: 433_500, isOverdue: true, lines: [] },
    { billId: 'b2', skrdNo: 'S2', levyName: 'Retribusi Sewa Rusunawa', period: '2026-11', dueDate: '2026-11-10', principal: 425_000, fineMonths: 1, fine: 4_250, total: 429_250, isOverdue: true, lines: [] },
  ],
  principal: 850_000,
  fine: 12_750,
  total: 862_750,
  blocked: null,
};

const network = () => new ClientError('network', { code: 'BACKEND_UNAVAILABLE', message: 'x', params: { transport: 'http' } });
const state = () => desk.deskStore.getState();
const payments = () => calls.filter((c) => c.op === 'payment.cash');

beforeEach(() => {
  calls.length = 0;
  answer = async () => undefined;
  desk.nextPayer();
  desk.setAutoPrint(false);
  shift.store.setState({ data: openShift, loadedAt: 1, error: null });
  desk.startPayer(payer);
});

describe('a payment attempt', () => {
  it('takes no cash without an open shift of today', () => {
    shift.store.setState({ data: { ...openShift, isStale: true } });
    expect(desk.accept()).toBe(false);
    expect(state().problem).toBe('noShift');
    shift.store.setState({ data: null });
    expect(desk.accept()).toBe(false);
    desk.setMode('transfer'); // a transfer needs no drawer
    desk.setBankReference('BJTG-1');
    desk.setProof({ fileName: 'b.png', mime: 'image/png', size: 1, base64: 'AA==' });
    expect(desk.accept()).toBe(true);
  });

  it('starts with the oldest bill and exact cash; Enter shows the summary, a short tender does not', () => {
    expect(state().stage).toBe('entry');
    expect(state().selected).toEqual(['b1']);
    expect(desk.summaryOf(state())).toMatchObject({ total: 433_500, tendered: 433_500, change: 0, isExact: true });
    desk.setTender('400000');
    expect(desk.accept()).toBe(false);
    expect(state().problem).toBe('insufficient');
    desk.setTender('');
    expect(desk.accept()).toBe(true);
    expect(state().stage).toBe('ready');
  });

  it('keeps its requestId through a retry after a lost answer, and takes a new one after the payment', async () => {
    const first = state().requestId;
    desk.extend();
    desk.setTender('900000');
    desk.accept();
    answer = async () => {
      throw network();
    };
    await desk.pay();
    expect(state().stage).toBe('ready'); // Enter tries again
    expect(state().requestId).toBe(first);
    answer = async (op) => (op === 'payment.cash' ? cashReceipt : op === 'shift.current' ? openShift : null);
    await desk.pay();
    expect(payments().map((c) => c.input.requestId)).toEqual([first, first]);
    expect(payments()[1]?.input).toMatchObject({ idpel: payer.idpel, billIds: ['b1', 'b2'], tendered: 900_000 });
    expect(state().stage).toBe('paid');
    expect(state().receipt?.receiptNo).toBe(cashReceipt.receiptNo);
    expect(state().requestId).not.toBe(first);
  });

  it('sends one payment for a double press', async () => {
    desk.accept();
    let release: (r: Receipt) => void = () => undefined;
    answer = (op) => (op === 'payment.cash' ? new Promise<Receipt>((r) => (release = r)) : Promise.resolve(null));
    const a = desk.pay();
    const b = desk.pay();
    desk.payNow();
    release(cashReceipt);
    await Promise.all([a, b]);
    expect(payments()).toHaveLength(1);
  });

  it('after a refusal (an older month first) reloads the bills, keeps the message, and is back at the entry', async () => {
    desk.accept();
    answer = async (op) => {
      if (op === 'payment.cash') throw new ClientError('api', { code: 'SKIP_OLDER', message: 'Tagihan yang lebih lama (2026-09) harus dibayar lebih dulu.', params: { period: '2026-09' } });
      return payer;
    };
    await desk.pay();
    expect(state().stage).toBe('entry');
    expect((state().error as InstanceType<typeof ClientError>).code).toBe('SKIP_OLDER');
    expect(calls.some((c) => c.op === 'inquiry.idpel')).toBe(true);
  });

  it('F8 pays at once, but stops at the summary for a typo-sized change', async () => {
    answer = async (op) => (op === 'payment.cash' ? cashReceipt : null);
    desk.setTender('4335000');
    desk.payNow();
    expect(state().stage).toBe('ready');
    expect(desk.summaryOf(state()).reasons).toEqual(['largeChange']);
    expect(payments()).toHaveLength(0);
    desk.back();
    desk.setTender('');
    desk.payNow();
    await vi.waitFor(() => expect(state().stage).toBe('paid'));
    expect(payments()).toHaveLength(1);
  });
});
