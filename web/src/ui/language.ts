/** Article languages in words: ISO 639-1 codes as the API gives them ('und' undetermined, null not detected yet). */

/** What the extractor reads (src/extractor SUPPORTED_LANGUAGES); other languages are stored but not extracted. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en'];

const names = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(code: string | null | undefined): string {
  if (code === null || code === undefined) return 'Language not detected';
  if (code === 'und') return 'Language undetermined';
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The languages a desk most often overrides to, first English (the one extracted), then by name. */
const COMMON = ['en', 'ar', 'zh', 'nl', 'fr', 'de', 'he', 'hi', 'it', 'ja', 'ko', 'fa', 'pl', 'pt', 'ro', 'ru', 'es', 'sv', 'tr', 'uk'];

export const LANGUAGE_OPTIONS: ReadonlyArray<{ value: string; label: string }> = COMMON.map((code) => ({
  value: code,
  label: `${languageName(code)} (${code})${SUPPORTED_LANGUAGES.includes(code) ? ' — extracted' : ''}`,
})).sort((a, b) => (a.value === 'en' ? -1 : b.value === 'en' ? 1 : a.label.localeCompare(b.label)));
