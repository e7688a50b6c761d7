// Forms of the back office: check against the operation's own zod schema before sending (the
// same messages the backend gives, under the same fields), send once, and show what came back —
// per-field messages under the fields, anything else above them.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { contract, type OpInput, type OpName, type OpResult } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api';
import { isClientError } from '../api/client';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { Alert, Button, Modal } from '../ui';

export type FieldErrors = Record<string, string>;

/** every problem of a value against a schema, keyed by its dotted path ('samples.0.source') as the backend keys them */
export function schemaErrors(schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export interface Failure {
  text: string;
  code: ErrorCode | null;
}

export interface OpForm<K extends OpName> {
  busy: boolean;
  errors: FieldErrors;
  failure: Failure | null;
  /** checks, sends, and returns the result — or null when it did not go through */
  submit(input: OpInput<K>, local?: FieldErrors): Promise<OpResult<K> | null>;
  reset(): void;
}

export function useOpForm<K extends OpName>(op: K): OpForm<K> {
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const reset = useCallback(() => {
    setErrors({});
    setFailure(null);
  }, []);
  const submit = async (input: OpInput<K>, local: FieldErrors = {}): Promise<OpResult<K> | null> => {
    const found = { ...schemaErrors(contract[op].input, input), ...local };
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return null;
    setBusy(true);
    try {
      return await call(op, input);
    } catch (err) {
      const fields = isClientError(err) ? err.fields : {};
      setErrors(fields);
      // a refusal that names its fields is said under them; anything else above the form
      const onlyFields = isClientError(err) && err.code === 'INVALID_INPUT' && Object.keys(fields).length > 0;
      setFailure(onlyFields ? null : { text: errorText(err, lang), code: isClientError(err) ? err.code : null });
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, failure, submit, reset };
}

export interface FormModalProps {
  open: boolean;
  title: ReactNode;
  testId: string;
  submitLabel: string;
  busy: boolean;
  failure: Failure | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** shown with a VERSION_CONFLICT: reload the record and keep the form open */
  onReload?: () => void;
  /** no submit button (a read-only view) */
  readOnly?: boolean;
  submitVariant?: 'primary' | 'danger';
  /** the form's field errors: the first one is scrolled into view (a long form hides it otherwise) */
  errors?: FieldErrors;
}

/** a modal holding one form: Cancel and the submit button in the footer, the failure on top */
export function FormModal({ open, title, testId, submitLabel, busy, failure, onSubmit, onClose, children, wide, onReload, readOnly, submitVariant = 'primary', errors }: FormModalProps) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!errors || Object.keys(errors).length === 0) return;
    const frame = window.requestAnimationFrame(() => {
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .error');
      first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [errors]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation(); // a form in a modal opened from another form is not that form's submit
    if (!busy) onSubmit();
  };
  return (
    <Modal
      open={open}
      onClose={() => !busy && onClose()}
      title={title}
      testId={testId}
      wide={wide ?? false}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy} data-testid={`${testId}-cancel`}>
            {readOnly ? t('common.close') : t('common.cancel')}
          </Button>
          {readOnly ? null : (
            <Button type="submit" form={`${testId}-form`} variant={submitVariant} busy={busy} data-testid={`${testId}-submit`}>
              {busy ? t('form.saving') : submitLabel}
            </Button>
          )}
        </>
      }
    >
      <form ref={formRef} id={`${testId}-form`} className="stack form-stack" onSubmit={submit} noValidate>
        {failure ? (
          <Alert
            tone="danger"
            testId={`${testId}-error`}
            title={failure.code === 'VERSION_CONFLICT' ? t('form.conflictTitle') : undefined}
            actions={
              failure.code === 'VERSION_CONFLICT' && onReload ? (
                <Button size="sm" variant="secondary" onClick={onReload} data-testid={`${testId}-reload`}>
                  {t('form.reload')}
                </Button>
              ) : undefined
            }
          >
            {failure.text}
          </Alert>
        ) : null}
        {children}
      </form>
    </Modal>
  );
}

/** a read-only note under a form's fields (what happens when it is saved) */
export function FormNote({ children }: { children: ReactNode }) {
  return <p className="form-note">{children}</p>;
}
