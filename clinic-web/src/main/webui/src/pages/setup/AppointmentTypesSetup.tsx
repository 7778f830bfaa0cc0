import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { useClinic, type AppointmentType } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { etag } from '../../model';
import { useSaving } from './useSaving';

type Draft = Omit<AppointmentType, 'id' | 'version'>;

const EMPTY: Draft = {
  code: '', name: { da: '', nb: '', en: '' }, durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0,
  modality: '', roomKind: '', deviceKind: '', active: true,
};

/** What can be booked: its names in the three languages, its length and buffers, and what it holds. */
export function AppointmentTypesSetup() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [editing, setEditing] = useState<AppointmentType | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { error, saved, save } = useSaving();

  function edit(type: AppointmentType | null) {
    setEditing(type);
    setDraft(type ? { ...type, roomKind: type.roomKind ?? '', deviceKind: type.deviceKind ?? '' } : EMPTY);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { ...draft, roomKind: draft.roomKind || undefined, deviceKind: draft.deviceKind || undefined };
    if (await save(() => editing ? booking.put(`/appointment-types/${editing.id}`, body, etag(editing.version))
      : booking.post('/appointment-types', body), t('setup.saved'))) {
      edit(null);
    }
  }

  const text = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const number = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: Number(e.target.value) });
  const name = (language: 'da' | 'nb' | 'en') => (e: { target: { value: string } }) =>
    setDraft({ ...draft, name: { ...draft.name, [language]: e.target.value } });

  return (
    <>
      <table>
        <caption>{t('setup.types')}</caption>
        <thead><tr><th scope="col">{t('field.name')}</th><th scope="col">{t('field.durationMinutes')}</th><th scope="col">{t('field.modality')}</th><th scope="col">{t('setup.holds')}</th><th scope="col"><span className="visually-hidden">{t('action.edit')}</span></th></tr></thead>
        <tbody>
          {clinic.types.map((x) => (
            <tr key={x.id}>
              <td>{clinic.typeName(x.id)}</td><td>{x.durationMinutes}</td>
              <td>{t(`modality.${x.modality}`, { defaultValue: x.modality })}</td>
              <td>{[x.roomKind, x.deviceKind].filter(Boolean).join(', ')}</td>
              <td><button type="button" className="secondary" onClick={() => edit(x)}>{t('action.edit')} <span className="visually-hidden">{clinic.typeName(x.id)}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={submit} aria-labelledby="type-form">
        <h2 id="type-form">{editing ? t('setup.editNamed', { name: clinic.typeName(editing.id) }) : t('setup.add.type')}</h2>
        <div className="row">
          <label><span>{t('field.code')}</span><input required value={draft.code} onChange={text('code')} /></label>
          <label><span>{t('field.nameDa')}</span><input required lang="da" value={draft.name.da} onChange={name('da')} /></label>
          <label><span>{t('field.nameNb')}</span><input required lang="nb" value={draft.name.nb} onChange={name('nb')} /></label>
          <label><span>{t('field.nameEn')}</span><input required lang="en" value={draft.name.en} onChange={name('en')} /></label>
        </div>
        <div className="row">
          <label><span>{t('field.durationMinutes')}</span><input type="number" min={5} required value={draft.durationMinutes} onChange={number('durationMinutes')} /></label>
          <label><span>{t('field.bufferBeforeMinutes')}</span><input type="number" min={0} value={draft.bufferBeforeMinutes} onChange={number('bufferBeforeMinutes')} /></label>
          <label><span>{t('field.bufferAfterMinutes')}</span><input type="number" min={0} value={draft.bufferAfterMinutes} onChange={number('bufferAfterMinutes')} /></label>
        </div>
        <div className="row">
          <label><span>{t('field.modality')}</span><input required value={draft.modality} onChange={text('modality')} /></label>
          <label><span>{t('field.roomKind')}</span><input value={draft.roomKind} onChange={text('roomKind')} /></label>
          <label><span>{t('field.deviceKind')}</span><input value={draft.deviceKind} onChange={text('deviceKind')} /></label>
        </div>
        {editing && <label className="inline"><input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} /><span>{t('field.active')}</span></label>}
        <ProblemMessage error={error} />
        {saved && <p className="notice" role="status">{saved}</p>}
        <div className="actions">
          <button type="submit">{editing ? t('action.save') : t('setup.add.type')}</button>
          {editing && <button type="button" className="secondary" onClick={() => edit(null)}>{t('action.cancel')}</button>}
        </div>
      </form>
    </>
  );
}
