// The printed receipts and counter reports rendered in Node from the backend's data: what must
// be on the paper (terbilang, principal and fine apart, SALINAN, stamps, the QR size) and what
// the print region does in the browser.
import { describe, expect, it } from 'vitest';
import { renderReceiptHtml, renderReceiptMarkup } from '../../../renderer/print/receipt';
import { copyLabel, RECEIPT_QR_MM, receiptStamp } from '../../../renderer/print/receiptMeta';
import { regionPrintCss } from '../../../renderer/print/receiptPrint';
import { renderClosingHtml, renderDailyHtml } from '../../../renderer/print/report';
import { cashReceipt, closingReport, dailyReport, transferReceipt, voidedReceipt } from './fixtures';

const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('receipt layouts', () => {
  for (const paper of ['58mm', '80mm', 'a4'] as const) {
    it(`${paper}: office, payer, IDPEL, each bill with principal and fine apart, total in figures and words, cash, clerk, WIB`, () => {
      const html = renderReceiptHtml(cashReceipt, { paper, printedAt: '2026-12-04T08:00:00.000Z' });
      const t = text(html);
      expect(html).toContain('<!doctype html>');
      expect(html).not.toMatch(/<script/i);
      expect(t).toContain('UPTD PENGELOLAAN RETRIBUSI DAERAH KABUPATEN SUKAMAKMUR');
      expect(t).toContain('PEMERINTAH KABUPATEN SUKAMAKMUR');
      expect(t).toContain('LKT01-20261204-0012');
      expect(t).toContain('Agus Maulana');
      expect(t).toContain('03209100010000077');
      expect(t).toContain('SKRD/LKT01/2026/000026');
      expect(t).toContain('Sewa unit A-108 (lantai 1) 2026-10');
      expect(t).toContain('Rp 8.500');
      expect(t).toContain('Rp 4.250');
      expect(t).toContain('Rp 862.750');
      expect(t).toContain('Delapan ratus enam puluh dua ribu tujuh ratus lima puluh rupiah');
      expect(t).toContain('Rp 900.000');
      expect(t).toContain('Rp 37.250');
      expect(t).toContain('Dewi Lestari');
      expect(t).toContain('4 Des 2026 14.53 WIB');
      expect(t).not.toContain('SALINAN');
      // the QR code of the signed verification string, at least 25 mm on a roll
      expect(html).toMatch(/data:image\/svg\+xml/);
      expect(RECEIPT_QR_MM[paper]).toBeGreaterThanOrEqual(25);
      expect(html).toContain(`width:${RECEIPT_QR_MM[paper]}mm`);
    });
  }

  it('marks a reprint as SALINAN ke-N (N = prints before this one)', () => {
    expect(copyLabel(1)).toBeNull();
    expect(copyLabel(2)).toBe('SALINAN ke-1');
    expect(text(renderReceiptMarkup(cashReceipt, { paper: '80mm', copyNo: 3 }))).toContain('SALINAN ke-2');
    // without a copy number the receipt's own print count decides
    expect(text(renderReceiptMarkup({ ...cashReceipt, printCount: 1 }, { paper: '58mm' }))).toContain('SALINAN ke-1');
  });

  it('says DIBATALKAN with the reason on a voided payment, MENUNGGU VERIFIKASI on a transfer', () => {
    const voided = text(renderReceiptMarkup(voidedReceipt, { paper: '80mm', copyNo: 3 }));
    expect(voided).toContain('DIBATALKAN');
    expect(voided).toContain('Salah memilih bulan tagihan');
    expect(voided).toContain('Drs. Bambang Sutrisno');
    const pending = text(renderReceiptMarkup(transferReceipt, { paper: 'a4', copyNo: 1 }));
    expect(pending).toContain('MENUNGGU VERIFIKASI');
    expect(pending).toContain('BJTG2026120400123');
    expect(pending).not.toContain('Kembalian');
    expect(receiptStamp('sah')).toBeNull();
    expect(receiptStamp('ditolak')).toBe('TRANSFER DITOLAK');
  });

  it('gives a roll a page as long as the receipt, A4 its margins', () => {
    expect(renderReceiptHtml(cashReceipt, { paper: '80mm', rollLengthMm: 212 })).toContain('@page { size: 80mm 212mm; margin: 0; }');
    expect(regionPrintCss('58mm', 600)).toMatch(/@page \{ size: 58mm \d+mm; margin: 0; \}/);
    expect(regionPrintCss('a4', null)).toContain('size: 210mm 297mm');
    // in print only the region is left; on screen the region is out of sight
    expect(regionPrintCss('80mm', 500)).toContain('body > :not(#loket-print-region)');
  });
});

describe('counter reports', () => {
  const office = { officeName: cashReceipt.officeName, officeAddress: cashReceipt.officeAddress };

  for (const paper of ['80mm', 'a4'] as const) {
    it(`closing report on ${paper}: per levy, per channel, voids, receipts and range, cash and denominations`, () => {
      const t = text(renderClosingHtml(closingReport, { paper, office, printedAt: '2026-12-04T09:01:00.000Z' }));
      expect(t).toContain('LAPORAN PENUTUPAN SHIFT');
      expect(t).toContain('Retribusi Sewa Rusunawa');
      expect(t).toContain('Tunai di loket');
      expect(t).toContain('LKT01-20261204-0012 s.d. LKT01-20261204-0013');
      expect(t).toContain('Salah memilih bulan tagihan');
      expect(t).toContain('Rp 1.062.750');
      expect(t).toContain('Rp 1.042.750');
      expect(t).toContain('-Rp 20.000');
      expect(t).toContain('Rp 100.000 × 10');
      expect(t).not.toContain('Rp 50.000 × 0');
      expect(t).toContain('Drs. Bambang Sutrisno');
    });
  }

  it('daily report: per clerk, per levy, per channel, voids apart, every payment with the voided one struck', () => {
    const html = renderDailyHtml(dailyReport, { signerName: 'Drs. Bambang Sutrisno', printedAt: '2026-12-04T10:00:00.000Z' });
    const t = text(html);
    expect(t).toContain('LAPORAN PENERIMAAN HARIAN');
    expect(t).toContain('Tanggal buku 4 Desember 2026');
    expect(t).toContain('QRIS (gateway)');
    expect(t).toContain('Retribusi Pelayanan Pasar');
    expect(t).toContain('Rp 954.750');
    expect(t).toContain('Pembatalan (tidak termasuk penerimaan) — 1');
    expect(html).toMatch(/<s>Rp 2\.000<\/s>/);
    expect(t).toContain('BATAL');
    expect(t).toContain('Sukamakmur, 4 Desember 2026');
  });
});
