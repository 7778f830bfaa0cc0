import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { useClinic } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime, plusDays, today } from '../../time';
import { PractitionerChoice } from './PractitionerChoice';
import { useSaving } from './useSaving';

interface Exception {
  id: string;
  kind: 'absence' | 'extra';
  start: string;
  end: string;
  reason?: string;
}

/** A practitioner's absences (holiday, a course) and extra hours, in local time. */
export function AbsencesSetup() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [practitioner, setPractitioner] = useState('');
  const [exceptions, setExceptions] = useState<Exception[]>([]);
  const [kind, setKind] = useState<'absence' | 'extra'>('absence');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const { error, saved, save } = useSaving();

  const load = useCallback(async () => {
    if (!practitioner) {
      setExceptions([]);
      return;
    }
    const from = today(clinic.zone);
    setExceptions((await booking.get<Exception[]>('/availability-exceptions', {
      practitioner, from, to: plusDays(from, 366),
    })).data);
  }, [practitioner, clinic.zone]);

  useEffect(() => { void load(); }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await save(() => booking.post('/availability-exceptions', {
      practitionerId: practitioner, kind, start, end, reason: reason || undefined,
    }), t('setup.saved'))) {
      await load();
    }
  }

  return (
    <>
      <div className="panel"><PractitionerChoice value={practitioner} onChange={setPractitioner} /></div>
      {practitioner && (
        <>
          <table>
            <caption>{t('setup.absences')}</caption>
            <thead><tr><th scope="col">{t('field.kind')}</th><th scope="col">{t('field.start')}</th><th scope="col">{t('field.end')}</th><th scope="col">{t('field.reason')}</th><th scope="col"><span className="visually-hidden">{t('action.remove')}</span></th></tr></thead>
            <tbody>
              {exceptions.map((x) => (
                <tr key={x.id}>
                  <td>{t(`exception.${x.kind}`)}</td><td>{formatDateTime(x.start)}</td><td>{formatDateTime(x.end)}</td><td>{x.reason}</td>
                  <td><button type="button" className="secondary" onClick={() => void save(() => booking.delete(`/availability-exceptions/${x.id}`), t('setup.removed')).then(load)}>{t('action.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="panel" onSubmit={submit} aria-labelledby="absence-form">
            <h2 id="absence-form">{t('setup.addAbsence')}</h2>
            <div className="row">
              <label><span>{t('field.kind')}</span>
                <select value={kind} onChange={(e) => setKind(e.target.value as 'absence' | 'extra')}>
                  <option value="absence">{t('exception.absence')}</option>
                  <option value="extra">{t('exception.extra')}</option>
                </select>
              </label>
              <label><span>{t('field.start')}</span><input type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} /></label>
              <label><span>{t('field.end')}</span><input type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} /></label>
              <label><span>{t('field.reason')}</span><input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
            </div>
            <ProblemMessage error={error} />
            {saved && <p className="notice" role="status">{saved}</p>}
            <button type="submit">{t('setup.addAbsence')}</button>
          </form>
        </>
      )}
    </>
  );
}
