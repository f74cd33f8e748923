/** The CI and publish workflows pass actionlint, and say what the release process needs them to. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../../../paths';
import { lintWorkflow } from '../../workflowLint';

const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');
const read = (name: string): string => readFileSync(join(WORKFLOWS, name), 'utf8');

it('the linter finds real problems (an untrusted expression in a script, an unknown action input, a bad runner)', async () => {
	const broken = [
		'on: push',
		'jobs:',
		'  a:',
		'    runs-on: ubuntu-24.04-nonexistent',
		'    steps:',
		'      - run: echo "${{ github.event.head_commit.message }}"',
		'      - uses: actions/checkout@v4',
		'        with:',
		'          fetch-dept: 0',
	].join('\n');
	const kinds = (await lintWorkflow(broken, 'broken.yml')).map((p) => `${p.line} ${p.kind}`);
	expect(kinds).toEqual(expect.arrayContaining(['4 runner-label', '6 expression', '9 action']));
});

it('the CI and publish workflows are there', () => {
	expect(readdirSync(WORKFLOWS)).toEqual(expect.arrayContaining(['ci.yml', 'publish.yml']));
});

it.each(readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)))('%s passes actionlint', async (name) => {
	expect(await lintWorkflow(read(name), name)).toEqual([]);
});

it('CI runs on push and pull request: install, build, lint, the scanner and the tests', () => {
	const ci = read('ci.yml');
	expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
	for (const step of ['npm ci', 'npm run build', 'npm run typecheck', 'npm run lint', 'npm run scan', 'npm test']) {
		expect(ci).toContain(`run: ${step}`);
	}
});

it('publish: on a version tag, metadata checked first, full tests, one clean tarball scanned, then published with provenance', () => {
	const publish = read('publish.yml');
	expect(publish).toMatch(/^on:\n {2}push:\n {4}tags: \['v\*\.\*\.\*'\]\n/m);
	expect(publish).toMatch(/^permissions:\n {2}contents: read\n(?: {2}#.*\n)* {2}id-token: write\n/m);
	const order = [
		'run: npm ci',
		'"$GITHUB_REF_NAME" != "v$version"',
		'run: npm run release:check',
		'run: npm test',
		'npm run --silent pack:release -- release',
		'npm run scan -- "$TARBALL"',
		'npm run check:package -- "$TARBALL"',
		'run: npm publish "$TARBALL" --provenance --access public',
	];
	const positions = order.map((text) => publish.indexOf(text));
	expect(positions.every((at) => at >= 0)).toBe(true);
	expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	// One publish, of the tarball that was scanned.
	expect(publish.match(/npm publish/g)).toHaveLength(1);
});
