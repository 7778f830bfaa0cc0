import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { AbsencesSetup } from './setup/AbsencesSetup';
import { AppointmentTypesSetup } from './setup/AppointmentTypesSetup';
import { ClinicSetup } from './setup/ClinicSetup';
import { ClosuresSetup } from './setup/ClosuresSetup';
import { HoursSetup } from './setup/HoursSetup';
import { PractitionersSetup } from './setup/PractitionersSetup';
import { ResourcesSetup } from './setup/ResourcesSetup';

const TABS = ['clinic', 'practitioners', 'rooms', 'devices', 'types', 'hours', 'absences', 'closures'];

/** The clinic lead's set-up: the clinic, who treats, where and with what, what can be booked, and when. */
export function SetupPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('setup.title')}</h1>
      <nav aria-label={t('setup.sections')}>
        <ul className="tabs">
          {TABS.map((tab) => <li key={tab}><NavLink to={`/setup/${tab}`}>{t(`setup.${tab}`)}</NavLink></li>)}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="clinic" replace />} />
        <Route path="clinic" element={<ClinicSetup />} />
        <Route path="practitioners" element={<PractitionersSetup />} />
        <Route path="rooms" element={<ResourcesSetup kind="room" />} />
        <Route path="devices" element={<ResourcesSetup kind="device" />} />
        <Route path="types" element={<AppointmentTypesSetup />} />
        <Route path="hours" element={<HoursSetup />} />
        <Route path="absences" element={<AbsencesSetup />} />
        <Route path="closures" element={<ClosuresSetup />} />
      </Routes>
    </section>
  );
}
