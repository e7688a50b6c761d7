import { describe, expect, it } from 'vitest';
import { isBlockedKioskKey, type KeyInput } from '../../../main/electron/kiosk';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({
  key: k,
  control: false,
  alt: false,
  meta: false,
  shift: false,
  ...mods,
});

describe('isBlockedKioskKey', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Cmd+W', key('w', { meta: true })],
    ['Cmd+H', key('h', { meta: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', { control: true })],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['F1', key('F1')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+T', key('t', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+S', key('s', { control: true })],
    ['Ctrl+O', key('o', { control: true })],
    ['Ctrl+F', key('f', { control: true })],
    ['Ctrl+U', key('u', { control: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+Tab', key('Tab', { control: true })],
    ['Alt+ArrowLeft', key('ArrowLeft', { alt: true })],
    ['Alt+ArrowRight', key('ArrowRight', { alt: true })],
    ['Alt+Home', key('Home', { alt: true })],
    ['Alt+Space', key(' ', { alt: true })],
    ['Ctrl+Alt+Space', key(' ', { control: true, alt: true })],
    ['Alt alone', key('Alt', { alt: true })],
    ['BrowserBack', key('BrowserBack')],
    ['BrowserRefresh', key('BrowserRefresh')],
    ['ContextMenu', key('ContextMenu')],
    ['Print', key('Print')],
  ])('blocks %s', (_label, input) => {
    expect(isBlockedKioskKey(input)).toBe(true);
  });

  it.each([
    ['digits from the barcode scanner', key('5')],
    ['Enter after a scan', key('Enter')],
    ['letters', key('a')],
    ['capitals', key('A', { shift: true })],
    ['Backspace', key('Backspace')],
    ['Tab', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Escape', key('Escape')],
    ['arrows', key('ArrowDown')],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+X', key('x', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
    ['Ctrl+Shift+Z', key('Z', { control: true, shift: true })],
    ['Cmd+C', key('c', { meta: true })],
    ['AltGr+Q (@ on German layouts)', key('@', { control: true, alt: true })],
  ])('lets %s through', (_label, input) => {
    expect(isBlockedKioskKey(input)).toBe(false);
  });

  it.each([null, undefined, 'F5', 5, {}, { key: 5 }, { key: { toString: () => 'F5' } }])('ignores malformed input %s', (input) => {
    expect(isBlockedKioskKey(input)).toBe(false);
  });
});
