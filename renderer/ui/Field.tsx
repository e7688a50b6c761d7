import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';

interface FieldShellProps {
  label: ReactNode;
  /** the label is read out but not shown (a search box whose placeholder says it all) */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** data-testid of the error text, so tests can read the message of one field */
  errorTestId?: string;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** label, control, hint and the field's error message wired together for screen readers */
export function FieldShell({ label, hideLabel = false, hint, error, errorTestId, children }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint && !error ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {error ? (
        <span id={errorId} className="error" data-testid={errorTestId}>
          {error}
        </span>
      ) : null}
      {hint && !error ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** data-testid of the input; its error text gets `${testId}-error` */
  testId?: string;
  hideLabel?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Field({ label, hideLabel, hint, error, testId, className, ref, ...input }: FieldProps) {
  return (
    <FieldShell label={label} hideLabel={hideLabel ?? false} hint={hint} error={error} {...(testId ? { errorTestId: `${testId}-error` } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <input
          ref={ref}
          id={inputId}
          className={['input', className ?? ''].join(' ').trim()}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  options: readonly { value: string; label: string }[];
  testId?: string;
}

export function SelectField({ label, hint, error, options, testId, className, ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} {...(testId ? { errorTestId: `${testId}-error` } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className={['select', className ?? ''].join(' ').trim()}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
