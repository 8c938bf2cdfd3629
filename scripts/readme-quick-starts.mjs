// The README's quick starts, as code: the packed-package check type-checks them in a fresh app,
// so a README that stops compiling fails `npm test`. Each is the first ts/tsx block under its
// heading; a heading that is renamed or loses its block fails loudly rather than checking nothing.

/** The quick starts the check compiles: README heading → the file it becomes in the temp app. */
export const QUICK_STARTS = [
  { heading: '## Quick start (core)', file: 'readme-core.ts' },
  { heading: '## Quick start (React)', file: 'readme-react.tsx' },
];

/** The code of the first ```ts / ```tsx block in the section under `heading` (up to the next `## `). */
export function codeUnderHeading(markdown, heading) {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) throw new Error(`README.md has no "${heading}" heading`);
  for (let i = start + 1; i < lines.length && !/^##\s/.test(lines[i]); i += 1) {
    if (!/^```(ts|tsx|typescript)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end === -1) throw new Error(`README.md: the code block under "${heading}" is not closed`);
    return lines.slice(i + 1, end).join('\n') + '\n';
  }
  throw new Error(`README.md has no ts or tsx code block under "${heading}"`);
}

/** Every quick start as `{ heading, file, code }`. */
export function quickStarts(markdown) {
  return QUICK_STARTS.map((quickStart) => ({ ...quickStart, code: codeUnderHeading(markdown, quickStart.heading) }));
}

/**
 * The lines of a quick start that exist because of faultline: its imports, and every other line
 * of code that uses a name imported from it (comments aside). The README states their count.
 */
export function adoptionLines(code) {
  const names = new Set();
  for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'faultline(?:\/[\w-]+)?'/g)) {
    for (const name of match[1].split(',')) if (name.trim()) names.add(name.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop());
  }
  const uses = (line) => [...names].some((name) => new RegExp(`\\b${name}\\b`).test(line));
  return code.split('\n').filter((line) => !/^\s*\/\//.test(line) && (/'faultline[/']/.test(line) || uses(line)));
}
