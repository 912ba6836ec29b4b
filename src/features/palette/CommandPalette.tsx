import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  commandFit,
  listCommands,
  matchesCommand,
  subscribeCommands,
  type Command,
} from '../../lib/commands.ts';
import { placeCommands, taskCommand } from './place-commands.ts';

/** The order groups are listed in; any other group (a feature's own) comes after these. */
const GROUP_ORDER = ['Go to', 'Saved views', 'Actions', 'Snooze', 'Filters', 'Settings'];
const groupRank = (group: string) => {
  const rank = GROUP_ORDER.indexOf(group);
  return rank === -1 ? GROUP_ORDER.length : rank;
};
const TASK_PROMPT = 'task:prompt';

/**
 * Where focus goes once a command has run, when what had it is gone (a command that moved to another view or page
 * took the row with it): the list's current row, else the page's heading, so that the keys go on working and a
 * screen reader says where it is. Checked each frame for about a second, as the next page renders.
 */
function landFocus(frames = 60) {
  const lost = !document.activeElement || document.activeElement === document.body;
  const target = lost
    ? (document.querySelector<HTMLElement>('[data-notification-id][tabindex="0"]') ??
      document.querySelector<HTMLElement>('main h1'))
    : null;
  if (target) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
  // On until the page has settled: what was focused may yet be taken away by the view being replaced.
  if (frames > 0) requestAnimationFrame(() => landFocus(frames - 1));
}

/**
 * The command palette: every action and place on screen (lib/commands.ts), filtered as you type, each with its
 * shortcut. The ARIA combobox pattern: the field is a combobox that controls a listbox; ↑ ↓ move the active
 * option (aria-activedescendant), Enter runs it, Esc closes. Focus goes back where it was, then the command runs.
 */
export function CommandPalette({
  onClose,
  navigate,
}: {
  onClose: () => void;
  /** The router's navigate, from the frame: this chunk needs nothing more of the router. */
  navigate: (to: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const registered = useSyncExternalStore(subscribeCommands, listCommands, listCommands);
  const places = useMemo(() => placeCommands(navigate), [navigate]);

  const shown = useMemo(() => {
    const task = taskCommand(query, navigate);
    const prompt: Command = {
      id: TASK_PROMPT,
      label: 'Go to task #…',
      group: 'Go to',
      keywords: 'number find open',
      run: () => {},
    };
    const all = [...places, prompt, ...registered];
    const seen = new Set<string>();
    const matching = all
      .filter((command) => !seen.has(command.id) && seen.add(command.id))
      .filter((command) => !(task && command.id === TASK_PROMPT) && matchesCommand(command, query))
      .map((command, index) => ({ command, index, fit: commandFit(command, query) }))
      .sort(
        (a, b) =>
          a.fit - b.fit ||
          groupRank(a.command.group) - groupRank(b.command.group) ||
          a.index - b.index,
      )
      .map(({ command }) => command);
    return task ? [task, ...matching] : matching;
  }, [places, registered, query, navigate]);

  const activeIndex = Math.min(active, shown.length - 1);
  const activeCommand = activeIndex >= 0 ? shown[activeIndex] : undefined;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    input.current?.focus();
  }, []);
  useEffect(() => {
    list.current
      ?.querySelector(`[id="${CSS.escape(optionId(activeIndex))}"]`)
      ?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId depends on id only
  }, [activeIndex]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    if (command.id === TASK_PROMPT) {
      setQuery('#');
      setActive(0);
      input.current?.focus();
      return;
    }
    onClose();
    // After the dialog has closed and focus is back on what had it (the row the action is about).
    requestAnimationFrame(() => {
      command.run();
      landFocus();
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (activeIndex >= last ? 0 : activeIndex + 1),
      ArrowUp: () => (activeIndex <= 0 ? last : activeIndex - 1),
      PageDown: () => Math.min(last, activeIndex + 8),
      PageUp: () => Math.max(0, activeIndex - 8),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(activeCommand);
    }
  };

  const listboxId = `${id}-listbox`;
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-label="Command palette"
      className="m-auto mt-[10vh] w-[min(36rem,calc(100vw-1.5rem))] rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 p-3 dark:border-slate-700">
        <label htmlFor={`${id}-input`} className="sr-only">
          Find an action or place
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeCommand ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Type an action, a view, a filter or a task number…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-950"
        />
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="shrink-0 rounded-md px-2 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Close
        </button>
      </div>
      <div
        ref={list}
        id={listboxId}
        role="listbox"
        aria-label="Actions and places"
        className="max-h-[60vh] overflow-y-auto p-2"
      >
        {shown.map((command, index) => (
          // The keyboard works from the combobox (aria-activedescendant): options take clicks only, as the pattern has it.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
          <div
            key={command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            onClick={() => choose(command)}
            onMouseMove={() => index !== activeIndex && setActive(index)}
            className={`flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm ${
              index === activeIndex
                ? 'bg-brand-100 text-brand-900 dark:bg-brand-700 dark:text-white'
                : ''
            }`}
          >
            <span className="min-w-0 flex-1 truncate">{command.label}</span>
            <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">
              {command.group}
            </span>
            {command.shortcut && (
              <kbd className="shrink-0 rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600">
                {command.shortcut}
              </kbd>
            )}
          </div>
        ))}
      </div>
      {shown.length === 0 && (
        <p role="status" className="px-5 pb-4 text-sm text-slate-600 dark:text-slate-400">
          Nothing matches “{query}”.
        </p>
      )}
    </dialog>
  );
}
