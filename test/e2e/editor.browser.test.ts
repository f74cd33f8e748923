/**
 * The package in n8n 2.41.1's editor, in a real browser (Debian's headless Chromium driven by playwright-core):
 * sign in through the login form, open the published Slack-alert example and check that both of our nodes
 * render on the canvas with their names and icons (not as "not installed" placeholders), that the trigger's
 * output carries its event name, and that the trigger's panel shows the setup notice and its parameters.
 *
 * Screenshots go to .tmp/screenshots/ on every run; with UPDATE_SCREENSHOTS=1 they replace the README's
 * docs/editor-canvas.png and docs/trigger-panel.png (kept out of ordinary runs so tests leave the tree clean).
 * On a failure: a screenshot in /tmp and n8n's log tail on the console (test/helpers/editorBrowser.ts).
 *
 * Needs Chromium at /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) or CHROMIUM_PATH.
 */
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';

import type { N8nInstance } from '../../dev/harness';
import { startN8n, stopAllProcesses } from '../../dev/harness';
import { loadExample } from '../../dev/harness/examples';
import type { DeskSimulator } from '../../dev/simulator';
import { startDeskSimulator } from '../../dev/simulator';
import { simulatorCredentials } from '../../dev/simulator/n8nCredential';
import { REPO_ROOT } from '../../dev/paths';
import { assertChromium, EditorBrowser, LOAD_MS, PACKAGE } from '../helpers/editorBrowser';

jest.setTimeout(120_000);

const REPO = REPO_ROOT;
const DOCS = process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO, 'docs') : join(REPO, '.tmp', 'screenshots');
const ICON_SOURCE = join(REPO, 'nodes', 'TencentCloudDesk', 'tencentCloudDesk.svg');

const CREDENTIAL_NAME = 'Tencent Cloud Desk account';
const TRIGGER = 'Tencent Cloud Desk Trigger';
const ACTION = 'Get Session State';

let simulator: DeskSimulator | undefined;
let n8n: N8nInstance | undefined;
let workflowId: string;
let editor: EditorBrowser;
let page: Page;

beforeAll(async () => {
	assertChromium();
	simulator = await startDeskSimulator();
	n8n = await startN8n({ log: true });
	await n8n.api.createCredential(CREDENTIAL_NAME, 'tencentCloudDeskApi', simulatorCredentials(simulator));
	workflowId = (await n8n.api.createWorkflow(loadExample('slack-alert-on-no-agent-online.json'))).id;
	await n8n.api.activateWorkflow(workflowId);
	editor = await EditorBrowser.launch(() => n8n?.logTail(60));
	page = editor.page;
}, 15 * 60_000);

afterAll(async () => {
	await editor?.close();
	await n8n?.stop();
	await stopAllProcesses();
	await simulator?.close();
});

describe('the editor, in a real browser', () => {
	it('signs the owner in through the login form', async () => {
		await editor.inBrowser('sign-in', async () => {
			if (!n8n) throw new Error('n8n did not start');
			await page.goto(`${n8n.baseUrl}/signin`);
			await page.locator('#emailOrLdapLoginId').fill(n8n.owner.email);
			await page.locator('#password').fill(n8n.owner.password);
			await editor.byTestId('form-submit-button').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
			const cookies = await editor.context.cookies(n8n.baseUrl);
			expect(cookies.map((cookie) => cookie.name)).toContain('n8n-auth');
		});
	});

	it('renders both nodes on the canvas with their names, icons and the trigger output label', async () => {
		await editor.inBrowser('canvas', async () => {
			await page.goto(`${n8n!.baseUrl}/workflow/${workflowId}`);
			await editor.byTestId('canvas-node').first().waitFor({ state: 'visible', timeout: LOAD_MS });

			const trigger = editor.canvasNode(TRIGGER);
			const action = editor.canvasNode(ACTION);
			await trigger.waitFor({ state: 'visible' });
			await action.waitFor({ state: 'visible' });
			expect(await trigger.getAttribute('data-node-type')).toBe(`${PACKAGE}.tencentCloudDeskTrigger`);
			expect(await action.getAttribute('data-node-type')).toBe(`${PACKAGE}.tencentCloudDesk`);
			// Rendered as a trigger and as a regular node, each with its visible name.
			expect((await editor.byTestId('canvas-trigger-node', trigger).innerText()).replace(/\s+/g, ' ')).toContain(TRIGGER);
			expect((await editor.byTestId('canvas-default-node', action).innerText()).replace(/\s+/g, ' ')).toContain(ACTION);

			await editor.expectPackageIcon(trigger);
			await editor.expectPackageIcon(action);
			expect(await editor.byTestId('node-not-installed').count()).toBe(0);
			expect(await page.getByText('Install this node').count()).toBe(0);

			// The icon URL is n8n's community-icon route: the package's own SVG, served as an image.
			const src = (await trigger.locator('img').getAttribute('src')) ?? '';
			const served = await editor.context.request.get(new URL(src, n8n!.baseUrl).toString());
			expect(served.status()).toBe(200);
			expect(served.headers()['content-type']).toContain('image/svg+xml');
			expect(await served.text()).toBe(readFileSync(ICON_SOURCE, 'utf8'));

			// Per-event routing: the trigger's one output is named after its event, on the canvas.
			const output = editor.byTestId('canvas-node-output-handle', trigger);
			expect(await output.count()).toBe(1);
			const label = output.getByText('No Agent Online', { exact: true });
			await label.waitFor({ state: 'visible' });

			// And the two are connected (trigger → Get Session State → Post to Slack).
			expect(await editor.byTestId('edge').count()).toBeGreaterThanOrEqual(2);

			await editor.dismissOverlays();
			await trigger.scrollIntoViewIfNeeded();
			mkdirSync(DOCS, { recursive: true });
			await page.screenshot({ path: join(DOCS, 'editor-canvas.png') });
		});
	});

	it('opens the trigger panel with the setup notice and the Events and Routing parameters', async () => {
		await editor.inBrowser('trigger-panel', async () => {
			await editor.closePanelIfOpen();
			await editor.canvasNode(TRIGGER).dblclick();
			const ndv = editor.byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			const parameters = editor.byTestId('node-parameters', ndv);
			await parameters.waitFor({ state: 'visible' });

			const notice = parameters.locator('.notice').filter({ hasText: 'Developer Settings' });
			await notice.waitFor({ state: 'visible' });
			expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain(
				'Paste this node’s Production URL into the Desk Management Panel → Settings → Developer Settings',
			);

			const events = editor.byTestId('parameter-input-events', parameters);
			await events.waitFor({ state: 'visible' });
			await events.getByText('No Agent Online', { exact: true }).waitFor({ state: 'visible' });
			await parameters.locator('label[for="events"]').getByText('Events', { exact: true }).waitFor({ state: 'visible' });

			const routing = editor.byTestId('parameter-input-routing', parameters);
			await routing.waitFor({ state: 'visible' });
			// A select shows its choice as the value of a read-only <input>.
			await editor.expectInputValue(routing.locator('input'), 'One Output per Selected Event');
			await parameters.locator('label[for="routing"]').getByText('Routing', { exact: true }).waitFor({ state: 'visible' });

			expect(await ndv.getByText('Install this node').count()).toBe(0);
			mkdirSync(DOCS, { recursive: true });
			await page.screenshot({ path: join(DOCS, 'trigger-panel.png') });

			await editor.byTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});
	});

	it('opens the action node panel with its own parameters', async () => {
		await editor.inBrowser('action-panel', async () => {
			await editor.closePanelIfOpen();
			await editor.canvasNode(ACTION).dblclick();
			const ndv = editor.byTestId('ndv');
			await ndv.waitFor({ state: 'visible' });
			const parameters = editor.byTestId('node-parameters', ndv);
			await editor.byTestId('parameter-input-resource', parameters).waitFor({ state: 'visible' });
			await editor.byTestId('parameter-input-operation', parameters).waitFor({ state: 'visible' });
			expect(await ndv.getByText('Install this node').count()).toBe(0);
			await editor.byTestId('ndv-close-button').click();
			await ndv.waitFor({ state: 'hidden' });
		});
	});
});
