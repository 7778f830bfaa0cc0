import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { treatment } from '../api';
import { useClinic, type LocalisedNames } from '../clinic';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Language } from '../i18n';
import type { Modality } from './model';

export interface CourseDraft {
  modality: string;
  plannedSessions: string;
  intervalDays: string;
  reviewAfterSessions: string;
  practitionerPreference: string;
  autoBook: boolean;
}

export function useModalityName() {
  const { i18n } = useTranslation();
  return (name: LocalisedNames | undefined, code: string) => name?.[i18n.language as Language] ?? name?.en ?? code;
}

export function draftOf(modality: Modality | undefined): CourseDraft {
  return {
    modality: modality?.code ?? '',
    plannedSessions: String(modality?.defaultSessions ?? ''),
    intervalDays: String(modality?.defaultIntervalDays ?? ''),
    reviewAfterSessions: String(modality?.reviewAfterSessions ?? ''),
    practitionerPreference: '',
    autoBook: false,
  };
}

/**
 * Writes an episode's treatment plan: its goals and one or more courses from the modality catalogue, each starting
 * from the modality's defaults (dry needling: 4 weekly sessions, reviewed after 4; shockwave: 3 weekly sessions). A
 * course booked automatically goes to the reception's calendar without a phone call.
 */
export function PlanForm({ episodeId, modalities, onWritten }: {
  episodeId: string; modalities: Modality[]; onWritten: () => void;
}) {
  const { t } = useTranslation();
  const offered = offeredOf(modalities);
  const [goals, setGoals] = useState('');
  const [courses, setCourses] = useState<CourseDraft[]>([draftOf(offered.find((m) => m.code === 'dry_needling') ?? offered[0])]);
  const [error, setError] = useState<unknown>(null);

  const change = (index: number, patch: Partial<CourseDraft>) =>
    setCourses((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await treatment.post('/plans', {
        episodeId,
        goals: goals.split('\n').map((g) => g.trim()).filter((g) => g.length > 0),
        courses: courses.map(courseBody),
      });
      onWritten();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="plan-form">
      <h2 id="plan-form">{t('practice.plan.write')}</h2>
      <label>{t('practice.plan.goals')}
        <textarea rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} aria-describedby="goals-hint" />
      </label>
      <p id="goals-hint" className="hint">{t('practice.plan.goalsHint')}</p>
      {courses.map((course, index) => (
        <fieldset key={index}>
          <legend>{t('practice.plan.course', { number: index + 1 })}</legend>
          <CourseFields course={course} offered={offered} onChange={(patch) => change(index, patch)} />
          {courses.length > 1 && (
            <button type="button" className="secondary" onClick={() => setCourses((list) => list.filter((_, i) => i !== index))}>
              {t('practice.plan.removeCourse', { number: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setCourses((list) => [...list, draftOf(offered[0])])}>
          {t('practice.plan.addCourse')}
        </button>
        <button type="submit">{t('practice.plan.save')}</button>
      </div>
      <ProblemMessage error={error} />
    </form>
  );
}

/** The modalities a course may be planned with: those offered, and not a referral on. */
export function offeredOf(modalities: Modality[]): Modality[] {
  return modalities.filter((m) => m.active && !m.referral);
}

/** A course as treatment-service takes it: empty numbers are left to the modality's defaults. */
export function courseBody(course: CourseDraft) {
  const number = (value: string) => (value === '' ? undefined : Number(value));
  return {
    modality: course.modality,
    plannedSessions: number(course.plannedSessions),
    intervalDays: number(course.intervalDays),
    reviewAfterSessions: number(course.reviewAfterSessions),
    practitionerPreference: course.practitionerPreference || undefined,
    autoBook: course.autoBook,
  };
}

/** One course's fields: modality (its defaults filled in when chosen), sessions, interval, review, practitioner, booking. */
export function CourseFields({ course, offered, onChange }: {
  course: CourseDraft; offered: Modality[]; onChange: (patch: Partial<CourseDraft>) => void;
}) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const nameOf = useModalityName();
  return (
    <>
      <div className="row">
        <label>{t('dashboard.modality')}
          <select value={course.modality} onChange={(e) => {
            const chosen = offered.find((m) => m.code === e.target.value);
            onChange({ ...draftOf(chosen), autoBook: course.autoBook, practitionerPreference: '' });
          }}>
            {offered.map((m) => <option key={m.code} value={m.code}>{nameOf(m.name, m.code)}</option>)}
          </select>
        </label>
        <label>{t('practice.plan.sessions')}
          <input type="number" min={1} max={50} value={course.plannedSessions} onChange={(e) => onChange({ plannedSessions: e.target.value })} />
        </label>
        <label>{t('practice.plan.intervalDays')}
          <input type="number" min={1} value={course.intervalDays} onChange={(e) => onChange({ intervalDays: e.target.value })} />
        </label>
        <label>{t('practice.plan.reviewAfter')}
          <input type="number" min={1} value={course.reviewAfterSessions} onChange={(e) => onChange({ reviewAfterSessions: e.target.value })} />
        </label>
        <label>{t('practice.plan.practitioner')}
          <select value={course.practitionerPreference} onChange={(e) => onChange({ practitionerPreference: e.target.value })}>
            <option value="">{t('book.anyPractitioner')}</option>
            {clinic.practitioners.filter((p) => p.active && p.modalities.includes(course.modality)).map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={course.autoBook} onChange={(e) => onChange({ autoBook: e.target.checked })} />
        {t('practice.plan.autoBook')}
      </label>
    </>
  );
}
