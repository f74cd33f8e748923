/**
 * Debian's headless Chromium driven by playwright-core, for test/e2e/editor.browser.test.ts: a throwaway
 * profile, n8n editor locators (`data-test-id`), and checks of how our nodes render on the canvas. A failing
 * step leaves a screenshot in /tmp and prints the page's URL, the browser's errors and n8n's log tail.
 *
 * Needs Chromium at /usr/bin/chromium (`npm run prerequisites` installs it, as `npm test` does) or CHROMIUM_PATH.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

import { CHROMIUM_PATH } from '../../dev/tools/prerequisites';

export const CHROMIUM = CHROMIUM_PATH;
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
export const PACKAGE = 'n8n-nodes-tencent-desk';

/** Bounds for the browser: single UI steps, and page loads (the editor bundle is large). */
export const STEP_MS = 30_000;
export const LOAD_MS = 60_000;

/** Fails fast, before n8n is started, when there is no browser to drive. */
export function assertChromium(): void {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`no Chromium at ${CHROMIUM}: npm run prerequisites installs it (apt-get install -y chromium), or set CHROMIUM_PATH`);
	}
}

/** The parts of an <img> read in the page (tsconfig.dev.json has no DOM lib). */
interface ImageElement {
	complete: boolean;
	naturalWidth: number;
	naturalHeight: number;
	src: string;
	addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}

export class EditorBrowser {
	/** Page errors, console errors and failed requests, for the failure report. */
	readonly errors: string[] = [];

	private constructor(
		readonly context: BrowserContext,
		readonly page: Page,
		private readonly profileDir: string,
		private readonly logs: () => string | undefined,
	) {
		page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
		});
		page.on('requestfailed', (request) => {
			// Navigations abort the previous page's pending requests; only report other failures.
			const failure = request.failure()?.errorText ?? '';
			if (failure !== 'net::ERR_ABORTED') this.errors.push(`request failed: ${request.url()} ${failure}`);
		});
	}

	/** A fresh, throwaway profile for every run: no cached icons, no remembered session or dismissed popovers. */
	static async launch(logs: () => string | undefined): Promise<EditorBrowser> {
		const profileDir = mkdtempSync(join(tmpdir(), 'n8n-editor-chromium-'));
		const context = await chromium.launchPersistentContext(profileDir, {
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
			colorScheme: 'light',
			timeout: LOAD_MS,
		});
		context.setDefaultTimeout(STEP_MS);
		context.setDefaultNavigationTimeout(LOAD_MS);
		const page = context.pages()[0] ?? (await context.newPage());
		return new EditorBrowser(context, page, profileDir, logs);
	}

	async close(): Promise<void> {
		await this.context.close().catch(() => undefined);
		rmSync(this.profileDir, { recursive: true, force: true });
	}

	/**
	 * Runs one test's browser steps; on failure saves a screenshot to /tmp and prints n8n's log tail, the
	 * page's URL and the browser's errors, then rethrows.
	 */
	async inBrowser(name: string, steps: () => Promise<void>): Promise<void> {
		try {
			await steps();
		} catch (error) {
			const shot = join(tmpdir(), `editor-browser-failure-${name}-${Date.now()}.png`);
			let saved = '';
			try {
				await this.page.screenshot({ path: shot, timeout: 10_000 });
				saved = `screenshot: ${shot}`;
			} catch (shotError) {
				saved = `no screenshot (${(shotError as Error).message})`;
			}
			console.log(
				[
					`"${name}" failed at ${this.page?.url() ?? '(no page)'}; ${saved}`,
					`browser errors:\n${this.errors.slice(-20).join('\n') || '(none)'}`,
					`n8n log tail:\n${this.logs() ?? '(n8n not started)'}`,
				].join('\n'),
			);
			throw error;
		}
	}

	/** `[data-test-id=…]`, the attribute n8n's editor tags its parts with (its own Playwright tests use it). */
	byTestId(id: string, scope: Page | Locator = this.page): Locator {
		return scope.locator(`[data-test-id="${id}"]`);
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/**
	 * n8n opens a "Production Checklist" popover the first time a published workflow is opened. Close it
	 * (and any other modal n8n may show, such as a survey or "what's new") so it does not cover the canvas.
	 */
	async dismissOverlays(): Promise<void> {
		const checklistClose = this.byTestId('suggested-actions-close');
		const appeared = await checklistClose
			.waitFor({ state: 'visible', timeout: 5_000 })
			.then(() => true)
			.catch(() => false);
		if (appeared) {
			await checklistClose.click();
			await checklistClose.waitFor({ state: 'hidden' });
		}
		const modal = this.page.locator('.el-overlay:visible .el-dialog, [role="dialog"][data-state="open"]:visible');
		for (let attempt = 0; attempt < 3 && (await modal.count()) > 0; attempt++) {
			await this.page.keyboard.press('Escape');
			await modal.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
		}
		expect(await modal.count()).toBe(0);
	}

	/** Our icon inside one canvas node: an <img> served from the package, decoded by the browser. */
	async expectPackageIcon(node: Locator): Promise<void> {
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
		expect(await this.byTestId('node-not-installed', node).count()).toBe(0);
	}

	/** Waits (bounded) for an <input> to hold `expected`, then asserts it (for a readable failure). */
	async expectInputValue(input: Locator, expected: string): Promise<void> {
		await input.waitFor({ state: 'attached' });
		const handle = await input.elementHandle();
		await this.page
			.waitForFunction(({ element, value }) => (element as { value?: string } | null)?.value === value, { element: handle, value: expected }, { timeout: STEP_MS })
			.catch(() => undefined);
		expect(await input.inputValue()).toBe(expected);
	}

	/** Closes a node panel left open (by a failed test), so the next test starts from the canvas. */
	async closePanelIfOpen(): Promise<void> {
		const ndv = this.byTestId('ndv');
		if (await ndv.isVisible()) {
			await this.byTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		}
	}
}
