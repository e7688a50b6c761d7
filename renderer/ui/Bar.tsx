/** a thin horizontal bar for a share or an occupancy rate (0–100) */
export function Bar({ pct, tone, label }: { pct: number; tone?: 'primary' | 'warning' | 'success'; label: string }) {
  const width = Math.max(0, Math.min(100, pct));
  return (
    <div className={`bar${tone && tone !== 'primary' ? ` tone-${tone}` : ''}`} role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={width} aria-label={label}>
      <span style={{ width: `${width}%` }} />
    </div>
  );
}
