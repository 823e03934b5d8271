// One browser context of the portal (a user at one screen size) and what every visited page must
// pass: no serious/critical axe violation, no CSP refusal or uncaught error, and — on the phone —
// no horizontal overflow. Each visited page is saved as a screenshot (viewport only: small PNGs)
// under .tmp/screenshots/<role>/<page>-<desktop|phone>.png, and remembered so the phone pass can
// walk the same pages.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { isKnown } from './known-problems.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../..');
export const SCREENSHOT_DIR = path.join(root, '.tmp', 'screenshots');

export const DESKTOP = { name: 'desktop', width: 1280, height: 800 } as const;
export const PHONE = { name: 'phone', width: 390, height: 844 } as const;
export type Screen = typeof DESKTOP | typeof PHONE;

export interface VisitedPage {
  name: string;
  path: string;
}

export class Portal {
  /** Uncaught page errors and console errors (CSP refusals among them) since the last check. */
  readonly errors: string[] = [];
  readonly visited: VisitedPage[] = [];
  /** What `check` found (axe, overflow, errors), each naming its page; see expectNoProblems. */
  readonly problems: string[] = [];
  /** The known problems (known-problems.ts) the checks met: `role page rule`. */
  readonly known = new Set<string>();

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
    readonly role: string,
    readonly screen: Screen,
  ) {
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // a refused request (401 before a session restore, a 4xx the page shows) is logged by
      // Chromium as "Failed to load resource"; the page handles those, the checks below do not count them
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) this.errors.push(`console: ${message.text()}`);
    });
  }

  static async open(browser: Browser, baseUrl: string, role: string, screen: Screen = DESKTOP): Promise<Portal> {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, acceptDownloads: true, locale: 'en-US', timezoneId: 'UTC', reducedMotion: 'reduce' });
    const page = await context.newPage();
    // generous: in the whole suite the browser shares two cores with the integration tests
    page.setDefaultTimeout(30_000);
    return new Portal(context, page, baseUrl, role, screen);
  }

  async goto(urlPath: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${urlPath}`);
  }

  /** Signs in through the login page and waits to leave it. */
  async login(username: string, password: string): Promise<void> {
    await this.goto('/login');
    await this.page.getByRole('textbox', { name: 'Username' }).fill(username);
    await this.page.getByRole('textbox', { name: 'Password' }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  /**
   * The page as it stands: its h1 is shown and no loader spins; then the checks (their findings
   * are collected in `problems`) and a screenshot. `name` is the screenshot's file name.
   */
  async check(name: string): Promise<void> {
    await this.settled();
    // no transition or animation in flight: axe would measure a fading element's contrast
    // (inline styles are allowed by the CSP, style-src 'unsafe-inline')
    await this.page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    const violations = await seriousViolations(this.page);
    const overflow = this.screen === PHONE ? await this.horizontalOverflow() : 0;
    const keys = await this.untranslatedKeys();
    await this.screenshot(name);
    const url = new URL(this.page.url());
    // a dialog's state is not a page to revisit by its path (the phone pass would name it wrongly)
    const inDialog = (await this.page.getByRole('dialog').count()) > 0;
    if (!inDialog && !this.visited.some((v) => v.name === name)) this.visited.push({ name, path: `${url.pathname}${url.search}` });
    const where = `${this.role} ${name} (${this.screen.name}, ${url.pathname})`;
    const known = violations.filter((v) => isKnown(this.role, name, v.id));
    for (const v of known) this.known.add(`${this.role} ${name} ${v.id}`);
    const errors = this.errors.splice(0);
    const knownErrors = errors.filter((error) => isKnown(this.role, name, error));
    for (const error of knownErrors) this.known.add(`${this.role} ${name} ${error}`);
    this.problems.push(
      ...violations.filter((v) => !known.includes(v)).map((v) => `${where}: axe ${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`),
      ...keys.map((key) => `${where}: an i18n key shown instead of its text: ${key}`),
      ...(overflow > 0 ? [`${where}: ${overflow} px wider than the ${this.screen.width} px screen (document.documentElement.scrollWidth)`] : []),
      ...errors.filter((error) => !knownErrors.includes(error)).map((error) => `${where}: ${error}`),
    );
  }

  /**
   * A step's expectation that fails for a reason reported to the page engineers (known-problems.ts,
   * `rule` naming the expectation): its failure is printed as known instead of failing the walk.
   */
  async expectOrKnown(name: string, rule: string, expectation: () => Promise<void>): Promise<void> {
    if (!isKnown(this.role, name, rule)) return expectation();
    try {
      await expectation();
      process.stdout.write(`[browser] known problem no longer reproduces, remove it from known-problems.ts: ${this.role} ${name} ${rule}\n`);
    } catch {
      this.known.add(`${this.role} ${name} ${rule}`);
    }
  }

  /**
   * Fails with every problem the checks found so far (collected, so one walk reports them all);
   * the known ones (known-problems.ts) are printed instead, so they stay in sight.
   */
  expectNoProblems(): void {
    if (this.known.size > 0) process.stdout.write(`[browser] known problems still there (known-problems.ts):\n  ${[...this.known].join('\n  ')}\n`);
    this.known.clear();
    const problems = this.problems.splice(0);
    if (problems.length > 0) throw new Error(`${problems.length} problem(s) on the pages visited:\n  ${problems.join('\n  ')}`);
  }

  async screenshot(name: string): Promise<void> {
    const dir = path.join(SCREENSHOT_DIR, this.role);
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: path.join(dir, `${name}-${this.screen.name}.png`) });
  }

  /**
   * Texts and labels that are an i18next key rather than words ("overview.balance"): a string
   * missing from the loaded translations. Leaf elements' whole text, aria-label and placeholder.
   */
  async untranslatedKeys(): Promise<string[]> {
    return (await this.page.evaluate(`(() => {
      const key = /^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_]+)+$/;
      const found = new Set();
      for (const element of document.body.querySelectorAll('*')) {
        const texts = [element.getAttribute('aria-label'), element.getAttribute('placeholder')];
        if (element.children.length === 0) texts.push(element.textContent);
        for (const text of texts) if (text && key.test(text.trim())) found.add(text.trim());
      }
      return [...found];
    })()`)) as string[];
  }

  /** How many CSS pixels the document is wider than the viewport (0 = fits). */
  async horizontalOverflow(): Promise<number> {
    const width = (await this.page.evaluate('document.documentElement.scrollWidth')) as number;
    return Math.max(0, width - this.screen.width);
  }

  async settled(): Promise<void> {
    await this.page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
    await this.page.locator('.mantine-Loader-root, .mantine-Skeleton-root[data-visible="true"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
