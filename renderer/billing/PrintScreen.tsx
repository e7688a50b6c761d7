// #/cetak/<skrd|strd>/<billId>[/<paper>]: the print preview of renderer/print, mounted in the
// shell. Loaded only when opened (the document code carries the barcode library).
import { PrintPreview, parsePrintRoute, type DocumentKind } from '../print';
import { useT } from '../i18n';
import { hashFor } from '../shell/routes';
import { navigate, useRouteParams } from '../shell/router';
import { Alert } from '../ui';

export default function PrintScreen() {
  const t = useT();
  const params = useRouteParams();
  const route = parsePrintRoute(hashFor('print', params));
  if (!route)
    return (
      <div className="page">
        <Alert tone="warning" testId="print-route-invalid">
          {t('print.invalid')}
        </Alert>
      </div>
    );
  return (
    <PrintPreview
      key={`${route.kind}/${route.billId}`}
      kind={route.kind}
      billId={route.billId}
      {...(route.paper ? { paper: route.paper } : {})}
      onOpen={(kind: DocumentKind) => navigate('print', [kind, route.billId])}
    />
  );
}
