#!/usr/bin/env node
// Draws the extension's icon, media/icon.png (128×128 RGBA): a page of an article on a dark tile,
// its lines highlighted in the colours the extension uses for people, figures, quotes and places.
// Pure Node (zlib for the PNG), deterministic; the PNG is committed, this script only redraws it.
//   node scripts/icon.mjs [out.png]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const SS = 4; // samples per pixel along each axis

const hex = (h, a = 255) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];

/** Shapes in 128-pixel coordinates, painted in order: rounded rectangles [x0, y0, x1, y1, radius, colour]. */
const LINE = hex('#a7afbd');
const shapes = [
  [4, 4, 124, 124, 24, hex('#1b2640')], // tile
  [22, 16, 106, 112, 9, hex('#f6f3ec')], // page
  [32, 27, 96, 36, 3, hex('#2a3142')], // headline
  [32, 40, 78, 46, 3, hex('#2a3142')],
  // line 1: a person, then text
  [31, 55, 63, 65, 4, hex('#6ea4ff')],
  [67, 58, 96, 62, 2, LINE],
  // line 2: text, then a figure
  [32, 70, 62, 74, 2, LINE],
  [66, 67, 97, 77, 4, hex('#f0b429')],
  // line 3: a quote
  [31, 79, 89, 89, 4, hex('#f06292')],
  // line 4: text, a place, text
  [32, 94, 46, 98, 2, LINE],
  [50, 91, 78, 101, 4, hex('#46d394')],
  [82, 94, 96, 98, 2, LINE],
];

/** Coverage test of a rounded rectangle at point (x, y). */
function inside([x0, y0, x1, y1, r], x, y) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function render() {
  const px = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS;
          const fy = y + (sy + 0.5) / SS;
          let c = [0, 0, 0, 0];
          for (const s of shapes) if (inside(s, fx, fy)) c = s[5];
          // Premultiplied accumulation, so edges against the transparent corners do not darken.
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const o = (y * SIZE + x) * 4;
      const alpha = acc[3] / (SS * SS);
      for (let k = 0; k < 3; k++) px[o + k] = alpha ? Math.round(acc[k] / acc[3]) : 0;
      px[o + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA PNG of `px` (SIZE×SIZE), filter 0 on every row. */
export function encodePng(px, size = SIZE) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(root, process.argv[2] ?? 'media/icon.png');
fs.writeFileSync(out, encodePng(render()));
console.log(`${path.relative(root, out)}: ${SIZE}×${SIZE}, ${fs.statSync(out).size} bytes`);
