import { ApiError } from '../api/problem';

/**
 * Whether a form shows every field error the API named, so the general notice may be left out. An entry for a field
 * the form has no input for (a server-side rule, a renamed field) would otherwise be shown nowhere.
 */
export function allOnFields(error: unknown, shown: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  return error.errors.every((e) => shown.some((field) => e.field === field || e.field.startsWith(`${field}.`)));
}
