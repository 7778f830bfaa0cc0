import { DateTime } from 'luxon';
import { locale } from './i18n';

// Times come from booking-service twice: as instants, and as the clinic's wall-clock time (localStart, e.g.
// 2027-02-01T09:00, with an offset only in the hour that happens twice). The pages show and send the wall clock.

export function wallClock(local: string): DateTime {
  return DateTime.fromISO(local, { setZone: true });
}

export function formatDateTime(local: string | undefined): string {
  return local ? wallClock(local).setLocale(locale()).toLocaleString(DateTime.DATETIME_MED) : '';
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The time of day of a wall-clock time (2027-02-01T09:00), as the language writes it (09.00 in Danish). One formatter
 * per language: the day calendar formats hundreds of these, and making a formatter is the costly part.
 */
export function formatTime(local: string | undefined): string {
  if (!local) {
    return '';
  }
  const language = locale();
  let format = timeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
    timeFormats.set(language, format);
  }
  return format.format(Date.UTC(2000, 0, 1, Number(local.substring(11, 13)), Number(local.substring(14, 16))));
}

export function formatDate(isoDate: string | undefined): string {
  return isoDate ? DateTime.fromISO(isoDate).setLocale(locale()).toLocaleString(DateTime.DATE_MED_WITH_WEEKDAY) : '';
}

export function formatInstant(instant: string | undefined, zone: string): string {
  return instant ? DateTime.fromISO(instant).setZone(zone).setLocale(locale()).toLocaleString(DateTime.DATETIME_MED) : '';
}

/** Today in the clinic's zone, as yyyy-MM-dd. */
export function today(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? '';
}

export function plusDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate).plus({ days }).toISODate() ?? isoDate;
}

/** The Monday of the week of a day. */
export function weekStart(isoDate: string): string {
  return DateTime.fromISO(isoDate).startOf('week').toISODate() ?? isoDate;
}

/** A local date and time as the services take it: 2027-02-01T09:00. */
export function localDateTime(date: string, time: string): string {
  return `${date}T${time}`;
}

/** The date and the time of day of a wall-clock time, for the inputs of a form. */
export function split(local: string): { date: string; time: string } {
  const t = wallClock(local);
  return { date: t.toISODate() ?? '', time: t.toFormat('HH:mm') };
}
