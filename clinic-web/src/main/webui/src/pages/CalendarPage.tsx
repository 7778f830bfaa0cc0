import { createCalendar, destroyCalendar, Interaction, ResourceTimeline, TimeGrid, type Calendar } from '@event-calendar/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { booking } from '../api';
import { useClinic } from '../clinic';
import { AppointmentDialog } from '../components/AppointmentDialog';
import { ProblemMessage } from '../components/ProblemMessage';
import { locale } from '../i18n';
import type { Appointment } from '../model';
import { useSession } from '../session';
import { formatDate, formatTime, plusDays, today, weekStart } from '../time';

type View = 'day' | 'week';
type Group = 'practitioner' | 'room' | 'device';

const RESOURCE_FIELD: Record<Group, 'practitionerId' | 'roomId' | 'deviceId'> = {
  practitioner: 'practitionerId', room: 'roomId', device: 'deviceId',
};

/** The wall-clock time without the offset the repeated hour carries: what the calendar lays out. */
function naive(local: string): string {
  return local.substring(0, 16);
}

/**
 * The calendar library marks its grid up as an ARIA table whose rows and cells do not nest as a table's must, which a
 * screen reader reads as nonsense. Its layout is taken as layout; the appointments in it stay buttons with labels,
 * and the list view is the table of the same appointments. The scrolling timeline can be reached by keyboard.
 */
const GRID_SEMANTICS = ['role', 'aria-label', 'aria-hidden', 'aria-colindex', 'aria-colspan', 'aria-haspopup']
  .map((attribute) => `.ec[${attribute}], .ec [${attribute}]:not(.ec-event):not(.ec-main)`).join(', ');

function plainLayout(root: HTMLElement, label: string): MutationObserver {
  // only the elements that carry the library's roles: a day of 20 practitioners is thousands of grid cells
  const tidy = () => {
    root.querySelectorAll(GRID_SEMANTICS).forEach((element) => {
      for (const name of element.getAttributeNames()) {
        if (name === 'role' || name.startsWith('aria-')) {
          element.removeAttribute(name);
        }
      }
    });
    root.querySelectorAll<HTMLElement>('.ec-main').forEach((main) => {
      if (!main.hasAttribute('tabindex')) {
        main.setAttribute('tabindex', '0');
        main.setAttribute('role', 'region');
        main.setAttribute('aria-label', label);
      }
    });
  };
  const observer = new MutationObserver(tidy);
  observer.observe(root, { subtree: true, childList: true });
  tidy();
  return observer;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function wallClockOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * The day by practitioner, room or device (resources as rows, so twenty practitioners stay readable), or one
 * resource's week. An appointment opens in a dialog; the reception drags it to another time of the same row, or moves
 * it from the dialog. The same appointments are offered as a table for the keyboard and screen readers.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const clinic = useClinic();
  const { has } = useSession();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? today(clinic.zone);
  const view = (params.get('view') as View) ?? 'day';
  const group = (params.get('group') as Group) ?? 'practitioner';
  const [resource, setResource] = useState<string>('');
  const [showCancelled, setShowCancelled] = useState(false);
  const [layout, setLayout] = useState<'calendar' | 'list'>('calendar');
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [open, setOpen] = useState<{ id: string; move?: string } | null>(null);
  const element = useRef<HTMLDivElement>(null);
  const calendar = useRef<Calendar | null>(null);
  const reception = has('receptionist', 'admin');

  const resources = useMemo(() => {
    const all = group === 'practitioner' ? clinic.practitioners : group === 'room' ? clinic.rooms : clinic.devices;
    return all.map((r) => ({ id: r.id, title: r.name }));
  }, [group, clinic.practitioners, clinic.rooms, clinic.devices]);

  const weekResource = resource || resources[0]?.id || '';
  // the day view shows every resource: it must not load again when the list of resources arrives
  const weekFilter = view === 'week' ? weekResource : '';
  const from = view === 'day' ? date : weekStart(date);
  const to = view === 'day' ? date : plusDays(from, 6);

  const set = (changes: Record<string, string>) => setParams({ date, view, group, ...changes });

  const load = useCallback(async () => {
    setError(null);
    setLoading(true);
    try {
      // index.html asks for the day view's address (from, to, size, in this order) while the scripts load
      const filter = weekFilter ? { [group]: weekFilter } : {};
      const { data } = await booking.get<Appointment[]>('/appointments', { from, to, size: 500, ...filter });
      setAppointments(data);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [from, to, group, weekFilter]);

  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(() => (appointments ?? []).filter((a) => showCancelled || a.status !== 'cancelled')
    .sort((x, y) => x.start.localeCompare(y.start)), [appointments, showCancelled]);

  const events = useMemo(() => visible.map((a) => {
    const resourceId = a[RESOURCE_FIELD[group]];
    return {
      id: a.id,
      resourceIds: resourceId ? [resourceId] : [],
      start: naive(a.localStart),
      end: naive(a.localEnd),
      title: `${a.patientName ?? ''} · ${clinic.typeName(a.appointmentTypeId)}`,
      extendedProps: {
        short: a.patientName ?? '',
        label: [formatTime(a.localStart), a.patientName, clinic.typeName(a.appointmentTypeId),
          clinic.practitioner(a.practitionerId)?.name, t(`status.appointment.${a.status}`),
          a.cancellation?.late ? t('appointment.late') : undefined].filter(Boolean).join(', '),
      },
      classNames: [`status-${a.status}`, ...(a.flag ? ['flagged'] : [])],
      editable: reception && a.status === 'booked',
    };
  }), [visible, group, clinic, t, reception]);

  useEffect(() => {
    if (!element.current) {
      return;
    }
    calendar.current = createCalendar(element.current, [ResourceTimeline, TimeGrid, Interaction], {
      headerToolbar: { start: '', center: '', end: '' },
      eventBackgroundColor: '#0b5cad',
      eventTextColor: '#ffffff',
      height: 'auto',
      slotMinTime: '07:00',
      slotMaxTime: '20:00',
      flexibleSlotTimeLimits: true,
      slotDuration: '00:30',
      slotLabelInterval: '01:00',
      slotWidth: 56,
      firstDay: 1,
      allDaySlot: false,
      nowIndicator: false,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventStartEditable: true,
      eventDurationEditable: false,
      // a drag moves the time only: who and where stay, as a move in the dialog keeps them
      dragConstraint: (info) => !info.newResource || info.newResource.id === info.oldResource?.id,
      eventClick: (info) => setOpen({ id: String(info.event.id) }),
      // the row and the column say who and when: the event itself says whom, in full on hover and to screen readers
      eventContent: (info) => {
        const name = document.createElement('span');
        name.className = 'ec-event-title';
        name.textContent = String(info.event.extendedProps.short ?? info.event.title);
        return { domNodes: [name] };
      },
      eventDidMount: (info) => {
        const label = String(info.event.extendedProps.label ?? info.event.title);
        info.el.setAttribute('tabindex', '0');
        info.el.setAttribute('role', 'button');
        info.el.setAttribute('aria-label', label);
        info.el.setAttribute('title', label);
        info.el.addEventListener('keydown', (key) => {
          if (key.key === 'Enter' || key.key === ' ') {
            key.preventDefault();
            setOpen({ id: String(info.event.id) });
          }
        });
      },
      eventDrop: (info) => {
        const moved = wallClockOf(info.event.start);
        info.revert();
        setOpen({ id: String(info.event.id), move: moved });
      },
    });
    const layout = plainLayout(element.current, t('calendar.title'));
    return () => {
      layout.disconnect();
      if (calendar.current) {
        void destroyCalendar(calendar.current);
        calendar.current = null;
      }
    };
  }, []);

  useEffect(() => {
    const c = calendar.current;
    if (!c) {
      return;
    }
    c.setOption('locale', locale(i18n.language));
  }, [i18n.language]);

  // each option set only when it changes: a new value makes the calendar lay out every appointment again
  useEffect(() => {
    calendar.current?.setOption('editable', reception);
  }, [reception]);

  useEffect(() => {
    const c = calendar.current;
    if (!c) {
      return;
    }
    c.setOption('view', view === 'day' ? 'resourceTimelineDay' : 'timeGridWeek');
    c.setOption('date', date);
  }, [view, date]);

  // laid out once, when both the appointments and the names and types they show are known
  const loaded = clinic.ready && appointments !== null;
  useEffect(() => {
    const c = calendar.current;
    if (!c || !loaded) {
      return;
    }
    c.setOption('resources', view === 'day' ? resources : []);
    c.setOption('events', view === 'day' ? events : events.map((e) => ({ ...e, resourceIds: [] })));
  }, [view, resources, events, loaded]);

  return (
    <section>
      <h1>{t('calendar.title')}</h1>
      <div className="calendar-controls">
        <label><span>{t('field.date')}</span>
          <input type="date" value={date} onChange={(e) => e.target.value && set({ date: e.target.value })} />
        </label>
        <div className="actions" role="group" aria-label={t('calendar.navigate')}>
          <button type="button" className="secondary" onClick={() => set({ date: plusDays(date, view === 'day' ? -1 : -7) })}>{t('calendar.previous')}</button>
          <button type="button" className="secondary" onClick={() => set({ date: today(clinic.zone) })}>{t('calendar.today')}</button>
          <button type="button" className="secondary" onClick={() => set({ date: plusDays(date, view === 'day' ? 1 : 7) })}>{t('calendar.next')}</button>
        </div>
        <label><span>{t('calendar.view')}</span>
          <select value={view} onChange={(e) => set({ view: e.target.value })}>
            <option value="day">{t('calendar.day')}</option>
            <option value="week">{t('calendar.week')}</option>
          </select>
        </label>
        <label><span>{t('calendar.by')}</span>
          <select value={group} onChange={(e) => { setResource(''); set({ group: e.target.value }); }}>
            <option value="practitioner">{t('calendar.byPractitioner')}</option>
            {reception && <option value="room">{t('calendar.byRoom')}</option>}
            {reception && <option value="device">{t('calendar.byDevice')}</option>}
          </select>
        </label>
        {view === 'week' && (
          <label><span>{t(`calendar.${group}`)}</span>
            <select value={weekResource} onChange={(e) => setResource(e.target.value)}>
              {resources.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
          </label>
        )}
        <label className="inline">
          <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} />
          <span>{t('calendar.showCancelled')}</span>
        </label>
        <div className="actions" role="group" aria-label={t('calendar.layout')}>
          <button type="button" className={layout === 'calendar' ? '' : 'secondary'} aria-pressed={layout === 'calendar'}
                  onClick={() => setLayout('calendar')}>{t('calendar.asCalendar')}</button>
          <button type="button" className={layout === 'list' ? '' : 'secondary'} aria-pressed={layout === 'list'}
                  onClick={() => setLayout('list')}>{t('calendar.asList')}</button>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {t('calendar.summary', { count: visible.length, date: formatDate(from) })}
      </p>
      <ProblemMessage error={error} />
      <div className="calendar" ref={element} hidden={layout !== 'calendar'} aria-busy={loading} data-testid="calendar" />
      {layout === 'list' && (
        <table data-testid="appointment-list">
          <caption>{view === 'day' ? formatDate(date) : `${formatDate(from)} – ${formatDate(to)}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('appointment.when')}</th>
              <th scope="col">{t('field.patientId')}</th>
              <th scope="col">{t('field.appointmentTypeId')}</th>
              <th scope="col">{t('field.practitionerId')}</th>
              <th scope="col">{t('appointment.status')}</th>
              <th scope="col"><span className="visually-hidden">{t('action.open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && <tr><td colSpan={6}>{t('calendar.empty')}</td></tr>}
            {visible.map((a) => (
              <tr key={a.id}>
                <td>{view === 'week' ? `${formatDate(a.localStart.substring(0, 10))} ` : ''}{formatTime(a.localStart)}–{formatTime(a.localEnd)}</td>
                <td>{a.patientName}</td>
                <td>{clinic.typeName(a.appointmentTypeId)}</td>
                <td>{clinic.practitioner(a.practitionerId)?.name}</td>
                <td>{t(`status.appointment.${a.status}`)}{a.cancellation?.late ? ` (${t('appointment.late')})` : ''}</td>
                <td><button type="button" className="secondary" onClick={() => setOpen({ id: a.id })}>{t('action.open')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <AppointmentDialog id={open.id} initialMove={open.move} onClose={() => setOpen(null)} onChanged={() => void load()} />
      )}
    </section>
  );
}
