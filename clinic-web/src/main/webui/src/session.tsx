import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call, whenSignedOut } from './api';

export type Role = 'receptionist' | 'practitioner' | 'analyst' | 'admin';

export interface User {
  name: string;
  roles: Role[];
}

interface SessionState {
  loaded: boolean;
  signIn: 'local' | 'keycloak';
  user: User | null;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  has: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState(false);
  const [signIn, setSignIn] = useState<'local' | 'keycloak'>('local');
  const [user, setUser] = useState<User | null>(null);

  const refresh = useCallback(async () => {
    const { data } = await call<{ signIn: 'local' | 'keycloak'; user: User | null }>('GET', '/session');
    setSignIn(data.signIn);
    setUser(data.user);
    setLoaded(true);
  }, []);

  const signOut = useCallback(async () => {
    const { data } = await call<{ next: string }>('POST', '/session/sign-out');
    setUser(null);
    window.location.assign(data.next);
  }, []);

  useEffect(() => {
    whenSignedOut(() => setUser(null));
    void refresh();
  }, [refresh]);

  const state = useMemo<SessionState>(() => ({
    loaded,
    signIn,
    user,
    refresh,
    signOut,
    has: (...roles: Role[]) => !!user && roles.some((role) => user.roles.includes(role)),
  }), [loaded, signIn, user, refresh, signOut]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}
