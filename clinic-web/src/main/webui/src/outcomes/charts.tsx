import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip, type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Chart.js, with only the parts the dashboard draws (bars, lines, bands), registered once. Charts are pictures for
// the eye: each has a table with the same figures beside it, which screen readers and copying use.
Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip);

/** Colours that keep 3:1 against white and differ for the common colour-vision deficiencies. */
const PALETTE = ['#0b5cad', '#b35c00', '#1b6e3a', '#7b3fa0', '#a4161a', '#00707a', '#5a5a5a', '#8a5a00'];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** The colour with an alpha, for bands and intervals. */
export function faded(index: number, alpha = 0.2): string {
  const hex = colour(index);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.substring(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * One chart on a canvas that names what it shows; drawn again whenever its configuration changes. No animation: the
 * figures are there at once, and a screenshot shows them as they are.
 */
export function ChartFigure({ config, label, testId }: { config: ChartConfiguration; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) {
      return undefined;
    }
    const chart = new Chart(canvas.current, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
