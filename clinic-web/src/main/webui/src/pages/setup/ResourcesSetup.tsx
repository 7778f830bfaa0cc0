import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../../api';
import { useClinic } from '../../clinic';
import { ProblemMessage } from '../../components/ProblemMessage';
import { etag } from '../../model';
import { useSaving } from './useSaving';

interface Bookable {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  version: number;
}

/** Rooms (with their kind, e.g. treatment) or devices (e.g. radial_shockwave): the same form for either. */
export function ResourcesSetup({ kind }: { kind: 'room' | 'device' }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const kindField = kind === 'room' ? 'roomKind' : 'deviceKind';
  const path = kind === 'room' ? '/rooms' : '/devices';
  const all: Bookable[] = kind === 'room'
    ? clinic.rooms.map((r) => ({ id: r.id, name: r.name, kind: r.roomKind, active: r.active, version: r.version }))
    : clinic.devices.map((d) => ({ id: d.id, name: d.name, kind: d.deviceKind, active: d.active, version: d.version }));
  const [editing, setEditing] = useState<Bookable | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [active, setActive] = useState(true);
  const { error, saved, save } = useSaving();

  function edit(b: Bookable | null) {
    setEditing(b);
    setName(b?.name ?? '');
    setCode(b?.kind ?? '');
    setActive(b?.active ?? true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { name, [kindField]: code, active };
    if (await save(() => editing ? booking.put(`${path}/${editing.id}`, body, etag(editing.version))
      : booking.post(path, body), t('setup.saved'))) {
      edit(null);
    }
  }

  return (
    <>
      <table>
        <caption>{t(`setup.${kind}s`)}</caption>
        <thead><tr><th scope="col">{t('field.name')}</th><th scope="col">{t(`field.${kindField}`)}</th><th scope="col"><span className="visually-hidden">{t('action.edit')}</span></th></tr></thead>
        <tbody>
          {all.map((b) => (
            <tr key={b.id}>
              <td>{b.name}</td><td>{t(`${kindField}.${b.kind}`, { defaultValue: b.kind })}</td>
              <td><button type="button" className="secondary" onClick={() => edit(b)}>{t('action.edit')} <span className="visually-hidden">{b.name}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel" onSubmit={submit} aria-labelledby={`${kind}-form`}>
        <h2 id={`${kind}-form`}>{editing ? t('setup.editNamed', { name: editing.name }) : t(`setup.add.${kind}`)}</h2>
        <div className="row">
          <label><span>{t('field.name')}</span><input required value={name} onChange={(e) => setName(e.target.value)} /></label>
          <label><span>{t(`field.${kindField}`)}</span><input required value={code} aria-describedby={`${kind}-kind-hint`} onChange={(e) => setCode(e.target.value)} /></label>
        </div>
        <p id={`${kind}-kind-hint`} className="hint">{t(`setup.${kindField}Hint`)}</p>
        {editing && <label className="inline"><input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /><span>{t('field.active')}</span></label>}
        <ProblemMessage error={error} />
        {saved && <p className="notice" role="status">{saved}</p>}
        <div className="actions">
          <button type="submit">{editing ? t('action.save') : t(`setup.add.${kind}`)}</button>
          {editing && <button type="button" className="secondary" onClick={() => edit(null)}>{t('action.cancel')}</button>}
        </div>
      </form>
    </>
  );
}
