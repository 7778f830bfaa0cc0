import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { treatment } from '../api';
import { ProblemMessage } from '../components/ProblemMessage';
import { etag } from '../model';
import { useModalityName } from './PlanForm';
import { useClinic } from '../clinic';
import { formatInstant } from '../time';
import {
  ADVERSE_EVENTS, REVIEW_DECISIONS, type Course, type Modality, type Plan, type ReviewDecision, type Session,
} from './model';

/** A modality parameter's label: our text for the catalogue's known parameters, else its name as the catalogue has it. */
function useParameterLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`practice.parameter.${name}`, { defaultValue: name });
}

/**
 * Records a session of a course, with the fields its modality's catalogue entry defines (shockwave: impulses,
 * frequency, energy or bar pressure, applicator; dry needling: muscles, points, twitch responses; osteopathy:
 * regions and findings; exercises given), adverse events, notes and the day's first-step pain.
 */
export function SessionForm({ courses, modalities, awaiting, onRecorded }: {
  courses: Course[]; modalities: Modality[]; awaiting?: Session; onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useModalityName();
  const labelOf = useParameterLabel();
  const clinic = useClinic();
  // a session booking delivered is written into; otherwise a new one is recorded in an active course (one at its
  // review point takes no more sessions until the review is decided)
  const open = awaiting ? courses.filter((c) => c.id === awaiting.courseId)
    : courses.filter((c) => c.status === 'active');
  const [courseId, setCourseId] = useState(open[0]?.id ?? '');
  const course = open.find((c) => c.id === courseId) ?? open[0];
  const modality = modalities.find((m) => m.code === course?.modality);
  const [details, setDetails] = useState<Record<string, string>>({});
  const [adverse, setAdverse] = useState<Record<string, boolean>>({});
  const [notes, setNotes] = useState('');
  const [pain, setPain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  if (!course) {
    return null;
  }
  const rules = Object.entries(modality?.parameters ?? {});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const values: Record<string, unknown> = {};
    for (const [name, rule] of rules) {
      const text = (details[name] ?? '').trim();
      if (text === '') {
        continue;
      }
      values[name] = rule.type === 'list' ? text.split(',').map((s) => s.trim()).filter((s) => s)
        : rule.type === 'integer' || rule.type === 'number' ? Number(text.replace(',', '.')) : text;
    }
    try {
      const record = {
        details: values,
        adverseEvents: ADVERSE_EVENTS.filter((kind) => adverse[kind]).map((kind) => ({ kind })),
        notes: notes || undefined,
        firstStepPain: pain === '' ? undefined : Number(pain),
      };
      if (awaiting) {
        await treatment.put(`/sessions/${awaiting.id}/record`, record, etag(awaiting.version));
      } else {
        await treatment.post('/sessions', { courseId: course.id, record });
      }
      setDetails({});
      setAdverse({});
      setNotes('');
      setPain('');
      setSaved(true);
      onRecorded();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="session-form">
      <h2 id="session-form">{awaiting ? t('practice.session.writeRecordOf', { when: formatInstant(awaiting.deliveredAt, clinic.zone) })
        : t('practice.session.record')}</h2>
      <label>{t('practice.session.course')}
        <select value={course.id} onChange={(e) => { setCourseId(e.target.value); setDetails({}); }}>
          {open.map((c) => (
            <option key={c.id} value={c.id}>
              {nameOf(modalities.find((m) => m.code === c.modality)?.name, c.modality)} · {t('practice.session.delivered', { count: c.sessionsDelivered })}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{nameOf(modality?.name, course.modality)}</legend>
        <div className="row">
          {rules.map(([name, rule]) => (
            <label key={name}>{labelOf(name)}{rule.type === 'list' ? ` (${t('practice.session.commaSeparated')})` : ''}
              {rule.type === 'text' || rule.type === 'list'
                ? <input value={details[name] ?? ''} onChange={(e) => setDetails({ ...details, [name]: e.target.value })} />
                : <input type="number" inputMode="decimal" min={rule.min} max={rule.max} step={rule.type === 'integer' ? 1 : 'any'}
                    placeholder={rule.default == null ? undefined : String(rule.default)}
                    value={details[name] ?? ''} onChange={(e) => setDetails({ ...details, [name]: e.target.value })} />}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('practice.session.adverseEvents')}</legend>
        <div className="row">
          {ADVERSE_EVENTS.map((kind) => (
            <label key={kind} className="inline">
              <input type="checkbox" checked={!!adverse[kind]} onChange={(e) => setAdverse({ ...adverse, [kind]: e.target.checked })} />
              {t(`practice.adverse.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <label>{t('practice.session.firstStepPain')}
          <input type="number" min={0} max={10} value={pain} onChange={(e) => setPain(e.target.value)} />
        </label>
        <label className="grow">{t('practice.session.notes')}
          <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </div>
      <ProblemMessage error={error} />
      {saved && <p className="notice" role="status">{t('practice.session.saved')}</p>}
      <div className="actions"><button type="submit">{t('practice.session.save')}</button></div>
    </form>
  );
}

/**
 * The decision at a course's review point: continue with more sessions, switch to another modality, discharge or
 * refer, always with a reason; treatment-service keeps it with the plan's versions.
 */
export function ReviewForm({ plan, course, modalities, onDecided }: {
  plan: Plan; course: Course; modalities: Modality[]; onDecided: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useModalityName();
  const [decision, setDecision] = useState<ReviewDecision>('continue');
  const [additional, setAdditional] = useState('2');
  const [newModality, setNewModality] = useState(modalities.find((m) => m.code !== course.modality && m.active && !m.referral)?.code ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const title = t('practice.review.title', { modality: nameOf(modalities.find((m) => m.code === course.modality)?.name, course.modality), count: course.sessionsDelivered });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await treatment.post(`/plans/${plan.id}/reviews`, {
        courseId: course.id,
        decision,
        additionalSessions: decision === 'continue' ? Number(additional) : undefined,
        newModality: decision === 'switch' ? newModality : undefined,
        reason,
      }, etag(plan.version));
      onDecided();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel review-due" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <fieldset>
        <legend>{t('practice.review.decision')}</legend>
        {REVIEW_DECISIONS.map((d) => (
          <label key={d} className="inline">
            <input type="radio" name={`decision-${course.id}`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {t(`dashboard.review.decisions.${d}`)}
          </label>
        ))}
      </fieldset>
      {decision === 'continue' && (
        <label>{t('practice.review.additional')}
          <input type="number" min={1} max={20} value={additional} onChange={(e) => setAdditional(e.target.value)} />
        </label>
      )}
      {decision === 'switch' && (
        <label>{t('practice.review.newModality')}
          <select value={newModality} onChange={(e) => setNewModality(e.target.value)}>
            {modalities.filter((m) => m.active && !m.referral && m.code !== course.modality).map((m) => (
              <option key={m.code} value={m.code}>{nameOf(m.name, m.code)}</option>
            ))}
          </select>
        </label>
      )}
      <label>{t('practice.review.reason')}
        <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ProblemMessage error={error} />
      <div className="actions"><button type="submit">{t('practice.review.decide')}</button></div>
    </form>
  );
}
