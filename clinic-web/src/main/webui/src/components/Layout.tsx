import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';
import { useSession, type Role } from '../session';

const NAVIGATION: Array<{ to: string; label: string; roles: Role[] }> = [
  { to: '/my-day', label: 'nav.myDay', roles: ['practitioner'] },
  { to: '/calendar', label: 'nav.calendar', roles: ['receptionist', 'admin', 'practitioner'] },
  { to: '/book', label: 'nav.book', roles: ['receptionist', 'admin'] },
  { to: '/requests', label: 'nav.requests', roles: ['receptionist', 'admin'] },
  { to: '/waitlist', label: 'nav.waitlist', roles: ['receptionist', 'admin'] },
  { to: '/patients', label: 'nav.patients', roles: ['practitioner'] },
  { to: '/setup', label: 'nav.setup', roles: ['admin'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['analyst', 'admin'] },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => changeLanguage(e.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>{t(`language.${language}`)}</option>
        ))}
      </select>
    </label>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, has, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">{t('app.skip')}</a>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAVIGATION.filter((item) => has(...item.roles)).map((item) => (
              <li key={item.to}><NavLink to={item.to}>{t(item.label)}</NavLink></li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <LanguageSwitch />
          <span className="user">{user?.name}</span>
          <button type="button" className="secondary" onClick={() => void signOut()}>{t('action.signOut')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}
