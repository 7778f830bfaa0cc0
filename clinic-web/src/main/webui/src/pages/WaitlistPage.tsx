import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { booking } from '../api';
import { useClinic } from '../clinic';
import { AppointmentDialog } from '../components/AppointmentDialog';
import { PatientPicker } from '../components/PatientPicker';
import { ProblemMessage } from '../components/ProblemMessage';
import { etag, type Appointment, type Patient, type WaitlistEntry, type WaitlistOffer } from '../model';
import { PatientName } from '../patients';
import { formatDateTime, formatInstant } from '../time';

/**
 * Patients waiting for an earlier time, the offers made to them when a time was freed (to answer as the patient
 * says on the phone), and the appointments whose treatment plan has ended, to cancel together with the patient.
 */
export function WaitlistPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [entries, setEntries] = useState<WaitlistEntry[]>([]);
  const [offers, setOffers] = useState<WaitlistOffer[]>([]);
  const [flagged, setFlagged] = useState<Appointment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [waiting, offered, open_, marked] = await Promise.all([
        booking.get<WaitlistEntry[]>('/waitlist', { status: 'waiting' }),
        booking.get<WaitlistEntry[]>('/waitlist', { status: 'offered' }),
        booking.get<WaitlistOffer[]>('/waitlist/offers', { status: 'open' }),
        booking.get<Appointment[]>('/appointments', { flagged: true, status: 'booked', size: 200 }),
      ]);
      setEntries([...waiting.data, ...offered.data]);
      setOffers(open_.data);
      setFlagged(marked.data);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(change: () => Promise<unknown>, done: string) {
    setError(null);
    setMessage(null);
    try {
      await change();
      setMessage(done);
      await load();
    } catch (e) {
      setError(e);
      await load();
    }
  }

  return (
    <section>
      <h1>{t('waitlist.title')}</h1>
      {message && <p className="notice" role="status">{message}</p>}
      <ProblemMessage error={error} />

      <h2>{t('waitlist.offers')}</h2>
      {offers.length === 0 ? <p>{t('waitlist.noOffers')}</p> : (
        <table data-testid="offers">
          <thead><tr>
            <th scope="col">{t('field.patientId')}</th><th scope="col">{t('field.appointmentTypeId')}</th>
            <th scope="col">{t('appointment.when')}</th><th scope="col">{t('field.practitionerId')}</th>
            <th scope="col">{t('waitlist.expires')}</th><th scope="col"><span className="visually-hidden">{t('waitlist.answer')}</span></th>
          </tr></thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id}>
                <td><PatientName id={o.patientId} /></td>
                <td>{clinic.typeName(o.appointmentTypeId)}</td>
                <td>{formatDateTime(o.localStart)}</td>
                <td>{clinic.practitioner(o.practitionerId)?.name}</td>
                <td>{formatInstant(o.expiresAt, clinic.zone)}</td>
                <td className="actions">
                  <button type="button" onClick={() => void run(() => booking.post(`/waitlist/offers/${o.id}/accept`), t('waitlist.accepted'))}>{t('action.accept')}</button>
                  <button type="button" className="secondary" onClick={() => void run(() => booking.post(`/waitlist/offers/${o.id}/decline`), t('waitlist.declined'))}>{t('action.decline')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('waitlist.waiting')}</h2>
      {entries.length === 0 ? <p>{t('waitlist.nobody')}</p> : (
        <table data-testid="entries">
          <thead><tr>
            <th scope="col">{t('field.patientId')}</th><th scope="col">{t('field.appointmentTypeId')}</th>
            <th scope="col">{t('waitlist.window')}</th><th scope="col">{t('field.priority')}</th>
            <th scope="col">{t('appointment.status')}</th><th scope="col"><span className="visually-hidden">{t('action.withdraw')}</span></th>
          </tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td><PatientName id={e.patientId} /></td>
                <td>{clinic.typeName(e.appointmentTypeId)}{e.practitionerId ? ` · ${clinic.practitioner(e.practitionerId)?.name}` : ''}</td>
                <td>{formatDateTime(e.localEarliest)} – {formatDateTime(e.localLatest)}</td>
                <td>{e.priority}</td>
                <td>{t(`status.waitlist.${e.status}`)}</td>
                <td><button type="button" className="secondary" onClick={() => void run(() => booking.delete(`/waitlist/${e.id}`, etag(e.version)), t('waitlist.withdrawn'))}>{t('action.withdraw')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <AddToWaitlist onAdded={() => void run(async () => undefined, t('waitlist.added'))} />

      <h2>{t('waitlist.flagged')}</h2>
      {flagged.length === 0 ? <p>{t('waitlist.noFlagged')}</p> : (
        <table data-testid="flagged">
          <thead><tr>
            <th scope="col">{t('field.patientId')}</th><th scope="col">{t('appointment.when')}</th>
            <th scope="col">{t('appointment.flag')}</th><th scope="col"><span className="visually-hidden">{t('action.open')}</span></th>
          </tr></thead>
          <tbody>
            {flagged.map((a) => (
              <tr key={a.id}>
                <td>{a.patientName}</td>
                <td>{formatDateTime(a.localStart)}</td>
                <td>{t(`flag.${a.flag}`, { defaultValue: a.flag })}</td>
                <td><button type="button" className="secondary" onClick={() => setOpen(a.id)}>{t('action.open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <AppointmentDialog id={open} onClose={() => setOpen(null)} onChanged={() => void load()} />}
    </section>
  );
}

function AddToWaitlist({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [typeId, setTypeId] = useState('');
  const [practitionerId, setPractitionerId] = useState('');
  const [earliest, setEarliest] = useState('');
  const [latest, setLatest] = useState('');
  const [priority, setPriority] = useState(3);
  const [error, setError] = useState<unknown>(null);
  // a new picker after each patient put on the list: the last search must not stay offered for the next one
  const [added, setAdded] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await booking.post('/waitlist', {
        patientId: patient?.id, appointmentTypeId: typeId, practitionerId: practitionerId || undefined,
        earliest, latest, priority,
      });
      setPatient(null);
      setAdded((count) => count + 1);
      onAdded();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="add-waitlist">
      <h2 id="add-waitlist">{t('waitlist.add')}</h2>
      <PatientPicker key={added} value={patient} onChange={setPatient} />
      <div className="row">
        <label><span>{t('field.appointmentTypeId')}</span>
          <select required value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            <option value="">{t('form.choose')}</option>
            {clinic.types.filter((x) => x.active).map((x) => <option key={x.id} value={x.id}>{clinic.typeName(x.id)}</option>)}
          </select>
        </label>
        <label><span>{t('field.practitionerId')}</span>
          <select value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)}>
            <option value="">{t('book.anyPractitioner')}</option>
            {clinic.practitioners.filter((p) => p.active).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label><span>{t('field.earliest')}</span><input type="datetime-local" required value={earliest} onChange={(e) => setEarliest(e.target.value)} /></label>
        <label><span>{t('field.latest')}</span><input type="datetime-local" required value={latest} onChange={(e) => setLatest(e.target.value)} /></label>
        <label><span>{t('field.priority')}</span>
          <select value={priority} onChange={(e) => setPriority(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((p) => <option key={p} value={p}>{t(`priority.${p}`)}</option>)}
          </select>
        </label>
      </div>
      <ProblemMessage error={error} />
      <button type="submit" disabled={!patient}>{t('waitlist.addSubmit')}</button>
    </form>
  );
}
