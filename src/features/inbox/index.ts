import { lazyPage } from '../../components/LazyPage.tsx';

/** The inbox feature's public surface for the app and other features. */

/** The Snoozed view, in its own chunk: the inbox does not download it before it renders. */
export const SnoozedPage = /* @__PURE__ */ lazyPage(() =>
  import('./components/SnoozedPage.tsx').then((module) => module.SnoozedPage),
);
