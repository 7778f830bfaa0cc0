import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { useClinic, type Practitioner } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { etag } from '../../model';
import { useSaving } from './useSaving';

const PROFESSIONS = ['physiotherapist', 'osteopath', 'chiropractor'] as const;

interface Draft {
  name: string;
  profession: Practitioner['profession'];
  modalities: string;
  active: boolean;
}

function codes(text: string): string[] {
  return text.split(/[\s,]+/).map((c) => c.trim()).filter(Boolean);
}

/** Practitioners and the modalities each may deliver (the codes of treatment-service's catalogue). */
export function PractitionersSetup() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [editing, setEditing] = useState<Practitioner | null>(null);
  const [draft, setDraft] = useState<Draft>({ name: '', profession: 'physiotherapist', modalities: '', active: true });
  const { error, saved, save } = useSaving();

  function edit(p: Practitioner | null) {
    setEditing(p);
    setDraft(p ? { name: p.name, profession: p.profession, modalities: p.modalities.join(', '), active: p.active }
      : { name: '', profession: 'physiotherapist', modalities: '', active: true });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name: draft.name, profession: draft.profession, modalities: codes(draft.modalities), active: draft.active };
    const done = await save(() => editing
      ? booking.put(`/practitioners/${editing.id}`, body, etag(editing.version))
      : booking.post('/practitioners', body), t('setup.saved'));
    if (done) {
      edit(null);
    }
  }

  return (
    <>
      <table>
        <caption>{t('setup.practitioners')}</caption>
        <thead><tr><th scope="col">{t('field.name')}</th><th scope="col">{t('field.profession')}</th><th scope="col">{t('field.modalities')}</th><th scope="col"><span className="visually-hidden">{t('action.edit')}</span></th></tr></thead>
        <tbody>
          {clinic.practitioners.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td><td>{t(`profession.${p.profession}`)}</td>
              <td>{p.modalities.map((m) => t(`modality.${m}`, { defaultValue: m })).join(', ')}</td>
              <td><button type="button" className="secondary" onClick={() => edit(p)}>{t('action.edit')} <span className="visually-hidden">{p.name}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={submit} aria-labelledby="practitioner-form">
        <h2 id="practitioner-form">{editing ? t('setup.editPractitioner', { name: editing.name }) : t('setup.addPractitioner')}</h2>
        <div className="row">
          <label><span>{t('field.name')}</span><input required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          <label><span>{t('field.profession')}</span>
            <select value={draft.profession} onChange={(e) => setDraft({ ...draft, profession: e.target.value as Draft['profession'] })}>
              {PROFESSIONS.map((p) => <option key={p} value={p}>{t(`profession.${p}`)}</option>)}
            </select>
          </label>
          <label><span>{t('field.modalities')}</span>
            <input value={draft.modalities} aria-describedby="modalities-hint" onChange={(e) => setDraft({ ...draft, modalities: e.target.value })} />
          </label>
        </div>
        <p id="modalities-hint" className="hint">{t('setup.modalitiesHint')}</p>
        {editing && (
          <label className="inline"><input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} /><span>{t('field.active')}</span></label>
        )}
        <ProblemMessage error={error} />
        {saved && <p className="notice" role="status">{saved}</p>}
        <div className="actions">
          <button type="submit">{editing ? t('action.save') : t('setup.addPractitioner')}</button>
          {editing && <button type="button" className="secondary" onClick={() => edit(null)}>{t('action.cancel')}</button>}
        </div>
      </form>
    </>
  );
}
