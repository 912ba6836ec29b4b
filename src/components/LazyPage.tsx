import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { Link } from 'react-router';
import { releaseFirstPaint } from '../lib/first-paint.ts';

/** A page's code could not be downloaded (server down, connection lost, a deploy replaced it). */
class PageLoadError extends Error {}

const loadingClass = 'px-4 py-16 text-center text-slate-600 dark:text-slate-400';
const pageLoading = (
  <main aria-busy="true" className={loadingClass}>
    Loading…
  </main>
);
const partLoading = (
  <div aria-busy="true" className={loadingClass}>
    Loading…
  </div>
);

export interface LazyPageOptions {
  /**
   * A part of a page (the reading pane's detail) rather than a page: its loading and failure are shown in a
   * plain block with a level-2 heading, not a second `main`.
   */
  part?: boolean;
  /** What shows while the code downloads (a part's own placeholder, the size of what it becomes); `null`: nothing. */
  fallback?: ReactNode;
}

/**
 * A page in its own chunk. If the chunk cannot be downloaded the page says so, in words, with a Retry that
 * downloads it again (a failed lazy import is otherwise remembered for good), never the browser's raw message.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { part = false, fallback }: LazyPageOptions = {},
) {
  const make = () =>
    lazy(() =>
      load().then(
        (Page) => ({ default: Page }),
        () => {
          throw new PageLoadError('The page could not be downloaded.');
        },
      ),
    );
  let Page = make();
  return function LazyPage(props: P) {
    const [attempt, setAttempt] = useState(0);
    return (
      <PageLoadBoundary
        key={attempt}
        part={part}
        onRetry={() => {
          Page = make();
          setAttempt((count) => count + 1);
        }}
      >
        <Suspense fallback={fallback === undefined ? (part ? partLoading : pageLoading) : fallback}>
          <Page {...props} />
        </Suspense>
      </PageLoadBoundary>
    );
  };
}

class PageLoadBoundary extends Component<
  { onRetry: () => void; part: boolean; children: ReactNode },
  { error: unknown }
> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch() {
    // A page that cannot load says so: the page's first rows (if any) must not cover it.
    if (!this.props.part) releaseFirstPaint();
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Any other failure is the page's own: it goes on to the app's error boundary.
    if (!(error instanceof PageLoadError)) throw error;
    const Box = this.props.part ? 'div' : 'main';
    const Heading = this.props.part ? 'h2' : 'h1';
    return (
      <Box className="px-4 py-16 text-center">
        <Heading className="text-lg font-medium">
          {this.props.part ? 'This could not load' : 'This page could not load'}
        </Heading>
        <p role="alert" className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Its code could not be downloaded: the server cannot be reached, or the connection was
          lost.
        </p>
        <div className="mt-4 flex items-center justify-center gap-4 text-sm font-medium">
          <button
            type="button"
            onClick={this.props.onRetry}
            className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Retry
          </button>
          <Link to="/" className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
            Back to the inbox
          </Link>
        </div>
      </Box>
    );
  }
}
