import { commentMarkup } from '../../../lib/markup/comment-writer.ts';
import type { PendingComment } from '../api/use-pending-comments.ts';
import { renderCommentBody } from '../model/comment-markup.tsx';

interface Props {
  pending: PendingComment;
  onRetry: (key: string) => void;
  onEdit: (key: string) => void;
}

const button =
  'rounded-md border border-slate-400 px-2.5 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:border-slate-500 dark:hover:bg-slate-800';

/** A reply the server has not accepted yet, in the feed where it will be: sending, waiting, or refused with Retry. */
export function PendingReply({ pending: { entry, state }, onRetry, onEdit }: Props) {
  return (
    <li
      data-testid="pending-reply"
      data-state={state}
      className="flex gap-3 border-b border-slate-200 bg-slate-50 px-3 py-3 sm:px-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <span
        aria-hidden="true"
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-100"
      >
        You
      </span>
      <div className="min-w-0 flex-1 text-sm">
        <p className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="font-medium">You</span>
          <span>commented</span>
          {state === 'failed' ? (
            <span className="font-medium text-red-700 dark:text-red-300">
              Not sent: {entry.failure}
            </span>
          ) : (
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {state === 'waiting' ? 'Waiting for the server: sent when it answers' : 'Sending…'}
            </span>
          )}
        </p>
        <div className="mt-1 break-words text-slate-800 dark:text-slate-200">
          {renderCommentBody(commentMarkup(entry.payload.text, entry.payload.mentions))}
        </div>
        {state === 'failed' && (
          <p className="mt-2 flex gap-2">
            <button type="button" className={button} onClick={() => onRetry(entry.key)}>
              Retry
            </button>
            <button type="button" className={button} onClick={() => onEdit(entry.key)}>
              Edit
            </button>
          </p>
        )}
      </div>
    </li>
  );
}
