// What the specs do on a page, waiting (bounded) for the page to get there: the portal updates
// without a reload, so a check polls instead of reading once.
import type { Locator, Page } from 'playwright-core';

/** Follows a link of the role's navigation and waits for the new page's h1 (the old one may linger). */
export async function navigate(page: Page, link: string, h1: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
}

/** The card (a Mantine Paper/Card or a section) a title (a heading or a text) opens. */
export function card(page: Page, title: string) {
  return page.getByRole('main').getByText(title, { exact: true }).first().locator('xpath=ancestor::*[self::section or contains(@class, "mantine-Paper-root")][1]');
}

/** Waits (bounded) until an input holds `value` (or matches it). */
export async function expectValue(locator: Locator, value: string | RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const holds = (text: string) => (typeof value === 'string' ? text === value : value.test(text));
  while (!holds(await locator.inputValue().catch(() => ''))) {
    if (Date.now() > deadline) throw new Error(`expected the value ${value} in ${locator.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits (bounded) until the element's text matches: the page updates without a reload. */
export async function expectText(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText().catch((error: Error) => `(no text: ${error.message.split('\n')[0]})`);
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${pattern} in:\n${text.slice(0, 2000)}`);
}
