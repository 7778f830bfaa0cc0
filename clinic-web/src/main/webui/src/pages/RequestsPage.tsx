import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, booking } from '../api';
import { useClinic } from '../clinic';
import { Dialog } from '../components/Dialog';
import { ProblemMessage } from '../components/ProblemMessage';
import type { OccurrenceFit, SchedulingRequest, Series, Slot } from '../model';
import { PatientName } from '../patients';
import { formatDateTime, formatInstant, plusDays, today } from '../time';
import { SlotList } from './BookPage';

/** What treatment plans asked the reception to book, oldest first; each is booked as a series in one go. */
export function RequestsPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [requests, setRequests] = useState<SchedulingRequest[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [booking_, setBooking] = useState<SchedulingRequest | null>(null);
  const [booked, setBooked] = useState<Series | null>(null);

  const load = useCallback(async () => {
    try {
      setRequests((await booking.get<SchedulingRequest[]>('/scheduling-requests', { status: 'open' })).data);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <h1>{t('requests.title')}</h1>
      <ProblemMessage error={error} />
      {booked && (
        <div className="notice" role="status" data-testid="series-booked">
          <p>{t('requests.booked', { count: booked.occurrences.length })}</p>
          <ol>{booked.occurrences.map((o) => <li key={o.id}>{formatDateTime(o.localStart)}</li>)}</ol>
        </div>
      )}
      {requests.length === 0 ? <p>{t('requests.none')}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('field.patientId')}</th>
              <th scope="col">{t('field.modality')}</th>
              <th scope="col">{t('requests.sessions')}</th>
              <th scope="col">{t('field.intervalDays')}</th>
              <th scope="col">{t('requests.preference')}</th>
              <th scope="col">{t('requests.reason')}</th>
              <th scope="col">{t('requests.received')}</th>
              <th scope="col"><span className="visually-hidden">{t('requests.bookAsSeries')}</span></th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td><PatientName id={r.patientId} /></td>
                <td>{t(`modality.${r.modality}`, { defaultValue: r.modality })}{r.deviceNeeded ? ` (${t('requests.device')})` : ''}</td>
                <td>{r.sessions}</td>
                <td>{r.intervalDays}</td>
                <td>{clinic.practitioner(r.practitionerPreference)?.name ?? '–'}</td>
                <td>{t(`requestReason.${r.reason}`, { defaultValue: r.reason })}</td>
                <td>{formatInstant(r.receivedAt, clinic.zone)}</td>
                <td><button type="button" onClick={() => { setBooked(null); setBooking(r); }}>{t('requests.bookAsSeries')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {booking_ && (
        <BookSeriesDialog request={booking_} onClose={() => setBooking(null)}
                          onBooked={(s) => { setBooking(null); setBooked(s); void load(); }} />
      )}
    </section>
  );
}

function BookSeriesDialog({ request, onClose, onBooked }: {
  request: SchedulingRequest;
  onClose: () => void;
  onBooked: (series: Series) => void;
}) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const types = clinic.types.filter((x) => x.active && x.modality === request.modality);
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const delivering = clinic.practitioners.filter((p) => p.active && p.modalities.includes(request.modality));
  const [practitionerId, setPractitionerId] = useState(request.practitionerPreference ?? delivering[0]?.id ?? '');
  const [first, setFirst] = useState<Slot | null>(null);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [misfits, setMisfits] = useState<OccurrenceFit[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function findFirst() {
    setError(null);
    try {
      const from = today(clinic.zone);
      setSlots((await booking.get<Slot[]>('/slots', {
        type: typeId, from, to: plusDays(from, 14), practitioner: practitionerId, patient: request.patientId, limit: 12,
      })).data);
    } catch (e) {
      setError(e);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!first) {
      return;
    }
    setError(null);
    setMisfits(null);
    try {
      const { data } = await booking.post<Series>('/series', {
        patientId: request.patientId,
        appointmentTypeId: typeId,
        practitionerId: first.practitionerId,
        roomId: first.roomId,
        deviceId: first.deviceId,
        firstStart: first.localStart,
        count: request.sessions,
        intervalDays: request.intervalDays,
        schedulingRequestId: request.id,
      });
      onBooked(data);
    } catch (e) {
      if (e instanceof ApiError && e.slug === 'series-does-not-fit') {
        setMisfits((e.problem.occurrences as OccurrenceFit[] | undefined) ?? []);
      } else {
        setError(e);
      }
    }
  }

  return (
    <Dialog title={t('requests.bookAsSeries')} onClose={onClose}>
      <form onSubmit={submit}>
        <p><PatientName id={request.patientId} /> · {t('requests.summary', { sessions: request.sessions, days: request.intervalDays })}</p>
        <div className="row">
          <label><span>{t('field.appointmentTypeId')}</span>
            <select required value={typeId} onChange={(e) => { setTypeId(e.target.value); setSlots(null); setFirst(null); }}>
              {types.map((x) => <option key={x.id} value={x.id}>{clinic.typeName(x.id)}</option>)}
            </select>
          </label>
          <label><span>{t('field.practitionerId')}</span>
            <select required value={practitionerId} onChange={(e) => { setPractitionerId(e.target.value); setSlots(null); setFirst(null); }}>
              {delivering.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </div>
        {first ? (
          <p>{t('requests.firstSession')}: <strong>{formatDateTime(first.localStart)}</strong>{' '}
            <button type="button" className="secondary" onClick={() => setFirst(null)}>{t('action.change')}</button></p>
        ) : (
          <>
            <button type="button" className="secondary" onClick={() => void findFirst()} disabled={!typeId || !practitionerId}>
              {t('requests.findFirst')}
            </button>
            {slots && (slots.length === 0 ? <p>{t('book.noFreeTimes')}</p> : <SlotList slots={slots} onPick={setFirst} />)}
          </>
        )}
        <ProblemMessage error={error} />
        {misfits && (
          <div className="warning" role="alert">
            <p><strong>{t('requests.doesNotFit')}</strong></p>
            <table>
              <thead><tr><th scope="col">#</th><th scope="col">{t('appointment.when')}</th><th scope="col">{t('requests.fits')}</th></tr></thead>
              <tbody>
                {misfits.map((m) => (
                  <tr key={m.position}>
                    <td>{m.position}</td>
                    <td>{formatDateTime(m.localStart)}</td>
                    <td>{m.ok ? t('requests.fitsYes') : t(`problem.${m.reason}`, { defaultValue: m.reason })}
                      {m.resource && ` (${m.resource.name})`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={!first}>{t('requests.bookAll', { count: request.sessions })}</button>
        </div>
      </form>
    </Dialog>
  );
}
