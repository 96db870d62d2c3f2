import { client } from './generated/client.gen';
import { toApiError } from './problem';

/**
 * The generated client, set up for the browser: same origin, the session cookie, the CSRF token on every
 * state-changing request, and every error turned into an ApiError carrying the problem+json detail.
 */
let csrfToken: string | null = null;
const listeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401: the session has ended (signed out elsewhere, expired, disabled). */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

client.setConfig({ baseUrl: '', credentials: 'same-origin', throwOnError: true });
client.interceptors.request.use((request) => {
  if (csrfToken && !SAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
  return request;
});
client.interceptors.error.use((error, response) => {
  if (response?.status === 401 && !response.url.endsWith('/v1/auth/sign-in') && !response.url.endsWith('/v1/auth/session')) {
    for (const listener of listeners) listener();
  }
  return toApiError(error, response);
});

export { client };
