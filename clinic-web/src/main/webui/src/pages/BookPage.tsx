import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, booking } from '../api';
import { useClinic } from '../clinic';
import { PatientPicker } from '../components/PatientPicker';
import { ProblemMessage } from '../components/ProblemMessage';
import type { Appointment, Patient, Slot } from '../model';
import { formatDateTime, plusDays, today } from '../time';

interface Taken {
  resource?: { kind: string; name: string };
  alternatives: Slot[];
}

/**
 * Books an appointment: the type, when (and optionally with whom), the patient (found or registered here), then one
 * of the free times. A time somebody else took meanwhile is explained, with the next free times to take instead.
 */
export function BookPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [typeId, setTypeId] = useState('');
  const [from, setFrom] = useState(today(clinic.zone));
  const [to, setTo] = useState(plusDays(today(clinic.zone), 7));
  const [practitionerId, setPractitionerId] = useState('');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);

  const type = clinic.type(typeId);
  const delivering = clinic.practitioners.filter((p) => p.active && (!type || p.modalities.includes(type.modality)));

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setTaken(null);
    setBooked(null);
    try {
      const { data } = await booking.get<Slot[]>('/slots', {
        type: typeId, from, to, practitioner: practitionerId || undefined, patient: patient?.id, limit: 30,
      });
      setSlots(data);
    } catch (e) {
      setError(e);
      setSlots(null);
    }
  }

  async function book(slot: Slot) {
    if (!patient) {
      return;
    }
    setError(null);
    setTaken(null);
    try {
      const { data } = await booking.post<Appointment>('/appointments', {
        patientId: patient.id,
        appointmentTypeId: typeId,
        practitionerId: slot.practitionerId,
        roomId: slot.roomId,
        deviceId: slot.deviceId,
        start: slot.localStart,
        note: note || undefined,
      });
      setBooked(data);
      setSlots(null);
    } catch (e) {
      if (e instanceof ApiError && e.slug === 'resource-taken') {
        // the list was read before someone else booked: only the alternatives the refusal names are known to be free
        setSlots(null);
        setTaken({
          resource: e.problem.resource as Taken['resource'],
          alternatives: (e.problem.alternatives as Slot[] | undefined) ?? [],
        });
      } else {
        setError(e);
      }
    }
  }

  return (
    <section>
      <h1>{t('book.title')}</h1>
      <form className="panel" onSubmit={search} aria-label={t('book.search')}>
        <div className="row">
          <label><span>{t('field.appointmentTypeId')}</span>
            <select required value={typeId} onChange={(e) => { setTypeId(e.target.value); setSlots(null); }}>
              <option value="">{t('form.choose')}</option>
              {clinic.types.filter((x) => x.active).map((x) => <option key={x.id} value={x.id}>{clinic.typeName(x.id)}</option>)}
            </select>
          </label>
          <label><span>{t('field.from')}</span><input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} /></label>
          <label><span>{t('field.to')}</span><input type="date" required value={to} onChange={(e) => setTo(e.target.value)} /></label>
          <label><span>{t('field.practitionerId')}</span>
            <select value={practitionerId} onChange={(e) => setPractitionerId(e.target.value)}>
              <option value="">{t('book.anyPractitioner')}</option>
              {delivering.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </div>
        <PatientPicker value={patient} onChange={setPatient} />
        <label><span>{t('field.note')}</span><input value={note} onChange={(e) => setNote(e.target.value)} /></label>
        <button type="submit">{t('book.findTimes')}</button>
      </form>
      <ProblemMessage error={error} />
      {booked && (
        <p className="notice" role="status" data-testid="booked">
          {t('book.booked', { when: formatDateTime(booked.localStart), who: clinic.practitioner(booked.practitionerId)?.name })}{' '}
          <Link to={`/calendar?date=${booked.localStart.substring(0, 10)}`}>{t('book.showInCalendar')}</Link>
        </p>
      )}
      {taken && (
        <div className="warning" role="alert" data-testid="conflict">
          <p><strong>{t('book.taken', {
            kind: t(`resourceKind.${taken.resource?.kind ?? 'resource'}`, { defaultValue: taken.resource?.kind }),
            name: taken.resource?.name ?? '',
          })}</strong></p>
          {taken.alternatives.length > 0 ? (
            <>
              <p>{t('book.alternatives')}</p>
              <SlotList slots={taken.alternatives} disabled={!patient} onPick={(s) => void book(s)} />
            </>
          ) : <p>{t('book.noAlternatives')}</p>}
        </div>
      )}
      {slots && (
        <section aria-labelledby="slots-title">
          <h2 id="slots-title">{t('book.freeTimes')}</h2>
          {!patient && <p className="hint">{t('book.choosePatientFirst')}</p>}
          {slots.length === 0 ? <p>{t('book.noFreeTimes')}</p>
            : <SlotList slots={slots} disabled={!patient} onPick={(s) => void book(s)} />}
        </section>
      )}
    </section>
  );
}

export function SlotList({ slots, onPick, disabled }: { slots: Slot[]; onPick: (slot: Slot) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const clinic = useClinic();
  return (
    <ul className="slots">
      {slots.map((s) => (
        <li key={`${s.practitionerId}-${s.start}`}>
          <button type="button" className="secondary" disabled={disabled} onClick={() => onPick(s)} data-start={s.localStart}>
            {formatDateTime(s.localStart)} · {s.practitionerName}
            {s.deviceId && <> · {clinic.device(s.deviceId)?.name}</>}
            {s.preferred && <> <span className="badge preferred">{t('book.preferred')}</span></>}
          </button>
        </li>
      ))}
    </ul>
  );
}
