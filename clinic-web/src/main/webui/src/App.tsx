import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ClinicProvider } from './clinic';
import { Layout } from './components/Layout';
import { CalendarPage } from './pages/CalendarPage';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';
import { pages } from './routes';
import { useSession, type Role } from './session';

// The calendar is the page the desk opens all day and comes with the first script; the others load when first opened.
const BookPage = lazy(pages.book);
const RequestsPage = lazy(pages.requests);
const WaitlistPage = lazy(pages.waitlist);
const SetupPage = lazy(pages.setup);
const MyDayPage = lazy(pages.myDay);
const PatientsPage = lazy(pages.patients);
const PatientPage = lazy(pages.patient);
const EpisodePage = lazy(pages.episode);
const DashboardPage = lazy(pages.dashboard);

function Guard({ roles, children }: { roles: Role[]; children: React.ReactElement }) {
  const { has } = useSession();
  const { t } = useTranslation();
  if (has(...roles)) {
    return children;
  }
  return (
    <div role="alert" className="problem" data-testid="refused">
      <p className="problem-title">{t('app.forbiddenPage')}</p>
      <p><Link to="/">{t('practice.refused')}</Link></p>
    </div>
  );
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
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/sign-in" element={<Navigate to="/" replace />} />
            <Route path="/calendar" element={<Guard roles={['receptionist', 'admin', 'practitioner']}><CalendarPage /></Guard>} />
            <Route path="/book" element={<Guard roles={['receptionist', 'admin']}><BookPage /></Guard>} />
            <Route path="/requests" element={<Guard roles={['receptionist', 'admin']}><RequestsPage /></Guard>} />
            <Route path="/waitlist" element={<Guard roles={['receptionist', 'admin']}><WaitlistPage /></Guard>} />
            <Route path="/setup/*" element={<Guard roles={['admin']}><SetupPage /></Guard>} />
            <Route path="/my-day" element={<Guard roles={['practitioner', 'admin']}><MyDayPage /></Guard>} />
            <Route path="/patients" element={<Guard roles={['practitioner', 'admin']}><PatientsPage /></Guard>} />
            <Route path="/patients/:id" element={<Guard roles={['practitioner', 'admin']}><PatientPage /></Guard>} />
            <Route path="/episodes/:id" element={<Guard roles={['practitioner', 'admin']}><EpisodePage /></Guard>} />
            <Route path="/dashboard" element={<Guard roles={['analyst', 'admin']}><DashboardPage /></Guard>} />
            <Route path="*" element={<p>{t('app.notFound')}</p>} />
          </Routes>
        </Suspense>
      </Layout>
    </ClinicProvider>
  );
}
