import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptionLines, codeUnderHeading, quickStarts } from '../../scripts/readme-quick-starts.mjs';

const markdown = ['# x', '', '## Quick start (core)', '', 'Some text.', '', '```sh', 'npm i', '```', '', '```ts', "import { a } from 'x';", 'a();', '```', '', '```ts', 'second();', '```', '', '## Next', '', '```tsx', 'late();', '```'].join('\n');

describe('codeUnderHeading', () => {
  it('takes the first ts block of the section, skipping other languages', () => {
    expect(codeUnderHeading(markdown, '## Quick start (core)')).toBe("import { a } from 'x';\na();\n");
  });

  it('fails loudly when the heading is gone', () => {
    expect(() => codeUnderHeading(markdown, '## Quick start (React)')).toThrow('README.md has no "## Quick start (React)" heading');
  });

  it('does not reach into the next section for a block', () => {
    expect(() => codeUnderHeading('## Quick start (React)\n\nprose only\n\n## Next\n\n```tsx\nlate();\n```\n', '## Quick start (React)')).toThrow('no ts or tsx code block');
  });
});

describe('adoptionLines', () => {
  it('counts the imports and the code lines that use an imported name, not comments', () => {
    const code = [
      "import { useState } from 'react';",
      "import { ApiErrorProvider, type ApiError, useApiQuery as useQ } from 'faultline';",
      "import 'faultline/styles.css';",
      '// ApiErrorProvider renders the QueryClientProvider',
      'const [x] = useState(0);',
      'const q = useQ({ queryKey: [x] });',
      'const ok = <ApiErrorProvider queryClient={c}>{q.status}</ApiErrorProvider>;',
      'let e: ApiError | null = null;',
    ].join('\n');
    expect(adoptionLines(code)).toEqual([
      "import { ApiErrorProvider, type ApiError, useApiQuery as useQ } from 'faultline';",
      "import 'faultline/styles.css';",
      'const q = useQ({ queryKey: [x] });',
      'const ok = <ApiErrorProvider queryClient={c}>{q.status}</ApiErrorProvider>;',
      'let e: ApiError | null = null;',
    ]);
  });
});

describe("the README's quick starts", () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

  it('are both found, each importing faultline', () => {
    const found = quickStarts(readme);
    expect(found.map((quickStart) => quickStart.file)).toEqual(['readme-core.ts', 'readme-react.tsx']);
    for (const { code } of found) expect(code).toMatch(/from 'faultline(\/core)?'/);
  });

  it('state how many lines adopting faultline takes, as the React quick start has them', () => {
    const react = quickStarts(readme).find((quickStart) => quickStart.file === 'readme-react.tsx')!;
    const stated = /adopting faultline costs an app: \*\*(\d+) lines\*\*/.exec(readme);
    expect(stated, 'README states the count as "adopting faultline costs an app: **N lines**"').not.toBeNull();
    expect(adoptionLines(react.code)).toHaveLength(Number(stated![1]));
  });
});
