import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { onSignedOut, setCsrfToken } from '../api/client';
import { getSession, signIn as signInCall, signOut as signOutCall, type SessionDto } from '../api/generated';
import { ApiError, detailOf, headline } from '../api/problem';
import { useToast } from '../ui/Toasts';

export type Role = 'admin' | 'approver' | 'editor' | 'consumer';
const IMPLIED: Record<Role, Role[]> = { admin: ['admin', 'approver', 'editor'], approver: ['approver', 'editor'], editor: ['editor'], consumer: [] };
export const can = (held: string | undefined, needed: Role) => !!held && (IMPLIED[held as Role] ?? []).includes(needed);

interface SessionState {
  session: SessionDto | null;
  loading: boolean;
  /** The session check itself failed (a 5xx, the network): it is not known whether anyone is signed in. */
  error: unknown;
  signIn(name: string, password: string): Promise<SessionDto>;
  /** Ends the session on the server, then here. False (and a message shown) when the server could not be told. */
  signOut(): Promise<boolean>;
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
  setCsrfToken(session?.csrfToken ?? null);

  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken(null);
        queries.setQueryData(SESSION_KEY, null);
      }),
    [queries],
  );

  const signIn = useCallback(
    async (name: string, password: string) => {
      const { data } = await signInCall({ body: { name, password }, throwOnError: true });
      setCsrfToken(data.csrfToken);
      forgetOtherQueries(queries);
      queries.setQueryData(SESSION_KEY, data);
      return data;
    },
    [queries],
  );
  const signOut = useCallback(async () => {
    try {
      await signOutCall({ throwOnError: true });
    } catch (error) {
      // A 401: the session had already ended — signed out either way. Anything else: still signed in on the server.
      if (!(error instanceof ApiError && error.status === 401)) {
        toast(`Sign-out failed: ${headline(error)} ${detailOf(error)} You are still signed in.`, 'error');
        return false;
      }
    }
    setCsrfToken(null);
    forgetOtherQueries(queries);
    queries.setQueryData(SESSION_KEY, null);
    return true;
  }, [queries, toast]);

  const value = useMemo<SessionState>(
    () => ({ session, loading: query.isPending, error: query.data === undefined ? query.error : null, signIn, signOut, refresh: () => query.refetch() }),
    [session, query, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
