import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { useClinic } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, plusDays, today } from '../../time';
import { useSaving } from './useSaving';

interface Closure {
  id: string;
  firstDay: string;
  lastDay: string;
  reason: string;
}

/** Whole days the clinic is closed (a public holiday, a move): nobody is booked on them. */
export function ClosuresSetup() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [closures, setClosures] = useState<Closure[]>([]);
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [reason, setReason] = useState('');
  const { error, saved, save } = useSaving();

  const load = useCallback(async () => {
    const from = today(clinic.zone);
    setClosures((await booking.get<Closure[]>('/closures', { from, to: plusDays(from, 366) })).data);
  }, [clinic.zone]);

  useEffect(() => { void load(); }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await save(() => booking.post('/closures', { firstDay, lastDay: lastDay || firstDay, reason }), t('setup.saved'))) {
      await load();
    }
  }

  return (
    <>
      <table>
        <caption>{t('setup.closures')}</caption>
        <thead><tr><th scope="col">{t('field.firstDay')}</th><th scope="col">{t('field.lastDay')}</th><th scope="col">{t('field.reason')}</th><th scope="col"><span className="visually-hidden">{t('action.remove')}</span></th></tr></thead>
        <tbody>
          {closures.map((c) => (
            <tr key={c.id}>
              <td>{formatDate(c.firstDay)}</td><td>{formatDate(c.lastDay)}</td><td>{c.reason}</td>
              <td><button type="button" className="secondary" onClick={() => void save(() => booking.delete(`/closures/${c.id}`), t('setup.removed')).then(load)}>{t('action.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={submit} aria-labelledby="closure-form">
        <h2 id="closure-form">{t('setup.addClosure')}</h2>
        <div className="row">
          <label><span>{t('field.firstDay')}</span><input type="date" required value={firstDay} onChange={(e) => setFirstDay(e.target.value)} /></label>
          <label><span>{t('field.lastDay')}</span><input type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} /></label>
          <label><span>{t('field.reason')}</span><input required value={reason} onChange={(e) => setReason(e.target.value)} /></label>
        </div>
        <ProblemMessage error={error} />
        {saved && <p className="notice" role="status">{saved}</p>}
        <button type="submit">{t('setup.addClosure')}</button>
      </form>
    </>
  );
}
