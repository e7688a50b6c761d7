import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { id } from '../../renderer/i18n/id';
import { interpolate, translate, translateMaybe } from '../../renderer/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('English has exactly the keys of Bahasa Indonesia', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('no text is empty', () => {
    for (const [key, text] of [...Object.entries(id), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('both languages use the same placeholders for a key', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'counter.stat.mineCount', { count: 3 })).toBe('3 transaksi');
    expect(translate('en', 'counter.stat.mineCount', { count: 3 })).toBe('3 transactions');
    expect(interpolate('{a} dan {b}', { a: 1 })).toBe('1 dan {b}');
  });

  it('looks up run-time keys safely', () => {
    expect(translateMaybe('id', 'channel.tunai')).toBe('Tunai di loket');
    expect(translateMaybe('id', 'channel.unknown')).toBeNull();
    expect(translateMaybe('id', 'toString')).toBeNull();
  });
});
