import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCommands, type Command } from '../../../lib/commands.ts';
import type { SavedView } from '../../../api/saved-views.ts';
import { MAX_VIEW_NAME } from '../../../api/saved-views.ts';
import {
  savedAddressOf,
  useSavedViewActions,
  useSavedViews,
  useViewUnreadCount,
} from '../api/saved-view-queries.ts';

const smallButton =
  'inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-700';

function UnreadCount({ address, name }: { address: string; name: string }) {
  const count = useViewUnreadCount(address);
  if (count === null) return null;
  return (
    <span
      data-testid="saved-view-count"
      aria-label={`${count} unread in ${name}`}
      className="ml-auto rounded-full bg-slate-200 px-1.5 text-xs tabular-nums text-slate-700 dark:bg-slate-700 dark:text-slate-200"
    >
      {count}
    </span>
  );
}

function SavedViewItem({
  view,
  index,
  count,
  active,
  editing,
  onMove,
  onDragStart,
  onDrop,
}: {
  view: SavedView;
  index: number;
  count: number;
  active: boolean;
  editing: boolean;
  onMove: (view: SavedView, to: number) => void;
  onDragStart: (id: string) => void;
  onDrop: (to: number) => void;
}) {
  const { rename, remove } = useSavedViewActions();
  const [renaming, setRenaming] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  // The field takes focus as it opens (Rename was pressed), and gives it back to the link as it closes.
  useEffect(() => {
    if (renaming) nameField.current?.select();
  }, [renaming]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      onMove(view, index - 1);
    } else if (event.key === 'ArrowDown' && index < count - 1) {
      event.preventDefault();
      onMove(view, index + 1);
    }
  };
  return (
    <li
      data-testid="saved-view"
      draggable={!renaming}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', view.id);
        onDragStart(view.id);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        onDrop(index);
      }}
    >
      {renaming ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
            if (name) rename(view.id, name);
            setRenaming(false);
          }}
          className="flex items-center gap-1 px-1"
        >
          <input
            name="name"
            aria-label={`New name for ${view.name}`}
            defaultValue={view.name}
            maxLength={MAX_VIEW_NAME}
            ref={nameField}
            onKeyDown={(event) => event.key === 'Escape' && setRenaming(false)}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
          <button type="submit" className={smallButton}>
            Save
          </button>
        </form>
      ) : (
        <Link
          to={view.address}
          onKeyDown={onKeyDown}
          aria-current={active ? 'page' : undefined}
          aria-keyshortcuts={index < 9 ? `g ${index + 1}` : undefined}
          className={`flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap ${
            active
              ? 'bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white'
              : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          <span className="truncate">{view.name}</span>
          <UnreadCount address={view.address} name={view.name} />
        </Link>
      )}
      {editing && !renaming && (
        <div className="flex flex-wrap gap-1 px-2 pb-1">
          <button
            type="button"
            className={smallButton}
            onClick={() => setRenaming(true)}
            aria-label={`Rename ${view.name}`}
          >
            Rename
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={index === 0}
            onClick={() => onMove(view, index - 1)}
            aria-label={`Move ${view.name} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className={smallButton}
            disabled={index === count - 1}
            onClick={() => onMove(view, index + 1)}
            aria-label={`Move ${view.name} down`}
          >
            ↓
          </button>
          <button
            type="button"
            className={smallButton}
            onClick={() => remove(view.id)}
            aria-label={`Delete ${view.name}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** The saved views in the command palette (on a phone, where the sidebar's list is not shown, its way to them). */
function useSavedViewCommands(views: readonly SavedView[] | undefined) {
  const navigate = useNavigate();
  const commands = useMemo<Command[]>(
    () =>
      (views ?? []).map((view, index) => ({
        id: `saved-view:${view.id}`,
        label: view.name,
        group: 'Saved views',
        shortcut: index < 9 ? `g then ${index + 1}` : undefined,
        keywords: 'saved view',
        run: () => void navigate(view.address),
      })),
    [views, navigate],
  );
  useCommands(commands);
}

/**
 * The person's saved views under the built-in ones, each with its live unread count: opened by a click or
 * `g 1`…`g 9`; moved by dragging, Alt+↑/↓ on a link, or the ↑/↓ buttons (each move announced); renamed and
 * deleted from "Edit".
 */
export function SavedViewsNav() {
  const { data: views } = useSavedViews();
  useSavedViewCommands(views);
  const { move } = useSavedViewActions();
  const { pathname, search } = useLocation();
  const here = savedAddressOf(pathname, search);
  const [editing, setEditing] = useState(false);
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  if (!views || views.length === 0) return null;

  const moveTo = (view: SavedView, to: number) => {
    move(view.id, to);
    setAnnouncement(`Moved ${view.name} to position ${to + 1} of ${views.length}`);
  };
  return (
    <nav aria-label="Saved views" className="hidden px-2 pb-2 sm:block sm:px-3">
      <div className="flex items-center justify-between px-3 pt-1">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Saved views
        </h2>
        <button
          type="button"
          className={smallButton}
          aria-pressed={editing}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Done' : 'Edit'}
        </button>
      </div>
      <ul className="mt-1 flex gap-1 overflow-x-auto sm:flex-col">
        {views.map((view, index) => (
          <SavedViewItem
            key={view.id}
            view={view}
            index={index}
            count={views.length}
            active={view.address === here}
            editing={editing}
            onMove={moveTo}
            onDragStart={setDragged}
            onDrop={(to) => {
              const moving = views.find((candidate) => candidate.id === dragged);
              if (moving && moving.position !== to) moveTo(moving, to);
              setDragged(null);
            }}
          />
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </nav>
  );
}

/** "Save view", in the same chunk as the list (both come after the first rows). */
export { SaveViewButton } from './SaveViewButton.tsx';
