// Cari tagihan: an IDPEL (typed or scanned, checked locally first) or a name, unit, stall or
// part of a NIK → the payer → the open bills, each with its detail and its printed SKRD/STRD.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { PayerHit } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { validateIdpelInput } from '../lib/idpel';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Money } from '../ui';
import { OpenBillsView } from './OpenBills';
import './billing.css';

/** digits only (spaces and dashes allowed) and long enough to be an IDPEL rather than part of a NIK */
export function looksLikeIdpel(raw: string): boolean {
  const compact = raw.replace(/[\s-]/g, '');
  return /^\d{17,}$/.test(compact);
}

type Hits = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; text: string } | { state: 'ready'; query: string; hits: PayerHit[] };

const DEBOUNCE_MS = 300;

export function BillSearchScreen() {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState('');
  const [idpelError, setIdpelError] = useState<string | null>(null);
  const [hits, setHits] = useState<Hits>({ state: 'idle' });
  const [chosen, setChosen] = useState<string | null>(null);

  // names and units are searched as they are typed; an IDPEL waits for Enter
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || looksLikeIdpel(q)) return;
    let current = true;
    const timer = window.setTimeout(() => {
      setHits({ state: 'loading' });
      call('inquiry.search', { query: q, limit: 50 })
        .then((r) => current && setHits({ state: 'ready', query: q, hits: r.hits }))
        .catch((err: unknown) => current && setHits({ state: 'failed', text: errorText(err, lang) }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (looksLikeIdpel(q) || /^\d{10,}$/.test(q.replace(/[\s-]/g, ''))) {
      const checked = validateIdpelInput(q, lang);
      if (!checked.ok) {
        setIdpelError(checked.message);
        return;
      }
      setIdpelError(null);
      setChosen(checked.idpel);
      return;
    }
    if (q.length < 2) setIdpelError(t('billSearch.tooShort'));
  };

  const columns = useMemo(() => {
    const col = columnsFor<PayerHit>();
    return col.columns([
      col.accessor('payerName', {
        header: t('billSearch.col.payer'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="mono muted small">{c.row.original.idpel}</div>
          </>
        ),
      }),
      col.accessor('objectLabel', { header: t('billSearch.col.object') }),
      col.accessor('levyKind', { header: t('billSearch.col.levy'), cell: (c) => <Badge tone="primary">{t(`levyKind.${c.getValue()}`)}</Badge> }),
      col.accessor('openBills', { header: t('billSearch.col.openBills'), cell: (c) => (c.getValue() > 0 ? <Badge tone="warning">{formatNumber(c.getValue(), lang)}</Badge> : '0'), meta: { align: 'end' } }),
      col.accessor('openPrincipal', { header: t('billSearch.col.openPrincipal'), cell: (c) => <Money value={c.getValue()} />, meta: { align: 'end' } }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => (
          <Button size="sm" variant={chosen === c.row.original.idpel ? 'primary' : 'secondary'} onClick={() => setChosen(c.row.original.idpel)} data-testid="bill-search-open">
            {t('bills.open')}
          </Button>
        ),
      }),
    ]);
  }, [t, lang, chosen]);

  return (
    <div className="page" data-testid="bill-search-screen">
      <div className="page-head">
        <div>
          <h1>{t('billSearch.title')}</h1>
          <div className="sub">{t('billSearch.subtitle')}</div>
        </div>
      </div>
      <Card>
        <form className="search-row" onSubmit={submit} noValidate>
          <label htmlFor="bill-search-input" className="visually-hidden">
            {t('billSearch.placeholder')}
          </label>
          <input
            id="bill-search-input"
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={text}
            placeholder={t('billSearch.placeholder')}
            onChange={(e) => {
              setText(e.target.value);
              setIdpelError(null);
            }}
            aria-invalid={idpelError ? true : undefined}
            aria-describedby={idpelError ? 'bill-search-error' : undefined}
            data-testid="bill-search-input"
            autoFocus
          />
          <Button type="submit" data-testid="bill-search-submit">
            {t('common.search')}
          </Button>
        </form>
        {idpelError ? (
          <span id="bill-search-error" className="error" role="alert" data-testid="bill-search-error">
            {idpelError}
          </span>
        ) : (
          <span className="hint">{t('billSearch.hint')}</span>
        )}
      </Card>
      {chosen ? (
        <Card
          title={t('bills.openTitle')}
          actions={
            <Button size="sm" variant="ghost" onClick={() => setChosen(null)}>
              {t('common.close')}
            </Button>
          }
        >
          <OpenBillsView idpel={chosen} />
        </Card>
      ) : null}
      {hits.state === 'failed' ? <Alert tone="danger">{hits.text}</Alert> : null}
      {hits.state === 'ready' || hits.state === 'loading' ? (
        <Card title={hits.state === 'ready' ? t('billSearch.hits', { count: hits.hits.length, query: hits.query }) : t('app.loading')} flush>
          <DataTable testId="bill-search-hits" label={t('billSearch.title')} columns={columns} data={hits.state === 'ready' ? hits.hits : []} getRowId={(r) => r.idpel} busy={hits.state === 'loading'} pageSize={10} empty={t('billSearch.none')} />
        </Card>
      ) : null}
    </div>
  );
}
