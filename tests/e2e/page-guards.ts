import { test, expect } from './fixtures';

/**
 * For the tests of a file: fails a test when the page sent a request off 127.0.0.1 or the
 * Content-Security-Policy blocked something (a worker, an inline script), from the first script on.
 */
export function guardRequestsAndCsp(): void {
  let offsite: string[] = [];
  test.beforeEach(async ({ page }) => {
    offsite = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
      if (url.hostname !== '127.0.0.1') offsite.push(req.url());
    });
    // Collects CSP violations from the first script on, so a blocked worker or inline script fails the test.
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  });

  test.afterEach(async ({ page }) => {
    expect(offsite, 'requests that left 127.0.0.1').toEqual([]);
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    expect(violations, 'CSP violations').toEqual([]);
  });
}
