import { Component, type ReactNode } from 'react';
import { ROUTES } from '../lib/addresses.ts';
import { releaseFirstPaint } from '../lib/first-paint.ts';

interface Props {
  /** A new key (a new page) clears the error. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string;
}

/** The last line of defence: a page that fails to render says so and offers a way on, never a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  componentDidCatch() {
    // The page's first rows must not cover this page's error.
    releaseFirstPaint();
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A lazy page that cannot be fetched (offline, or a newer version was deployed) needs a reload.
    const chunk = /dynamically imported module|Importing a module script failed/i.test(
      error.message,
    );
    return (
      <main role="alert" className="mx-auto max-w-xl px-4 py-24 text-center">
        <h1 className="text-2xl font-semibold">
          {chunk ? 'This page could not be loaded' : 'Something went wrong on this page'}
        </h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          {chunk
            ? 'Check your connection, then reload.'
            : 'Your actions so far are saved. Reload, or go back to the inbox.'}
        </p>
        <p className="mt-2 font-mono text-xs break-all text-slate-600 dark:text-slate-400">
          {error.message}
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <button
            type="button"
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white"
            onClick={() => window.location.reload()}
          >
            Reload
          </button>
          <a className="rounded-md px-4 py-2 font-medium underline" href={ROUTES.inbox}>
            Go to the inbox
          </a>
        </div>
      </main>
    );
  }
}
