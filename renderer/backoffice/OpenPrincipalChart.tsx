// Open principal per levy as a horizontal bar chart. apexcharts is used directly: the chart
// is built in an effect and destroyed on cleanup, so React and the chart never fight over the DOM.
import { useEffect, useRef } from 'react';
import ApexCharts from 'apexcharts/core';
import 'apexcharts/bar';
import type { LevyRow } from '../../shared/contract';
import { formatRupiah } from '../../shared/money';
import { useLang, useT } from '../i18n';
import { shortRupiah } from '../lib/format';
import { levyKindLabel } from '../lib/labels';

export function OpenPrincipalChart({ levies }: { levies: LevyRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const lang = useLang();
  const hasData = levies.some((l) => l.openPrincipal > 0);

  useEffect(() => {
    const el = ref.current;
    if (!el || !hasData) return;
    const chart = new ApexCharts(el, {
      chart: { type: 'bar', height: Math.max(160, 56 * levies.length + 40), toolbar: { show: false }, animations: { enabled: false }, fontFamily: 'inherit' },
      series: [{ name: t('overview.col.openPrincipal'), data: levies.map((l) => l.openPrincipal) }],
      // short category names (the kind) keep the bars wide; the tooltip names the levy in full
      xaxis: { categories: levies.map((l) => levyKindLabel(l.kind, lang)), labels: { formatter: (v: string) => shortRupiah(Number(v)), style: { fontSize: '12px' } } },
      yaxis: { labels: { style: { fontSize: '13px', fontWeight: 600 }, maxWidth: 160 } },
      plotOptions: { bar: { horizontal: true, barHeight: '55%', borderRadius: 3 } },
      colors: ['#0b5c73'],
      dataLabels: { enabled: true, formatter: (v: number) => formatRupiah(Math.round(v)), style: { fontSize: '12px', fontWeight: 600 } },
      tooltip: { x: { formatter: (_v: unknown, opts?: { dataPointIndex?: number }) => levies[opts?.dataPointIndex ?? -1]?.name ?? '' }, y: { formatter: (v: number) => formatRupiah(Math.round(v)) } },
      grid: { borderColor: '#e3e9ed' },
      legend: { show: false },
    });
    void chart.render();
    return () => chart.destroy();
  }, [levies, hasData, t, lang]);

  if (!hasData) return <div className="table-empty">{t('overview.chartEmpty')}</div>;
  return <div ref={ref} data-testid="overview-chart" />;
}
