import {type BrowserSession, launchBrowser} from '../render/pdf/browser.js';

/**
 * Run `use` with a browser starting meanwhile, and close it when `use` is done however it
 * ends. `use` gets the start as a promise, so that the browser starts while other work goes
 * on (the manuscripts compile, the book prints) and a failure to start is told where it is
 * used. Closing twice is harmless: whoever used it last may have closed it already.
 */
export async function withBrowser<T>(signal: AbortSignal | undefined, use: (browser: Promise<BrowserSession>) => Promise<T>): Promise<T> {
  const browser = launchBrowser(signal);
  browser.catch(() => undefined);
  try {
    return await use(browser);
  } finally {
    await browser.then(
      (session) => session.close(),
      () => undefined,
    );
  }
}
