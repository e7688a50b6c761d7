// Most counter PCs run Windows, whose file system ignores case: two paths that differ only in
// case would overwrite each other in a checkout or an installer there.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the source tree', () => {
  it('has no two paths that differ only in letter case', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of files) {
      const key = f.toLowerCase();
      const other = seen.get(key);
      if (other && other !== f) clashes.push(`${other} ↔ ${f}`);
      seen.set(key, f);
    }
    expect(clashes).toEqual([]);
  });
});
