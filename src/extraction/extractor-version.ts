/** A version as EXTRACTOR_VERSION writes it ("numeric-claims/2.0.0") or its number alone ("2.0.0"). No imports: the CLI checks its flags with it before loading the app. */
export const EXTRACTOR_VERSION_PATTERN = /^(?:[a-z][\w-]{0,40}\/)?\d{1,6}(?:\.\d{1,6}){0,3}$/;
