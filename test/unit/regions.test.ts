/** The credential test's base-URL expression and the action node's restBaseUrl agree for every region. */
import { REGIONS, REST_BASE_URL_EXPRESSION, restBaseUrl } from '../../nodes/shared/regions';

/** Runs the expression's JavaScript the way n8n would, with `$credentials` in scope. */
function evaluate(expression: string, credentials: Record<string, string>): string {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)?.[1];
	if (!body) throw new Error(`not an n8n expression: ${expression}`);
	return new Function('$credentials', `return (${body});`)(credentials) as string;
}

describe('REST base URL', () => {
	test.each(REGIONS.map(({ value }) => value))('region %s: expression equals restBaseUrl', (region) => {
		for (const baseUrl of ['http://127.0.0.1:8990', ' http://127.0.0.1:8990/// ', 'https://proxy.example/desk/']) {
			expect(evaluate(REST_BASE_URL_EXPRESSION, { region, baseUrl })).toBe(restBaseUrl(region, baseUrl));
		}
	});

	test('custom region trims spaces and trailing slashes', () => {
		expect(restBaseUrl('custom', ' http://127.0.0.1:8990// ')).toBe('http://127.0.0.1:8990');
	});
});
