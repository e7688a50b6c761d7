// Kiosk lockdown: which key presses the self-service window swallows (webContents
// 'before-input-event'). Pure so the list is tested in plain Node. The barcode scanner types
// digits and Enter, and people type IDPEL numbers: plain keys always pass.
//
// What an app cannot block (Ctrl+Alt+Del, the Windows key, Alt+Tab) belongs to the OS
// lockdown (Windows Assigned Access / a kiosk user session), see README.

/** The fields of Electron's `Input` this check reads. */
export interface KeyInput {
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

// Editing shortcuts stay usable in text fields; nothing else with Ctrl/Cmd does (close, quit,
// reload, new window, print, save, open, find, zoom, devtools, view source …).
const ALLOWED_WITH_CTRL = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
// with Shift as well only redo and paste-as-text: Ctrl+Shift+I/J/C are the devtools
const ALLOWED_WITH_CTRL_SHIFT = new Set(['z', 'v']);

const BLOCKED_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'ContextMenu',
  'Print',
  'PrintScreen',
  'Help',
  'LaunchApplication1',
  'LaunchApplication2',
  'LaunchMail',
  'LaunchWebBrowser',
]);

const FUNCTION_KEY = /^F\d{1,2}$/;

function isSinglePrintable(key: string): boolean {
  // one code point that is not a control character
  return [...key].length === 1 && !/[\u0000-\u001f\u007f]/.test(key);
}

/** True when the kiosk window must swallow this key press. */
export function isBlockedKioskKey(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const i = input as Partial<Record<keyof KeyInput, unknown>>;
  if (typeof i.key !== 'string') return false;
  const key = i.key;
  const control = i.control === true;
  const alt = i.alt === true;
  const meta = i.meta === true;
  const shift = i.shift === true;

  if (FUNCTION_KEY.test(key)) return true; // F5 reload, F11 fullscreen, F12 devtools, F7 caret browsing …
  if (BLOCKED_KEYS.has(key)) return true;

  // AltGr arrives as Ctrl+Alt with the typed character as key: let characters through.
  const isAltGr = control && alt && !meta && isSinglePrintable(key) && key !== ' ';
  if (isAltGr) return false;

  if (alt) return true; // Alt+F4, Alt+←/→ (history), Alt+Space (window menu), Alt+Home
  if (control || meta) {
    const allowed = shift ? ALLOWED_WITH_CTRL_SHIFT : ALLOWED_WITH_CTRL;
    return !(isSinglePrintable(key) && allowed.has(key.toLowerCase()));
  }
  return false;
}
