import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { treatment } from '../api';
import { ProblemMessage } from '../components/ProblemMessage';
import { today } from '../time';
import { useClinic } from '../clinic';
import { FAAM, FFI, faamNeeded, formatScore, scoreFaam, scoreFfi, scorePsfs, type Items, type SubscaleScore } from './scoring';
import { TIMEPOINTS, type Instrument, type Measurement } from './model';

const INSTRUMENTS: Instrument[] = ['nrs_first_step_pain', 'nrs_average_pain', 'vas_first_step_pain', 'vas_average_pain',
  'ffi', 'faam', 'psfs'];

const empty = (n: number): Items => Array.from({ length: n }, () => null);

/** One item: its answer chosen from 0 to max, or left unanswered (N/A in the FAAM). */
function Item({ label, max, value, onChange }: {
  label: string; max: number; value: number | null; onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="item">{label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{t('practice.questionnaire.unanswered')}</option>
        {Array.from({ length: max + 1 }, (_, i) => <option key={i} value={i}>{i}</option>)}
      </select>
    </label>
  );
}

function Subscale({ name, items, max, onChange }: {
  name: string; items: Items; max: number; onChange: (items: Items) => void;
}) {
  const { t } = useTranslation();
  const title = t(`practice.questionnaire.subscale.${name}`);
  return (
    <fieldset>
      <legend>{title}</legend>
      <div className="items">
        {items.map((value, i) => (
          <Item key={i} label={t('practice.questionnaire.item', { subscale: title, number: i + 1 })} max={max} value={value}
            onChange={(answer) => onChange(items.map((v, j) => (j === i ? answer : v)))} />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A questionnaire filled on screen: the score is worked out as the answers are entered, with the instrument's rule
 * for what is complete enough (the FAAM scores a subscale from 90 % of its items). Saving sends the raw answers;
 * treatment-service scores them again and keeps its score, which the page shows once saved.
 */
export function Questionnaire({ episodeId, onRecorded }: { episodeId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [instrument, setInstrument] = useState<Instrument>('nrs_first_step_pain');
  const [timepoint, setTimepoint] = useState<string>('baseline');
  const [measuredOn, setMeasuredOn] = useState(today(clinic.zone));
  const [rating, setRating] = useState('');
  const [ffi, setFfi] = useState({ pain: empty(FFI.pain), disability: empty(FFI.disability), activityLimitation: empty(FFI.activityLimitation) });
  const [faam, setFaam] = useState({ adl: empty(FAAM.adl), sports: empty(FAAM.sports) });
  const [psfs, setPsfs] = useState<Array<{ name: string; score: number | null }>>(
    [{ name: '', score: null }, { name: '', score: null }, { name: '', score: null }]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Measurement | null>(null);

  const vas = instrument.startsWith('vas');
  const format = (score: SubscaleScore) => (score.value == null
    ? t('practice.questionnaire.notScored', { answered: score.answered, items: score.items, needed: score.needed })
    : t('practice.questionnaire.scored', { value: formatScore(score.value), answered: score.answered, items: score.items }));

  let live: Array<[string, string]> = [];
  let answers: unknown;
  if (instrument === 'ffi') {
    const score = scoreFfi(ffi.pain, ffi.disability, ffi.activityLimitation);
    live = (['pain', 'disability', 'activityLimitation', 'total'] as const)
      .map((k) => [t(`practice.questionnaire.subscale.${k}`), k === 'total' && score.total.value == null
        ? t('practice.questionnaire.ffiTotalRule') : format(score[k])]);
    answers = ffi;
  } else if (instrument === 'faam') {
    const score = scoreFaam(faam.adl, faam.sports);
    live = (['adl', 'sports'] as const).map((k) => [t(`practice.questionnaire.subscale.${k}`), format(score[k])]);
    const sportsGiven = faam.sports.some((a) => a != null);
    answers = sportsGiven ? faam : { adl: faam.adl };
  } else if (instrument === 'psfs') {
    const mean = scorePsfs(psfs.map((a) => a.score));
    live = [[t('practice.questionnaire.subscale.psfs'), mean == null ? t('practice.questionnaire.psfsRule') : formatScore(mean)]];
    answers = { activities: psfs };
  } else {
    live = [[t(`practice.instrument.${instrument}`), rating === '' ? '–' : rating]];
    answers = { value: rating === '' ? null : Number(rating) };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    try {
      const created = await treatment.post<Measurement>('/outcomes', { episodeId, instrument, timepoint, measuredOn, answers });
      setSaved(created.data);
      onRecorded();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="questionnaire">
      <h2 id="questionnaire">{t('practice.questionnaire.title')}</h2>
      <div className="row">
        <label>{t('practice.questionnaire.instrument')}
          <select value={instrument} onChange={(e) => { setInstrument(e.target.value as Instrument); setSaved(null); }}>
            {INSTRUMENTS.map((i) => <option key={i} value={i}>{t(`practice.instrument.${i}`)}</option>)}
          </select>
        </label>
        <label>{t('practice.questionnaire.timepoint')}
          <select value={timepoint} onChange={(e) => setTimepoint(e.target.value)}>
            {TIMEPOINTS.map((p) => <option key={p} value={p}>{t(`practice.timepoint.${p}`)}</option>)}
          </select>
        </label>
        <label>{t('practice.questionnaire.measuredOn')}
          <input type="date" value={measuredOn} onChange={(e) => setMeasuredOn(e.target.value)} />
        </label>
      </div>

      {(instrument.startsWith('nrs') || vas) && (
        <div className="row">
          <label>{t(vas ? 'practice.questionnaire.vasValue' : 'practice.questionnaire.nrsValue')}
            <input type="number" min={0} max={vas ? 100 : 10} value={rating} onChange={(e) => setRating(e.target.value)} />
          </label>
        </div>
      )}
      {instrument === 'ffi' && (['pain', 'disability', 'activityLimitation'] as const).map((k) => (
        <Subscale key={k} name={k} items={ffi[k]} max={FFI.itemMax} onChange={(items) => setFfi({ ...ffi, [k]: items })} />
      ))}
      {instrument === 'faam' && (
        <>
          <p className="hint">{t('practice.questionnaire.faamRule', { adl: faamNeeded(FAAM.adl), sports: faamNeeded(FAAM.sports) })}</p>
          {(['adl', 'sports'] as const).map((k) => (
            <Subscale key={k} name={k} items={faam[k]} max={FAAM.itemMax} onChange={(items) => setFaam({ ...faam, [k]: items })} />
          ))}
        </>
      )}
      {instrument === 'psfs' && (
        <fieldset>
          <legend>{t('practice.questionnaire.subscale.psfs')}</legend>
          {psfs.map((activity, i) => (
            <div className="row" key={i}>
              <label>{t('practice.questionnaire.activity', { number: i + 1 })}
                <input value={activity.name} onChange={(e) => setPsfs(psfs.map((a, j) => (j === i ? { ...a, name: e.target.value } : a)))} />
              </label>
              <Item label={t('practice.questionnaire.activityScore', { number: i + 1 })} max={10} value={activity.score}
                onChange={(score) => setPsfs(psfs.map((a, j) => (j === i ? { ...a, score } : a)))} />
            </div>
          ))}
          <div className="actions">
            {psfs.length < 5 && <button type="button" className="secondary" onClick={() => setPsfs([...psfs, { name: '', score: null }])}>{t('practice.questionnaire.addActivity')}</button>}
            {psfs.length > 3 && <button type="button" className="secondary" onClick={() => setPsfs(psfs.slice(0, -1))}>{t('practice.questionnaire.removeActivity')}</button>}
          </div>
        </fieldset>
      )}

      <div className="live-score" aria-live="polite" data-testid="live-score">
        <h3>{t('practice.questionnaire.score')}</h3>
        <dl>
          {live.map(([label, value]) => (
            <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
          ))}
        </dl>
      </div>
      <ProblemMessage error={error} />
      {saved && (
        <p className="notice" role="status" data-testid="saved-score">
          {t('practice.questionnaire.saved')}{' '}
          {saved.scores.map((s) => `${t(`practice.scale.${s.scale}`, { defaultValue: s.scale })} ${formatScore(s.value)}`).join(' · ')}
        </p>
      )}
      <div className="actions"><button type="submit">{t('practice.questionnaire.save')}</button></div>
    </form>
  );
}
