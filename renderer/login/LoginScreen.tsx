import { useEffect, useRef, useState, type FormEvent } from 'react';
import { contract, type SessionInfo, type SetupStatus } from '../../shared/contract';
import { call } from '../api';
import { isClientError } from '../api/client';
import { useLang, useT } from '../i18n';
import { apiErrorText, errorText } from '../lib/errors';
import { fieldErrors, hasErrors, type FieldErrors } from '../lib/validation';
import { sessionStore, useSession } from '../session/store';
import { navigate, routerStore } from '../shell/router';
import { canOpen, homeFor } from '../shell/routes';
import { LanguageToggle } from '../shell/LanguageToggle';
import { Alert, Badge, Button, Field } from '../ui';
import { setupStatus } from './store';
import './login.css';

/** after login stay on the screen the address names when the role may open it (a session
 * that expired mid-work resumes where it was), else go to the role's home */
function enter(info: SessionInfo): void {
  sessionStore.getState().signIn(info);
  const current = routerStore.getState().route;
  if (current && canOpen(info.user.role, current)) return;
  const home = homeFor(info.user.role);
  if (home) navigate(home);
}

/** fields the backend named (ApiError.fields) win over our own check: they are the final word */
function serverFields(err: unknown): FieldErrors {
  return isClientError(err) ? err.fields : {};
}

function LoginForm() {
  const t = useT();
  const lang = useLang();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => usernameRef.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input = { username, password };
    const local = fieldErrors(contract['auth.login'].input, input);
    setErrors(local);
    setFailure(null);
    sessionStore.getState().clearNotice(); // this attempt's outcome replaces the old notice
    if (hasErrors(local)) return;
    setBusy(true);
    try {
      enter(await call('auth.login', input));
    } catch (err) {
      setFailure(errorText(err, lang));
      setErrors(serverFields(err));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="login-form">
      <div>
        <h1 className="login-title">{t('login.title')}</h1>
        <p className="muted login-sub">{t('login.subtitle')}</p>
      </div>
      {failure ? (
        <Alert tone="danger" testId="login-error">
          {failure}
        </Alert>
      ) : null}
      <Field
        ref={usernameRef}
        label={t('login.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={errors.username}
        testId="login-username"
      />
      <Field
        ref={passwordRef}
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        testId="login-password"
      />
      <Button type="submit" block busy={busy} data-testid="login-submit">
        {busy ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}

function FirstAdminForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const lang = useLang();
  const [form, setForm] = useState({ username: '', fullName: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input = { username: form.username.trim(), fullName: form.fullName.trim(), password: form.password };
    const local = fieldErrors(contract['setup.createFirstAdmin'].input, input);
    if (form.repeat !== form.password) local.repeat = t('setup.passwordMismatch');
    setErrors(local);
    setFailure(null);
    if (hasErrors(local)) return;
    setBusy(true);
    try {
      enter(await call('setup.createFirstAdmin', input));
    } catch (err) {
      setBusy(false);
      if (isClientError(err) && err.code === 'SETUP_DONE') {
        onDone(); // someone else finished setup meanwhile: the login form is what is left
        return;
      }
      setFailure(errorText(err, lang));
      setErrors(serverFields(err));
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="setup-form">
      <div>
        <h1 className="login-title">{t('setup.title')}</h1>
        <p className="muted login-sub">{t('setup.subtitle')}</p>
      </div>
      {failure ? (
        <Alert tone="danger" testId="setup-error">
          {failure}
        </Alert>
      ) : null}
      <Field
        label={t('setup.username')}
        hint={t('setup.usernameHint')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={form.username}
        onChange={set('username')}
        error={errors.username}
        testId="setup-username"
        autoFocus
      />
      <Field label={t('setup.fullName')} autoComplete="name" value={form.fullName} onChange={set('fullName')} error={errors.fullName} testId="setup-fullname" />
      <div className="grid-2">
        <Field
          label={t('setup.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          testId="setup-password"
        />
        <Field
          label={t('setup.passwordRepeat')}
          type="password"
          autoComplete="new-password"
          value={form.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
          testId="setup-password-repeat"
        />
      </div>
      <p className="hint muted" style={{ fontSize: 'var(--t-xs)', marginTop: 'calc(-1 * var(--s-2))' }}>
        {t('setup.passwordHint')}
      </p>
      <Button type="submit" block busy={busy} data-testid="setup-submit">
        {busy ? t('setup.submitting') : t('setup.submit')}
      </Button>
    </form>
  );
}

function BrandPanel({ status }: { status: SetupStatus | null }) {
  const t = useT();
  return (
    <div className="login-brand">
      <div className="login-mark" aria-hidden="true">
        Rp
      </div>
      <div className="login-app">{t('app.name')}</div>
      <div className="login-tagline">{t('app.tagline')}</div>
      {status ? (
        <div className="login-office">
          <div className="login-office-name" data-testid="login-office">
            {status.officeName}
          </div>
          <div className="login-terminal">
            {t('shell.terminal')} <span className="mono">{status.terminalCode}</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function LoginScreen() {
  const t = useT();
  const lang = useLang();
  const notice = useSession((s) => s.notice);
  const status = setupStatus.use((s) => s.data);
  const error = setupStatus.use((s) => s.error);
  const loading = setupStatus.use((s) => s.loading);

  useEffect(() => {
    void setupStatus.load();
  }, []);

  let body;
  if (status) body = status.needsFirstAdmin ? <FirstAdminForm onDone={() => void setupStatus.load()} /> : <LoginForm />;
  else if (error)
    body = (
      <Alert
        tone="danger"
        testId="login-error"
        actions={
          <Button variant="secondary" size="sm" onClick={() => void setupStatus.load()} busy={loading}>
            {t('login.retry')}
          </Button>
        }
      >
        {errorText(error, lang)}
      </Alert>
    );
  else body = <p className="muted">{t('login.checking')}</p>;

  return (
    <div className="login-page" data-testid="login-screen">
      <div className="login-lang">
        <LanguageToggle tone="light" />
      </div>
      <div className="login-card">
        <BrandPanel status={status} />
        <div className="login-form">
          {status?.profile === 'demo' ? (
            <div className="login-demo" title={t('login.demoHint')}>
              <Badge tone="warning" dot testId="demo-badge">
                {t('login.demoProfile')}
              </Badge>
              <span className="muted">{t('login.demoHint')}</span>
            </div>
          ) : null}
          {notice ? (
            <Alert tone="warning" testId="login-notice">
              {apiErrorText(notice, lang)}
            </Alert>
          ) : null}
          {body}
        </div>
      </div>
    </div>
  );
}
