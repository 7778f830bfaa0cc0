import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../session';

/**
 * The reception starts at the calendar, a practitioner at their day, the clinic lead at the outcomes; a role without
 * pages is told so.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { has } = useSession();
  if (has('practitioner') && !has('receptionist', 'admin')) {
    return <Navigate to="/my-day" replace />;
  }
  if (has('receptionist', 'admin', 'practitioner')) {
    return <Navigate to="/calendar" replace />;
  }
  if (has('analyst')) {
    return <Navigate to="/dashboard" replace />;
  }
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('home.noPages')}</p>
    </section>
  );
}
