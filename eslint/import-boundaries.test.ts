import { join, resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import boundaries from './import-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const SRC = resolve(import.meta.dirname, '..', 'src');
const at = (path: string) => join(SRC, path);

tester.run('import-boundaries', boundaries.rules['import-boundaries'], {
  valid: [
    {
      filename: at('app/App.tsx'),
      code: "import { x } from '../features/inbox/components/InboxPage.tsx';",
    },
    {
      filename: at('features/inbox/components/Row.tsx'),
      code: "import { x } from '../../../lib/addresses.ts';",
    },
    {
      filename: at('features/inbox/components/Row.tsx'),
      code: "import { x } from '../model/filters.ts';",
    },
    {
      filename: at('features/inbox/components/Pane.tsx'),
      code: "import { NotificationDetail } from '../../activity/index.ts';",
    },
    {
      filename: at('features/inbox/components/Pane.tsx'),
      code: "const m = import('../../activity/index.ts');",
    },
    {
      // A folder resolves to its index, as in Vite and TypeScript.
      filename: at('features/inbox/components/Pane.tsx'),
      code: "import { NotificationDetail } from '../../activity';",
    },
    { filename: at('components/Banner.tsx'), code: "import { x } from '../api/http.ts';" },
    {
      filename: at('lib/addresses.ts'),
      code: "import type { FeedTarget } from '../api/activities.ts';",
    },
    {
      filename: at('testing/render.tsx'),
      code: "import { AppRoutes } from '../app/AppRoutes.tsx';",
    },
  ],
  invalid: [
    {
      filename: at('components/OfflineBanner.tsx'),
      code: "import { isNetworkError } from '../app/query-client.ts';",
      errors: [{ message: /components\/ may not import from app\// }],
    },
    {
      filename: at('lib/x.ts'),
      code: "import { VIEWS } from '../features/inbox/model/filters.ts';",
      errors: [{ message: /lib\/ may not import from a feature \(inbox\)/ }],
    },
    {
      filename: at('features/inbox/components/Row.tsx'),
      code: "import { App } from '../../../app/App.tsx';",
      errors: [{ message: /features\/inbox\/ may not import from app\// }],
    },
    {
      filename: at('features/inbox/components/Pane.tsx'),
      code: "import { ActivityFeed } from '../../activity/components/ActivityFeed.tsx';",
      errors: [{ message: /only through features\/activity\/index.ts/ }],
    },
    {
      filename: at('features/inbox/components/Pane.tsx'),
      code: "const m = import('../../activity/components/FeedPage.tsx');",
      errors: [{ message: /only through features\/activity\/index.ts/ }],
    },
    {
      filename: at('api/x.ts'),
      code: "export { aNotification } from '../testing/notification-factory.ts';",
      errors: [{ message: /may not import test helpers/ }],
    },
  ],
});
