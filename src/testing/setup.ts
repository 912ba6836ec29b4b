// Shared test setup. Component tests opt into jsdom with a `@vitest-environment jsdom` comment.
import { afterEach } from 'vitest';

if (typeof window !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
  // jsdom has no IntersectionObserver; infinite scrolling falls back to the "Load more" button in tests.
  class NoIntersectionObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  class NoResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, {
    IntersectionObserver: NoIntersectionObserver,
    ResizeObserver: NoResizeObserver,
  });
  // jsdom does not scroll.
  window.scrollTo = () => {};
}
