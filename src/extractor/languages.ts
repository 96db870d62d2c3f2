/** ISO 639-1 codes of the languages the extractor's rules and vocabulary are written for. Others are not extracted. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en'];

export function isSupportedLanguage(code: string): boolean {
  return SUPPORTED_LANGUAGES.includes(code);
}
