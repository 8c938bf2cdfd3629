import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeUnderHeading, quickStarts } from '../../scripts/readme-quick-starts.mjs';

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

describe("the README's quick starts", () => {
  it('are both found, each importing faultline', () => {
    const found = quickStarts(readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8'));
    expect(found.map((quickStart) => quickStart.file)).toEqual(['readme-core.ts', 'readme-react.tsx']);
    for (const { code } of found) expect(code).toMatch(/from 'faultline(\/core)?'/);
  });
});
