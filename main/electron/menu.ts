// The application menu, in Bahasa Indonesia. Electron's default menu would offer Reload and
// Developer Tools to every clerk; ours has only editing, zoom and quit (devtools only when
// allowed). The kiosk has no menu at all.
import type { MenuItemConstructorOptions } from 'electron';
import type { WindowMode } from '../config';

export function menuTemplateFor(
  mode: WindowMode,
  flags: { allowDevTools?: boolean; isMac?: boolean } = {},
): MenuItemConstructorOptions[] | null {
  if (mode === 'kiosk') return null;
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Perbesar' },
    { role: 'zoomOut', label: 'Perkecil' },
    { role: 'resetZoom', label: 'Ukuran normal' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Layar penuh' },
  ];
  if (flags.allowDevTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Alat pengembang' });
  return [
    {
      label: flags.isMac ? 'E-Retribusi Loket' : 'Berkas',
      submenu: [{ role: 'quit', label: 'Keluar' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    { label: 'Tampilan', submenu: view },
  ];
}
