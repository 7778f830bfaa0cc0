import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { treatment } from '../api';
import { ProblemMessage } from '../components/ProblemMessage';
import { etag } from '../model';
import { CourseFields, courseBody, draftOf, offeredOf } from './PlanForm';
import type { Modality, Plan } from './model';

/**
 * Changes to a plan after it was written, each with the reason the plan's versions keep: other goals, one more
 * course, or stopping the plan before its end (its booked appointments are then flagged for the reception).
 */
export function PlanChanges({ plan, modalities, onChanged }: { plan: Plan; modalities: Modality[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const offered = offeredOf(modalities);
  const [goals, setGoals] = useState(plan.goals.join('\n'));
  const [course, setCourse] = useState(draftOf(offered.find((m) => m.code === 'radial_shockwave') ?? offered[0]));

  return (
    <div className="plan-changes">
      <Change title={t('practice.change.goals')} submit={t('practice.change.saveGoals')}
        send={(reason) => treatment.put(`/plans/${plan.id}/goals`, {
          goals: goals.split('\n').map((g) => g.trim()).filter((g) => g.length > 0), reason,
        }, etag(plan.version))} onChanged={onChanged}>
        <label>{t('practice.plan.goals')}
          <textarea rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} />
        </label>
      </Change>
      <Change title={t('practice.change.course')} submit={t('practice.change.addCourse')}
        send={(reason) => treatment.post(`/plans/${plan.id}/courses`, { course: courseBody(course), reason },
          etag(plan.version))} onChanged={onChanged}>
        <CourseFields course={course} offered={offered} onChange={(patch) => setCourse((c) => ({ ...c, ...patch }))} />
      </Change>
      <Change title={t('practice.change.discontinue')} submit={t('practice.change.discontinueNow')} danger
        send={(reason) => treatment.post(`/plans/${plan.id}/discontinue`, { reason }, etag(plan.version))}
        onChanged={onChanged}>
        <p className="hint">{t('practice.change.discontinueHint')}</p>
      </Change>
    </div>
  );
}

/** One change, folded away until opened: its fields, the reason, and the button that sends it. */
function Change({ title, submit, send, onChanged, danger, children }: {
  title: string; submit: string; send: (reason: string) => Promise<unknown>; onChanged: () => void; danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await send(reason);
      setReason('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <details className="panel">
      <summary>{title}</summary>
      <form onSubmit={save} aria-label={title}>
        {children}
        <label>{t('practice.review.reason')}
          <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <ProblemMessage error={error} />
        <div className="actions"><button type="submit" className={danger ? 'danger' : undefined}>{submit}</button></div>
      </form>
    </details>
  );
}
