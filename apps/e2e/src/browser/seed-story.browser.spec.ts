// The seed story of issue 14 through the portal in Chromium, against the real product: ITC, the
// agent and the customer each in their own browser context, every page checked (axe, CSP, errors)
// and saved as a screenshot; then the same pages on a 390 px phone. Only the softswitch talks HTTP
// directly (it has no page); any other step done through the API is named by `api.step`.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { ProductApi } from './__fixtures__/api.js';
import { launchChromium } from './__fixtures__/chromium.js';
import { PHONE, Portal } from './__fixtures__/portal.js';
import { productSettings } from './__fixtures__/product.js';

const { baseUrl, adminPassword, switchApiKey } = productSettings();
const AGENT = { username: 'acme', password: 'acme-portal-password-1' };

describe('the seed story in Chromium', () => {
  const api = new ProductApi(baseUrl);
  const portals: Portal[] = [];
  let browser: Browser;
  let customer: { id: string; account: string; password: string } | undefined;

  const open = async (role: string, screen = undefined as typeof PHONE | undefined) => {
    const portal = await Portal.open(browser, baseUrl, role, screen);
    portals.push(portal);
    return portal;
  };
  const desktop: Record<string, Portal> = {};

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterEach(() => {
    // a step that threw ended the walk before its expectNoProblems: the checks' findings still show
    for (const portal of portals) {
      const left = portal.problems.splice(0);
      if (left.length > 0) process.stdout.write(`[browser] also found before the failure:\n  ${left.join('\n  ')}\n`);
    }
  });

  afterAll(async () => {
    for (const portal of portals) await portal.close().catch(() => undefined);
    await browser?.close();
    if (api.viaApi.length > 0) process.stdout.write(`[browser] steps done through the API:\n  ${api.viaApi.join('\n  ')}\n`);
  });

  it('ITC imports a sheet, derives +20 %, creates the agent and deposits', async () => {
    const itc = (desktop.admin = await open('admin'));
    const { page } = itc;
    await itc.login('admin', adminPassword);
    await itc.check('dashboard');

    // the base deck, a CSV file chosen in the file input: previewed, then imported
    await navigate(page, 'Rate sheets', 'Rate sheets');
    await itc.check('sheets');
    await page.getByRole('link', { name: 'Import a deck' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a deck' }).waitFor();
    await page.getByRole('textbox', { name: 'Sheet name' }).fill('ITC base');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'itc-base.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('prefix,destination,connect_fee,rate_per_minute,increment_seconds\n44,United Kingdom,0,0.10,60\n'),
    });
    await expectValue(page.getByRole('textbox', { name: 'Deck text' }), /^prefix,destination/);
    // in force since 2020: the calls below started hours ago
    await page.getByLabel('Effective from').fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('The deck is valid').waitFor();
    await itc.check('sheet-import');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ITC base' }).waitFor();
    await itc.check('sheet');

    // the agent's sheet: ITC base + 20 % (a UK minute 0.10 → 0.12)
    await page.getByRole('textbox', { name: "New sheet's name" }).fill('Acme (+20 %)');
    await page.getByRole('textbox', { name: 'Markup' }).fill('20');
    await page.getByRole('button', { name: 'Derive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme (+20 %)' }).waitFor();
    await page.getByRole('textbox', { name: 'Number' }).fill('+442079460958');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expectText(page.getByRole('main'), /0\.12/);
    await itc.check('sheet-derived');

    // the agent: 10 % commission, selling the derived sheet
    await navigate(page, 'Agents', 'Agents');
    await itc.check('agents');
    await page.getByRole('button', { name: 'New agent' }).click();
    const form = page.getByRole('form', { name: 'New agent' });
    await form.getByLabel('Name').first().fill('Acme Telecom');
    await form.getByLabel('Contact e-mail').fill('ops@acme.example');
    await form.getByLabel('Commission').fill('10');
    await form.getByRole('combobox', { name: 'Rate sheet' }).click();
    await page.getByRole('option', { name: /Acme \(\+20 %\)/ }).click();
    await form.getByLabel('Username').fill(AGENT.username);
    await form.getByRole('textbox', { name: 'Password' }).fill(AGENT.password);
    await itc.check('agent-new');
    await form.getByRole('button', { name: 'Create agent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Telecom' }).waitFor();

    // a manual deposit of 100 (a bank wire)
    const deposit = page.getByRole('form', { name: 'Manual deposit' });
    await deposit.getByLabel('Amount').fill('100');
    await deposit.getByLabel('Reference').fill('wire 2026-12-04');
    await deposit.getByRole('button', { name: 'Record deposit' }).click();
    await page.getByText(/Deposit recorded:/).waitFor();
    await expectText(page.getByRole('main'), /\$100\.00/);
    await itc.check('agent');

    // the prepaid profile the agent opens its customer from: a warning below 5
    await navigate(page, 'Profiles', 'Customer profiles');
    await page.getByRole('button', { name: 'New profile' }).click();
    const profile = page.getByRole('dialog', { name: 'New profile' });
    await profile.getByRole('textbox', { name: 'Name' }).fill('Prepaid 5');
    await profile.getByRole('textbox', { name: 'Low-balance threshold' }).fill('5');
    await itc.check('profile-new');
    await profile.getByRole('button', { name: 'New profile' }).click();
    // every dialog gone (while it closes the modal has lost its title, so not only this one)
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Prepaid 5', exact: true }).waitFor();
    await itc.check('profiles');
    itc.expectNoProblems();
  }, 120_000);

  it('the agent sees its overview, opens a customer, moves money and moves its commission', async () => {
    const agent = (desktop.agent = await open('agent'));
    const { page } = agent;
    await agent.login(AGENT.username, AGENT.password);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expectText(page.getByRole('main'), /\$100\.00/);
    await agent.check('overview');

    await navigate(page, 'Customers', 'Customers');
    await agent.check('customers');
    await page.getByRole('button', { name: 'Open a customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a customer' });
    await dialog.getByRole('combobox', { name: 'Profile' }).click();
    await page.getByRole('option', { name: /Prepaid 5/ }).click();
    await dialog.getByLabel('Contact e-mail (optional)').fill('carol@example.com');
    await dialog.getByRole('button', { name: 'Open customer' }).click();
    // the credentials, shown once
    const credential = (label: string) => dialog.getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell').innerText();
    await dialog.getByRole('row', { name: /^Portal password/ }).waitFor();
    customer = { id: '', account: (await credential('Account number')).trim(), password: (await credential('Portal password')).trim() };
    await agent.check('customer-credentials');
    await dialog.getByRole('link', { name: 'Go to the customer' }).click();
    await page.getByRole('heading', { level: 1, name: `Customer ${customer.account}` }).waitFor();
    customer.id = new URL(page.url()).pathname.split('/').pop()!;

    // move 20 to the customer: the receipt reference, the customer's and the agent's balances
    // the tab's content (the tabs switch a search param; their content has no tabpanel role)
    const transfer = card(page, 'Move money to this customer');
    await transfer.getByLabel('Amount').fill('20');
    await transfer.getByRole('button', { name: 'Move money' }).click();
    await page.getByText('Receipt reference:').waitFor();
    await expectText(page.getByRole('main'), /\$20\.00/);
    await agent.check('customer');

    // the 10 % commission (2) on the overview, moved to the main balance: 80 + 2
    await navigate(page, 'Overview', 'Overview');
    const commission = card(page, 'Commission balance');
    await expectText(commission, /\$2\.00/);
    await commission.getByRole('button', { name: 'Move to main balance' }).click();
    await expectText(commission, /\$0\.00/);
    await expectText(card(page, 'Your balance'), /\$82\.00/);
    await agent.check('overview-after');
    agent.expectNoProblems();
  }, 120_000);

  it('the customer sees its balance, sets FollowMe and a CallerID the agent approves', async () => {
    if (customer === undefined) throw new Error('the agent step opened no customer');
    const self = (desktop.customer = await open('customer'));
    const { page } = self;
    await self.login(customer.account, customer.password);
    await page.getByRole('heading', { level: 1, name: 'Balance' }).waitFor();
    await expectText(card(page, 'Your balance'), /\$20\.00/);
    await self.check('balance');

    // FollowMe: two numbers, the second moved first by keyboard-usable buttons, switched on, saved
    await navigate(page, 'FollowMe', 'FollowMe');
    await page.getByRole('button', { name: 'Add a number' }).click();
    await page.getByRole('textbox', { name: 'Number 1' }).fill('+442079460001');
    await page.getByRole('button', { name: 'Add a number' }).click();
    await page.getByRole('textbox', { name: 'Number 2' }).fill('+442079460002');
    await page.getByRole('button', { name: 'Move number 2 up' }).click();
    // the first number switched it on; on it must be when saved
    const followMe = page.getByRole('switch', { name: /^FollowMe is (on|off)/ });
    if (!(await followMe.isChecked())) await followMe.check({ force: true });
    await page.getByRole('switch', { name: /^FollowMe is on/ }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').waitFor();
    await self.check('follow-me');
    // a reload shows what the API stored: the new order, on
    await page.reload();
    await expectValue(page.getByRole('textbox', { name: 'Number 1' }), '+442079460002');
    await expectValue(page.getByRole('textbox', { name: 'Number 2' }), '+442079460001');
    expect(await page.getByRole('switch', { name: /^FollowMe is on/ }).isChecked()).toBe(true);

    // a CallerID: pending until the agent approves it
    await navigate(page, 'Caller IDs', 'Caller IDs');
    await page.getByRole('textbox', { name: 'Add a number' }).fill('+442079460999');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('Sent to your provider for approval.').waitFor();
    await page.getByText('Waiting for approval').waitFor();
    await self.check('caller-ids');

    const agent = desktop.agent!;
    await agent.goto(`/agent/customers/${customer.id}`);
    await agent.page.getByRole('tab', { name: 'CallerIDs' }).click();
    await agent.page.getByRole('button', { name: 'Approve +442079460999' }).click();
    await agent.page.getByText('No CallerID is waiting.').waitFor();
    await agent.check('customer-caller-ids');
    agent.expectNoProblems();

    // the customer sees it approved and makes it the default
    await page.reload();
    await page.getByRole('radio', { name: 'Show +442079460999 on my calls' }).check();
    await page.getByText('Waiting for approval').waitFor({ state: 'detached' });
    await expectText(page.getByRole('main'), /Default/);
    self.expectNoProblems();
  }, 120_000);

  it('calls posted through the switch API appear live with their cost; the CSV downloads; a low balance warns', async () => {
    if (customer === undefined) throw new Error('the agent step opened no customer');
    const self = desktop.customer!;
    const { page } = self;
    await navigate(page, 'Calls', 'Call history');
    const list = page.getByRole('region', { name: 'Calls' });

    // the softswitch (no page: plain HTTP with its key) posts two CDRs on the derived sheet
    // (0.12/min in 60 s blocks): 120 min = 14.40 and 10 min = 1.20; 20 - 15.60 = 4.40 < 5
    const now = Date.now();
    const cdr = (callId: string, billsec: number, agoMs: number) => ({
      callId,
      account: customer!.account,
      callerId: '+442079460999',
      destination: '+442079460958',
      startedAt: new Date(now - agoMs).toISOString(),
      answeredAt: new Date(now - agoMs + 2_000).toISOString(),
      endedAt: new Date(now - agoMs + 2_000 + billsec * 1000).toISOString(),
      billsec,
      disposition: 'answered',
    });
    const rated = await api.expectOk('POST', '/api/v1/switch/cdrs', switchApiKey, { cdrs: [cdr('browser-call-1', 7_200, 3 * 3_600_000), cdr('browser-call-2', 600, 1_800_000)] });
    expect(rated.body.results.map((r: { cost: string }) => r.cost)).toEqual(['14.4', '1.2']);

    // live: no reload; the page may offer the new calls behind a button (it keeps the scroll)
    const newCalls = page.getByRole('button', { name: /new call/ });
    await Promise.race([newCalls.waitFor().then(() => newCalls.click()), list.getByRole('listitem').nth(1).waitFor()]);
    await list.getByRole('listitem').nth(1).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);
    await expectText(list, /\$14\.40/);
    await expectText(list, /\$1\.20/);
    await self.check('calls');

    // the CSV export of the listed calls downloads (through the bearer token, never a URL token)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('browser-call-1');
    expect(csv).toContain('browser-call-2');
    expect(csv).toMatch(/14\.4/);

    // the balance page: 4.40 and the low-balance warning (threshold 5)
    await navigate(page, 'Balance', 'Balance');
    await expectText(card(page, 'Your balance'), /\$4\.40/);
    await page.getByRole('alert').filter({ hasText: 'Your balance is low' }).waitFor();
    await self.check('balance-low');

    // the rest of the customer's pages: its prices (0.12 to the UK) and its settings
    await navigate(page, 'Prices', 'Prices');
    await expectText(page.getByRole('main'), /0\.12/);
    await self.check('rates');
    await navigate(page, 'Settings', 'Settings');
    await self.check('settings');

    // in Spanish (the header's language menu): the balance page in its words, then back to English
    await page.getByRole('button', { name: 'Language: EN' }).click();
    await page.getByRole('menuitem', { name: 'Español' }).click();
    // the menu closed (while it closes its dropdown is an empty menu: axe aria-required-children)
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await navigate(page, 'Saldo', 'Saldo');
    await self.check('balance-es');
    await page.getByRole('button', { name: /: ES$/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Balance', exact: true }).waitFor();
    self.expectNoProblems();
  }, 120_000);

  it("ITC's dashboard counts the calls, its customer list and unrated calls open; the agent sees and exports the calls", async () => {
    const itc = desktop.admin!;
    const { page } = itc;
    await navigate(page, 'Dashboard', 'Dashboard');
    await expectText(page.getByRole('main'), /\$15\.60/); // today's revenue: 14.40 + 1.20
    await itc.check('dashboard-calls');
    await navigate(page, 'Customers', 'Customers');
    await page.getByRole('link', { name: customer!.account }).waitFor();
    await itc.check('customers');
    await navigate(page, 'Unrated calls', 'Unrated calls');
    await itc.check('unrated-calls');
    itc.expectNoProblems();

    // the agent sees its customer's calls with their cost, and exports them
    const agent = desktop.agent!;
    await agent.goto(`/agent/customers/${customer!.id}`);
    await agent.page.getByRole('tab', { name: 'Calls' }).click();
    const calls = agent.page.getByRole('table', { name: 'Calls' });
    await expectText(calls, /\$14\.40[\s\S]*\$1\.20|\$1\.20[\s\S]*\$14\.40/);
    await agent.check('customer-calls');
    const [download] = await Promise.all([agent.page.waitForEvent('download'), agent.page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('browser-call-2');
    agent.expectNoProblems();
  }, 60_000);

  it('every page visited fits a 390 px phone and passes the checks there too', async () => {
    if (customer === undefined) throw new Error('the agent step opened no customer');
    const logins: Record<string, [string, string]> = { admin: ['admin', adminPassword], agent: [AGENT.username, AGENT.password], customer: [customer.account, customer.password] };
    const found: string[] = [];
    for (const [role, visitedOn] of Object.entries(desktop)) {
      const phone = await open(role, PHONE);
      if (role === 'admin') {
        await phone.goto('/login');
        await phone.check('login');
      }
      await phone.login(...logins[role]!);
      // one visit per path (a dialog opened on a page is that page's desktop state only)
      const paths = new Map<string, string>();
      for (const { path, name } of visitedOn.visited) if (!paths.has(path)) paths.set(path, name);
      for (const [path, name] of paths) {
        await phone.goto(path);
        await phone.check(name);
      }
      // on the phone the navigation sits behind the menu button: it opens and leads to a page
      const home = phone.page.getByRole('navigation').getByRole('link').first();
      await phone.page.getByRole('button', { name: 'Open navigation' }).click();
      await home.click();
      await phone.page.waitForURL(new RegExp(`/${role}$`));
      try {
        phone.expectNoProblems();
      } catch (error) {
        found.push((error as Error).message);
      }
      await phone.close();
    }
    if (found.length > 0) throw new Error(`on the phone:\n${found.join('\n')}`);
  }, 180_000);
});

/** Follows a link of the role's navigation and waits for the new page's h1 (the old one may linger). */
async function navigate(page: Page, link: string, h1: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: h1, exact: true }).waitFor();
}

/** The card (a Mantine Paper/Card or a section) a title (a heading or a text) opens. */
function card(page: Page, title: string) {
  return page.getByRole('main').getByText(title, { exact: true }).first().locator('xpath=ancestor::*[self::section or contains(@class, "mantine-Paper-root")][1]');
}

/** Waits (bounded) until an input holds `value` (or matches it). */
async function expectValue(locator: Locator, value: string | RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const holds = (text: string) => (typeof value === 'string' ? text === value : value.test(text));
  while (!holds(await locator.inputValue().catch(() => ''))) {
    if (Date.now() > deadline) throw new Error(`expected the value ${value} in ${locator.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits (bounded) until the element's text matches: the page updates without a reload. */
async function expectText(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText().catch(() => '');
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${pattern} in:\n${text.slice(0, 2000)}`);
}
