import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { apiProxy } from './scripts/dev-proxy.ts';

export const API_DEV_PORT = Number(process.env.API_PORT ?? 4174);

/**
 * The page also preloads the app's own code (`src/start.tsx`, which the small entry imports once the page has
 * painted, docs/decisions/019) and the inbox's (its lazy route's chunk), with what each imports, so that they
 * download beside the entry and the first list request rather than after them: the inbox is where the app opens,
 * and its first rows need that code. Other pages' code still loads when first visited.
 */
export function preloadFirstPage(pages = ['/src/start.tsx']): Plugin {
  return {
    name: 'preload-first-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of bundle[fileName]?.type === 'chunk'
            ? (bundle[fileName].imports ?? [])
            : [])
            visit(imported);
        };
        for (const page of pages) {
          const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(page));
          if (!start) throw new Error(`No chunk for ${page}: it is not preloaded`);
          visit(start.fileName);
        }
        return [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * The modules the first screen (src/start.tsx and the Inbox page, both preloaded by every page) shares with lazy
 * chunks. Left to itself the bundler puts each such set in a chunk of its own: 30 small files, each gzipped alone
 * (about 10 KB more than the same code in a few). In one chunk they cost a page nothing it did not load anyway,
 * since every page preloads the first screen. Only modules the first screen imports belong here: one that only
 * lazy code uses would be made initial by this list (check with the per-module sizes before adding one).
 */
const FIRST_SCREEN_SHARED = new RegExp(
  `src/(${[
    'features/inbox/api/use-inbox-counts',
    'features/inbox/api/use-tab-sync',
    'components/ThemeToggle',
    'features/inbox/components/InboxNav',
    'features/inbox/components/InboxSidebar',
    'components/LazyPage',
    'components/ListStates',
    'components/Highlighted',
    'components/NotificationTitle',
    'components/RelativeTime',
    'features/inbox/components/TargetIcon',
    'features/inbox/api/kept-rows',
    'features/inbox/model/day-groups',
    'features/inbox/model/groups',
    'features/inbox/api/use-snoozed-rows',
    'features/inbox/api/use-notification-list',
    'features/inbox/pane/neighbor',
    'features/inbox/pane/after-dismiss',
    'lib/use-load-more',
    'lib/use-auto-paging',
    'lib/addresses',
    'lib/markup/entities',
    'features/inbox/model/filters',
    'lib/formats',
    'api/connection',
    'api/http',
    'components/icons',
    'api/jsonapi',
    'api/mutes',
    'lib/mutes',
    'features/inbox/model/matches-query',
    'replica/sync-window',
    'replica/queries',
    'features/inbox/api/notification-queries',
    'api/notifications',
    'features/inbox/pane/pane-settings',
    'api/changeset',
    'api/people',
    'api/snoozes',
    'features/inbox/api/snooze-queries',
    'lib/markup/title-markup',
    'api/projects',
    'features/inbox/api/project-queries',
    'features/inbox/api/use-projects',
    'api/write-access',
    'features/activity/index',
    'features/inbox/bulk/bulk-runs',
    'features/inbox/api/notification-action-key',
    'api/saved-views',
    'features/inbox/model/selection',
    'components/toasts',
    'features/inbox/api/use-select-all-matching',
  ].join('|')})\\.tsx?$`,
);

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadFirstPage()],
  server: {
    proxy: apiProxy(API_DEV_PORT),
  },
  // The manifest tells the bundle budget check which chunks the inbox needs before first render.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // The page preloads what the entry imports; a lazy chunk's own imports are not listed at each import() site
    // (a list of file names per site, in the entry): they load when the chunk does (docs/decisions/010).
    rolldownOptions: {
      output: {
        // Every lazy chunk's name is written in the first screen's code: a 7-character hash (the least the bundler
        // allows for this many chunks; it says so at build when more are needed) is 50 B gzip less than its 8.
        chunkFileNames: 'assets/[name]-[hash:7].js',
        codeSplitting: {
          // The entry's own modules stay a small chunk of their own (docs/decisions/019); every library the first
          // screen uses is one chunk (react-dom and the virtualizer too: gzipped together, 1 KB less than beside
          // the app's code, and they change less often than it), its own shared modules another.
          groups: [
            {
              name: 'entry-shared',
              test: /src[\\/](lib[\\/](device-data|first-paint|theme)|replica[\\/](store|view|idb))\.ts$|vite\/preload-helper/,
              priority: 2,
            },
            {
              name: 'libs',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query|virtual-core|react-virtual))[\\/]/,
            },
            { name: 'first-screen', test: FIRST_SCREEN_SHARED },
          ],
        },
      },
    },
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
  },
});
