// Draws the app icon (resources/icon.png, 512×512, and the same design as resources/icon.svg)
// with nothing but Node: a blue tile, a white receipt with a zigzag tear, and an amber "paid"
// badge. electron-builder turns the PNG into the Windows .ico and the Linux icon set.
// Run: node resources/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const here = dirname(fileURLToPath(import.meta.url));

const colors = {
  tile: [15, 94, 156],
  paper: [255, 255, 255],
  line: [148, 163, 184],
  total: [15, 23, 42],
  badge: [245, 158, 11],
  tick: [255, 255, 255],
};

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// receipt: x 136..376, top 80, bottom edge a zigzag between 408 and 428
const zig = (x) => {
  const period = 40;
  const t = (((x - 136) % period) + period) % period / period;
  return 408 + 20 * (t < 0.5 ? t * 2 : 2 - t * 2);
};
const inReceipt = (x, y) => x >= 136 && x <= 376 && y >= 80 && y <= zig(x);

const bars = [
  [172, 136, 340, 152, colors.line],
  [172, 184, 312, 198, colors.line],
  [172, 222, 328, 236, colors.line],
  [172, 260, 296, 274, colors.line],
  [172, 306, 340, 326, colors.total],
];

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
const badge = { cx: 368, cy: 376, r: 78 };
const tick = [
  [332, 378, 358, 404],
  [358, 404, 404, 352],
];

function colorAt(x, y) {
  if (!inRoundedRect(x, y, 0, 0, SIZE, SIZE, 104)) return null;
  let c = colors.tile;
  if (inReceipt(x, y)) {
    c = colors.paper;
    for (const [x0, y0, x1, y1, col] of bars) if (inRoundedRect(x, y, x0, y0, x1, y1, 6)) c = col;
  }
  const d = Math.hypot(x - badge.cx, y - badge.cy);
  if (d <= badge.r + 10) c = colors.tile; // a ring of tile colour separates badge and paper
  if (d <= badge.r) c = colors.badge;
  if (d <= badge.r && tick.some(([ax, ay, bx, by]) => distToSegment(x, y, ax, ay, bx, by) <= 11)) c = colors.tick;
  return c;
}

// 4×4 supersampling for smooth edges
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const c = colorAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a += 1;
      }
    }
    const o = row + 1 + x * 4;
    if (a > 0) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((a / 16) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(here, 'icon.png'), png);

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const zigPoints = [];
for (let x = 136; x <= 376; x += 20) zigPoints.push(`${x},${zig(x)}`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>E-Retribusi Loket</title>
  <rect width="512" height="512" rx="104" fill="${hex(colors.tile)}"/>
  <polygon points="136,80 376,80 ${zigPoints.reverse().join(' ')}" fill="${hex(colors.paper)}"/>
${bars.map(([x0, y0, x1, y1, c]) => `  <rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" rx="6" fill="${hex(c)}"/>`).join('\n')}
  <circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r + 10}" fill="${hex(colors.tile)}"/>
  <circle cx="${badge.cx}" cy="${badge.cy}" r="${badge.r}" fill="${hex(colors.badge)}"/>
  <polyline points="332,378 358,404 404,352" fill="none" stroke="${hex(colors.tick)}" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
writeFileSync(join(here, 'icon.svg'), svg);
console.log(`icon.png ${png.length} bytes, icon.svg ${svg.length} bytes`);
