import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { locale } from '../i18n';
import type { CountFigure, MeanFigure, RateFigure } from './reports';

/**
 * The dashboard's figures as the user's language writes them (42 %, 5,3 in Danish), and a suppressed one as
 * "fewer than 5", never as a number.
 */
export function useFormat(minimumPatients: number) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const language = locale(i18n.language);
    const percentFormat = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
    const decimalFormat = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const wholeFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const fewer = t('dashboard.fewerThan', { count: minimumPatients });
    const percent = (share: number | null | undefined) => (share == null ? '–' : percentFormat.format(share));
    const decimal = (value: number | null | undefined) => (value == null ? '–' : decimalFormat.format(value));
    const whole = (value: number | null | undefined) => (value == null ? '–' : wholeFormat.format(value));
    return {
      fewer,
      percent,
      decimal,
      whole,
      count: (figure: CountFigure) => (figure.suppressed ? fewer : whole(figure.value)),
      patients: (figure: { patients: number | null; suppressed: boolean }) => (figure.suppressed ? fewer : whole(figure.patients)),
      /** 12 / 29 */
      ofWhole: (figure: RateFigure) => (figure.suppressed ? fewer : `${whole(figure.count)} / ${whole(figure.of)}`),
      /** 5.3 (4.8-5.9) */
      mean: (figure: MeanFigure) => (figure.suppressed ? fewer : figure.mean == null ? '–'
        : `${decimal(figure.mean)} (${decimal(figure.lower)}–${decimal(figure.upper)})`),
    };
  }, [t, i18n.language, minimumPatients]);
}
