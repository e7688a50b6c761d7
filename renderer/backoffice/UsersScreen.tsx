import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { contract, type UserRow } from '../../shared/contract';
import { ROLES, roleLabels, type Role } from '../../shared/roles';
import { call } from '../api';
import { isClientError } from '../api/client';
import { useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { fieldErrors, hasErrors, type FieldErrors } from '../lib/validation';
import { useSession } from '../session/store';
import { mayCall } from '../shell/routes';
import { Alert, Badge, Button, Card, columnsFor, DataTable, Field, Modal, RefreshButton, SelectField, toast } from '../ui';
import { users } from './store';

export function isLocked(user: Pick<UserRow, 'lockedUntil'>, now: number): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

function StatusCell({ user }: { user: UserRow }) {
  const t = useT();
  const lang = useLang();
  if (user.disabled) return <Badge tone="neutral">{t('users.status.disabled')}</Badge>;
  if (isLocked(user, Date.now())) return <Badge tone="danger">{t('users.status.locked', { until: formatDateTime(user.lockedUntil as string, lang) })}</Badge>;
  return (
    <span className="row" style={{ gap: 'var(--s-2)' }}>
      <Badge tone="success">{t('users.status.active')}</Badge>
      {user.failedAttempts > 0 ? <span className="muted" style={{ fontSize: 'var(--t-xs)' }}>{t('users.status.failed', { count: user.failedAttempts })}</span> : null}
    </span>
  );
}

function UnlockButton({ user }: { user: UserRow }) {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    setBusy(true);
    try {
      await call('users.unlock', { userId: user.id });
      toast.success(t('users.unlocked', { username: user.username }));
      await users.load();
    } catch (err) {
      toast.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" variant="secondary" onClick={unlock} busy={busy} data-testid={`unlock-${user.username}`}>
      {t('users.unlock')}
    </Button>
  );
}

const EMPTY_FORM = { username: '', fullName: '', role: 'petugas' as Role, password: '', repeat: '' };

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setForm(EMPTY_FORM);
      setErrors({});
      setFailure(null);
    }
  }, [open]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input = { username: form.username.trim(), fullName: form.fullName.trim(), role: form.role, password: form.password };
    const local = fieldErrors(contract['users.create'].input, input);
    if (form.repeat !== form.password) local.repeat = t('setup.passwordMismatch');
    setErrors(local);
    setFailure(null);
    if (hasErrors(local)) return;
    setBusy(true);
    try {
      const created = await call('users.create', input);
      toast.success(t('users.created', { username: created.username }));
      onClose();
      void users.load();
    } catch (err) {
      setFailure(errorText(err, lang));
      if (isClientError(err)) setErrors(err.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      onClose={() => !busy && onClose()}
      title={t('users.form.title')}
      testId="user-create"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="user-create-form" busy={busy} data-testid="user-create-submit">
            {busy ? t('users.form.submitting') : t('users.form.submit')}
          </Button>
        </>
      }
    >
      <form id="user-create-form" className="stack" onSubmit={submit} noValidate>
        {failure ? (
          <Alert tone="danger" testId="user-create-error">
            {failure}
          </Alert>
        ) : null}
        <div className="grid-2">
          <Field
            label={t('setup.username')}
            hint={t('setup.usernameHint')}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={form.username}
            onChange={set('username')}
            error={errors.username}
            testId="user-username"
            autoFocus
          />
          <SelectField
            label={t('users.form.role')}
            value={form.role}
            onChange={set('role')}
            error={errors.role}
            testId="user-role"
            options={ROLES.map((r) => ({ value: r, label: roleLabels[r][lang] }))}
          />
        </div>
        <Field label={t('setup.fullName')} value={form.fullName} onChange={set('fullName')} error={errors.fullName} testId="user-fullname" />
        <div className="grid-2">
          <Field
            label={t('setup.password')}
            hint={t('setup.passwordHint')}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            testId="user-password"
          />
          <Field
            label={t('setup.passwordRepeat')}
            type="password"
            autoComplete="new-password"
            value={form.repeat}
            onChange={set('repeat')}
            error={errors.repeat}
            testId="user-password-repeat"
          />
        </div>
      </form>
    </Modal>
  );
}

export function UsersScreen() {
  const t = useT();
  const lang = useLang();
  const role = useSession((s) => s.info?.user.role ?? null);
  const data = users.use((s) => s.data);
  const error = users.use((s) => s.error);
  const loading = users.use((s) => s.loading);
  const [creating, setCreating] = useState(false);
  const isAdmin = role !== null && mayCall(role, 'users.create');
  const canUnlock = role !== null && mayCall(role, 'users.unlock');

  useEffect(() => {
    void users.load();
  }, []);

  const columns = useMemo(() => {
    const col = columnsFor<UserRow>();
    return col.columns([
      col.accessor('username', { header: t('users.col.username'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('fullName', { header: t('users.col.fullName') }),
      col.accessor('role', { header: t('users.col.role'), cell: (c) => <Badge tone="primary">{roleLabels[c.getValue()][lang]}</Badge> }),
      col.accessor((u) => (u.disabled ? 2 : u.lockedUntil ? 1 : 0), { id: 'status', header: t('users.col.status'), cell: (c) => <StatusCell user={c.row.original} /> }),
      col.accessor('createdAt', { header: t('users.col.createdAt'), cell: (c) => formatDateTime(c.getValue(), lang), meta: { nowrap: true } }),
      ...(canUnlock
        ? [
            col.display({
              id: 'actions',
              header: t('users.col.actions'),
              cell: (c) => (isLocked(c.row.original, Date.now()) || c.row.original.failedAttempts > 0 ? <UnlockButton user={c.row.original} /> : null),
            }),
          ]
        : []),
    ]);
  }, [t, lang, canUnlock]);

  return (
    <div className="page" data-testid="users-screen">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <span className="spacer" />
        <RefreshButton onClick={() => void users.load()} loading={loading} />
        {isAdmin ? (
          <Button onClick={() => setCreating(true)} data-testid="user-add">
            {t('users.add')}
          </Button>
        ) : null}
      </div>
      {!isAdmin ? <Alert tone="info">{t('users.readOnly')}</Alert> : null}
      {error ? (
        <Alert tone="danger" title={t('error.title')} testId="users-error">
          {errorText(error, lang)}
        </Alert>
      ) : null}
      {data ? (
        <Card flush>
          <DataTable testId="users-table" label={t('users.title')} columns={columns} data={data} getRowId={(r) => r.id} filterable initialSort={[{ id: 'username', desc: false }]} />
        </Card>
      ) : null}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
