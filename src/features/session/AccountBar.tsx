import { useEffect, useId, useRef, useState } from 'react';
import type { PublicSession } from '../../api/session.ts';
import { signOut } from '../../api/sign-in.ts';
import { announceSignedOut, clearDeviceData } from '../../lib/device-data.ts';

const buttonClass =
  'rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * Ends what this device holds, tells the other tabs, and starts afresh (the page then shows what the server says).
 * With the server unreachable the app's offline files are gone too, so a reload would show the browser's error
 * page: then it stays, saying so. Resolves false in that case.
 */
async function leave(endSession: boolean): Promise<boolean> {
  if (endSession) await signOut();
  await clearDeviceData();
  announceSignedOut();
  const reachable = await fetch('/auth/session', { cache: 'no-store' }).then(
    () => true,
    () => false,
  );
  if (reachable) window.location.reload();
  return reachable;
}

function who(session: PublicSession): string {
  if (session.mode === 'demo') return 'Demo data';
  const person = session.person?.name;
  const organization = session.organization?.name;
  return [person, organization].filter(Boolean).join(' · ') || 'Your Productive account';
}

/**
 * The frame's account line: who is signed in and "Sign out" (team mode), or "Clear data on this device" (demo and
 * personal). Either asks first when actions are still waiting to be sent, since they would be dropped.
 */
export function AccountBar({
  session,
  waiting,
  onCleared,
}: {
  session: PublicSession;
  /** Actions still waiting to be sent. */
  waiting: number;
  /** The device was cleared but the page stays (the server cannot be reached): forget what is in memory. */
  onCleared: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [cleared, setCleared] = useState(false);
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const team = session.mode === 'team';
  const action = team ? 'Sign out' : 'Clear data on this device';

  const run = () => {
    setFailure(null);
    leave(team).then(
      (reloading) => {
        if (reloading) return;
        // Nothing of it stays in this page's memory either.
        onCleared();
        setCleared(true);
        setConfirming(false);
      },
      () =>
        setFailure(
          team
            ? 'Signing out needs the inbox server, which cannot be reached. Try again when it is back.'
            : 'Could not clear the data on this device.',
        ),
    );
  };

  return (
    <header className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-1 text-xs text-slate-700 dark:border-slate-800 dark:text-slate-300">
      <p data-testid="signed-in-as">
        {team ? <span className="sr-only">Signed in as </span> : null}
        {who(session)}
      </p>
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="flex items-center gap-2">
          <p id={`${id}-confirm`}>
            {waiting > 0
              ? `${waiting} action${waiting === 1 ? '' : 's'} not yet sent will be dropped.`
              : team
                ? 'Sign out and remove your inbox from this browser?'
                : 'Remove the saved inbox and queued actions from this browser?'}
          </p>
          <button type="button" className={buttonClass} onClick={run} ref={confirmRef}>
            {action}
          </button>
          <button type="button" className={buttonClass} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={buttonClass}
          onClick={() => (waiting > 0 || !team ? setConfirming(true) : run())}
        >
          {action}
        </button>
      )}
      {cleared ? (
        <p role="status" className="basis-full text-right">
          Cleared from this device. Reload the page once the inbox server is back.
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="basis-full text-right text-red-700 dark:text-red-300">
          {failure}
        </p>
      ) : null}
    </header>
  );
}
