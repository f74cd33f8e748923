import { isN8n1, N8N_CURRENT, N8N_LTS, selectedRelease } from '../../releases';

describe('the n8n releases the harness runs', () => {
	it('uses the current 2.x unless told otherwise, and the LTS line by name or version', () => {
		expect(selectedRelease(undefined)).toBe(N8N_CURRENT);
		expect(selectedRelease('current')).toBe(N8N_CURRENT);
		expect(selectedRelease('lts')).toBe(N8N_LTS);
		expect(selectedRelease(N8N_LTS.version)).toBe(N8N_LTS);
	});

	it('names the accepted values when given an unknown one', () => {
		expect(() => selectedRelease('1.0.0')).toThrow(`expected current, lts or one of ${N8N_CURRENT.version}, ${N8N_LTS.version}`);
	});

	it('tells the lines apart by major version', () => {
		expect(isN8n1(N8N_LTS.version)).toBe(true);
		expect(isN8n1(N8N_CURRENT.version)).toBe(false);
	});
});
