import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { downloadCsv, saveFile } from '../api';
import { useClinic } from '../clinic';
import { ProblemMessage } from '../components/ProblemMessage';
import { ChartFigure, colour, faded } from '../outcomes/charts';
import { useFormat } from '../outcomes/format';
import {
  CONDITIONS, DEFINITIONS, KINDS, loadFigures, practitionersIn, practitionersOf, reportCsvPath, utilizationFrom, type AttendanceRow, type EpisodesRow,
  type Figures,
  type Filters, type Loaded, type PainTrajectoryRow, type RateFigure, type Report, type RespondersRow, type ReviewDecisionsRow,
  type SessionsToResponseRow,
  type WeekOfResource,
} from '../outcomes/reports';
import { formatDate, plusDays, today } from '../time';

type Translate = ReturnType<typeof useTranslation>['t'];

/** Chart.js's types do not follow a line drawn over bars; the configurations below are checked by the browser tests. */
const chart = (value: unknown) => value as ChartConfiguration;

/** The filters from the page's address; a missing period is the last half year (utilization's longest). */
function filtersOf(params: URLSearchParams, zone: string): Filters {
  const to = params.get('to') || today(zone);
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = params.get(name) as T | null;
    return value && allowed.includes(value) ? value : fallback;
  };
  return {
    from: params.get('from') || plusDays(to, -182),
    to,
    condition: params.get('condition') || undefined,
    modality: params.get('modality') || undefined,
    practitioner: params.get('practitioner') || undefined,
    definition: pick('definition', DEFINITIONS, 'pain50'),
    kind: pick('kind', KINDS, 'practitioner'),
  };
}

function paramsOf(filters: Filters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      params[key] = value;
    }
  }
  return params;
}

function useNames() {
  const { t } = useTranslation();
  return useMemo(() => ({
    modality: (code: string | null) => (code === null ? t('dashboard.total') : code === 'no_plan' ? t('dashboard.noPlan')
      : t(`modality.${code}`, { defaultValue: code })),
    decision: (code: string | null) => (code === null ? t('dashboard.total')
      : t(`dashboard.review.decisions.${code}`, { defaultValue: code })),
  }), [t]);
}

/**
 * The clinic lead's outcome dashboard: reporting-service's figures (responders, pain by session number, sessions
 * until response, review-point decisions, attendance) and booking-service's utilization, for the filters in the
 * page's address. Every chart has a table with the same figures beside it and a CSV download; a figure from too
 * few patients reads "fewer than 5", never 0.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const [params, setParams] = useSearchParams();
  // by value: writing the default period into the address gives the same filters, which must not load all again
  const filtersKey = JSON.stringify(filtersOf(params, clinic.zone));
  const filters = useMemo<Filters>(() => JSON.parse(filtersKey), [filtersKey]);
  const [figures, setFigures] = useState<{ [K in keyof Figures]: Loaded<Figures[K]> } | null>(null);
  const [practitioners, setPractitioners] = useState<Array<{ id: string; name: string }>>([]);
  const [error, setError] = useState<unknown>(null);

  // the period is written into the address at once, so that the view can be shared exactly as it is shown
  useEffect(() => {
    if (!params.get('from') || !params.get('to')) {
      setParams(paramsOf(filters), { replace: true });
    }
  }, [params, filters, setParams]);

  useEffect(() => {
    let current = true;
    setFigures(null);
    setError(null);
    loadFigures(filters).then((loaded) => {
      if (!current) {
        return;
      }
      setFigures(loaded);
      // the practitioners to filter by are those of the heat map when it shows practitioners; else asked for
      if (filters.kind === 'practitioner' && 'value' in loaded.utilization) {
        setPractitioners(practitionersIn(loaded.utilization.value));
      } else {
        practitionersOf(filters).then((list) => current && setPractitioners(list), () => undefined);
      }
    }, (e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [filters]);

  const minimum = figures && 'value' in figures.responders ? figures.responders.value.minimumPatients : 5;

  return (
    <section className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro', { count: minimum })}</p>
      <FilterForm filters={filters} practitioners={practitioners}
        onApply={(next) => setParams(paramsOf(next))} />
      <ProblemMessage error={error} />
      {!figures ? <p className="loading" role="status">{t('dashboard.loading')}</p> : (
        <>
          <Loaded figure={figures.episodes}>{(report) => <Episodes report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.responders}>{(report) => <Responders report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.trajectory}>{(report) => <Trajectory report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.survival}>{(report) => <Survival report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.review}>{(report) => <ReviewDecisions report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.attendance}>{(report) => <Attendance report={report} filters={filters} />}</Loaded>
          <Loaded figure={figures.utilization}>{(weeks) => <Utilization weeks={weeks} filters={filters} />}</Loaded>
        </>
      )}
    </section>
  );
}

function Loaded<T>({ figure, children }: { figure: Loaded<T>; children: (value: T) => ReactNode }) {
  return 'value' in figure ? <>{children(figure.value)}</> : <ProblemMessage error={figure.error} />;
}

function FilterForm({ filters, practitioners, onApply }: {
  filters: Filters; practitioners: Array<{ id: string; name: string }>; onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (change: Partial<Filters>) => setDraft((d) => ({ ...d, ...change }));
  const modalities = Object.keys(t('modality', { returnObjects: true }) as Record<string, string>);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="panel filters" onSubmit={submit} aria-label={t('dashboard.filters')}>
      <div className="row">
        <label>{t('dashboard.from')}
          <input type="date" name="from" value={draft.from} required onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>{t('dashboard.to')}
          <input type="date" name="to" value={draft.to} required onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>{t('dashboard.condition')}
          <select name="condition" value={draft.condition ?? ''} onChange={(e) => set({ condition: e.target.value || undefined })}>
            <option value="">{t('dashboard.all')}</option>
            {CONDITIONS.map((c) => <option key={c} value={c}>{t(`dashboard.conditions.${c}`)}</option>)}
          </select>
        </label>
        <label>{t('dashboard.modality')}
          <select name="modality" value={draft.modality ?? ''} onChange={(e) => set({ modality: e.target.value || undefined })}>
            <option value="">{t('dashboard.all')}</option>
            {modalities.map((m) => <option key={m} value={m}>{names.modality(m)}</option>)}
          </select>
        </label>
        <label>{t('dashboard.practitioner')}
          <select name="practitioner" value={draft.practitioner ?? ''} onChange={(e) => set({ practitioner: e.target.value || undefined })}>
            <option value="">{t('dashboard.all')}</option>
            {practitioners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            {draft.practitioner && !practitioners.some((p) => p.id === draft.practitioner)
              && <option value={draft.practitioner}>{draft.practitioner}</option>}
          </select>
        </label>
        <label>{t('dashboard.definition')}
          <select name="definition" value={draft.definition} onChange={(e) => set({ definition: e.target.value as Filters['definition'] })}>
            {DEFINITIONS.map((d) => <option key={d} value={d}>{t(`dashboard.definitions.${d}`)}</option>)}
          </select>
        </label>
        <label>{t('dashboard.kind')}
          <select name="kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as Filters['kind'] })}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`dashboard.utilization.kinds.${k}`)}</option>)}
          </select>
        </label>
        <div className="actions"><button type="submit">{t('dashboard.apply')}</button></div>
      </div>
      <p className="hint">{t('dashboard.shareHint')}</p>
    </form>
  );
}

/** A report's heading, what it shows, its chart and table side by side, and its CSV download. */
function ReportSection({ id, title, about, csv, chartPart, children }: {
  id: string; title: string; about: string; csv: () => Promise<void>; chartPart?: ReactNode; children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="panel report" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">{about}</p>
      <div className={chartPart ? 'figure-pair' : undefined}>
        {chartPart}
        <div className="figure-table">{children}</div>
      </div>
      <div className="actions">
        <button type="button" className="secondary"
          onClick={() => { setError(null); csv().catch(setError); }}>{t('dashboard.csv', { what: title })}</button>
      </div>
      <ProblemMessage error={error} />
    </section>
  );
}

function csvOf(report: string, filters: Filters, extra: Record<string, string> = {}) {
  return () => downloadCsv(reportCsvPath(report, filters, extra), `${report}-${filters.from}-${filters.to}.csv`);
}

function rowsAndTotal<R>(report: Report<R>): R[] {
  return report.total ? [...report.rows, report.total] : report.rows;
}

/** A share, with its 95 % interval on a line of its own below it; "fewer than 5" when suppressed. */
function RateText({ figure, format }: { figure: RateFigure; format: ReturnType<typeof useFormat> }) {
  if (figure.suppressed) {
    return <>{format.fewer}</>;
  }
  return (
    <>
      {format.percent(figure.share)}
      <span className="interval">({format.percent(figure.lower)}–{format.percent(figure.upper)})</span>
    </>
  );
}

function NoData() {
  const { t } = useTranslation();
  return <p>{t('dashboard.noData')}</p>;
}

function Episodes({ report, filters }: { report: Report<EpisodesRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const title = t('dashboard.episodes.title');
  return (
    <ReportSection id="episodes" title={title} about={t('dashboard.episodes.about')} csv={csvOf('episodes', filters)}>
      {report.rows.length === 0 ? <NoData /> : (
        <table>
          <caption>{t('dashboard.table', { what: title })}</caption>
          <thead><tr>
            <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('dashboard.episodes.started')}</th>
            <th scope="col">{t('dashboard.episodes.closed')}</th><th scope="col">{t('dashboard.episodes.baseline')}</th>
            <th scope="col">{t('dashboard.episodes.latest')}</th><th scope="col">{t('dashboard.patients')}</th>
          </tr></thead>
          <tbody>
            {rowsAndTotal(report).map((row) => (
              <tr key={row.modality ?? 'total'} className={row.modality === null ? 'total' : undefined}>
                <th scope="row">{names.modality(row.modality)}</th>
                <td>{format.count(row.started)}</td><td>{format.count(row.closed)}</td>
                <td>{format.mean(row.baselinePain)}</td><td>{format.mean(row.latestPain)}</td>
                <td>{format.patients(row.started)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

/** Shares with their 95 % intervals: a bar from the lower to the upper end, and the estimate as a mark on it. */
function shareChart(labels: string[], figures: RateFigure[], estimate: string, t: Translate): ChartConfiguration {
  return chart({
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar', label: t('dashboard.interval'), backgroundColor: faded(0, 0.25), borderColor: colour(0), borderWidth: 1,
          data: figures.map((f) => (f.suppressed || f.lower == null || f.upper == null ? null : [f.lower * 100, f.upper * 100])),
        },
        {
          type: 'line', label: estimate, showLine: false, pointStyle: 'rectRot', pointRadius: 7,
          backgroundColor: colour(1), borderColor: colour(1),
          data: figures.map((f) => (f.suppressed || f.share == null ? null : f.share * 100)),
        },
      ],
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
  });
}

function Responders({ report, filters }: { report: Report<RespondersRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const title = `${t('dashboard.responders.title')} (${t(`dashboard.definitions.${filters.definition}`)})`;
  const config = useMemo(() => shareChart(report.rows.map((r) => names.modality(r.modality)),
    report.rows.map((r) => r.responders), t('dashboard.responders.share'), t), [report, t, names]);
  return (
    <ReportSection id="responders" title={title} about={t('dashboard.responders.about')}
      csv={csvOf('responders', filters, { definition: filters.definition })}
      chartPart={report.rows.length > 0 && <ChartFigure config={config} label={t('dashboard.chart', { what: title })} />}>
      {report.rows.length === 0 ? <NoData /> : (
        <table data-testid="responders-table">
          <caption>{t('dashboard.table', { what: title })}</caption>
          <thead><tr>
            <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('dashboard.responders.share')}</th>
            <th scope="col">{t('dashboard.responders.count')}</th><th scope="col">{t('dashboard.patients')}</th>
          </tr></thead>
          <tbody>
            {rowsAndTotal(report).map((row) => (
              <tr key={row.modality ?? 'total'} className={row.modality === null ? 'total' : undefined}>
                <th scope="row">{names.modality(row.modality)}</th>
                <td><RateText figure={row.responders} format={format} /></td><td>{format.ofWhole(row.responders)}</td>
                <td>{format.patients(row.responders)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

function Trajectory({ report, filters }: { report: Report<PainTrajectoryRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const title = t('dashboard.trajectory.title');
  const config = useMemo(() => {
    const modalities = [...new Set(report.rows.map((r) => r.modality))];
    const last = Math.max(0, ...report.rows.map((r) => r.sessionNumber));
    const numbers = Array.from({ length: last }, (_, i) => i + 1);
    const at = (modality: string, value: (row: PainTrajectoryRow) => number | null) => numbers.map((n) => {
      const row = report.rows.find((r) => r.modality === modality && r.sessionNumber === n);
      return row && !row.firstStepPain.suppressed ? value(row) : null;
    });
    return chart({
      type: 'line',
      data: {
        labels: numbers.map(String),
        datasets: modalities.flatMap((modality, i) => [
          { label: '', data: at(modality, (r) => r.firstStepPain.lower), borderWidth: 0, pointRadius: 0, fill: false },
          { label: '', data: at(modality, (r) => r.firstStepPain.upper), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: faded(i) },
          { label: names.modality(modality), data: at(modality, (r) => r.firstStepPain.mean), borderColor: colour(i),
            backgroundColor: colour(i), fill: false, pointRadius: 3 },
        ]),
      },
      options: {
        scales: {
          y: { min: 0, max: 10, title: { display: true, text: t('dashboard.trajectory.mean') } },
          x: { title: { display: true, text: t('dashboard.trajectory.session') } },
        },
        plugins: {
          legend: { labels: { filter: (item: { text: string }) => item.text !== '' } },
          tooltip: { filter: (item: { dataset: { label?: string } }) => item.dataset.label !== '' },
        },
      },
    });
  }, [report, t, names]);
  return (
    <ReportSection id="trajectory" title={title} about={t('dashboard.trajectory.about')} csv={csvOf('pain-trajectory', filters)}
      chartPart={report.rows.length > 0 && <ChartFigure config={config} label={t('dashboard.chart', { what: title })} />}>
      {report.rows.length === 0 ? <NoData /> : (
        <div className="scroll" tabIndex={0} role="region" aria-label={t('dashboard.table', { what: title })}>
          <table>
            <caption>{t('dashboard.table', { what: title })}</caption>
            <thead><tr>
              <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('dashboard.trajectory.session')}</th>
              <th scope="col">{t('dashboard.trajectory.mean')}</th><th scope="col">{t('dashboard.patients')}</th>
            </tr></thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={`${row.modality}-${row.sessionNumber}`}>
                  <th scope="row">{names.modality(row.modality)}</th><td>{row.sessionNumber}</td>
                  <td>{format.mean(row.firstStepPain)}</td><td>{format.patients(row.firstStepPain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}

function Survival({ report, filters }: { report: Report<SessionsToResponseRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const definition = filters.definition === 'vas60' ? 'pain50' : filters.definition;
  const title = `${t('dashboard.survival.title')} (${t(`dashboard.definitions.${definition}`)})`;
  const shown = report.rows.filter((r) => !r.suppressed && r.curve);
  const config = useMemo(() => chart({
    type: 'line',
    data: {
      datasets: shown.map((row, i) => ({
        label: names.modality(row.modality),
        data: [{ x: 0, y: 100 }, ...(row.curve ?? []).map((s) => ({ x: s.sessions, y: s.notYetResponded * 100 }))],
        stepped: 'before', borderColor: colour(i), backgroundColor: colour(i), pointRadius: 2, fill: false,
      })),
    },
    options: {
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: t('dashboard.survival.sessions') }, ticks: { stepSize: 1 } },
        y: { min: 0, max: 100, title: { display: true, text: `${t('dashboard.survival.notYet')} (%)` } },
      },
    },
  }), [report, t, names]);
  return (
    <ReportSection id="survival" title={title} about={t('dashboard.survival.about')}
      csv={csvOf('sessions-to-response', filters, { definition })}
      chartPart={shown.length > 0 && <ChartFigure config={config} label={t('dashboard.chart', { what: title })} />}>
      {report.rows.length === 0 ? <NoData /> : (
        <table>
          <caption>{t('dashboard.table', { what: title })}</caption>
          <thead><tr>
            <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('dashboard.survival.median')}</th>
            <th scope="col">{t('dashboard.survival.responded')}</th><th scope="col">{t('dashboard.patients')}</th>
          </tr></thead>
          <tbody>
            {rowsAndTotal(report).map((row) => (
              <tr key={row.modality ?? 'total'} className={row.modality === null ? 'total' : undefined}>
                <th scope="row">{names.modality(row.modality)}</th>
                <td>{row.suppressed ? format.fewer : row.medianSessions ?? t('dashboard.survival.none')}</td>
                <td>{row.suppressed ? format.fewer : `${format.whole(row.responded)} / ${format.whole(row.episodes)}`}</td>
                <td>{row.suppressed ? format.fewer : format.whole(row.patients)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

function ReviewDecisions({ report, filters }: { report: Report<ReviewDecisionsRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const title = t('dashboard.review.title');
  const config = useMemo(() => shareChart(report.rows.map((r) => names.decision(r.decision)),
    report.rows.map((r) => r.decisions), t('dashboard.review.share'), t), [report, t, names]);
  return (
    <ReportSection id="review" title={title} about={t('dashboard.review.about')} csv={csvOf('review-decisions', filters)}
      chartPart={<ChartFigure config={config} label={t('dashboard.chart', { what: title })} />}>
      <table>
        <caption>{t('dashboard.table', { what: title })}</caption>
        <thead><tr>
          <th scope="col">{t('dashboard.review.decision')}</th><th scope="col">{t('dashboard.review.share')}</th>
          <th scope="col">{t('dashboard.review.count')}</th><th scope="col">{t('dashboard.patients')}</th>
        </tr></thead>
        <tbody>
          {rowsAndTotal(report).map((row) => (
            <tr key={row.decision ?? 'total'} className={row.decision === null ? 'total' : undefined}>
              <th scope="row">{names.decision(row.decision)}</th>
              <td>{row.decision === null ? '' : <RateText figure={row.decisions} format={format} />}</td>
              <td>{format.ofWhole(row.decisions)}</td>
              <td>{format.patients(row.decisions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}

function Attendance({ report, filters }: { report: Report<AttendanceRow>; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(report.minimumPatients);
  const names = useNames();
  const title = t('dashboard.attendance.title');
  const config = useMemo(() => {
    const share = (f: RateFigure) => (f.suppressed || f.share == null ? null : f.share * 100);
    const kinds: Array<[string, (row: AttendanceRow) => RateFigure]> = [
      [t('dashboard.attendance.attended'), (r) => r.attended],
      [t('dashboard.attendance.noShows'), (r) => r.noShows],
      [t('dashboard.attendance.late'), (r) => r.lateCancellations],
    ];
    return chart({
      type: 'bar',
      data: {
        labels: report.rows.map((r) => names.modality(r.modality)),
        datasets: kinds.map(([label, figure], i) => ({ label, data: report.rows.map((r) => share(figure(r))), backgroundColor: colour(i) })),
      },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } },
    });
  }, [report, t, names]);
  return (
    <ReportSection id="attendance" title={title} about={t('dashboard.attendance.about')} csv={csvOf('attendance', filters)}
      chartPart={report.rows.length > 0 && <ChartFigure config={config} label={t('dashboard.chart', { what: title })} />}>
      {report.rows.length === 0 ? <NoData /> : (
        <table>
          <caption>{t('dashboard.table', { what: title })}</caption>
          <thead><tr>
            <th scope="col">{t('dashboard.modality')}</th><th scope="col">{t('dashboard.attendance.planned')}</th>
            <th scope="col">{t('dashboard.attendance.attended')}</th><th scope="col">{t('dashboard.attendance.noShows')}</th>
            <th scope="col">{t('dashboard.attendance.late')}</th><th scope="col">{t('dashboard.patients')}</th>
          </tr></thead>
          <tbody>
            {rowsAndTotal(report).map((row) => (
              <tr key={row.modality ?? 'total'} className={row.modality === null ? 'total' : undefined}>
                <th scope="row">{names.modality(row.modality)}</th>
                <td>{format.count(row.planned)}</td><td><RateText figure={row.attended} format={format} /></td>
                <td><RateText figure={row.noShows} format={format} /></td>
                <td><RateText figure={row.lateCancellations} format={format} /></td>
                <td>{format.patients(row.planned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReportSection>
  );
}

/** Steps of the heat map, light to dark; the darker two carry white text (contrast at least 4.5:1 either way). */
const HEAT = ['#f2f6fb', '#dbe7f5', '#bcd3ec', '#93b8e0', '#6c9ed4', '#1f5fa8', '#123f73'];

function heat(share: number | null): { background?: string; color?: string } {
  if (share == null) {
    return {};
  }
  const step = Math.min(HEAT.length - 1, Math.max(0, Math.floor(share * HEAT.length)));
  return { background: HEAT[step], color: step >= HEAT.length - 2 ? '#ffffff' : '#1b1f24' };
}

function Utilization({ weeks, filters }: { weeks: WeekOfResource[]; filters: Filters }) {
  const { t } = useTranslation();
  const format = useFormat(0);
  const title = `${t('dashboard.utilization.title')}: ${t(`dashboard.utilization.kinds.${filters.kind}`)}`;
  const starts = [...new Set(weeks.map((w) => w.week))].sort();
  const resources = [...new Map(weeks.map((w) => [w.resourceId, w.name])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  const cell = (resource: string, week: string) => weeks.find((w) => w.resourceId === resource && w.week === week);

  async function csv() {
    const lines = [`# ${t('dashboard.from')} ${utilizationFrom(filters)}, ${t('dashboard.to')} ${filters.to}, ${filters.kind}`,
      'resource,week,availableMinutes,bookedMinutes,utilization',
      ...weeks.map((w) => [JSON.stringify(w.name), w.week, w.availableMinutes, w.bookedMinutes, w.utilization ?? ''].join(','))];
    saveFile(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), `utilization-${filters.kind}-${utilizationFrom(filters)}-${filters.to}.csv`);
  }

  return (
    <ReportSection id="utilization" title={title} csv={csv} about={utilizationFrom(filters) === filters.from
      ? t('dashboard.utilization.about')
      : `${t('dashboard.utilization.about')} ${t('dashboard.utilization.lastWeeks', { date: formatDate(utilizationFrom(filters)) })}`}>
      {weeks.length === 0 ? <NoData /> : (
        <div className="scroll" tabIndex={0} role="region" aria-label={t('dashboard.table', { what: title })}>
          <table className="heatmap">
            <caption>{t('dashboard.table', { what: title })}</caption>
            <thead><tr>
              <th scope="col">{t('dashboard.utilization.resource')}</th>
              {starts.map((week) => (
                <th scope="col" key={week} title={t('dashboard.utilization.week', { date: formatDate(week) })}>
                  <span className="visually-hidden">{t('dashboard.utilization.week', { date: '' })}</span>{formatDate(week)}
                </th>
              ))}
            </tr></thead>
            <tbody>
              {resources.map(([id, name]) => (
                <tr key={id}>
                  <th scope="row">{name}</th>
                  {starts.map((week) => {
                    const w = cell(id, week);
                    return (
                      <td key={week} style={heat(w?.utilization ?? null)}>
                        {w?.utilization == null ? <span className="hint">{t('dashboard.utilization.none')}</span> : format.percent(w.utilization)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}
