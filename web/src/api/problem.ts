/** An answer of the API that was not a success, with its problem+json in words a person can read. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The message for one form field, when the API named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

const HEADLINES: Record<number, string> = {
  400: 'Some of what you entered is not valid.',
  401: 'You are signed out.',
  403: 'You are not allowed to do this.',
  404: 'This was not found. It may have been removed.',
  409: 'Someone else changed this first.',
  413: 'This is too large to send.',
  422: 'This cannot be done in the current state.',
  429: 'Too many attempts. Wait a moment and try again.',
  503: 'The service is briefly unavailable. Try again in a moment.',
};

/** A short headline for an error; the API's `detail` says the rest. */
export function headline(error: unknown): string {
  if (error instanceof ApiError) return HEADLINES[error.status] ?? (error.status >= 500 ? 'The server had a problem.' : 'The request failed.');
  return 'The service could not be reached. Check your connection and try again.';
}

export function detailOf(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function toApiError(body: unknown, response: Response | undefined): ApiError | Error {
  if (!response) return body instanceof Error ? body : new Error('The service could not be reached.');
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof body === 'string' && body ? body : `${response.status} ${response.statusText}`;
  const errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
  return new ApiError(response.status, typeof problem.code === 'string' ? problem.code : String(response.status), detail, errors, problem);
}
