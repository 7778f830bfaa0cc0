import type { TFunction } from 'i18next';
import { ApiError } from './api';

// A service's refusal in the user's language: the problem's kind (its type's slug) and every field that is wrong,
// named as the form names it, with the reason. Reasons the services word in English are matched to phrases we
// have in every language; one we do not know yet is shown as the service gave it.

const REASONS: Array<[RegExp, string]> = [
  [/^must not be (blank|null|empty)$|^is required/, 'reason.required'],
  [/^size must be between (\d+) and (\d+)$/, 'reason.size'],
  [/^must be greater than or equal to (-?\d+)$/, 'reason.min'],
  [/^must be less than or equal to (-?\d+)$/, 'reason.max'],
  [/^is not a known field$/, 'reason.unknownField'],
  [/^must be a whole number$/, 'reason.wholeNumber'],
  [/^must be a number$/, 'reason.number'],
  [/^must be one of (.*)$/, 'reason.oneOf'],
  [/^must be a local date and time/, 'reason.localDateTime'],
  [/^does not exist in .*: the clocks go from (\S+) to (\S+) that night$/, 'reason.clocksSkip'],
  [/^must be after (start|from|earliest)$/, 'reason.afterStart'],
  [/^must not be before (\S+)$/, 'reason.notBefore'],
  [/^must not be after (\S+)$/, 'reason.notAfter'],
  [/^is taken$/, 'reason.taken'],
  [/^must be in the future|^lies in the past|^is in the past/, 'reason.past'],
  [/^must be a well-formed email address$/, 'reason.email'],
  [/^must match /, 'reason.format'],
  [/^does not deliver (\S+)$/, 'reason.cannotDeliver'],
  [/^refers to no (\S+)/, 'reason.unknownReference'],
  [/^has (\d+) of (\d+) items answered; the FAAM/, 'reason.faamIncomplete'],
];

export interface Explained {
  title: string;
  detail?: string;
  fields: Array<{ field: string; label: string; reason: string }>;
}

export function explainReason(reason: string, t: TFunction): string {
  for (const [pattern, key] of REASONS) {
    const match = pattern.exec(reason);
    if (match) {
      return t(key, { a: match[1], b: match[2], defaultValue: reason });
    }
  }
  return reason;
}

export function fieldLabel(field: string, t: TFunction): string {
  const last = field.replace(/\[\d+\]/g, '').split('.').pop() ?? field;
  return t(`field.${last}`, { defaultValue: field });
}

export function explain(error: unknown, t: TFunction): Explained {
  if (!(error instanceof ApiError)) {
    return { title: t('problem.unexpected'), fields: [] };
  }
  const slug = error.slug;
  const fields = (error.problem.errors ?? []).map((e) => ({
    field: e.field,
    label: fieldLabel(e.field, t),
    reason: explainReason(e.reason, t),
  }));
  const title = t(`problem.${slug}`, { defaultValue: '' }) || t(`status.${error.status}`, { defaultValue: '' })
    || error.problem.title || t('problem.unexpected');
  return { title, detail: fields.length === 0 ? error.problem.detail : undefined, fields };
}
