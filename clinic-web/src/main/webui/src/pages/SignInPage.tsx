import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { LanguageSwitch } from '../components/Layout';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session';

/** With Keycloak a button to its sign-in page; with the local issuer a form for one of its users. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn, refresh } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('POST', '/session/local', { body: { username, password } });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-box">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
        {signIn === 'keycloak' ? (
          <p><a className="button" href="/session/sign-in">{t('signIn.withKeycloak')}</a></p>
        ) : (
          <form onSubmit={submit}>
            <h2>{t('signIn.title')}</h2>
            <label>
              <span>{t('signIn.username')}</span>
              <input name="username" autoComplete="username" required value={username}
                     onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label>
              <span>{t('signIn.password')}</span>
              <input name="password" type="password" autoComplete="current-password" required value={password}
                     onChange={(e) => setPassword(e.target.value)} />
            </label>
            <ProblemMessage error={error} />
            <button type="submit" disabled={busy}>{t('signIn.submit')}</button>
            <p className="hint">{t('signIn.localHint')}</p>
          </form>
        )}
      </div>
    </main>
  );
}
