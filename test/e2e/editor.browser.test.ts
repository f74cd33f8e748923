/**
 * The package in n8n 2.41.1's editor, in a real browser (Debian's headless Chromium driven by playwright-core):
 * sign in through the login form, open the published Slack-alert example and check that both of our nodes
 * render on the canvas with their names and icons (not as "not installed" placeholders), that the trigger's
 * output carries its event name, and that the trigger's panel shows the setup notice and its parameters.
 *
 * Screenshots go to .tmp/screenshots/ on every run; with UPDATE_SCREENSHOTS=1 they replace the README's
 * docs/editor-canvas.png and docs/trigger-panel.png (kept out of ordinary runs so tests leave the tree clean).
 * On a failure: a screenshot in /tmp and n8n's log tail on the console.
 *
 * Needs Chromium at /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) or CHROMIUM_PATH.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

import type { N8nInstance } from '../../dev/harness';
import { startN8n, stopAllProcesses } from '../../dev/harness';
import { loadExample } from '../../dev/harness/examples';
import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { REPO_ROOT } from '../../dev/paths';

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As the machine notes say headless Chromium runs here: no sandbox (root), no GPU, nothing phoning home. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const REPO = REPO_ROOT;
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO, 'docs') : join(REPO, '.tmp', 'screenshots');
const PACKAGE = 'n8n-nodes-tencent-desk';
const ICON_SOURCE = join(REPO, 'nodes', 'TencentCloudDesk', 'tencentCloudDesk.svg');

const CREDENTIAL_NAME = 'Tencent Cloud Desk account';
const TRIGGER = 'Tencent Cloud Desk Trigger';
const ACTION = 'Get Session State';

/** Bounds for the browser: single UI steps, and page loads (the editor bundle is large). */
const STEP_MS = 30_000;
const LOAD_MS = 60_000;

let simulator: DeskSimulator | undefined;
let n8n: N8nInstance | undefined;
let workflowId: string;
let profileDir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
const browserErrors: string[] = [];

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set CHROMIUM_PATH`);
	}
	simulator = await startDeskSimulator();
	n8n = await startN8n({ log: true });
	await n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(simulator));
	workflowId = (await n8n.api.createWorkflow(loadExample('slack-alert-on-no-agent-online.json'))).id;
	await n8n.api.activateWorkflow(workflowId);

	// A fresh, throwaway profile for every run: no cached icons, no remembered session or dismissed popovers.
	profileDir = mkdtempSync(join(tmpdir(), 'n8n-editor-chromium-'));
	context = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
		colorScheme: 'light',
		timeout: LOAD_MS,
	});
	context.setDefaultTimeout(STEP_MS);
	context.setDefaultNavigationTimeout(LOAD_MS);
	page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => browserErrors.push(`page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
	});
	page.on('requestfailed', (request) => {
		// Navigations abort the previous page's pending requests; only report other failures.
		const failure = request.failure()?.errorText ?? '';
		if (failure !== 'net::ERR_ABORTED') browserErrors.push(`request failed: ${request.url()} ${failure}`);
	});
}, 15 * 60_000);

afterAll(async () => {
	await context?.close().catch(() => undefined);
	if (profileDir) rmSync(profileDir, { recursive: true, force: true });
	await n8n?.stop();
	await stopAllProcesses();
	await simulator?.close();
});

/**
 * Runs one test's browser steps; on failure saves a screenshot to /tmp and prints n8n's log tail, the
 * page's URL and the browser's errors, then rethrows.
 */
async function inBrowser(name: string, steps: () => Promise<void>): Promise<void> {
	try {
		await steps();
	} catch (error) {
		const shot = join(tmpdir(), `editor-browser-failure-${name}-${Date.now()}.png`);
		let saved = '';
		try {
			await page.screenshot({ path: shot, timeout: 10_000 });
			saved = `screenshot: ${shot}`;
		} catch (shotError) {
			saved = `no screenshot (${(shotError as Error).message})`;
		}
		console.log(
			[
				`"${name}" failed at ${page?.url() ?? '(no page)'}; ${saved}`,
				`browser errors:\n${browserErrors.slice(-20).join('\n') || '(none)'}`,
				`n8n log tail:\n${n8n?.logTail(60) ?? '(n8n not started)'}`,
			].join('\n'),
		);
		throw error;
	}
}

/** `[data-test-id=…]`, the attribute n8n's editor tags its parts with (its own Playwright tests use it). */
function byTestId(id: string, scope: Page | Locator = page): Locator {
	return scope.locator(`[data-test-id="${id}"]`);
}

function canvasNode(name: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/**
 * n8n opens a "Production Checklist" popover the first time a published workflow is opened. Close it
 * (and any other modal n8n may show, such as a survey or "what's new") so it does not cover the canvas.
 */
async function dismissOverlays(): Promise<void> {
	const checklistClose = byTestId('suggested-actions-close');
	const appeared = await checklistClose
		.waitFor({ state: 'visible', timeout: 5_000 })
		.then(() => true)
		.catch(() => false);
	if (appeared) {
		await checklistClose.click();
		await checklistClose.waitFor({ state: 'hidden' });
	}
	const modal = page.locator('.el-overlay:visible .el-dialog, [role="dialog"][data-state="open"]:visible');
	for (let attempt = 0; attempt < 3 && (await modal.count()) > 0; attempt++) {
		await page.keyboard.press('Escape');
		await modal.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
	}
	expect(await modal.count()).toBe(0);
}

/** The parts of an <img> read in the page (tsconfig.dev.json has no DOM lib). */
interface ImageElement {
	complete: boolean;
	naturalWidth: number;
	naturalHeight: number;
	src: string;
	addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}

/** Our icon inside one canvas node: an <img> served from the package, decoded by the browser. */
async function expectPackageIcon(node: Locator): Promise<void> {
	const icon = node.locator('img');
	await icon.first().waitFor({ state: 'visible' });
	expect(await icon.count()).toBe(1);
	const src = (await icon.getAttribute('src')) ?? '';
	expect(src).toContain(`/icons/${PACKAGE}/`);
	expect(src).toMatch(/\.svg$/);
	// Decoded, not a broken image (an unknown path would come back as the editor's HTML page).
	await icon.evaluate(
		(img: ImageElement) =>
			img.complete && img.naturalWidth > 0
				? undefined
				: new Promise<void>((resolve, reject) => {
						img.addEventListener('load', () => resolve(), { once: true });
						img.addEventListener('error', () => reject(new Error(`icon failed to load: ${img.src}`)), { once: true });
					}),
		undefined,
		{ timeout: STEP_MS },
	);
	const size = await icon.evaluate((img: ImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
	expect(size.width).toBeGreaterThan(0);
	expect(size.height).toBeGreaterThan(0);
	// Nothing of the "unknown node" rendering: the "?" placeholder icon or the "not installed" badge.
	expect(await node.locator('[class*="nodeIconPlaceholder"]').count()).toBe(0);
	expect(await byTestId('node-not-installed', node).count()).toBe(0);
}

/** Waits (bounded) for an <input> to hold `expected`, then asserts it (for a readable failure). */
async function expectInputValue(input: Locator, expected: string): Promise<void> {
	await input.waitFor({ state: 'attached' });
	const handle = await input.elementHandle();
	await page
		.waitForFunction(({ element, value }) => (element as { value?: string } | null)?.value === value, { element: handle, value: expected }, { timeout: STEP_MS })
		.catch(() => undefined);
	expect(await input.inputValue()).toBe(expected);
}

/** Closes a node panel left open (by a failed test), so the next test starts from the canvas. */
async function closePanelIfOpen(): Promise<void> {
	const ndv = byTestId('ndv');
	if (await ndv.isVisible()) {
		await byTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	}
}

describe('the editor, in a real browser', () => {
	it('signs the owner in through the login form', async () => {
		await inBrowser('sign-in', async () => {
			if (!n8n) throw new Error('n8n did not start');
			await page.goto(`${n8n.baseUrl}/signin`);
			await page.locator('#emailOrLdapLoginId').fill(n8n.owner.email);
			await page.locator('#password').fill(n8n.owner.password);
			await byTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			const cookies = await context!.cookies(n8n.baseUrl);
			expect(cookies.map((cookie) => cookie.name)).toContain('n8n-auth');
		});
	});

	it('renders both nodes on the canvas with their names, icons and the trigger output label', async () => {
		await inBrowser('canvas', async () => {
			await page.goto(`${n8n!.baseUrl}/workflow/${workflowId}`);
			await byTestId('canvas-node').first().waitFor({ state: 'visible', timeout: LOAD_MS });

			const trigger = canvasNode(TRIGGER);
			const action = canvasNode(ACTION);
			await trigger.waitFor({ state: 'visible' });
			await action.waitFor({ state: 'visible' });
			expect(await trigger.getAttribute('data-node-type')).toBe(`${PACKAGE}.tencentCloudDeskTrigger`);
			expect(await action.getAttribute('data-node-type')).toBe(`${PACKAGE}.tencentCloudDesk`);
			// Rendered as a trigger and as a regular node, each with its visible name.
			expect((await byTestId('canvas-trigger-node', trigger).innerText()).replace(/\s+/g, ' ')).toContain(TRIGGER);
			expect((await byTestId('canvas-default-node', action).innerText()).replace(/\s+/g, ' ')).toContain(ACTION);

			await expectPackageIcon(trigger);
			await expectPackageIcon(action);
			expect(await byTestId('node-not-installed').count()).toBe(0);
			expect(await page.getByText('Install this node').count()).toBe(0);

			// The icon URL is n8n's community-icon route: the package's own SVG, served as an image.
			const src = (await trigger.locator('img').getAttribute('src')) ?? '';
			const served = await context!.request.get(new URL(src, n8n!.baseUrl).toString());
			expect(served.status()).toBe(200);
			expect(served.headers()['content-type']).toContain('image/svg+xml');
			expect(await served.text()).toBe(readFileSync(ICON_SOURCE, 'utf8'));

			// Per-event routing: the trigger's one output is named after its event, on the canvas.
			const output = byTestId('canvas-node-output-handle', trigger);
			expect(await output.count()).toBe(1);
			const label = output.getByText('No Agent Online', { exact: true });
			await label.waitFor({ state: 'visible' });

			// And the two are connected (trigger → Get Session State → Post to Slack).
			expect(await byTestId('edge').count()).toBeGreaterThanOrEqual(2);

			await dismissOverlays();
			await trigger.scrollIntoViewIfNeeded();
			mkdirSync(DOCS, { recursive: true });
			await page.screenshot({ path: join(DOCS, 'editor-canvas.png') });
		});
	});

	it('opens the trigger panel with the setup notice and the Events and Routing parameters', async () => {
		await inBrowser('trigger-panel', async () => {
			await closePanelIfOpen();
			await canvasNode(TRIGGER).dblclick();
			const ndv = byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			const parameters = byTestId('node-parameters', ndv);
			await parameters.waitFor({ state: 'visible' });

			const notice = parameters.locator('.notice').filter({ hasText: 'Developer Settings' });
			await notice.waitFor({ state: 'visible' });
			expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain(
				'Paste this node’s Production URL into the Desk Management Panel → Settings → Developer Settings',
			);

			const events = byTestId('parameter-input-events', parameters);
			await events.waitFor({ state: 'visible' });
			await events.getByText('No Agent Online', { exact: true }).waitFor({ state: 'visible' });
			await parameters.locator('label[for="events"]').getByText('Events', { exact: true }).waitFor({ state: 'visible' });

			const routing = byTestId('parameter-input-routing', parameters);
			await routing.waitFor({ state: 'visible' });
			// A select shows its choice as the value of a read-only <input>.
			await expectInputValue(routing.locator('input'), 'One Output per Selected Event');
			await parameters.locator('label[for="routing"]').getByText('Routing', { exact: true }).waitFor({ state: 'visible' });

			expect(await ndv.getByText('Install this node').count()).toBe(0);
			mkdirSync(DOCS, { recursive: true });
			await page.screenshot({ path: join(DOCS, 'trigger-panel.png') });

			await byTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});
	});

	it('opens the action node panel with its own parameters', async () => {
		await inBrowser('action-panel', async () => {
			await closePanelIfOpen();
			await canvasNode(ACTION).dblclick();
			const ndv = byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			const parameters = byTestId('node-parameters', ndv);
			await byTestId('parameter-input-resource', parameters).waitFor({ state: 'visible' });
			await byTestId('parameter-input-operation', parameters).waitFor({ state: 'visible' });
			expect(await ndv.getByText('Install this node').count()).toBe(0);
			await byTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});
	});
});
