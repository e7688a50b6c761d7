// The print page: loads one bill (bill.get), shows the document as it will come out of the
// printer, and prints it. In print only the document is left (PREVIEW_CSS hides the app's chrome).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { BillDetail } from '../../shared/contract/billing';
import { call } from '../api';
import { useLang } from '../i18n';
import { Alert, Button } from '../ui';
import type { Signer } from './blocks';
import { DOCUMENTS, documentProblem, PrintDocument, type DocumentKind } from './html';
import { isRoll, PAPERS, rollLengthMm, type Paper } from './paper';
import { strdNumber } from './strd';
import { PREVIEW_CSS, printCss } from './styles';
import { previewText, type PreviewText } from './texts';

export interface PrintPreviewProps {
  kind: DocumentKind;
  billId: string;
  /** the paper chosen first; the document's first paper (A4) when not given or not allowed */
  paper?: Paper;
  signer?: Signer;
  /** leave the preview (e.g. back to the screen it was opened from); history.back() when not given */
  onClose?: () => void;
  /** print another way (the Electron shell's webContents.print with an explicit page size) */
  onPrint?: (job: { kind: DocumentKind; paper: Paper; billId: string }) => void;
  /** show another document of the same bill (the STRD preview of a bill not yet overdue offers its SKRD) */
  onOpen?: (kind: DocumentKind) => void;
}

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; bill: BillDetail };

export function PrintPreview({ kind, billId, paper: initialPaper, signer, onClose, onPrint, onOpen }: PrintPreviewProps) {
  const lang = useLang();
  const t = (key: PreviewText) => previewText(lang, key, DOCUMENTS[kind].short);
  const papers = DOCUMENTS[kind].papers;
  const [paper, setPaper] = useState<Paper>(initialPaper && papers.includes(initialPaper) ? initialPaper : (papers[0] ?? 'a4'));
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  const [printRequested, setPrintRequested] = useState(false);
  // a roll's page is as long as the slip: measured after every layout change
  const [rollLength, setRollLength] = useState<number | undefined>(undefined);
  const documentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!papers.includes(paper)) setPaper(papers[0] ?? 'a4');
  }, [papers, paper]);

  useEffect(() => {
    let isCurrent = true;
    setLoaded({ state: 'loading' });
    call('bill.get', { billId })
      .then((bill) => {
        if (isCurrent) setLoaded({ state: 'ready', bill });
      })
      .catch((err: unknown) => {
        if (isCurrent) setLoaded({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      isCurrent = false;
    };
  }, [billId, attempt]);

  // Ctrl+P prints too: the printed time is set before the browser takes its picture of the page
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);

  // print after the new printed time is on the page
  useEffect(() => {
    if (!printRequested) return;
    setPrintRequested(false);
    if (onPrint) onPrint({ kind, paper, billId });
    else window.print();
  }, [printRequested, onPrint, kind, paper, billId]);

  const print = useCallback(() => {
    setPrintedAt(new Date().toISOString());
    setPrintRequested(true);
  }, []);

  const close = onClose ?? (() => window.history.back());
  const bill = loaded.state === 'ready' ? loaded.bill : null;
  const problem = bill ? documentProblem(kind, bill, paper) : null;
  const isPrintable = bill !== null && problem === null;

  useLayoutEffect(() => {
    const doc = documentRef.current?.querySelector('.pd-doc');
    const length = doc && isRoll(paper) ? rollLengthMm(doc.getBoundingClientRect().height) : undefined;
    setRollLength((current) => (current === length ? current : length));
  });

  return (
    <div className="print-root" data-testid="print-preview" data-paper={paper} data-document={kind}>
      <style>{`${PREVIEW_CSS}\n${printCss(paper, rollLength)}`}</style>
      <div className="print-toolbar" role="toolbar" aria-label={t('preview')}>
        <span className="print-toolbar-title">
          {t('preview')}
          {bill ? <span className="muted"> — {kind === 'strd' ? strdNumber(bill.skrdNo) : bill.skrdNo}</span> : null}
        </span>
        {papers.length > 1 ? (
          <span className="print-papers" role="group" aria-label={t('paper')}>
            <span className="muted">{t('paper')}:</span>
            {papers.map((p) => (
              <Button key={p} size="sm" variant={p === paper ? 'primary' : 'secondary'} aria-pressed={p === paper} onClick={() => setPaper(p)} data-testid={`print-paper-${p}`}>
                {PAPERS[p].label}
              </Button>
            ))}
          </span>
        ) : null}
        <Button onClick={print} disabled={!isPrintable} data-testid="print-button">
          {t('print')}
        </Button>
        <Button variant="ghost" onClick={close} data-testid="print-close">
          {t('close')}
        </Button>
      </div>
      {loaded.state === 'loading' ? <div className="print-message skeleton">{t('loading')}</div> : null}
      {loaded.state === 'failed' ? (
        <div className="print-message">
          <Alert tone="danger" title={t('failed')} testId="print-error" actions={<Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>{t('retry')}</Button>}>
            {loaded.message}
          </Alert>
        </div>
      ) : null}
      {bill && problem ? (
        <div className="print-message">
          <Alert
            tone="warning"
            title={t('refused')}
            testId="print-refused"
            actions={kind === 'strd' && onOpen ? <Button variant="secondary" onClick={() => onOpen('skrd')}>{t('printSkrd')}</Button> : undefined}
          >
            {problem}
          </Alert>
        </div>
      ) : null}
      {bill && isPrintable ? (
        <div className="print-stage">
          <div ref={documentRef} className={['print-sheet', `pd-sheet-${paper}`, isRoll(paper) ? 'pd-sheet-roll' : ''].join(' ').trim()}>
            <PrintDocument kind={kind} bill={bill} paper={paper} printedAt={printedAt} {...(signer ? { signer } : {})} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
