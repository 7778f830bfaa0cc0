import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { booking, treatment } from '../api';
import { useClinic } from '../clinic';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Appointment } from '../model';
import { formatDate, formatInstant, formatTime, today } from '../time';
import type { Episode, Session, Timeline } from '../treatment/model';

const MINE = 'clinic.myPractitioner';

interface Day {
  appointments: Appointment[];
  episodes: Map<string, Episode[]>;
  awaiting: Array<{ episode: Episode; session: Session; patient: string }>;
}

/**
 * The practitioner's day: the appointments with each patient's open episodes, and the sessions that took place and
 * wait for their record. Whose day it is is chosen once and remembered in this browser (booking-service does not
 * know which practitioner a signed-in user is); the day and the practitioner are in the page's address.
 */
export function MyDayPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [params, setParams] = useSearchParams();
  const practitionerId = params.get('practitioner') ?? localStorage.getItem(MINE) ?? '';
  const date = params.get('date') ?? today(clinic.zone);
  const [chosen, setChosen] = useState(practitionerId);
  const [day, setDay] = useState<Day | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setChosen(practitionerId), [practitionerId]);

  useEffect(() => {
    if (!practitionerId) {
      return undefined;
    }
    let current = true;
    setDay(null);
    setError(null);
    (async () => {
      const appointments = (await booking.get<Appointment[]>('/appointments',
        { from: date, to: date, practitioner: practitionerId, size: 200 })).data
        .sort((a, b) => a.start.localeCompare(b.start));
      const patients = [...new Set(appointments.map((a) => a.patientId))];
      const lists = await Promise.all(patients.map((patient) => treatment.get<Episode[]>('/episodes', { patient })
        .then((r) => r.data.filter((e) => e.status === 'open'))));
      const episodes = new Map(patients.map((patient, i) => [patient, lists[i]]));
      const names = new Map(appointments.map((a) => [a.patientId, a.patientName ?? '']));
      const timelines = await Promise.all([...episodes.values()].flat()
        .map((episode) => treatment.get<Timeline>(`/timeline/${episode.id}`).then((r) => r.data)));
      const awaiting = timelines.flatMap((line) => line.sessions.filter((s) => s.status === 'awaiting_record')
        .map((session) => ({ episode: line.episode, session, patient: names.get(line.episode.patientId) ?? '' })));
      return { appointments, episodes, awaiting };
    })().then((loaded) => current && setDay(loaded), (e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [practitionerId, date]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    localStorage.setItem(MINE, chosen);
    setParams({ practitioner: chosen, date: String(form.get('date') || date) });
  }

  const practitioners = clinic.practitioners.filter((p) => p.active);
  return (
    <section>
      <h1>{t('practice.myDay.title')}</h1>
      <form className="panel row" onSubmit={submit} aria-label={t('practice.myDay.whose')}>
        <label>{t('practice.myDay.whose')}
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} required>
            <option value="">{t('practice.myDay.choose')}</option>
            {practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label>{t('practice.myDay.date')}
          <input type="date" name="date" defaultValue={date} key={date} />
        </label>
        <div className="actions"><button type="submit">{t('dashboard.apply')}</button></div>
      </form>
      <ProblemMessage error={error} />
      {!practitionerId ? <p>{t('practice.myDay.chooseFirst')}</p> : !day ? (!error && <p className="loading">{t('app.loading')}</p>) : (
        <>
          <h2>{t('practice.myDay.appointments', { date: formatDate(date) })}</h2>
          {day.appointments.length === 0 ? <p>{t('practice.myDay.none')}</p> : (
            <table data-testid="my-day">
              <thead><tr>
                <th scope="col">{t('appointment.when')}</th><th scope="col">{t('field.patientId')}</th>
                <th scope="col">{t('field.appointmentTypeId')}</th><th scope="col">{t('appointment.status')}</th>
                <th scope="col">{t('practice.myDay.openEpisodes')}</th>
              </tr></thead>
              <tbody>
                {day.appointments.map((a) => (
                  <tr key={a.id}>
                    <td>{formatTime(a.localStart)}–{formatTime(a.localEnd)}</td>
                    <td><Link to={`/patients/${a.patientId}`}>{a.patientName}</Link></td>
                    <td>{clinic.typeName(a.appointmentTypeId)}</td>
                    <td>{t(`status.appointment.${a.status}`, { defaultValue: a.status })}</td>
                    <td>
                      {(day.episodes.get(a.patientId) ?? []).length === 0 ? t('practice.myDay.noEpisode')
                        : (day.episodes.get(a.patientId) ?? []).map((e) => (
                          <Link key={e.id} to={`/episodes/${e.id}`} className="episode-link">
                            {t(`dashboard.conditions.${e.condition}`)} ({t(`practice.side.${e.side}`)})
                          </Link>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('practice.myDay.awaiting')}</h2>
          {day.awaiting.length === 0 ? <p>{t('practice.myDay.noneAwaiting')}</p> : (
            <ul data-testid="awaiting">
              {day.awaiting.map(({ episode, session, patient }) => (
                <li key={session.id}>
                  <Link to={`/episodes/${episode.id}`}>{patient} · {t(`dashboard.conditions.${episode.condition}`)}</Link>
                  {' · '}{formatInstant(session.deliveredAt, clinic.zone)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
