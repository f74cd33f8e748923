/** `n8n execute` beside a server: which expression engine it runs, and reading the run's JSON from its output. */
import { executeCliEngine, parseTrailingJson } from '../../executeCli';
import { N8N_CURRENT, N8N_LTS } from '../../releases';

describe('n8n execute beside the server', () => {
	test('never the vm engine (its isolate thread crashes process.exit); legacy stays legacy', () => {
		expect(executeCliEngine(undefined, N8N_CURRENT.version)).toBe('quickjs');
		expect(executeCliEngine('vm', N8N_CURRENT.version)).toBe('quickjs');
		expect(executeCliEngine('quickjs', N8N_CURRENT.version)).toBe('quickjs');
		expect(executeCliEngine('legacy', N8N_CURRENT.version)).toBe('legacy');
		// 1.x knows no quickjs.
		expect(executeCliEngine(undefined, N8N_LTS.version)).toBe('legacy');
		expect(executeCliEngine('vm', N8N_LTS.version)).toBe('legacy');
	});

	const run = { status: 'success', finished: true, data: { resultData: { runData: { Start: [{ json: { text: '}\n{' } }] } } } };
	const json = JSON.stringify(run, null, 2);

	test('the JSON after log lines, and before lines the task runner logged after it', () => {
		expect(parseTrailingJson(`n8n Task Broker ready on 127.0.0.1, port 41234\n${json}\n`)).toEqual(run);
		expect(parseTrailingJson(`[license SDK] Skipping renewal\n${json}\n[runner:js] Task runner stopped\n`)).toEqual(run);
		expect(parseTrailingJson(`{\nnot json\n}\n{\n${json}`)).toEqual(run);
	});

	test('no JSON, or a cut one: undefined', () => {
		expect(parseTrailingJson('')).toBeUndefined();
		expect(parseTrailingJson(json.slice(0, -10))).toBeUndefined();
	});
});
