// reporting-service's reports and booking-service's utilization as the outcome dashboard reads them, through
// clinic-web's proxy. The shapes follow reporting-service's OpenAPI document: every figure says how many patients it
// rests on, and a suppressed figure carries no numbers at all.

import { ApiError, booking, reporting, withQuery } from '../api';
import { plusDays } from '../time';

export interface CountFigure { value: number | null; patients: number | null; suppressed: boolean }

export interface MeanFigure {
  patients: number | null;
  n: number | null;
  mean: number | null;
  standardDeviation: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface RateFigure {
  count: number | null;
  of: number | null;
  patients: number | null;
  share: number | null;
  lower: number | null;
  upper: number | null;
  suppressed: boolean;
}

export interface Report<R> {
  report: string;
  parameters: Record<string, unknown>;
  minimumPatients: number;
  rows: R[];
  total: R | null;
}

export interface EpisodesRow { modality: string | null; started: CountFigure; closed: CountFigure; baselinePain: MeanFigure; latestPain: MeanFigure }
export interface RespondersRow { modality: string | null; responders: RateFigure }
export interface SurvivalStep { sessions: number; atRisk: number; notYetResponded: number }
export interface SessionsToResponseRow {
  modality: string | null;
  patients: number | null;
  episodes: number | null;
  responded: number | null;
  medianSessions: number | null;
  curve: SurvivalStep[] | null;
  suppressed: boolean;
}
export interface PainTrajectoryRow { modality: string; sessionNumber: number; firstStepPain: MeanFigure }
export interface ReviewDecisionsRow { decision: string | null; decisions: RateFigure }
export interface AttendanceRow { modality: string | null; planned: CountFigure; attended: RateFigure; noShows: RateFigure; lateCancellations: RateFigure }

export interface WeekOfResource {
  resourceId: string;
  name: string;
  kind: 'practitioner' | 'room' | 'device';
  week: string;
  availableMinutes: number;
  bookedMinutes: number;
  utilization: number | null;
}

export const CONDITIONS = ['plantar_heel_pain', 'achilles_tendinopathy', 'other'] as const;
export const DEFINITIONS = ['pain50', 'mcic', 'vas60'] as const;
export const KINDS = ['practitioner', 'room', 'device'] as const;

/** The dashboard's view, as the page's address holds it. */
export interface Filters {
  from: string;
  to: string;
  condition?: string;
  modality?: string;
  practitioner?: string;
  definition: (typeof DEFINITIONS)[number];
  kind: (typeof KINDS)[number];
}

/** The filters every report takes. */
export function reportQuery(filters: Filters): Record<string, string | undefined> {
  return {
    from: filters.from,
    to: filters.to,
    condition: filters.condition,
    modality: filters.modality,
    practitioner: filters.practitioner,
  };
}

export interface Figures {
  episodes: Report<EpisodesRow>;
  responders: Report<RespondersRow>;
  survival: Report<SessionsToResponseRow>;
  trajectory: Report<PainTrajectoryRow>;
  review: Report<ReviewDecisionsRow>;
  attendance: Report<AttendanceRow>;
  utilization: WeekOfResource[];
}

export type Loaded<T> = { value: T } | { error: unknown };

/** Utilization covers at most 183 days (booking-service's limit): the last 26 weeks of a longer period. */
export function utilizationFrom(filters: Filters): string {
  const latest = plusDays(filters.to, -182);
  return filters.from < latest ? latest : filters.from;
}

/** Every figure of the dashboard, asked for at once; each may fail on its own (a refusal shows in its section). */
export async function loadFigures(filters: Filters): Promise<{ [K in keyof Figures]: Loaded<Figures[K]> }> {
  const query = reportQuery(filters);
  // sessions are scored on the NRS: the VAS definition has no sessions-to-response, so that chart uses pain50
  const survivalDefinition = filters.definition === 'vas60' ? 'pain50' : filters.definition;
  const answers = await Promise.allSettled([
    reporting.get<Report<EpisodesRow>>('/reports/episodes', query),
    reporting.get<Report<RespondersRow>>('/reports/responders', { ...query, definition: filters.definition }),
    reporting.get<Report<SessionsToResponseRow>>('/reports/sessions-to-response', { ...query, definition: survivalDefinition }),
    reporting.get<Report<PainTrajectoryRow>>('/reports/pain-trajectory', query),
    reporting.get<Report<ReviewDecisionsRow>>('/reports/review-decisions', query),
    reporting.get<Report<AttendanceRow>>('/reports/attendance', query),
    booking.get<WeekOfResource[]>('/utilization', { from: utilizationFrom(filters), to: filters.to, kind: filters.kind }),
  ]);
  const loaded = <T>(answer: PromiseSettledResult<{ data: unknown }>): Loaded<T> =>
    answer.status === 'fulfilled' ? { value: answer.value.data as T } : { error: answer.reason };
  return {
    episodes: loaded(answers[0]),
    responders: loaded(answers[1]),
    survival: loaded(answers[2]),
    trajectory: loaded(answers[3]),
    review: loaded(answers[4]),
    attendance: loaded(answers[5]),
    utilization: loaded(answers[6]),
  };
}

/** The practitioners a utilization answer names, by name. */
export function practitionersIn(weeks: WeekOfResource[]): Array<{ id: string; name: string }> {
  const byId = new Map(weeks.map((w) => [w.resourceId, w.name]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The practitioners the analyst may filter by: those with working time in the period (utilization names them). */
export async function practitionersOf(filters: Filters): Promise<Array<{ id: string; name: string }>> {
  try {
    return practitionersIn((await booking.get<WeekOfResource[]>('/utilization',
      { from: utilizationFrom(filters), to: filters.to, kind: 'practitioner' })).data);
  } catch (e) {
    if (e instanceof ApiError) {
      return [];
    }
    throw e;
  }
}

/** A report as the service writes it in CSV, with the filters and the suppression threshold in its header lines. */
export function reportCsvPath(report: string, filters: Filters, extra: Record<string, string> = {}): string {
  return withQuery(`/api/reporting/reports/${report}`, { ...reportQuery(filters), ...extra });
}
