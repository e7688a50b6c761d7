/// <reference types="node" />
// Node-only test: it reads renderer/index.html from disk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../shared/wire';

describe('renderer CSP meta tag', () => {
  it('matches the policy the hosts send (frame-ancestors is header-only)', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = RENDERER_CSP.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(expected);
  });

  it('loads nothing from outside', () => {
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
