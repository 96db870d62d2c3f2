import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { onSignedOut, setCsrfToken } from '../api/client';
import { getSession, signIn as signInCall, signOut as signOutCall, type SessionDto } from '../api/generated';
import { ApiError, detailOf, headline } from '../api/problem';
import { useToast } from '../ui/Toasts';
import { SessionExpiredDialog } from './SessionExpiredDialog';

export type Role = 'admin' | 'approver' | 'editor' | 'consumer';
const IMPLIED: Record<Role, Role[]> = { admin: ['admin', 'approver', 'editor'], approver: ['approver', 'editor'], editor: ['editor'], consumer: [] };
export const can = (held: string | undefined, needed: Role) => !!held && (IMPLIED[held as Role] ?? []).includes(needed);

interface SessionState {
  session: SessionDto | null;
  loading: boolean;
  /** The session check itself failed (a 5xx, the network): it is not known whether anyone is signed in. */
  error: unknown;
  /** The signed-in user's session ended on the server; the screen stays and a dialog asks them to sign in again. */
  expired: boolean;
  signIn(name: string, password: string): Promise<SessionDto>;
  /** Signs in again after the session ended, as the same person; their screen and its unsaved input stay. */
  resume(password: string): Promise<SessionDto>;
  /** Ends the session on the server, then here. False (and a message shown) when the server could not be told. */
  signOut(): Promise<boolean>;
  /** Forgets the session here only (it has already ended on the server). */
  forget(): void;
  refresh(): Promise<unknown>;
}

const SessionContext = createContext<SessionState | null>(null);
const SESSION_KEY = ['session'];

/** Another person's data must not survive a change of user; the session query itself stays observed. */
const forgetOtherQueries = (queries: ReturnType<typeof useQueryClient>) =>
  queries.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });

/** Who is signed in, read once from GET /v1/auth/session; the CSRF token it returns goes on every write. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const toast = useToast();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return (await getSession({ throwOnError: true })).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
  const session = query.data ?? null;
  const [expired, setExpired] = useState(false);
  const signingOut = useRef(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  setCsrfToken(expired ? null : (session?.csrfToken ?? null));

  const forget = useCallback(() => {
    setCsrfToken(null);
    setExpired(false);
    forgetOtherQueries(queries);
    queries.setQueryData(SESSION_KEY, null);
  }, [queries]);

  // A 401 on any request: the session ended (expired, revoked, signed out in another tab). A signed-in person keeps
  // their screen (a half-written verdict stays mounted) and is asked to sign in again over it.
  useEffect(
    () =>
      onSignedOut(() => {
        if (signingOut.current) return;
        setCsrfToken(null);
        if (sessionRef.current) setExpired(true);
      }),
    [],
  );

  const signIn = useCallback(
    async (name: string, password: string) => {
      const { data } = await signInCall({ body: { name, password }, throwOnError: true });
      setCsrfToken(data.csrfToken);
      setExpired(false);
      forgetOtherQueries(queries);
      queries.setQueryData(SESSION_KEY, data);
      return data;
    },
    [queries],
  );

  const resume = useCallback(
    async (password: string) => {
      const before = sessionRef.current;
      if (!before) throw new Error('Nobody was signed in.');
      const { data } = await signInCall({ body: { name: before.user.name, password }, throwOnError: true });
      setCsrfToken(data.csrfToken);
      if (data.user.id !== before.user.id) forgetOtherQueries(queries);
      queries.setQueryData(SESSION_KEY, data);
      setExpired(false);
      // What failed with the 401 meanwhile loads again; forms keep their state (nothing is unmounted).
      void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      return data;
    },
    [queries],
  );

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await signOutCall({ throwOnError: true });
    } catch (error) {
      // A 401: the session had already ended — signed out either way. Anything else: still signed in on the server.
      if (!(error instanceof ApiError && error.status === 401)) {
        toast(`Sign-out failed: ${headline(error)} ${detailOf(error)} You are still signed in.`, 'error');
        return false;
      }
    } finally {
      signingOut.current = false;
    }
    forget();
    return true;
  }, [forget, toast]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading: query.isPending,
      error: query.data === undefined ? query.error : null,
      expired,
      signIn,
      resume,
      signOut,
      forget,
      refresh: () => query.refetch(),
    }),
    [session, query, expired, signIn, resume, signOut, forget],
  );
  return (
    <SessionContext.Provider value={value}>
      {children}
      {expired && session && <SessionExpiredDialog name={session.user.name} />}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
