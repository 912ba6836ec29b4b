import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import boundaries from './import-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

// Three modules on disk: a → b → a is a cycle; c → a is not (c is not on it); a type-only import never is.
const directory = mkdtempSync(join(tmpdir(), 'cycles-'));
const file = (name: string, code: string) => {
  writeFileSync(join(directory, name), code);
  return join(directory, name);
};
const a = file('a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
file('b.ts', "import {\n  a,\n} from './a.ts';\nexport const b = () => a;\n");
const c = file('c.ts', "import { a } from './a.ts';\nexport const c = a;\n");
const d = file('d.ts', "import type { E } from './e.ts';\nexport type D = E;\n");
file('e.ts', "import { d } from './d.ts';\nexport type E = typeof d;\n");
// Written the ways Vite and TypeScript also resolve: without an extension, a folder for its index, .js for .ts.
const f = file('f.ts', "import { g } from './g';\nexport const f = () => g;\n");
file('g.tsx', "import { f } from './f';\nexport const g = () => f;\n");
mkdirSync(join(directory, 'folder'));
const h = file('h.ts', "import { i } from './folder';\nexport const h = () => i;\n");
file('folder/index.ts', "import { h } from '../h.js';\nexport const i = () => h;\n");

tester.run('no-import-cycles', boundaries.rules['no-import-cycles'], {
  valid: [
    { filename: c, code: "import { a } from './a.ts';" },
    { filename: d, code: "import type { E } from './e.ts';" },
  ],
  invalid: [
    {
      filename: f,
      code: "import { g } from './g';",
      errors: [{ message: /Import cycle: .*f\.ts → .*g\.tsx → .*f\.ts/ }],
    },
    {
      filename: h,
      code: "import { i } from './folder';",
      errors: [{ message: /Import cycle: .*h\.ts → .*folder\/index\.ts → .*h\.ts/ }],
    },
    {
      filename: a,
      code: "import { b } from './b.ts';",
      errors: [{ message: /Import cycle: .*a\.ts → .*b\.ts → .*a\.ts/ }],
    },
  ],
});
