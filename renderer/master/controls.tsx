// Form controls the design system does not have yet: a text area, a set of checkboxes, a
// segmented choice, and the search box of a list.
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldShell } from '../ui/Field';
import './master.css';

export function TextAreaField({ label, hint, error, testId, ...area }: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { label: ReactNode; hint?: ReactNode; error?: string | undefined; testId?: string }) {
  return (
    <FieldShell label={label} hint={hint} error={error} {...(testId ? { errorTestId: `${testId}-error` } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <textarea id={inputId} className="input textarea" aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={testId} rows={3} {...area} />
      )}
    </FieldShell>
  );
}

export interface CheckOption {
  value: string;
  label: ReactNode;
  /** shown under the label, smaller */
  sub?: ReactNode;
}

/** a fieldset of checkboxes; `columns` lays them out in a grid */
export function CheckboxGroup({
  legend,
  options,
  value,
  onChange,
  error,
  testId,
  columns = 1,
  hint,
}: {
  legend: ReactNode;
  options: readonly CheckOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  testId?: string;
  columns?: number;
  hint?: ReactNode;
}) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <fieldset className="field checks" data-testid={testId} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="checks-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-testid={testId ? `${testId}-${o.value}` : undefined} />
            <span>
              {o.label}
              {o.sub ? <span className="check-sub">{o.sub}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <span className="error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      ) : hint ? (
        <span className="hint">{hint}</span>
      ) : null}
    </fieldset>
  );
}

/** a row of toggle buttons for one choice out of a few */
export function Segmented<V extends string>({ label, options, value, onChange, testId }: { label: string; options: readonly { value: V; label: ReactNode }[]; value: V; onChange: (v: V) => void; testId?: string }) {
  return (
    <div className="segmented" role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={o.value === value} onClick={() => onChange(o.value)} data-testid={testId ? `${testId}-${o.value}` : undefined}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function SearchBox({ value, onChange, placeholder, testId }: { value: string; onChange: (v: string) => void; placeholder: string; testId: string }) {
  return (
    <input
      className="input search-input"
      type="search"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={placeholder}
      aria-label={placeholder}
      maxLength={64}
      data-testid={testId}
    />
  );
}

/** a labelled filter (a select) in a table's tool row */
export function FilterSelect({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[]; testId: string }) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select className="select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
