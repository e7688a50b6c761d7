// One receipt looked up by payment (receipt.get), shown as it prints, with the paper choice and
// the (re)print button: every print after the first comes out as SALINAN ke-N.
import { useEffect, useState } from 'react';
import type { Receipt } from '../../shared/contract';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import type { Paper } from '../print/paper';
import { receiptStamp } from '../print/receiptMeta';
import { Alert, Badge, Button, Modal, toast, type Tone } from '../ui';
import { PaperPicker, ReceiptPreview } from './Desk';
import { useDesk, setPaper } from './deskStore';
import { printReceiptOn } from './printing';

export function statusTone(status: Receipt['status']): Tone {
  return status === 'sah' ? 'success' : status === 'menunggu_verifikasi' ? 'warning' : 'danger';
}

export function ReceiptStatus({ status, testId }: { status: Receipt['status']; testId?: string }) {
  const t = useT();
  return (
    <Badge tone={statusTone(status)} {...(testId ? { testId } : {})}>
      {t(`receipt.status.${status}`)}
    </Badge>
  );
}

export function ReceiptModal({ paymentId, onClose }: { paymentId: string | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const paper = useDesk((s) => s.paper);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setReceipt(null);
    setFailure(null);
    if (!paymentId) return;
    let isCurrent = true;
    call('receipt.get', { paymentId })
      .then((r) => isCurrent && setReceipt(r))
      .catch((err: unknown) => isCurrent && setFailure(errorText(err, lang)));
    return () => {
      isCurrent = false;
    };
  }, [paymentId, lang]);

  const print = async (p: Paper) => {
    if (!receipt) return;
    setBusy(true);
    try {
      const { copyNo } = await printReceiptOn(receipt, p);
      setReceipt({ ...receipt, printCount: copyNo });
      toast.info(copyNo > 1 ? t('desk.toast.printedCopy', { n: copyNo - 1, receiptNo: receipt.receiptNo }) : t('desk.toast.printed', { receiptNo: receipt.receiptNo }));
    } catch (err) {
      toast.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const stamp = receipt ? receiptStamp(receipt.status) : null;
  return (
    <Modal
      open={paymentId !== null}
      onClose={onClose}
      wide
      title={receipt ? t('receipt.title', { receiptNo: receipt.receiptNo }) : t('app.loading')}
      testId="receipt-modal"
      footer={
        <>
          <PaperPicker paper={paper} onChange={setPaper} testId="receipt-paper" />
          <span className="spacer" />
          <Button variant="ghost" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={() => void print(paper)} busy={busy} disabled={!receipt} data-testid="receipt-print">
            {receipt && receipt.printCount > 0 ? t('desk.reprint') : t('desk.print')}
          </Button>
        </>
      }
    >
      {failure ? (
        <Alert tone="danger" testId="receipt-error">
          {failure}
        </Alert>
      ) : null}
      {receipt ? (
        <div className="stack">
          <div className="row">
            <ReceiptStatus status={receipt.status} testId="receipt-status" />
            {stamp ? <strong data-testid="receipt-stamp">{stamp}</strong> : null}
            <span className="muted">{t('receipt.prints', { count: receipt.printCount })}</span>
          </div>
          {receipt.void ? (
            <Alert tone="danger" testId="receipt-void">
              {t('receipt.voidNote', { reason: receipt.void.reason, by: receipt.void.approvedBy })}
            </Alert>
          ) : null}
          <ReceiptPreview receipt={receipt} paper={paper} copyNo={receipt.printCount + 1} />
        </div>
      ) : null}
    </Modal>
  );
}
