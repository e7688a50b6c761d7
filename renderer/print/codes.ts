/// <reference path="./bwip-js.d.ts" />
// The IDPEL as a Code 128 barcode and a QR code, drawn by bwip-js as SVG text and shown as an
// <img> with a data: URL: no script, no canvas, nothing fetched — allowed by the renderer's CSP
// (img-src data:) and identical in the browser, in Electron and in Node (tests, PDF export).
// Both codes carry only the IDPEL, so a scanner at the counter types exactly what a clerk would.
import { createElement as h, type ReactElement } from 'react';
import { toSVG, type RenderOptions } from 'bwip-js';
import { PAPERS, type Paper } from './paper';

/** quiet zone of a Code 128 on each side, in modules (the standard asks for at least 10) */
const BAR_QUIET_MODULES = 10;
/** quiet zone of a QR code on each side, in modules (the standard asks for 4) */
const QR_QUIET_MODULES = 4;

export interface CodeImage {
  /** data:image/svg+xml,… */
  src: string;
  widthMm: number;
  heightMm: number;
}

function viewBoxOf(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('bwip-js memberikan SVG tanpa viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** stretch to the box we give it (the bar widths are ours to set) and state the size in mm */
function sized(svg: string, widthMm: number, heightMm: number): string {
  return svg.replace('<svg ', `<svg width="${widthMm}mm" height="${heightMm}mm" preserveAspectRatio="none" shape-rendering="crispEdges" `);
}

function dataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * Code 128 of a text, its narrowest bar `moduleMm` wide (e.g. 0.33 mm on A4, a whole number of
 * thermal dots on a roll) and `heightMm` tall, quiet zones included in the image.
 */
export function code128Image(text: string, moduleMm: number, heightMm: number): CodeImage {
  // scale 1: one SVG unit is one module
  const svg = toSVG({ bcid: 'code128', text, scale: 1, paddingleft: BAR_QUIET_MODULES, paddingright: BAR_QUIET_MODULES, backgroundcolor: 'FFFFFF' });
  const modules = viewBoxOf(svg).width;
  const widthMm = Math.round(modules * moduleMm * 100) / 100;
  return { src: dataUrl(sized(svg, widthMm, heightMm)), widthMm, heightMm };
}

/** QR code of a text (error correction M), `sizeMm` square with its quiet zone */
export function qrImage(text: string, sizeMm: number): CodeImage {
  // at scale 1 bwip-js draws a QR module as 2 units
  // eclevel is a BWIPP option its type declarations leave out
  const options: RenderOptions & { eclevel: 'L' | 'M' | 'Q' | 'H' } = { bcid: 'qrcode', text, scale: 1, eclevel: 'M', padding: QR_QUIET_MODULES * 2, backgroundcolor: 'FFFFFF' };
  const svg = toSVG(options);
  return { src: dataUrl(sized(svg, sizeMm, sizeMm)), widthMm: sizeMm, heightMm: sizeMm };
}

export interface BarcodeProps {
  value: string;
  paper: Paper;
  /** shown to screen readers and when images are off */
  label?: string;
  heightMm?: number;
}

/** Code 128 of the IDPEL with the digits printed under it (the human-readable line) */
export function Barcode({ value, paper, label, heightMm = 13 }: BarcodeProps): ReactElement {
  const image = code128Image(value, PAPERS[paper].barModuleMm, heightMm);
  return h(
    'figure',
    { className: 'pd-barcode', 'data-code': 'code128' },
    h('img', { src: image.src, alt: label ?? `Kode batang ${value}`, style: { width: `${image.widthMm}mm`, height: `${image.heightMm}mm` } }),
    h('figcaption', { className: 'pd-mono' }, value),
  );
}

export interface QrCodeProps {
  value: string;
  paper: Paper;
  label?: string;
  sizeMm?: number;
}

export function QrCode({ value, paper, label, sizeMm }: QrCodeProps): ReactElement {
  const image = qrImage(value, sizeMm ?? PAPERS[paper].qrMm);
  return h(
    'figure',
    { className: 'pd-qr', 'data-code': 'qrcode' },
    h('img', { src: image.src, alt: label ?? `Kode QR ${value}`, style: { width: `${image.widthMm}mm`, height: `${image.heightMm}mm` } }),
  );
}
