import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { ProblemMessage } from '../../components/ProblemMessage';
import { PractitionerChoice } from './PractitionerChoice';
import { useSaving } from './useSaving';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

interface Period {
  weekday: string;
  start: string;
  end: string;
  breaks: string;
}

interface WeeklyHours {
  days: Array<{ weekday: string; start: string; end: string; breaks?: Array<{ start: string; end: string }> }>;
}

function hhmm(time: string): string {
  return time.substring(0, 5);
}

/** Breaks as the form writes them: "12:00-12:30, 15:00-15:15". */
function parseBreaks(text: string): Array<{ start: string; end: string }> {
  return text.split(',').map((b) => b.trim()).filter(Boolean).map((b) => {
    const [start, end] = b.split('-').map((x) => x.trim());
    return { start, end };
  });
}

/** A practitioner's weekly hours in the clinic's local time, each with its breaks. */
export function HoursSetup() {
  const { t } = useTranslation();
  const [practitioner, setPractitioner] = useState('');
  const [periods, setPeriods] = useState<Period[]>([]);
  // whose hours the form holds: it is edited only once they have arrived, so a late answer never wipes an edit
  const [loadedFor, setLoadedFor] = useState('');
  const { error, saved, save } = useSaving();

  useEffect(() => {
    setLoadedFor('');
    setPeriods([]);
    if (!practitioner) {
      return;
    }
    let current = true;
    void booking.get<WeeklyHours>(`/working-hours/${practitioner}`).then((r) => {
      if (!current) {
        return; // another practitioner was chosen meanwhile
      }
      setPeriods(r.data.days.map((d) => ({
        weekday: d.weekday, start: hhmm(d.start), end: hhmm(d.end),
        breaks: (d.breaks ?? []).map((b) => `${hhmm(b.start)}-${hhmm(b.end)}`).join(', '),
      })));
      setLoadedFor(practitioner);
    });
    return () => {
      current = false;
    };
  }, [practitioner]);

  const change = (index: number, field: keyof Period, value: string) =>
    setPeriods(periods.map((p, i) => i === index ? { ...p, [field]: value } : p));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save(() => booking.put(`/working-hours/${practitioner}`, {
      days: periods.map((p) => ({ weekday: p.weekday, start: p.start, end: p.end, breaks: parseBreaks(p.breaks) })),
    }), t('setup.saved'));
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={t('setup.hours')}>
      <PractitionerChoice value={practitioner} onChange={setPractitioner} />
      {practitioner && loadedFor !== practitioner && <p className="loading">{t('app.loading')}</p>}
      {practitioner && loadedFor === practitioner && (
        <>
          <table>
            <caption>{t('setup.hoursCaption')}</caption>
            <thead><tr><th scope="col">{t('field.weekday')}</th><th scope="col">{t('field.start')}</th><th scope="col">{t('field.end')}</th><th scope="col">{t('field.breaks')}</th><th scope="col"><span className="visually-hidden">{t('action.remove')}</span></th></tr></thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={i}>
                  <td><select aria-label={t('field.weekday')} value={p.weekday} onChange={(e) => change(i, 'weekday', e.target.value)}>
                    {WEEKDAYS.map((d) => <option key={d} value={d}>{t(`weekday.${d}`)}</option>)}
                  </select></td>
                  <td><input type="time" aria-label={t('field.start')} required value={p.start} onChange={(e) => change(i, 'start', e.target.value)} /></td>
                  <td><input type="time" aria-label={t('field.end')} required value={p.end} onChange={(e) => change(i, 'end', e.target.value)} /></td>
                  <td><input aria-label={t('field.breaks')} placeholder="12:00-12:30" value={p.breaks} onChange={(e) => change(i, 'breaks', e.target.value)} /></td>
                  <td><button type="button" className="secondary" onClick={() => setPeriods(periods.filter((_, j) => j !== i))}>{t('action.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('setup.breaksHint')}</p>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setPeriods([...periods, {
              weekday: WEEKDAYS[periods.length % 7], start: '08:00', end: '16:00', breaks: '12:00-12:30',
            }])}>{t('setup.addPeriod')}</button>
            <button type="submit">{t('action.save')}</button>
          </div>
          <ProblemMessage error={error} />
          {saved && <p className="notice" role="status">{saved}</p>}
        </>
      )}
    </form>
  );
}
