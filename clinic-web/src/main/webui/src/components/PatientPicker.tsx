import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../api';
import { formatDate } from '../time';
import { patientName, type Patient } from '../model';
import { ProblemMessage } from './ProblemMessage';

/**
 * Finds a patient by the start of their name, or registers a new one on the spot. The chosen patient is shown with
 * their birth date, so two people of one name are told apart.
 */
export function PatientPicker({ value, onChange }: { value: Patient | null; onChange: (p: Patient | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Patient[]>([]);
  const [registering, setRegistering] = useState(false);

  useEffect(() => {
    const name = query.trim();
    if (name.length < 2) {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => {
      booking.get<Patient[]>('/patients', { name, size: 10 }).then((r) => setFound(r.data)).catch(() => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  if (value) {
    return (
      <fieldset>
        <legend>{t('patient.title')}</legend>
        <p data-testid="chosen-patient"><strong>{patientName(value)}</strong> · {formatDate(value.birthDate)}</p>
        <button type="button" className="secondary" onClick={() => onChange(null)}>{t('patient.change')}</button>
      </fieldset>
    );
  }
  return (
    <fieldset>
      <legend>{t('patient.title')}</legend>
      {registering ? (
        <RegisterPatient onRegistered={(p) => { setRegistering(false); onChange(p); }}
                         onCancel={() => setRegistering(false)} />
      ) : (
        <>
          <label>
            <span>{t('patient.search')}</span>
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-hint`} />
          </label>
          <p id={`${id}-hint`} className="hint">{t('patient.searchHint')}</p>
          {found.length > 0 && (
            <ul className="choices" aria-label={t('patient.found')}>
              {found.map((p) => (
                <li key={p.id}>
                  <button type="button" className="secondary" onClick={() => onChange(p)}>
                    {patientName(p)} · {formatDate(p.birthDate)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {query.trim().length >= 2 && found.length === 0 && <p>{t('patient.noneFound')}</p>}
          <button type="button" className="secondary" onClick={() => setRegistering(true)}>{t('patient.register')}</button>
        </>
      )}
    </fieldset>
  );
}

function RegisterPatient({ onRegistered, onCancel }: { onRegistered: (p: Patient) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({
    givenName: '', familyName: '', birthDate: '', email: '', phone: '',
    preferredLanguage: (['da', 'nb', 'en'].includes(i18n.language) ? i18n.language : 'da') as Patient['preferredLanguage'],
    reminderConsent: false,
  });
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await booking.post<Patient>('/patients', {
        ...form,
        email: form.email || undefined,
        phone: form.phone || undefined,
      });
      onRegistered(data);
    } catch (e) {
      setError(e);
    }
  }

  const set = (field: string) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  return (
    <div className="register" role="group" aria-label={t('patient.register')}>
      <div className="row">
        <label><span>{t('field.givenName')}</span><input required value={form.givenName} onChange={set('givenName')} /></label>
        <label><span>{t('field.familyName')}</span><input required value={form.familyName} onChange={set('familyName')} /></label>
        <label><span>{t('field.birthDate')}</span><input type="date" required value={form.birthDate} onChange={set('birthDate')} /></label>
      </div>
      <div className="row">
        <label><span>{t('field.email')}</span><input type="email" value={form.email} onChange={set('email')} /></label>
        <label><span>{t('field.phone')}</span><input type="tel" value={form.phone} onChange={set('phone')} /></label>
        <label>
          <span>{t('field.preferredLanguage')}</span>
          <select value={form.preferredLanguage} onChange={set('preferredLanguage')}>
            {['da', 'nb', 'en'].map((l) => <option key={l} value={l}>{t(`language.${l}`)}</option>)}
          </select>
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={form.reminderConsent}
               onChange={(e) => setForm({ ...form, reminderConsent: e.target.checked })} />
        <span>{t('field.reminderConsent')}</span>
      </label>
      <ProblemMessage error={error} />
      <div className="actions">
        <button type="button" onClick={(e) => void submit(e)}>{t('patient.registerSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </div>
  );
}
