import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure, colour, faded } from '../outcomes/charts';
import type { Measurement, Progress, Session } from './model';

const DAY = 24 * 60 * 60 * 1000;

/**
 * First-step pain over the episode's weeks: the day's pain at each session and the NRS measures, the baseline as a
 * line and the minimal clinically important change below it as a band (pain inside or under the band has changed
 * by at least the MCIC), with the responder status beside it. A table lists the same points.
 */
export function OutcomeChart({ openedAt, sessions, outcomes, progress }: {
  openedAt: string; sessions: Session[]; outcomes: Measurement[]; progress?: Progress;
}) {
  const { t } = useTranslation();
  const { config, sessionPoints, measures, baseline } = useMemo(() => {
    const start = Date.parse(openedAt);
    const weeks = (time: number) => Math.round(((time - start) / DAY / 7) * 10) / 10;
    const sessionPoints = sessions.filter((s) => s.firstStepPain != null)
      .sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt))
      .map((s, i) => ({ x: weeks(Date.parse(s.deliveredAt)), y: s.firstStepPain as number, label: t('practice.chart.session', { number: i + 1 }) }));
    const measures = outcomes.filter((m) => m.instrument === 'nrs_first_step_pain')
      .map((m) => ({ x: weeks(Date.parse(`${m.measuredOn}T12:00:00Z`)), y: m.scores[0]?.value ?? 0, label: t(`practice.timepoint.${m.timepoint}`, { defaultValue: m.timepoint }) }));
    const baseline = progress?.baseline;
    const mcic = progress?.change?.mcic ?? 2;
    const last = Math.max(1, ...sessionPoints.map((p) => p.x), ...measures.map((p) => p.x));

    const config = {
      type: 'line',
      data: {
        datasets: [
          ...(baseline == null ? [] : [
            { label: '', data: [{ x: 0, y: Math.max(0, baseline - mcic) }, { x: last, y: Math.max(0, baseline - mcic) }], borderWidth: 0, pointRadius: 0, fill: false },
            { label: t('practice.chart.mcicBand', { mcic }), data: [{ x: 0, y: baseline }, { x: last, y: baseline }], borderColor: colour(2), borderDash: [6, 4], pointRadius: 0, fill: '-1', backgroundColor: faded(2, 0.15) },
          ]),
          { label: t('practice.chart.sessions'), data: sessionPoints, borderColor: colour(0), backgroundColor: colour(0), pointRadius: 4 },
          { label: t('practice.chart.measures'), data: measures, borderColor: colour(1), backgroundColor: colour(1), showLine: false, pointStyle: 'rectRot', pointRadius: 7 },
        ],
      },
      options: {
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: t('practice.chart.weeks') } },
          y: { min: 0, max: 10, title: { display: true, text: t('practice.chart.pain') } },
        },
        plugins: { legend: { labels: { filter: (item: { text: string }) => item.text !== '' } } },
      },
    } as unknown as ChartConfiguration;
    return { config, sessionPoints, measures, baseline };
  }, [openedAt, sessions, outcomes, progress, t]);

  if (sessionPoints.length === 0 && measures.length === 0) {
    return <p>{t('practice.chart.nothingYet')}</p>;
  }
  const status = progress?.responder == null ? null : progress.responder ? t('practice.chart.responder') : t('practice.chart.notResponder');
  return (
    <div className="figure-pair">
      <div>
        <ChartFigure config={config} label={t('practice.chart.title')} testId="outcome-chart" />
        {status && <p data-testid="responder-status"><strong>{status}</strong>{baseline != null && ` · ${t('practice.chart.baseline', { value: baseline })}`}</p>}
      </div>
      <div className="scroll" tabIndex={0} role="region" aria-label={t('practice.chart.table')}>
        <table>
          <caption>{t('practice.chart.table')}</caption>
          <thead><tr><th scope="col">{t('practice.chart.what')}</th><th scope="col">{t('practice.chart.weeks')}</th><th scope="col">{t('practice.chart.pain')}</th></tr></thead>
          <tbody>
            {[...sessionPoints, ...measures].sort((a, b) => a.x - b.x).map((p, i) => (
              <tr key={i}><th scope="row">{p.label}</th><td>{p.x}</td><td>{p.y}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
