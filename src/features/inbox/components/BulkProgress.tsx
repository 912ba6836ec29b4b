import { useEffect, useState } from 'react';
import type { NotificationAction } from '../../../api/notifications.ts';
import { cancelBulk, useBulkRuns, type BulkRunView } from '../bulk/bulk-runs.ts';

const DOING: Record<NotificationAction, string> = {
  dismiss: 'Dismissing',
  undismiss: 'Restoring',
  read: 'Marking as read',
};
const count = (value: number) => value.toLocaleString('en-US');

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

/** "about 2 min left", from this page's pace so far (nothing until a few are done). */
function timeLeft(run: BulkRunView, now: number): string | null {
  const doneHere = run.done - run.doneAtStart;
  const elapsed = now - run.startedAt;
  if (doneHere < 5 || elapsed <= 0) return null;
  const left = ((run.total - run.done - run.failed) * elapsed) / doneHere;
  return `about ${duration(left)} left`;
}

/** What the bar says: "Dismissing 600 of 1,497 · about 2 min left". */
export function progressText(run: BulkRunView, now: number): string {
  if (run.wholeInbox) return 'Dismissing all of your Inbox in one request';
  const parts = [`${DOING[run.action]} ${count(run.done)} of ${count(run.total)}`];
  if (run.stopping) parts.push('stopping');
  else if (run.waitingUntil !== null && run.waitingUntil > now)
    parts.push(`within Productive’s rate limit, going on in ${duration(run.waitingUntil - now)}`);
  else {
    const left = timeLeft(run, now);
    if (left) parts.push(left);
  }
  return parts.join(' · ');
}

/** Every bulk action running in this tab: a progress bar each, with Cancel. */
export function BulkProgress() {
  const runs = useBulkRuns();
  const [now, setNow] = useState(() => Date.now());
  const running = runs.length > 0;
  // The time left and the wait are told to the second.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (runs.length === 0) return null;
  return (
    <div className="sticky top-0 z-30 border-b border-slate-200 bg-white px-3 py-2 shadow-sm sm:px-4 dark:border-slate-800 dark:bg-slate-950">
      {runs.map((run) => {
        const text = progressText(run, now);
        const percent = run.total ? Math.round((run.done / run.total) * 100) : 0;
        return (
          <div key={run.key} className="flex items-center gap-3 py-1 text-sm">
            <div className="min-w-0 flex-1">
              <p className="truncate text-xs text-slate-700 dark:text-slate-300" aria-hidden="true">
                {text}
              </p>
              <div
                role="progressbar"
                aria-label={`${DOING[run.action]} notifications`}
                aria-valuemin={0}
                aria-valuemax={run.total}
                aria-valuenow={run.done}
                aria-valuetext={text}
                className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
              >
                <div
                  className="h-full rounded-full bg-brand-600 transition-[width]"
                  style={{ width: `${percent}%` }}
                />
              </div>
            </div>
            {!run.wholeInbox && (
              <button
                type="button"
                disabled={run.stopping}
                onClick={() => cancelBulk(run.key)}
                className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
              >
                Cancel
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
