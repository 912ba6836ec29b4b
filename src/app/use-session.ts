import { useCallback, useEffect, useState } from 'react';
import { onUnauthenticated } from '../api/http.ts';
import { fetchSession, readPageSession, type PublicSession } from '../api/session.ts';
import {
  clearDeviceData,
  dropPageCopy,
  onSignedOutElsewhere,
  refreshCachedPage,
} from '../lib/device-data.ts';

const recheckListeners = new Set<() => void>();
/**
 * Asks the server again whether this page's session still stands (team mode, on each move within the app): the
 * views read the device's replica and may send nothing, so an ended session would otherwise go unnoticed until
 * the next sync.
 */
export function recheckSession(): void {
  for (const listener of recheckListeners) listener();
}

export type SessionState =
  | { status: 'known'; session: PublicSession }
  | { status: 'loading' }
  | { status: 'unreachable'; retry: () => void };

/**
 * The session this page runs under: from the page itself (written by the server), else asked for. In team mode a
 * 401 from the API (the session expired or was signed out elsewhere) shows the sign-in form, keeping the address;
 * a sign-out in another tab clears this one too.
 */
export function useSession(): SessionState {
  const [session, setSession] = useState<PublicSession | null>(readPageSession);
  const [unreachable, setUnreachable] = useState(false);

  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setUnreachable(false);
    setAttempt((count) => count + 1);
  }, []);
  const known = session !== null;
  useEffect(() => {
    if (known) return;
    let current = true;
    fetchSession().then(
      (answer) => current && setSession(answer),
      () => current && setUnreachable(true),
    );
    return () => {
      current = false;
    };
  }, [known, attempt]);

  const team = session?.mode === 'team';
  useEffect(() => {
    if (!team) return;
    const signedOut = () => {
      // Their copy of the Inbox page goes first, whether or not the signed-out page can be fetched.
      void dropPageCopy().then(refreshCachedPage);
      setSession((current) =>
        current?.signedIn ? { ...current, signedIn: false, person: null } : current,
      );
    };
    let asking = false;
    const recheck = () => {
      if (asking) return;
      asking = true;
      fetchSession()
        .then(
          (answer) => {
            if (!answer.signedIn) signedOut();
          },
          () => {
            // The server cannot be reached: the offline banner says so; the session is asked again later.
          },
        )
        .finally(() => (asking = false));
    };
    recheckListeners.add(recheck);
    const stop = onUnauthenticated(signedOut);
    return () => {
      recheckListeners.delete(recheck);
      stop();
    };
  }, [team]);

  useEffect(
    () =>
      onSignedOutElsewhere(() => {
        // Leave nothing of theirs in this tab's memory or storage: clear, then start afresh.
        // (With the server unreachable a reload would show the browser's error page: the tab stays as it is.)
        void clearDeviceData()
          .then(() => fetch('/auth/session', { cache: 'no-store' }))
          .then(
            () => window.location.reload(),
            () => {},
          );
      }),
    [],
  );

  if (session) return { status: 'known', session };
  return unreachable ? { status: 'unreachable', retry } : { status: 'loading' };
}
