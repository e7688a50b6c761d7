// The preview's own screen texts (the documents themselves are always in Indonesian: they are
// official letters). Kept here so this folder stands alone; both languages have every key.
import type { Lang } from '../../shared/errors';

export const PREVIEW_TEXTS = {
  id: {
    preview: 'Pratinjau {doc}',
    paper: 'Kertas',
    print: 'Cetak',
    close: 'Tutup',
    loading: 'Memuat tagihan…',
    failed: 'Tagihan tidak dapat dimuat',
    refused: 'Dokumen tidak dapat dicetak',
    retry: 'Coba lagi',
    printSkrd: 'Cetak SKRD',
  },
  en: {
    preview: '{doc} preview',
    paper: 'Paper',
    print: 'Print',
    close: 'Close',
    loading: 'Loading the bill…',
    failed: 'The bill could not be loaded',
    refused: 'This document cannot be printed',
    retry: 'Try again',
    printSkrd: 'Print SKRD',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type PreviewText = keyof (typeof PREVIEW_TEXTS)['id'];

export function previewText(lang: Lang, key: PreviewText, doc = ''): string {
  return PREVIEW_TEXTS[lang][key].replace('{doc}', doc);
}
