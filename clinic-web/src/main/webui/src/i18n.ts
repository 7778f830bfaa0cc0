import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './locales/da.json';
import en from './locales/en.json';
import nb from './locales/nb.json';

export const LANGUAGES = ['da', 'nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORED = 'clinic.language';

/** The browser's first language we speak; Norwegian in either written form (no, nn, nb) is Bokmål. */
export function browserLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'da') {
      return 'da';
    }
    if (primary === 'nb' || primary === 'no' || primary === 'nn') {
      return 'nb';
    }
    if (primary === 'en') {
      return 'en';
    }
  }
  return 'en';
}

function initial(): Language {
  const stored = localStorage.getItem(STORED);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : browserLanguage();
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORED, language);
  void i18n.changeLanguage(language);
}

/** The locale for dates and numbers: Danish, Norwegian Bokmål or British English (a clinic's 24-hour day). */
export function locale(language: string = i18n.language): string {
  return language === 'da' ? 'da-DK' : language === 'nb' ? 'nb-NO' : 'en-GB';
}

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, nb: { translation: nb }, en: { translation: en } },
  lng: initial(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export default i18n;
