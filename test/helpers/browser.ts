import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's chromium package (.ci/run installs it); a missing browser fails the test. */
const CHROMIUM = "/usr/bin/chromium";

export interface OfflineBrowser {
  browser: Browser;
  /** A fresh context: its pages may reach loopback (and data:/blob: URLs) only. */
  context(options?: {
    timezoneId?: string;
    viewport?: { width: number; height: number };
  }): Promise<BrowserContext>;
  /** A page in `context`, its uncaught errors collected in `pageErrors`. */
  page(context: BrowserContext): Promise<Page>;
  /** Every request a page tried to send anywhere but loopback; each was aborted. */
  leftTheMachine: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Headless Chromium as a frontend developer's browser on a machine without internet: anything a page
 * asks of another host is refused and recorded, so a test shows that the page needs nothing but
 * this project's own servers.
 */
export async function launchOfflineBrowser(): Promise<OfflineBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const leftTheMachine: string[] = [];
  const pageErrors: string[] = [];
  return {
    browser,
    leftTheMachine,
    pageErrors,
    async context(options = {}) {
      const context = await browser.newContext(options);
      await context.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") {
          await route.continue();
        } else {
          leftTheMachine.push(url.href);
          await route.abort();
        }
      });
      return context;
    },
    async page(context) {
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
    close: () => browser.close(),
  };
}
