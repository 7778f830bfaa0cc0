import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { treatment } from '../api';
import { useClinic } from '../clinic';
import { Pending, ProblemMessage } from '../components/ProblemMessage';
import { etag } from '../model';
import { useSession } from '../session';
import { formatDate, formatInstant } from '../time';
import { OutcomeChart } from '../treatment/OutcomeChart';
import { PlanChanges } from '../treatment/PlanChanges';
import { PlanForm, useModalityName } from '../treatment/PlanForm';
import { Questionnaire } from '../treatment/Questionnaire';
import { formatScore } from '../treatment/scoring';
import { ReviewForm, SessionForm } from '../treatment/SessionForm';
import { Appointments } from './PatientPage';
import type {
  Adherence, Episode, Modality, PatientOverview, Plan, Progress, Session, Timeline,
} from '../treatment/model';

/**
 * A patient's episode of care, as the practitioner works on it: the red-flag screen and its referral decision, the
 * plan with its versions, courses with planned, booked and delivered sessions and the review point when it is due,
 * the sessions, the outcome chart and measures, and the forms to record what happens next.
 */
export function EpisodePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { has } = useSession();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [patient, setPatient] = useState<PatientOverview | null>(null);
  const [modalities, setModalities] = useState<Modality[]>([]);
  const [adherence, setAdherence] = useState<Adherence[]>([]);
  const [progress, setProgress] = useState<Progress[]>([]);
  const [error, setError] = useState<unknown>(null);
  const writes = has('practitioner');

  const load = useCallback(async () => {
    try {
      const [line, measured] = await Promise.all([
        treatment.get<Timeline>(`/timeline/${id}`),
        treatment.get<Progress[]>('/outcomes/progress', { episode: id, responder: 'mcic' }),
      ]);
      setTimeline(line.data);
      setProgress(measured.data);
      const [overview, kept] = await Promise.all([
        treatment.get<PatientOverview>(`/patients/${line.data.episode.patientId}`),
        line.data.plan ? treatment.get<Adherence[]>(`/adherence/${line.data.plan.id}`) : Promise.resolve({ data: [] as Adherence[] }),
      ]);
      setPatient(overview.data);
      setAdherence(kept.data);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // the modality catalogue is read once: what the page records does not change it
  useEffect(() => {
    treatment.get<Modality[]>('/modalities').then((r) => setModalities(r.data), setError);
  }, []);

  if (!timeline) {
    return <Pending error={error} />;
  }
  const { episode, plan } = timeline;
  const decisionFirst = episode.referralDecisionRequired && !episode.referralDecision;
  const open = episode.status === 'open' && episode.referralDecision !== 'refer';
  return (
    <section className="episode">
      <p><Link to={`/patients/${episode.patientId}`}>{patient ? `${patient.givenName} ${patient.familyName}` : t('practice.episode.patient')}</Link></p>
      <h1>{t('dashboard.conditions.' + episode.condition)} ({t(`practice.side.${episode.side}`)})</h1>
      <EpisodeFacts episode={episode} />
      <ProblemMessage error={error} />

      {decisionFirst && writes && <ReferralDecision episode={episode} onDecided={load} />}
      {/* the form starts from the catalogue's defaults: it waits for the catalogue (a slow answer left them empty) */}
      {!decisionFirst && !plan && open && writes && modalities.length > 0
        && <PlanForm episodeId={episode.id} modalities={modalities} onWritten={load} />}
      {plan && <PlanPart plan={plan} timeline={timeline} adherence={adherence} modalities={modalities} writes={writes && open} onChanged={load} />}

      <h2>{t('practice.episode.outcomes')}</h2>
      <OutcomeChart openedAt={episode.openedAt} sessions={timeline.sessions} outcomes={timeline.outcomes}
        progress={progress.find((p) => p.scale === 'nrs_first_step_pain')} />
      <Measurements timeline={timeline} />
      {writes && episode.status === 'open' && <Questionnaire episodeId={episode.id} onRecorded={load} />}

      {patient && (
        <>
          <h2>{t('practice.patient.appointments')}</h2>
          <Appointments patient={patient} />
        </>
      )}
    </section>
  );
}

function EpisodeFacts({ episode }: { episode: Episode }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const flags = Object.entries(episode.redFlags).filter(([key, value]) => key !== 'note' && value === true).map(([key]) => key);
  return (
    <dl className="facts">
      <div><dt>{t('practice.episode.statusLabel')}</dt><dd>{t(`practice.episode.status.${episode.status}`)}</dd></div>
      <div><dt>{t('practice.episode.opened')}</dt><dd>{formatInstant(episode.openedAt, clinic.zone)} · {episode.openedBy}</dd></div>
      <div><dt>{t('practice.open.redFlags')}</dt><dd data-testid="red-flags">{flags.length === 0 ? t('practice.episode.noRedFlags')
        : flags.map((f) => t(`practice.redFlag.${f}`)).join('; ')}</dd></div>
      {episode.referralDecision && (
        <div><dt>{t('practice.referral.decision')}</dt>
          <dd>{t(`practice.referral.${episode.referralDecision}`)}: {episode.referralReason}</dd></div>
      )}
    </dl>
  );
}

/** A positive red-flag screen is decided first: refer the patient on, or treat here with a reason. */
function ReferralDecision({ episode, onDecided }: { episode: Episode; onDecided: () => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'refer' | 'treat'>('refer');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await treatment.post(`/episodes/${episode.id}/referral-decision`, { decision, reason }, etag(episode.version));
      onDecided();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel warning" onSubmit={submit} aria-labelledby="referral">
      <h2 id="referral">{t('practice.referral.title')}</h2>
      <p data-testid="referral-why">{t('practice.referral.why')}</p>
      <fieldset>
        <legend>{t('practice.referral.decision')}</legend>
        {(['refer', 'treat'] as const).map((d) => (
          <label key={d} className="inline">
            <input type="radio" name="referral" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`practice.referral.${d}`)}
          </label>
        ))}
      </fieldset>
      <label>{t('practice.review.reason')}
        <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ProblemMessage error={error} />
      <div className="actions"><button type="submit">{t('practice.referral.save')}</button></div>
    </form>
  );
}

function PlanPart({ plan, timeline, adherence, modalities, writes, onChanged }: {
  plan: Plan; timeline: Timeline; adherence: Adherence[]; modalities: Modality[]; writes: boolean; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const nameOf = useModalityName();
  const modalityName = (code: string) => nameOf(modalities.find((m) => m.code === code)?.name, code);
  const courseOf = (id: string) => plan.courses.find((c) => c.id === id);
  const [recording, setRecording] = useState<Session | null>(null);
  return (
    <>
      <h2>{t('practice.plan.title')}</h2>
      <p>{t('practice.plan.status', { status: t(`practice.plan.statuses.${plan.status}`), version: plan.currentVersion })}</p>
      {plan.goals.length > 0 && <ul aria-label={t('practice.plan.goals')}>{plan.goals.map((g) => <li key={g}>{g}</li>)}</ul>}
      <table data-testid="courses">
        <caption>{t('practice.plan.courses')}</caption>
        <thead><tr>
          <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('practice.plan.planned')}</th>
          <th scope="col">{t('practice.plan.booked')}</th><th scope="col">{t('practice.plan.deliveredCount')}</th>
          <th scope="col">{t('practice.plan.adherence')}</th><th scope="col">{t('practice.plan.reviewAfter')}</th>
          <th scope="col">{t('appointment.status')}</th>
        </tr></thead>
        <tbody>
          {plan.courses.map((c) => {
            const kept = adherence.find((a) => a.courseId === c.id);
            return (
              <tr key={c.id}>
                <th scope="row">{modalityName(c.modality)}{c.autoBook ? ` · ${t('practice.plan.autoBooked')}` : ''}</th>
                <td>{c.plannedSessions}</td><td>{kept?.booked ?? 0}</td><td>{c.sessionsDelivered}</td>
                <td>{kept?.adherencePercent == null ? '–' : `${kept.adherencePercent} %`}</td>
                <td>{c.reviewAfterSessions}</td>
                <td>{c.status === 'review_due' ? <strong className="badge late">{t('practice.course.review_due')}</strong> : t(`practice.course.${c.status}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {writes && (plan.status === 'active' || plan.status === 'review_due') && (
        <PlanChanges key={plan.version} plan={plan} modalities={modalities} onChanged={onChanged} />
      )}
      {writes && plan.courses.filter((c) => c.status === 'review_due').map((c) => (
        <ReviewForm key={c.id} plan={plan} course={c} modalities={modalities} onDecided={onChanged} />
      ))}
      {writes && recording && (
        <SessionForm key={recording.id} courses={plan.courses} modalities={modalities} awaiting={recording}
          onRecorded={() => { setRecording(null); onChanged(); }} />
      )}
      {writes && !recording && <SessionForm courses={plan.courses} modalities={modalities} onRecorded={onChanged} />}

      <h3>{t('practice.plan.sessions')}</h3>
      {timeline.sessions.length === 0 ? <p>{t('practice.plan.noSessions')}</p> : (
        <table data-testid="sessions">
          <thead><tr>
            <th scope="col">{t('appointment.when')}</th><th scope="col">{t('dashboard.modality')}</th>
            <th scope="col">{t('practice.session.firstStepPain')}</th><th scope="col">{t('practice.session.adverseEvents')}</th>
            <th scope="col">{t('appointment.status')}</th>
          </tr></thead>
          <tbody>
            {timeline.sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatInstant(s.deliveredAt, clinic.zone)}</td>
                <td>{modalityName(courseOf(s.courseId)?.modality ?? '')}</td>
                <td>{s.firstStepPain ?? '–'}</td>
                <td>{(s.adverseEvents ?? []).map((a) => t(`practice.adverse.${a.kind}`)).join(', ')}</td>
                <td>
                  {t(`practice.session.status.${s.status}`)}
                  {writes && s.status === 'awaiting_record' && (
                    <>{' '}<button type="button" className="secondary" onClick={() => setRecording(s)}>
                      {t('practice.session.writeRecord')}</button></>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('practice.plan.versions')}</h3>
      <ol className="versions" data-testid="versions">
        {timeline.planVersions.map((v) => (
          <li key={v.number}>{t('practice.plan.version', { number: v.number })} · {formatInstant(v.changedAt, clinic.zone)} · {v.changedBy}: {v.change}</li>
        ))}
      </ol>
      {timeline.reviews.length > 0 && (
        <>
          <h3>{t('practice.review.decisions')}</h3>
          <ul data-testid="reviews">
            {timeline.reviews.map((r) => (
              <li key={r.id}>{formatInstant(r.decidedAt, clinic.zone)} · {r.decidedBy}: {t(`dashboard.review.decisions.${r.decision}`)}
                {r.newModality ? ` → ${modalityName(r.newModality)}` : ''}{r.additionalSessions ? ` (+${r.additionalSessions})` : ''} – {r.reason}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Measurements({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  if (timeline.outcomes.length === 0) {
    return null;
  }
  return (
    <table data-testid="measurements">
      <caption>{t('practice.episode.measurements')}</caption>
      <thead><tr>
        <th scope="col">{t('practice.questionnaire.measuredOn')}</th><th scope="col">{t('practice.questionnaire.instrument')}</th>
        <th scope="col">{t('practice.questionnaire.timepoint')}</th><th scope="col">{t('practice.questionnaire.score')}</th>
      </tr></thead>
      <tbody>
        {timeline.outcomes.map((m) => (
          <tr key={m.id}>
            <td>{formatDate(m.measuredOn)}</td><td>{t(`practice.instrument.${m.instrument}`)}</td>
            <td>{t(`practice.timepoint.${m.timepoint}`, { defaultValue: m.timepoint })}</td>
            <td>{m.scores.map((s) => `${t(`practice.scale.${s.scale}`, { defaultValue: s.scale })} ${formatScore(s.value)}`).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
