import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/next-server';
import { BROWSER_ENDPOINT_VARIABLE, CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv } from './chromium';

export const PHONE = { width: 320, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * The end-to-end run's shared Chromium when there is one (closing it only disconnects this file and
 * closes its contexts), otherwise a browser of the caller's own, as a bench wants, with Chromium's
 * usual processes.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = process.env[BROWSER_ENDPOINT_VARIABLE];
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, env: chromiumEnv() });
}

/** A fresh browser context; `locale` is the phone's language, which the sign-in page shows. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** The sign-in page, driven by its visible labels as a person would, in whichever staff language it shows. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.goto('/login');
    await this.page.getByLabel(/^(Email|Эл\. почта|E-posta)$/).fill(email);
    await this.page.getByLabel(/^(Password|Пароль|Şifre)$/).fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|Войти|Oturum aç)$/ }).click();
  }

  /** The form's own alert; Next's route announcer is an alert too, so look inside the form. */
  async alertText(): Promise<string | null> {
    const alert = this.page.locator('form').getByRole('alert');
    await alert.waitFor();
    return alert.textContent();
  }

  async signInAndWait(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.signIn(email, password);
    await this.page.waitForURL(/\/(shelters|arrivals)$/);
  }
}

/** Admin invites someone through the staff page and returns the one-time link shown. */
export async function inviteThroughUi(page: Page, email: string, role: 'host' | 'guide' | 'admin', shelter?: string): Promise<string> {
  await page.goto('/staff');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption({ label: role === 'guide' ? 'guide' : role });
  if (shelter)
    await form
      .getByRole('group', { name: /Shelters they host/ })
      .getByLabel(shelter)
      .check();
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  const link = form.getByLabel(/Invitation link/);
  await link.waitFor();
  return link.inputValue();
}

/** The invited person opens the link, chooses a name and a password, and lands signed in. */
export async function acceptInvitation(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password again').fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL(/\/(shelters|arrivals)$/);
}

/**
 * Where an end-to-end test leaves the screenshots it takes along the way, for people to look at: a
 * folder per test file under WAYSTATION_SHOTS (never the checkout). Without it no screenshot is
 * taken: each costs a few tenths of a CPU-second, and nobody looks at the ones of a CI run.
 */
export function shotsDir(name: string): string | undefined {
  const root = process.env.WAYSTATION_SHOTS;
  if (!root) return undefined;
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A screenshot of `target` into `dir` (from `shotsDir`) as `file`; nothing when no folder was asked for. */
export async function screenshot(
  target: Page | Locator,
  dir: string | undefined,
  file: string,
  options: { fullPage?: boolean; timeout?: number } = {},
): Promise<void> {
  if (dir) await target.screenshot({ path: join(dir, file), ...options });
}

/** The first city the public request form offers (its id), to post the form as a person choosing it would; none with one city. */
export function firstCityOffered(formHtml: string): Record<string, string> {
  const select = /<select[^>]*name="cityId"[^>]*>([\s\S]*?)<\/select>/.exec(formHtml)?.[1];
  const id = select ? /<option value="([^"]+)"/.exec(select)?.[1] : undefined;
  return id ? { cityId: id } : {};
}

let axeScript: Promise<string> | undefined;
const axeSource = () => createRequire(import.meta.url)('axe-core').source as string;

/**
 * Where this test process serves axe-core's script, started on first use. Loaded from an address
 * that allows caching, Chromium compiles it once per browser context and reuses the code after: as
 * inline text it was parsed again for every page, about 0.3 CPU-s each time (docs/testing.md).
 */
function axeScriptUrl(): Promise<string> {
  axeScript ??= new Promise((resolve, reject) => {
    const source = axeSource();
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=86400, immutable' });
      response.end(source);
    });
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
  });
  return axeScript;
}

/**
 * axe-core's WCAG 2.1 A and AA violations on the page as it stands, each with the elements it names.
 * After a client-side navigation or an action, Next streams the page's <title> in a moment later:
 * waiting for it keeps axe from reporting a title that is on its way. The page's context bypasses
 * the app's CSP, which would rightly refuse a script from elsewhere.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.title !== '');
  // Offline (an emulated lost connection), the page fetches nothing: the script goes in as text then.
  await page.addScriptTag({ url: await axeScriptUrl() }).catch(() => page.addScriptTag({ content: axeSource() }));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
