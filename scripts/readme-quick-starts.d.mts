// Types of readme-quick-starts.mjs, for the unit tests that import it.
export interface QuickStart {
  heading: string;
  file: string;
}
export const QUICK_STARTS: readonly QuickStart[];
export function codeUnderHeading(markdown: string, heading: string): string;
export function quickStarts(markdown: string): Array<QuickStart & { code: string }>;
export function adoptionLines(code: string): string[];
