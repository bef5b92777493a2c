import { describe, expect, it } from 'vitest';

// Every source file's text, so the rule holds for code no linter run has seen yet.
const sources = import.meta.glob<string>('../../src/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('text from datasets is never rendered as HTML', () => {
  it('has source files to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it.each(Object.entries(sources))('%s uses neither dangerouslySetInnerHTML nor innerHTML', (_, text) => {
    expect(text).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write\(/);
  });
});
