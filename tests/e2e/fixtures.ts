import { test as base, expect, type ConsoleMessage } from '@playwright/test';

/** Every page records console errors and uncaught exceptions; each test ends asserting there were none. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await provide(errors);
  },
});

export { expect };
