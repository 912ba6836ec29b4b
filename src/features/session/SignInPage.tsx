import { useId, useRef, useState, type FormEvent } from 'react';
import { signIn, SignInError, type SignInField } from '../../api/sign-in.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/**
 * Team mode, signed out: every address shows this form; after signing in the page reloads at the same address,
 * so the person lands where they were going.
 */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const [error, setError] = useState<{ message: string; field: SignInField | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const organizationRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('token') ?? ''), String(form.get('organizationId') ?? ''));
      window.location.reload();
    } catch (caught) {
      const field = caught instanceof SignInError ? caught.field : null;
      setError({
        message: caught instanceof Error ? caught.message : 'Signing in failed.',
        field,
      });
      setBusy(false);
      (field === 'organizationId' ? organizationRef : tokenRef).current?.focus();
    }
  };

  const invalid = (field: SignInField) => (error?.field === field ? true : undefined);
  const describedBy = (field: SignInField) =>
    error?.field === field ? errorId : `${id}-${field}-hint`;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
        Productive inbox
      </p>
      <h1 className="mt-1 text-2xl font-semibold">Sign in with Productive</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Productive issues personal access tokens under Settings → API integrations → Generate new
        token; your Organization ID is on the same page.
      </p>
      <form
        className="mt-6 flex flex-col gap-4"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-token`} className="text-sm font-medium">
            Personal access token
          </label>
          <input
            ref={tokenRef}
            id={`${id}-token`}
            name="token"
            type="password"
            required
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid('token')}
            aria-describedby={describedBy('token')}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm dark:border-slate-500 dark:bg-slate-900"
          />
          <p id={`${id}-token-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            Kept on the inbox server, encrypted; never stored in this browser.
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-organizationId`} className="text-sm font-medium">
            Organization ID
          </label>
          <input
            ref={organizationRef}
            id={`${id}-organizationId`}
            name="organizationId"
            type="text"
            inputMode="numeric"
            required
            autoComplete="off"
            aria-invalid={invalid('organizationId')}
            aria-describedby={describedBy('organizationId')}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-900"
          />
          <p
            id={`${id}-organizationId-hint`}
            className="text-xs text-slate-600 dark:text-slate-400"
          >
            A number, such as 12345.
          </p>
        </div>
        <div role="alert" id={errorId} className="min-h-5 text-sm text-red-700 dark:text-red-300">
          {error?.message}
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-70"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
