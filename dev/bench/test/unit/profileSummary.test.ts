/** How profile.ts names the frames it sums: a function anywhere, one script's function, or every function of a script. */
import { frameMatcher } from '../../profileSummary';

const ours = '/tmp/x/.n8n/nodes/node_modules/n8n-nodes-tencent-desk/dist/nodes/TencentCloudDeskDecisionAnswer/TencentCloudDeskDecisionAnswer.node.js';
const ifNode = '/root/.cache/n8n-nodes-tencent-desk/n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes/If/V2/IfV2.node.js';
const guard = '/tmp/x/.n8n/nodes/node_modules/n8n-nodes-tencent-desk/dist/nodes/TencentCloudDeskDecisionTrigger/answerGuard.js';

describe('frameMatcher', () => {
	it('matches a bare name in any script', () => {
		const matches = frameMatcher('execute');
		expect(matches({ functionName: 'execute', url: ours })).toBe(true);
		expect(matches({ functionName: 'execute', url: ifNode })).toBe(true);
		expect(matches({ functionName: 'executeNode', url: ifNode })).toBe(false);
	});

	it('matches name@part only in scripts whose URL contains the part', () => {
		const matches = frameMatcher('execute@TencentCloudDeskDecisionAnswer');
		expect(matches({ functionName: 'execute', url: ours })).toBe(true);
		expect(matches({ functionName: 'execute', url: ifNode })).toBe(false);
		expect(matches({ functionName: 'webhook', url: ours })).toBe(false);
	});

	it('matches *@part for every function of the script, unnamed ones included', () => {
		const matches = frameMatcher('*@TencentCloudDeskDecisionTrigger/answerGuard');
		expect(matches({ functionName: '', url: guard })).toBe(true);
		expect(matches({ functionName: 'guardAnswer', url: guard })).toBe(true);
		expect(matches({ functionName: '', url: ours })).toBe(false);
	});

	it('tells our package from the cached n8n install, whose folder carries the package name too', () => {
		const matches = frameMatcher('webhook@/nodes/node_modules/n8n-nodes-tencent-desk/');
		expect(matches({ functionName: 'webhook', url: ours })).toBe(true);
		expect(matches({ functionName: 'webhook', url: ifNode.replace('If/V2/IfV2', 'Webhook/Webhook') })).toBe(false);
	});
});
