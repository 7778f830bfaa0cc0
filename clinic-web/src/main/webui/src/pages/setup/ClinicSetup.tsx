import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import type { ClinicSettings } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useSaving } from './useSaving';

export function ClinicSetup() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [version, setVersion] = useState<string>();
  const { error, saved, save } = useSaving();

  const load = () => booking.get<ClinicSettings>('/clinic').then((r) => { setSettings(r.data); setVersion(r.etag); });
  useEffect(() => { void load(); }, []);

  if (!settings) {
    return <p>{t('app.loading')}</p>;
  }
  const number = (field: keyof ClinicSettings) => (e: { target: { value: string } }) =>
    setSettings({ ...settings, [field]: Number(e.target.value) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await save(() => booking.put('/clinic', settings, version), t('setup.saved'))) {
      await load();
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={t('setup.clinic')}>
      <div className="row">
        <label><span>{t('field.name')}</span><input required value={settings.name} onChange={(e) => setSettings({ ...settings, name: e.target.value })} /></label>
        <label><span>{t('field.timeZone')}</span><input required value={settings.timeZone} onChange={(e) => setSettings({ ...settings, timeZone: e.target.value })} /></label>
      </div>
      <div className="row">
        <label><span>{t('field.lateCancellationNoticeHours')}</span><input type="number" min={0} value={settings.lateCancellationNoticeHours} onChange={number('lateCancellationNoticeHours')} /></label>
        <label><span>{t('field.reminderLeadHours')}</span><input type="number" min={0} value={settings.reminderLeadHours} onChange={number('reminderLeadHours')} /></label>
        <label><span>{t('field.waitlistOfferMinutes')}</span><input type="number" min={1} value={settings.waitlistOfferMinutes} onChange={number('waitlistOfferMinutes')} /></label>
        <label><span>{t('field.slotStepMinutes')}</span><input type="number" min={5} value={settings.slotStepMinutes} onChange={number('slotStepMinutes')} /></label>
      </div>
      <ProblemMessage error={error} />
      {saved && <p className="notice" role="status">{saved}</p>}
      <button type="submit">{t('action.save')}</button>
    </form>
  );
}
