// the design system's base styles first: screen styles that come later may refine them
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initTransport } from './api';
import { App } from './App';
import { langStore } from './i18n';
import { installPrintDriver } from './print/electronDriver';
import type { LoketBridge } from '../shared/wire';

// take the browser host's #token=… out of the address bar before anything reads the fragment
initTransport();
// in Electron, receipts and reports print silently to the configured printers
installPrintDriver(window as Window & { loket?: LoketBridge });
document.documentElement.lang = langStore.getState().lang;

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
