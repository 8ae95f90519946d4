// The signed-in user: loaded from /api/auth/me, shared through context; can(action) reads the same permission table
// as the server.
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { Action } from '../../server/platform/auth/permissions.ts';
import { api, setCsrfToken, setReauthenticate } from '../api/client.ts';

const SignInAgain = lazy(() => import('./SignInAgain.tsx').then((m) => ({ default: m.SignInAgain })));

export interface Me {
  account: {
    id: number;
    username: string;
    displayName: string;
    roles: string[];
    roleNames: string[];
    memberId: number | null;
    unitId: number | null;
    orgId: number | null;
    mustChangePassword: boolean;
  };
  committee: { id: number; name: string; shortName: string; level: string };
  permissions: string[];
  csrfToken: string;
}

interface SessionValue {
  me: Me | null;
  loading: boolean;
  can: (action: Action) => boolean;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const setMe = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? '');
    setMeState(m);
  }, []);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/api/auth/me'));
    } catch {
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, [setMe]);
  // Signing out ends in a full load of the server's login page (decision 0023), and nothing of the previous user stays
  // in memory. The session state is not cleared first: that would route to the app's /login, which reloads as well,
  // and the two loads would race (a user typing into the first login page could lose it).
  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => {});
    // The service worker's last copy of a member's home (vite.config.ts) holds their name and to-dos.
    await globalThis.caches?.delete('zx-home').catch(() => {});
    window.location.assign('/login');
  }, []);
  useEffect(() => {
    void refresh();
    const onUnauthorized = () => setMe(null);
    window.addEventListener('zx:unauthorized', onUnauthorized);
    return () => window.removeEventListener('zx:unauthorized', onUnauthorized);
  }, [refresh, setMe]);
  const can = useCallback((action: Action) => !!me?.permissions.includes(action), [me]);

  // An expired session: every request that got 401 waits on the one dialog, then all are retried.
  const [reauth, setReauth] = useState<{ resolve: (ok: boolean) => void; promise: Promise<boolean> } | null>(null);
  const reauthRef = useRef(reauth);
  reauthRef.current = reauth;
  const meRef = useRef(me);
  meRef.current = me;
  useEffect(() => {
    setReauthenticate(() => {
      if (!meRef.current) return Promise.resolve(false);
      if (reauthRef.current) return reauthRef.current.promise;
      let resolve!: (ok: boolean) => void;
      const promise = new Promise<boolean>((r) => {
        resolve = r;
      });
      const next = { resolve, promise };
      reauthRef.current = next;
      setReauth(next);
      return promise;
    });
    return () => setReauthenticate(null);
  }, []);
  const closeReauth = (ok: boolean) => {
    reauthRef.current?.resolve(ok);
    reauthRef.current = null;
    setReauth(null);
  };

  return (
    <SessionContext.Provider value={{ me, loading, can, setMe, refresh, logout }}>
      {children}
      {reauth && me && (
        <Suspense>
          <SignInAgain
            username={me.account.username}
            displayName={me.account.displayName}
            onSignedIn={(m) => {
              setMe(m);
              closeReauth(true);
            }}
            onCancel={() => {
              closeReauth(false);
              setMe(null);
            }}
          />
        </Suspense>
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
