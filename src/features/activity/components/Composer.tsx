import { formatCount } from '../../../lib/formats.ts';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { FeedTarget } from '../../../api/activities.ts';
import {
  MAX_COMMENT_LENGTH,
  commentMarkup,
  mentionsIn,
} from '../../../lib/markup/comment-writer.ts';
import { useDraft } from '../api/use-draft.ts';
import { usePendingComments, type PendingComment } from '../api/use-pending-comments.ts';
import { useMentionPicker } from '../api/use-mention-picker.ts';
import { useSendReply } from '../api/use-send-reply.ts';
import { insertMention } from '../model/mentions.ts';
import { WriteActions } from '../../../components/WriteActions.tsx';
import { isReadOnly, READ_ONLY_MESSAGE } from '../../../api/write-access.ts';

interface Props {
  target: FeedTarget;
  /** Esc: the focus goes back to the feed. */
  onLeave: () => void;
}

/** What the live region says about the replies on their way (the feed shows them; this tells a screen reader). */
function outcome(pending: readonly PendingComment[], hadPending: boolean): string {
  const count = (state: PendingComment['state']) => pending.filter((p) => p.state === state).length;
  const refused = count('failed');
  if (refused)
    return `${refused} ${refused === 1 ? 'reply' : 'replies'} not sent: Retry or Edit it in the feed.`;
  if (count('waiting')) return 'Waiting for the server: the reply is sent when it answers.';
  if (count('sending')) return 'Sending the reply…';
  return hadPending ? 'Reply sent.' : '';
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The reply composer under a feed: a labelled text area whose draft is kept per item, `@` to mention someone
 * (a list to pick from, ↑/↓ and Enter or Tab), Ctrl/Cmd+Enter or Send to send, Esc to leave.
 */
export function Composer({ target, onLeave }: Props) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { text, mentions, update } = useDraft(target);
  const [caret, setCaret] = useState(text.length);
  const [used, setUsed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const caretAfterRender = useRef<number | null>(null);
  const send = useSendReply(target);
  const pending = usePendingComments(target);
  const [hadPending, setHadPending] = useState(false);
  if (pending.length > 0 && !hadPending) setHadPending(true);
  const picker = useMentionPicker({
    text,
    caret,
    enabled: used,
    onPick: (person, query) => {
      const next = insertMention(text, query, caret, person.name);
      update(next.text, [
        ...mentions.filter((mention) => mention.id !== person.id),
        { id: person.id, name: person.name },
      ]);
      setCaret(next.caret);
      caretAfterRender.current = next.caret;
    },
  });
  useLayoutEffect(() => {
    const at = caretAfterRender.current;
    if (at === null || !textarea.current) return;
    caretAfterRender.current = null;
    textarea.current.setSelectionRange(at, at);
  });

  const submit = () => {
    const mentioned = mentionsIn(text, mentions);
    const markup = commentMarkup(text, mentioned);
    if (!markup) return setProblem('Write something to send.');
    if (isReadOnly()) return setProblem(READ_ONLY_MESSAGE);
    if (markup.length > MAX_COMMENT_LENGTH)
      return setProblem(
        `Too long to send: shorten it by at least ${formatCount(markup.length - MAX_COMMENT_LENGTH)} characters. Line breaks and the characters < > & take more room than they show.`,
      );
    send(text, mentioned);
    update('', []);
    setProblem(null);
    setCaret(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      onLeave();
    }
  };

  const listId = `${id}-people`;
  const optionId = (personId: string) => `${id}-person-${personId}`;
  const activePerson = picker.open ? picker.matches[picker.active] : undefined;

  return (
    <section
      aria-label="Reply"
      className="sticky bottom-0 z-10 border-t border-slate-200 bg-white px-3 py-2 sm:px-4 dark:border-slate-800 dark:bg-slate-950"
    >
      {/* No <form>: nothing here is ever submitted by the browser (and the feed holds no form at all). */}
      <div className="flex items-end gap-2">
        <div className="relative min-w-0 flex-1">
          <label htmlFor={id} className="sr-only">
            Write a comment
          </label>
          {picker.open && (
            <div
              id={listId}
              role="listbox"
              aria-label="People to mention"
              className="absolute bottom-full left-0 z-20 mb-1 max-h-60 w-full max-w-sm overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
            >
              {picker.matches.map((person, index) => (
                // The text area keeps the focus and the keys (aria-activedescendant); a click picks too.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <div
                  key={person.id}
                  id={optionId(person.id)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === picker.active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => picker.pick(person)}
                  className="cursor-pointer px-3 py-1.5 break-words aria-selected:bg-brand-100 aria-selected:text-brand-700 dark:aria-selected:bg-slate-700 dark:aria-selected:text-white"
                >
                  {person.name}
                </div>
              ))}
            </div>
          )}
          <textarea
            ref={textarea}
            id={id}
            data-composer=""
            rows={2}
            value={text}
            placeholder="Write a comment"
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            aria-autocomplete="list"
            aria-controls={picker.open ? listId : undefined}
            aria-activedescendant={activePerson ? optionId(activePerson.id) : undefined}
            onFocus={() => setUsed(true)}
            onChange={(event) => {
              update(event.target.value, mentions);
              setCaret(event.target.selectionStart);
              if (problem) setProblem(null);
            }}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            className="block max-h-64 min-h-16 w-full resize-y rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
          />
        </div>
        <WriteActions>
          <button
            type="button"
            onClick={submit}
            className="shrink-0 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Send
          </button>
        </WriteActions>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        <span className="keyboard-hint">{isMac ? '⌘' : 'Ctrl'}+Enter sends, Esc leaves. </span>
        Type @ to mention someone.
        {picker.loading && ' Loading people…'}
      </p>
      <p role="status" className="sr-only">
        {outcome(pending, hadPending)}
      </p>
      {problem && (
        <p
          id={`${id}-problem`}
          role="alert"
          className="mt-1 text-sm text-red-700 dark:text-red-300"
        >
          {problem}
        </p>
      )}
    </section>
  );
}
