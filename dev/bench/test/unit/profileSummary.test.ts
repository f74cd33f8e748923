/** How profile.ts names the frames it sums: a function anywhere, one script's function, or every function of a script. */
import { frameMatcher } from '../../profileSummary';

const ours = '/tmp/x/.n8n/nodes/node_modules/n8n-nodes-tencent-desk/dist/nodes/TencentCloudDeskDecisionAnswer/TencentCloudDeskDecisionAnswer.node.js';
const guard = '/tmp/x/.n8n/nodes/node_modules/n8n-nodes-tencent-desk/dist/nodes/TencentCloudDeskDecisionTrigger/answerGuard.js';
// The cached n8n install's folder carries the package's name too.
const n8nNodes = '/root/.cache/n8n-nodes-tencent-desk/n8n-2.41.1/node_modules/n8n-nodes-base/dist/nodes';
const ifNode = `${n8nNodes}/If/V2/IfV2.node.js`;
const webhookNode = `${n8nNodes}/Webhook/Webhook.node.js`;

describe('frameMatcher', () => {
	it.each<[string, string, string, boolean]>([
		// A bare name: that function in any script.
		['execute', 'execute', ours, true],
		['execute', 'execute', ifNode, true],
		['execute', 'executeNode', ifNode, false],
		// name@part: only in scripts whose URL contains the part.
		['execute@TencentCloudDeskDecisionAnswer', 'execute', ours, true],
		['execute@TencentCloudDeskDecisionAnswer', 'execute', ifNode, false],
		['execute@TencentCloudDeskDecisionAnswer', 'webhook', ours, false],
		// *@part: every function of the script, unnamed ones included.
		['*@TencentCloudDeskDecisionTrigger/answerGuard', '', guard, true],
		['*@TencentCloudDeskDecisionTrigger/answerGuard', 'guardAnswer', guard, true],
		['*@TencentCloudDeskDecisionTrigger/answerGuard', '', ours, false],
		// Our package, not the n8n install it is cached beside.
		['webhook@/nodes/node_modules/n8n-nodes-tencent-desk/', 'webhook', ours, true],
		['webhook@/nodes/node_modules/n8n-nodes-tencent-desk/', 'webhook', webhookNode, false],
	])('%s matches %s() in %s: %s', (spec, functionName, url, expected) => {
		expect(frameMatcher(spec)({ functionName, url })).toBe(expected);
	});
});
