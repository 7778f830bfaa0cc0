import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ClinicProvider } from './clinic';
import { Layout } from './components/Layout';
import { BookPage } from './pages/BookPage';
import { CalendarPage } from './pages/CalendarPage';
import { HomePage } from './pages/HomePage';
import { RequestsPage } from './pages/RequestsPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { WaitlistPage } from './pages/WaitlistPage';
import { useSession, type Role } from './session';

function Guard({ roles, children }: { roles: Role[]; children: React.ReactElement }) {
  const { has } = useSession();
  const { t } = useTranslation();
  return has(...roles) ? children : <p role="alert" className="problem">{t('app.forbiddenPage')}</p>;
}

export function App() {
  const { loaded, user } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  if (!loaded) {
    return <p className="loading">{t('app.loading')}</p>;
  }
  if (!user) {
    return location.pathname === '/sign-in' ? <SignInPage /> : <Navigate to="/sign-in" replace />;
  }
  return (
    <ClinicProvider>
      <Layout>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/sign-in" element={<Navigate to="/" replace />} />
          <Route path="/calendar" element={<Guard roles={['receptionist', 'admin', 'practitioner']}><CalendarPage /></Guard>} />
          <Route path="/book" element={<Guard roles={['receptionist', 'admin']}><BookPage /></Guard>} />
          <Route path="/requests" element={<Guard roles={['receptionist', 'admin']}><RequestsPage /></Guard>} />
          <Route path="/waitlist" element={<Guard roles={['receptionist', 'admin']}><WaitlistPage /></Guard>} />
          <Route path="/setup/*" element={<Guard roles={['admin']}><SetupPage /></Guard>} />
          <Route path="*" element={<p>{t('app.notFound')}</p>} />
        </Routes>
      </Layout>
    </ClinicProvider>
  );
}
