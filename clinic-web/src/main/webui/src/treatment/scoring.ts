import { locale } from '../i18n';

// The questionnaires' scores as treatment-service computes them (OutcomeScoring, docs/outcome-measures.md), so that
// the page can show the score while the answers are entered. The service scores again on saving and its score is
// the one kept; the browser story checks that both agree on the same answers.

/** One subscale's answers: a number per answered item, null for one left unanswered (or N/A). */
export type Items = Array<number | null>;

export interface SubscaleScore {
  /** The score, rounded half up to one decimal; null while it cannot be scored. */
  value: number | null;
  answered: number;
  items: number;
  /** Answers the instrument needs before it scores the subscale (FAAM: 90 %), or 1 (FFI: any answer). */
  needed: number;
}

/** n / d rounded half up to one decimal, exactly (n, d whole and not negative). */
function oneDecimal(numerator: number, denominator: number): number {
  return Math.floor((20 * numerator + denominator) / (2 * denominator)) / 10;
}

function tally(items: Items): { sum: number; answered: number } {
  return items.reduce<{ sum: number; answered: number }>((t, answer) => (answer == null ? t
    : { sum: t.sum + answer, answered: t.answered + 1 }), { sum: 0, answered: 0 });
}

/** sum / (answered x item maximum) x 100; scored once {@code needed} items are answered. */
function subscale(items: Items, itemMax: number, needed: number): SubscaleScore {
  const { sum, answered } = tally(items);
  return {
    value: answered >= needed && answered > 0 ? oneDecimal(100 * sum, answered * itemMax) : null,
    answered,
    items: items.length,
    needed,
  };
}

export const FFI = { pain: 9, disability: 9, activityLimitation: 5, itemMax: 10 } as const;
export const FAAM = { adl: 21, sports: 8, itemMax: 4 } as const;

/** FFI (1991): each subscale and the total over the answered items; a subscale with no answer has no score. */
export function scoreFfi(pain: Items, disability: Items, activityLimitation: Items) {
  const all = [...pain, ...disability, ...activityLimitation];
  const scored = [pain, disability, activityLimitation].every((items) => tally(items).answered > 0);
  const total = subscale(all, FFI.itemMax, 1);
  return {
    pain: subscale(pain, FFI.itemMax, 1),
    disability: subscale(disability, FFI.itemMax, 1),
    activityLimitation: subscale(activityLimitation, FFI.itemMax, 1),
    total: { ...total, value: scored ? total.value : null },
  };
}

/** The answers a FAAM subscale needs: 90 % of its items, in whole items (ADL 19 of 21, Sports 8 of 8). */
export function faamNeeded(items: number): number {
  return Math.ceil((items * 9) / 10);
}

export function scoreFaam(adl: Items, sports: Items) {
  return {
    adl: subscale(adl, FAAM.itemMax, faamNeeded(adl.length)),
    sports: subscale(sports, FAAM.itemMax, faamNeeded(sports.length)),
  };
}

/** PSFS: the mean of the 3-5 activities' scores, rounded half up to one decimal. */
export function scorePsfs(scores: Items): number | null {
  const { sum, answered } = tally(scores);
  return answered >= 3 && answered === scores.length ? oneDecimal(sum, answered) : null;
}

const scoreFormats = new Map<string, Intl.NumberFormat>();

/** A score as the language writes it, with its one decimal (41,8 in Danish and Norwegian); one formatter per language. */
export function formatScore(value: number): string {
  const language = locale();
  let format = scoreFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    scoreFormats.set(language, format);
  }
  return format.format(value);
}
