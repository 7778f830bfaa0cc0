import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { treatment } from '../api';
import { useClinic } from '../clinic';
import { Pending, ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session';
import { formatDate, formatInstant } from '../time';
import {
  CONDITIONS, RED_FLAGS, SIDES, type Condition, type Episode, type PatientOverview, type RedFlag, type Side,
} from '../treatment/model';

/** A patient as the practitioner sees them: their booked appointments, their episodes of care, and a new episode. */
export function PatientPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const clinic = useClinic();
  const [patient, setPatient] = useState<PatientOverview | null>(null);
  const [episodes, setEpisodes] = useState<Episode[]>([]);
  const [error, setError] = useState<unknown>(null);
  const { has } = useSession();

  const load = useCallback(async () => {
    try {
      const [overview, list] = await Promise.all([
        treatment.get<PatientOverview>(`/patients/${id}`),
        treatment.get<Episode[]>('/episodes', { patient: id }),
      ]);
      setPatient(overview.data);
      setEpisodes(list.data);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!patient) {
    return <Pending error={error} />;
  }
  return (
    <section>
      <h1>{patient.givenName} {patient.familyName}</h1>
      <p>{t('practice.patient.born', { date: formatDate(patient.birthDate) })}</p>
      <ProblemMessage error={error} />

      <h2>{t('practice.patient.episodes')}</h2>
      {episodes.length === 0 ? <p>{t('practice.patient.noEpisodes')}</p> : (
        <ul className="choices">
          {episodes.map((e) => (
            <li key={e.id}>
              <Link to={`/episodes/${e.id}`}>{t(`dashboard.conditions.${e.condition}`)} ({t(`practice.side.${e.side}`)})</Link>
              {' · '}{t(`practice.episode.status.${e.status}`)} · {formatInstant(e.openedAt, clinic.zone)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('practice.patient.appointments')}</h2>
      <Appointments patient={patient} />

      {has('practitioner') && <OpenEpisode patientId={patient.id} />}
    </section>
  );
}

/** The patient's booked appointments, as treatment-service knows them from booking's events. */
export function Appointments({ patient }: { patient: PatientOverview }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  if (patient.appointments.length === 0) {
    return <p>{t('practice.patient.noAppointments')}</p>;
  }
  return (
    <table data-testid="appointments">
      <thead><tr>
        <th scope="col">{t('appointment.when')}</th><th scope="col">{t('field.practitionerId')}</th>
        <th scope="col">{t('appointment.status')}</th>
      </tr></thead>
      <tbody>
        {patient.appointments.map((a) => (
          <tr key={a.id}>
            <td>{formatInstant(a.start, clinic.zone)}</td>
            <td>{clinic.practitioner(a.practitionerId)?.name ?? ''}</td>
            <td>{t(`status.appointment.${a.status}`, { defaultValue: a.status })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Opens an episode of care with its red-flag screen. Any flag makes the screen positive: the episode page then asks
 * for the referral decision before anything else, as treatment-service demands.
 */
function OpenEpisode({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [condition, setCondition] = useState<Condition>('plantar_heel_pain');
  const [side, setSide] = useState<Side>('right');
  const [symptomWeeks, setSymptomWeeks] = useState('');
  const [referralSource, setReferralSource] = useState('');
  const [flags, setFlags] = useState<Record<RedFlag, boolean>>(
    { noImprovement: false, swellingRednessWarmth: false, cannotStandOrWalk: false, systemicDisease: false });
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await treatment.post<Episode>('/episodes', {
        patientId, condition, side,
        symptomWeeks: symptomWeeks === '' ? undefined : Number(symptomWeeks),
        referralSource: referralSource || undefined,
        redFlags: { ...flags, note: note || undefined },
      });
      navigate(`/episodes/${created.data.id}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="open-episode">
      <h2 id="open-episode">{t('practice.open.title')}</h2>
      <div className="row">
        <label>{t('dashboard.condition')}
          <select value={condition} onChange={(e) => setCondition(e.target.value as Condition)}>
            {CONDITIONS.map((c) => <option key={c} value={c}>{t(`dashboard.conditions.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('practice.open.side')}
          <select value={side} onChange={(e) => setSide(e.target.value as Side)}>
            {SIDES.map((s) => <option key={s} value={s}>{t(`practice.side.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('practice.open.symptomWeeks')}
          <input type="number" min={0} value={symptomWeeks} onChange={(e) => setSymptomWeeks(e.target.value)} />
        </label>
        <label>{t('practice.open.referralSource')}
          <input value={referralSource} onChange={(e) => setReferralSource(e.target.value)} />
        </label>
      </div>
      <fieldset>
        <legend>{t('practice.open.redFlags')}</legend>
        <p className="hint">{t('practice.open.redFlagsHint')}</p>
        {RED_FLAGS.map((flag) => (
          <label key={flag} className="inline">
            <input type="checkbox" checked={flags[flag]} onChange={(e) => setFlags({ ...flags, [flag]: e.target.checked })} />
            {t(`practice.redFlag.${flag}`)}
          </label>
        ))}
        <label>{t('practice.open.redFlagNote')}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </fieldset>
      <ProblemMessage error={error} />
      <div className="actions"><button type="submit">{t('practice.open.submit')}</button></div>
    </form>
  );
}
