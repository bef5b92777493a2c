// The flags every Chromium this project launches gets (browser tests, benchmark, trace, screenshots):
// one list, so what the bench measures is the browser the tests check.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Chromium 151+ pre-renders its own address-bar popup (a WebUI page) in a renderer of its own for each
  // new browser context, headless too: 1.2-1.4 s of CPU on a 2-core machine, during the very page load
  // being measured. A user's browser does that once at start, not per page. Puppeteer disables both
  // features by default (puppeteer/puppeteer#15278; gotenberg/gotenberg#1656 has the memory side).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
