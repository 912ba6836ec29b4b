import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { MAX_VIEW_NAME, MAX_VIEWS } from '../../../api/saved-views.ts';
import { useToast } from '../../../components/toasts.tsx';
import { savedAddressOf, useSavedViewActions, useSavedViews } from '../api/saved-view-queries.ts';

const buttonClass =
  'rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/**
 * "Save view": keeps what the address holds (the view, its filters, a search or grouping, any other parameter as
 * it is; not the notification open beside the list) under a name, listed in the sidebar for this person.
 */
export function SaveViewButton() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const { pathname, search } = useLocation();
  const { data: views } = useSavedViews();
  const { create } = useSavedViewActions();
  const showToast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const full = (views?.length ?? 0) >= MAX_VIEWS;

  const open = () => {
    setError(null);
    dialog.current?.showModal();
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      setError('Give the view a name.');
      return;
    }
    setSaving(true);
    try {
      await create(name, savedAddressOf(pathname, search));
      form.reset();
      dialog.current?.close();
      showToast({ tone: 'info', message: `Saved view “${name}”` });
    } catch (failure) {
      setError(`Could not save the view: ${(failure as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={open}
        disabled={full}
        title={full ? `At most ${MAX_VIEWS} saved views: delete one first` : undefined}
      >
        Save view
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-full max-w-sm rounded-xl bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:bg-slate-900 dark:text-slate-100"
      >
        <form onSubmit={(event) => void submit(event)} noValidate>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Save this view
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The view, its filters and search, as the address holds them. Saved for you, on every
            device.
          </p>
          <label htmlFor={`${id}-name`} className="mt-4 block text-sm font-medium">
            Name
          </label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={MAX_VIEW_NAME}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950"
          />
          {error && (
            <p
              id={`${id}-error`}
              role="alert"
              className="mt-2 text-sm text-red-700 dark:text-red-300"
            >
              {error}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button
              type="submit"
              disabled={saving}
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
            >
              Save
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
