import { HttpException, HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details, as every error leaves the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable, machine-readable: `claim_not_found`, `lease_held_by_other`, ... */
  code: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

/** A domain error with a stable code; the global filter renders it as problem+json. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export const notFound = (what: string, id: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id ${id}.`);

export const conflict = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new ProblemException(HttpStatus.CONFLICT, code, detail, extra);

/** Two requests raced for the same rows and this one lost; nothing was saved, the same request may simply be sent again. */
export const concurrentUpdate = () =>
  new ProblemException(
    HttpStatus.CONFLICT,
    'concurrent_update',
    'Another request changed the same records at the same moment; nothing was saved. Send the request again.',
    { headers: { 'Retry-After': '1' } },
  );

export const unprocessable = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, extra);

/** One invalid input of a 400: `field` is the dotted path (`quantity.value`, `sourceIds.1`; the key itself for an unknown one). */
export interface FieldError {
  field: string;
  message: string;
}

/** 400 bad_request for invalid input: `detail` joins the messages into one sentence, `errors` lists them per field. */
export const invalidInput = (errors: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'bad_request', errors.map((e) => e.message).join('; '), { errors });
