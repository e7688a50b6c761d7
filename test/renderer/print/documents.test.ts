/// <reference types="node" />
// The printed documents as markup, in Node: what each shows for each state of a bill, the
// refusals, the papers, the codes, the address of the preview. (The PDFs are in test/e2e.)
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BillDetail } from '../../../shared/contract/billing';
import { terbilangRupiah } from '../../../shared/terbilang';
import { code128Image, qrImage } from '../../../renderer/print/codes';
import { berlakuSampai, daerahDari, masaRetribusi, persenBp, tanggalPanjang } from '../../../renderer/print/format';
import { documentProblem, documentTitle, DOCUMENTS, PrintDocument, PrintRefusedError, renderDocumentHtml, type DocumentKind } from '../../../renderer/print/html';
import { isPaper, pageCss, PAPERS, rollLengthMm, SHELL_PAPER, type Paper } from '../../../renderer/print/paper';
import { parsePrintRoute, printRoute } from '../../../renderer/print/route';
import { strdNumber, strdRefusal } from '../../../renderer/print/strd';
import { PREVIEW_CSS, printCss } from '../../../renderer/print/styles';
import { PREVIEW_TEXTS } from '../../../renderer/print/texts';
import { PrintPreview } from '../../../renderer/print';
import { longLabBill, openLabBill, overdueRusunBill, paidRusunBill } from './fixtures';

const AT = '2026-12-04T07:05:00.000Z';

function markup(kind: DocumentKind, bill: BillDetail, paper: Paper = 'a4', extra: { signer?: { name?: string; nip?: string; title?: string } } = {}): string {
  return renderToStaticMarkup(createElement(PrintDocument, { kind, bill, paper, printedAt: AT, ...extra }));
}

/** the visible text of some markup, tags dropped and entities decoded */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('format', () => {
  it('writes dates and periods with full month names', () => {
    expect(tanggalPanjang('2026-12-04')).toBe('4 Desember 2026');
    expect(tanggalPanjang('2026-01-31')).toBe('31 Januari 2026');
    expect(tanggalPanjang('bukan tanggal')).toBe('bukan tanggal');
    expect(masaRetribusi('2026-09')).toBe('September 2026');
    expect(masaRetribusi('2026-09-15')).toBe('15 September 2026');
  });

  it('writes interest rates the Indonesian way', () => {
    expect(persenBp(100)).toBe('1%');
    expect(persenBp(200)).toBe('2%');
    expect(persenBp(150)).toBe('1,5%');
    expect(persenBp(125)).toBe('1,25%');
    expect(persenBp(5)).toBe('0,05%');
  });

  it('finds the regency in the office name for the letterhead and the place of signing', () => {
    expect(daerahDari('UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur')).toEqual({ daerah: 'Kabupaten Sukamakmur', tempat: 'Sukamakmur' });
    expect(daerahDari('UPT Pasar Kota Tanjung Pinang')).toEqual({ daerah: 'Kota Tanjung Pinang', tempat: 'Tanjung Pinang' });
    expect(daerahDari('UPTD Retribusi Daerah')).toBeNull();
  });

  it('knows until when an STRD total holds (month ends clamp)', () => {
    expect(berlakuSampai('2026-09-10', 3)).toBe('2026-12-10');
    expect(berlakuSampai('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describe('papers', () => {
  it('A4 has its size and margins; a roll its width, no margins and its measured length', () => {
    expect(pageCss('a4')).toBe('@page { size: 210mm 297mm; margin: 10mm 15mm 10mm 20mm; }');
    expect(pageCss('80mm')).toBe('@page { size: 80mm 297mm; margin: 0; }');
    expect(pageCss('58mm', 163.2)).toBe('@page { size: 58mm 164mm; margin: 0; }');
    expect(pageCss('58mm', 10)).toBe('@page { size: 58mm 50mm; margin: 0; }');
    expect(pageCss('a4', 100)).toContain('297mm');
  });

  it('a roll is as long as its content plus the cutter feed, within limits', () => {
    expect(rollLengthMm(96 * 4)).toBe(Math.ceil(101.6 + 8)); // 4 inch of content
    expect(rollLengthMm(0)).toBe(297);
    expect(rollLengthMm(Number.NaN)).toBe(297);
    expect(rollLengthMm(10)).toBe(50);
    expect(rollLengthMm(10_000_000)).toBe(3000);
  });

  it('names the Electron shell’s papers and knows its own', () => {
    expect(SHELL_PAPER).toEqual({ a4: 'a4', '80mm': 'thermal80', '58mm': 'thermal58' });
    expect(isPaper('80mm')).toBe(true);
    expect(isPaper('A4')).toBe(false);
    expect(isPaper(undefined)).toBe(false);
  });

  it('the print CSS carries the page rule; the preview hides everything else in print', () => {
    expect(printCss('80mm', 120)).toMatch(/^@page \{ size: 80mm 120mm; margin: 0; \}/);
    expect(PREVIEW_CSS).toContain('@media print');
    expect(PREVIEW_CSS).toContain(':not(:has(.print-root)):not(.print-root):not(.print-root *) { display: none !important; }');
  });
});

describe('codes', () => {
  const idpel = openLabBill.idpel;

  it('Code 128: the width follows the module size, quiet zones included, and is stated in mm', () => {
    const a4 = code128Image(idpel, PAPERS.a4.barModuleMm, 13);
    const roll = code128Image(idpel, PAPERS['58mm'].barModuleMm, 13);
    // 17 digits: start C, 8 pairs, code B, 1 digit, check, stop = 145 modules, 2 × 10 quiet
    expect(a4.widthMm).toBeCloseTo(165 * 0.33, 2);
    expect(roll.widthMm).toBeCloseTo(165 * 0.25, 2);
    expect(roll.widthMm).toBeLessThanOrEqual(PAPERS['58mm'].printableMm);
    expect(code128Image(idpel, PAPERS['80mm'].barModuleMm, 13).widthMm).toBeLessThanOrEqual(PAPERS['80mm'].printableMm);
    const svg = decodeURIComponent(a4.src.replace(/^data:image\/svg\+xml,/, ''));
    expect(svg).toMatch(/^<svg width="54\.45mm" height="13mm" preserveAspectRatio="none"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('QR: square, its size in mm', () => {
    const qr = qrImage(idpel, 24);
    expect(qr).toMatchObject({ widthMm: 24, heightMm: 24 });
    expect(decodeURIComponent(qr.src)).toContain('width="24mm" height="24mm"');
  });

  it('a different IDPEL draws different bars', () => {
    expect(code128Image(idpel, 0.33, 13).src).not.toBe(code128Image(overdueRusunBill.idpel, 0.33, 13).src);
  });
});

describe('SKRD', () => {
  it('shows the office, the payer, every line, the total, terbilang, payment steps, codes and the signature', () => {
    const t = text(markup('skrd', openLabBill));
    for (const expected of [
      'PEMERINTAH KABUPATEN SUKAMAKMUR',
      'SURAT KETETAPAN RETRIBUSI DAERAH (SKRD)',
      'Nomor: SKRD/LKT01/2026/000412',
      'CV Tirta Makmur Sejahtera',
      'Sampel 1: Paket air minum (fisika, kimia, mikrobiologi)',
      '1 × Rp 850.000',
      'Rp 1.234.000',
      terbilangRupiah(1_234_000, 'sentence'),
      '18 Desember 2026',
      'Bayar Rp 1.234.000 paling lambat tanggal 18 Desember 2026',
      'Kepala UPTD Pengelolaan Retribusi Daerah Kabupaten Sukamakmur',
      'NIP.',
      'Dicetak 4 Des 2026 14.05 WIB',
    ]) {
      expect(t, expected).toContain(expected);
    }
    const html = markup('skrd', openLabBill);
    expect(html).toContain('data-code="code128"');
    expect(html).toContain('data-code="qrcode"');
    expect(html).not.toContain('pd-stamp');
  });

  it('past its due date it says how much is owed now, and the steps ask for that amount', () => {
    const t = text(markup('skrd', overdueRusunBill));
    expect(t).toContain('Per 4 Desember 2026 SKRD ini telah lewat jatuh tempo 3 bulan; terutang bunga Rp 12.750, sehingga jumlah yang harus dibayar Rp 437.750.');
    expect(t).toContain('Bayar Rp 437.750 sampai dengan tanggal 10 Desember 2026');
    // the assessment itself stays the principal
    expect(t).toContain(terbilangRupiah(425_000, 'sentence'));
  });

  it.each([
    ['lunas', 'LUNAS'],
    ['batal', 'BATAL'],
    ['dihapuskan', 'DIHAPUSKAN'],
  ] as const)('a %s bill carries the stamp %s and neither steps, codes nor the interest warning', (status, stamp) => {
    const html = markup('skrd', { ...paidRusunBill, status, payments: status === 'lunas' ? paidRusunBill.payments : [] });
    expect(html).toContain(`data-testid="pd-stamp">${stamp}</p>`);
    expect(html).not.toContain('Cara pembayaran');
    expect(html).not.toContain('data-code=');
    expect(html).not.toContain('Perhatian');
  });

  it('a paid bill lists its receipts, voided ones left out', () => {
    const bill: BillDetail = {
      ...paidRusunBill,
      payments: [...paidRusunBill.payments, { receiptNo: 'KW/LKT01/20261104/0002', paidAt: '2026-11-04T03:00:00.000Z', amount: 425_000, fine: 0, voided: true }],
    };
    const t = text(markup('skrd', bill));
    expect(t).toContain('KW/LKT01/20261105/0007 — 5 Nov 2026 09.31 WIB — Rp 425.000');
    expect(t).not.toContain('KW/LKT01/20261104/0002');
  });

  it('a transfer awaiting verification: no payment steps, the payment listed as waiting', () => {
    const t = text(markup('skrd', { ...paidRusunBill, status: 'menunggu_verifikasi' }));
    expect(t).toContain('transfer menunggu verifikasi');
    expect(t).not.toContain('Cara pembayaran');
  });

  it('prints the signer when given, and the default title without a regency in the office name', () => {
    const signed = text(markup('skrd', openLabBill, 'a4', { signer: { name: 'Drs. Bambang Sutrisno', nip: '19700101 199503 1 001' } }));
    expect(signed).toContain('Drs. Bambang Sutrisno');
    expect(signed).toContain('NIP. 19700101 199503 1 001');
    const plain = text(markup('skrd', { ...openLabBill, officeName: 'Kantor Pelayanan Retribusi', officeAddress: '' }));
    expect(plain).not.toContain('PEMERINTAH');
    expect(plain).toContain('Kepala UPTD');
    expect(plain).toContain('KANTOR PELAYANAN RETRIBUSI');
  });

  it('an unknown address prints as a dash, and text is escaped, never markup', () => {
    const html = markup('skrd', { ...openLabBill, payerAddress: null, payerName: 'Toko <b>"Maju" & Jaya</b>' });
    expect(html).not.toContain('<b>');
    expect(text(html)).toContain('Toko <b>"Maju" & Jaya</b>');
    expect(text(html)).toMatch(/Alamat : - /);
  });

  it('on a roll: one column, the essentials, no signature', () => {
    for (const paper of ['80mm', '58mm'] as const) {
      const html = markup('skrd', openLabBill, paper);
      expect(html).toContain(`class="pd-doc pd-${paper} pd-roll pd-kind-skrd"`);
      expect(html).not.toContain('<table class="pd-lines"');
      expect(html).not.toContain('NIP.');
      expect(text(html)).toContain('Rp 1.234.000');
      expect(text(html)).toContain(openLabBill.idpel);
    }
  });

  it('many lines: every line is there, numbered', () => {
    const t = text(markup('skrd', longLabBill));
    longLabBill.lines.forEach((line, i) => expect(t).toContain(`${i + 1}. ${line.description}`));
  });
});

describe('STRD', () => {
  it('the principal, the interest as a line of its own, the total on its date, terbilang of the total', () => {
    const t = text(markup('strd', overdueRusunBill));
    for (const expected of [
      'SURAT TAGIHAN RETRIBUSI DAERAH (STRD)',
      'Nomor: STRD/LKT01/2026/000233',
      'Jumlah pokok retribusi Rp 425.000',
      'Bunga keterlambatan 3 bulan × 1% × Rp 425.000 Rp 12.750',
      'Jumlah tagihan per 4 Desember 2026 Rp 437.750',
      terbilangRupiah(437_750, 'sentence'),
      'Jumlah ini berlaku untuk pembayaran sampai dengan tanggal 10 Desember 2026',
      'Sukamakmur, 4 Desember 2026',
    ]) {
      expect(t, expected).toContain(expected);
    }
  });

  it('uses the rate of the levy (older rules: 2 %)', () => {
    const bill: BillDetail = { ...overdueRusunBill, due: { ...overdueRusunBill.due, interestRateBp: 200, fine: 25_500, total: 450_500 } };
    const t = text(markup('strd', bill));
    expect(t).toContain('3 bulan × 2% × Rp 425.000 Rp 25.500');
    expect(t).toContain('bunga sebesar 2% per bulan');
    expect(t).toContain(terbilangRupiah(450_500, 'sentence'));
  });

  it('is refused — with the reason — for a bill that is not overdue or not open', () => {
    expect(strdRefusal(overdueRusunBill)).toBeNull();
    expect(strdRefusal(openLabBill)).toMatch(/belum lewat jatuh tempo \(18 Desember 2026\)/);
    expect(strdRefusal(paidRusunBill)).toMatch(/berstatus lunas/);
    expect(strdRefusal({ ...overdueRusunBill, status: 'dihapuskan' })).toMatch(/pemutihan/);
    expect(() => markup('strd', openLabBill)).toThrow(PrintRefusedError);
  });

  it('is A4 only', () => {
    expect(DOCUMENTS.strd.papers).toEqual(['a4']);
    expect(documentProblem('strd', overdueRusunBill, '80mm')).toMatch(/tidak dicetak pada kertas Struk 80 mm; pilih A4/);
    expect(documentProblem('skrd', overdueRusunBill, '58mm')).toBeNull();
  });

  it('takes its number from the SKRD', () => {
    expect(strdNumber('SKRD/LKT01/2026/000233')).toBe('STRD/LKT01/2026/000233');
    expect(strdNumber('412/2026')).toBe('STRD/412/2026');
  });
});

describe('renderDocumentHtml', () => {
  it('a complete page: charset, CSP, title, the page rule of the paper, the document', () => {
    const html = renderDocumentHtml('skrd', openLabBill, { printedAt: AT, paper: '80mm', rollLengthMm: 190 });
    expect(html.startsWith('<!doctype html>\n<html lang="id">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain('<title>SKRD SKRD/LKT01/2026/000412 — CV Tirta Makmur Sejahtera</title>');
    expect(html).toContain('@page { size: 80mm 190mm; margin: 0; }');
    expect(html).toContain('<body data-paper="80mm"><article class="pd-doc pd-80mm');
    expect(html).not.toMatch(/<script/i);
  });

  it('defaults to the first paper of the document and to now', () => {
    const html = renderDocumentHtml('strd', overdueRusunBill);
    expect(html).toContain('@page { size: 210mm 297mm;');
    expect(html).toMatch(/Dicetak \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB/);
  });

  it('escapes the title', () => {
    expect(documentTitle('strd', { ...overdueRusunBill, payerName: 'A & B' })).toBe('STRD STRD/LKT01/2026/000233 — A & B');
    expect(renderDocumentHtml('skrd', { ...openLabBill, payerName: '</title><b>x' }, { printedAt: AT })).toContain('<title>SKRD SKRD/LKT01/2026/000412 — &#60;/title&#62;&#60;b&#62;x</title>');
  });

  it('refuses what cannot be printed, in Indonesian', () => {
    expect(() => renderDocumentHtml('strd', overdueRusunBill, { paper: '58mm' })).toThrow(/STRD tidak dicetak pada kertas Struk 58 mm/);
  });
});

describe('print route', () => {
  it('#/cetak/<kind>/<billId>[/<paper>] both ways', () => {
    const id = '01936f4e-7a2b-7c3d-9e4f-000000000002';
    expect(printRoute({ kind: 'strd', billId: id })).toBe(`#/cetak/strd/${id}`);
    expect(printRoute({ kind: 'skrd', billId: id, paper: '58mm' })).toBe(`#/cetak/skrd/${id}/58mm`);
    expect(parsePrintRoute(`#/cetak/strd/${id}`)).toEqual({ kind: 'strd', billId: id });
    expect(parsePrintRoute(`#/cetak/skrd/${id}/80mm/`)).toEqual({ kind: 'skrd', billId: id, paper: '80mm' });
    expect(parsePrintRoute(printRoute({ kind: 'skrd', billId: 'a/b c' }))).toEqual({ kind: 'skrd', billId: 'a/b c' });
  });

  it('is light: importing it for the router pulls in no document, no barcode library, no react-dom', async () => {
    const result = await build({ entryPoints: [resolve(__dirname, '../../../renderer/print/route.ts')], bundle: true, write: false, metafile: true, platform: 'browser', format: 'esm', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => /bwip-js|react-dom|react\/|skrd|strd|blocks/.test(f)), inputs.join('\n')).toBe(false);
    expect(inputs.length).toBeLessThanOrEqual(3);
  });

  it.each(['', '#/', '#/cetak', '#/cetak/skrd', '#/cetak/sts/1', '#/cetak/skrd/1/a5', '#/cetak/skrd/1/80mm/x', '#/kantor/cetak/skrd/1', '#/cetak/skrd/%E0%A4%A', `#/cetak/skrd/${'x'.repeat(65)}`])(
    'refuses %j',
    (hash) => {
      expect(parsePrintRoute(hash)).toBeNull();
    },
  );
});

describe('PrintPreview (before the bill arrives)', () => {
  it('shows the toolbar: the paper choice where it applies, Cetak not yet enabled', () => {
    const skrd = renderToStaticMarkup(createElement(PrintPreview, { kind: 'skrd', billId: 'x' }));
    expect(skrd).toContain('data-testid="print-preview"');
    expect(skrd).toContain('Pratinjau SKRD');
    for (const paper of ['a4', '80mm', '58mm']) expect(skrd).toContain(`data-testid="print-paper-${paper}"`);
    expect(skrd).toMatch(/<button[^>]*disabled=""[^>]*data-testid="print-button"/);
    expect(skrd).toContain('Memuat tagihan…');
    const strd = renderToStaticMarkup(createElement(PrintPreview, { kind: 'strd', billId: 'x', paper: '80mm' }));
    expect(strd).not.toContain('print-paper-');
    expect(strd).toContain('data-paper="a4"');
  });

  it('has its texts in both languages', () => {
    expect(Object.keys(PREVIEW_TEXTS.en).sort()).toEqual(Object.keys(PREVIEW_TEXTS.id).sort());
  });
});
