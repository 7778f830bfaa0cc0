import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, booking } from '../api';
import { useClinic } from '../clinic';
import { etag, type Appointment, type HistoryEntry, type Series } from '../model';
import { useSession } from '../session';
import { formatDateTime, formatInstant, formatTime, split } from '../time';
import { Dialog } from './Dialog';
import { ProblemMessage } from './ProblemMessage';

type Mode = 'view' | 'move' | 'cancel';

/**
 * One appointment: what it is, and what the reception may do with it now (check in, fulfil, no-show, cancel, move
 * this one or this and the following ones of its series). Every change sends the version it was read at; when
 * somebody changed it meanwhile, the dialog says so and shows the appointment as it is now.
 */
export function AppointmentDialog({ id, onClose, onChanged, initialMove }: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
  initialMove?: string;
}) {
  const { t } = useTranslation();
  const clinic = useClinic();
  const { has } = useSession();
  const [appointment, setAppointment] = useState<Appointment | null>(null);
  const [series, setSeries] = useState<Series | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [mode, setMode] = useState<Mode>(initialMove ? 'move' : 'view');
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const { data } = await booking.get<Appointment>(`/appointments/${id}`);
    setAppointment(data);
    setSeries(data.seriesId ? (await booking.get<Series>(`/series/${data.seriesId}`)).data : null);
  }, [id]);

  useEffect(() => {
    void load().catch(setError);
  }, [load]);

  async function act(change: () => Promise<unknown>, message: string) {
    setError(null);
    setStale(false);
    setDone(null);
    try {
      await change();
      setDone(message);
      setMode('view');
      await load();
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setStale(true);
        await load();
      } else {
        setError(e);
      }
    }
  }

  if (!appointment) {
    return (
      <Dialog title={t('appointment.title')} onClose={onClose}>
        {error ? <ProblemMessage error={error} /> : <p>{t('app.loading')}</p>}
      </Dialog>
    );
  }

  const a = appointment;
  const reception = has('receptionist', 'admin');
  const post = (action: string) => () => booking.post(`/appointments/${a.id}/${action}`, undefined, etag(a.version));
  return (
    <Dialog title={`${a.patientName ?? ''} · ${clinic.typeName(a.appointmentTypeId)}`} onClose={onClose}>
      {stale && <p className="warning" role="alert">{t('appointment.stale')}</p>}
      {done && <p className="notice" role="status">{done}</p>}
      <dl className="facts">
        <dt>{t('appointment.when')}</dt><dd>{formatDateTime(a.localStart)} – {formatTime(a.localEnd)}</dd>
        <dt>{t('appointment.status')}</dt>
        <dd>
          {t(`status.appointment.${a.status}`)}
          {a.cancellation?.late && <> <span className="badge late">{t('appointment.late')}</span></>}
        </dd>
        <dt>{t('field.practitionerId')}</dt><dd>{clinic.practitioner(a.practitionerId)?.name}</dd>
        {a.roomId && <><dt>{t('field.roomId')}</dt><dd>{clinic.room(a.roomId)?.name}</dd></>}
        {a.deviceId && <><dt>{t('field.deviceId')}</dt><dd>{clinic.device(a.deviceId)?.name}</dd></>}
        {a.cancellation && <><dt>{t('appointment.cancelled')}</dt>
          <dd>{t(`cancelledBy.${a.cancellation.by}`)}: {a.cancellation.reason}</dd></>}
        {a.flag && <><dt>{t('appointment.flag')}</dt><dd>{t(`flag.${a.flag}`, { defaultValue: a.flag })}</dd></>}
        {a.note && <><dt>{t('field.note')}</dt><dd>{a.note}</dd></>}
      </dl>
      {series && (
        <table>
          <caption>{t('series.occurrences', { count: series.occurrences.length })}</caption>
          <thead><tr><th scope="col">#</th><th scope="col">{t('appointment.when')}</th><th scope="col">{t('appointment.status')}</th></tr></thead>
          <tbody>
            {series.occurrences.map((o) => (
              <tr key={o.id} aria-current={o.id === a.id ? 'true' : undefined}>
                <td>{o.seriesPosition}</td><td>{formatDateTime(o.localStart)}</td><td>{t(`status.appointment.${o.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemMessage error={error} />
      {reception && mode === 'view' && (
        <div className="actions">
          {a.status === 'booked' && <button type="button" onClick={() => void act(post('arrive'), t('appointment.arrived'))}>{t('action.arrive')}</button>}
          {(a.status === 'booked' || a.status === 'arrived') &&
            <button type="button" onClick={() => void act(post('fulfil'), t('appointment.fulfilled'))}>{t('action.fulfil')}</button>}
          {a.status === 'booked' && <button type="button" className="secondary" onClick={() => void act(post('no-show'), t('appointment.noShowRecorded'))}>{t('action.noShow')}</button>}
          {a.status === 'booked' && <button type="button" className="secondary" onClick={() => setMode('move')}>{t('action.move')}</button>}
          {a.status === 'booked' && <button type="button" className="danger" onClick={() => setMode('cancel')}>{t('action.cancelAppointment')}</button>}
          <button type="button" className="secondary" onClick={() => void booking.get<HistoryEntry[]>(`/appointments/${a.id}/history`).then((r) => setHistory(r.data)).catch(setError)}>
            {t('action.history')}
          </button>
        </div>
      )}
      {mode === 'move' && (
        <MoveForm appointment={a} series={series} initial={initialMove}
                  onCancel={() => setMode('view')}
                  onMove={(change) => act(change, t('appointment.moved'))} />
      )}
      {mode === 'cancel' && (
        <CancelForm appointment={a} series={series} onCancel={() => setMode('view')}
                    onConfirm={(change) => act(change, t('appointment.cancelledNow'))} />
      )}
      {history && (
        <table>
          <caption>{t('appointment.history')}</caption>
          <thead><tr><th scope="col">{t('history.at')}</th><th scope="col">{t('history.by')}</th><th scope="col">{t('history.action')}</th></tr></thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i}><td>{formatInstant(h.at, clinic.zone)}</td><td>{h.by}</td><td>{t(`history.${h.action}`, { defaultValue: h.action })}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}

function MoveForm({ appointment, series, initial, onMove, onCancel }: {
  appointment: Appointment;
  series: Series | null;
  initial?: string;
  onMove: (change: () => Promise<unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const start = split(initial ?? appointment.localStart);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [scope, setScope] = useState<'one' | 'following'>('one');
  const [reason, setReason] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const local = `${date}T${time}`;
    void onMove(() => scope === 'following' && series
      ? booking.post(`/series/${series.id}/reschedule`, {
        fromPosition: appointment.seriesPosition, start: local, reason: reason || undefined,
      }, etag(series.version))
      : booking.post(`/appointments/${appointment.id}/reschedule`, { start: local, reason: reason || undefined },
        etag(appointment.version)));
  }

  return (
    <form onSubmit={submit} aria-label={t('action.move')}>
      <h3>{t('appointment.moveTitle')}</h3>
      <div className="row">
        <label><span>{t('field.date')}</span><input type="date" required value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label><span>{t('field.time')}</span><input type="time" required step={300} value={time} onChange={(e) => setTime(e.target.value)} /></label>
      </div>
      {series && (
        <fieldset>
          <legend>{t('appointment.moveScope')}</legend>
          <label className="inline"><input type="radio" name="scope" checked={scope === 'one'} onChange={() => setScope('one')} /><span>{t('appointment.thisOne')}</span></label>
          <label className="inline"><input type="radio" name="scope" checked={scope === 'following'} onChange={() => setScope('following')} /><span>{t('appointment.thisAndFollowing')}</span></label>
        </fieldset>
      )}
      <label><span>{t('field.reason')}</span><input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <div className="actions">
        <button type="submit">{t('action.move')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('action.back')}</button>
      </div>
    </form>
  );
}

function CancelForm({ appointment, series, onConfirm, onCancel }: {
  appointment: Appointment;
  series: Series | null;
  onConfirm: (change: () => Promise<unknown>) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'patient' | 'clinic'>('patient');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'one' | 'following'>('one');

  function submit(event: FormEvent) {
    event.preventDefault();
    void onConfirm(() => scope === 'following' && series
      ? booking.post(`/series/${series.id}/cancel`, { fromPosition: appointment.seriesPosition, by, reason },
        etag(series.version))
      : booking.post(`/appointments/${appointment.id}/cancel`, { by, reason }, etag(appointment.version)));
  }

  return (
    <form onSubmit={submit} aria-label={t('action.cancelAppointment')}>
      <h3>{t('appointment.cancelTitle')}</h3>
      <fieldset>
        <legend>{t('field.by')}</legend>
        <label className="inline"><input type="radio" name="by" checked={by === 'patient'} onChange={() => setBy('patient')} /><span>{t('cancelledBy.patient')}</span></label>
        <label className="inline"><input type="radio" name="by" checked={by === 'clinic'} onChange={() => setBy('clinic')} /><span>{t('cancelledBy.clinic')}</span></label>
      </fieldset>
      <label><span>{t('field.reason')}</span><input required value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      {series && (
        <fieldset>
          <legend>{t('appointment.cancelScope')}</legend>
          <label className="inline"><input type="radio" name="cancel-scope" checked={scope === 'one'} onChange={() => setScope('one')} /><span>{t('appointment.thisOne')}</span></label>
          <label className="inline"><input type="radio" name="cancel-scope" checked={scope === 'following'} onChange={() => setScope('following')} /><span>{t('appointment.thisAndFollowing')}</span></label>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="danger">{t('action.confirmCancel')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('action.back')}</button>
      </div>
    </form>
  );
}
