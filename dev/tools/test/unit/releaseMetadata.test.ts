import { githubRepository, releaseMetadataProblems } from '../../releaseMetadata';

const ready = {
	author: { name: 'Jane Doe', email: 'jane@acme.test' },
	homepage: 'https://github.com/acme/n8n-nodes-tencent-desk#readme',
	bugs: { url: 'https://github.com/acme/n8n-nodes-tencent-desk/issues' },
	repository: { type: 'git', url: 'git+https://github.com/acme/n8n-nodes-tencent-desk.git' },
};

it('accepts set values, and a repository matching the publishing one', () => {
	expect(releaseMetadataProblems(ready)).toEqual([]);
	expect(releaseMetadataProblems(ready, 'Acme/n8n-nodes-tencent-desk')).toEqual([]);
});

it('names every placeholder still in place (any case) and every missing field', () => {
	const placeholders = {
		...ready,
		author: { name: 'x', email: 'set-before-publish@example.invalid' },
		repository: { url: 'git+https://github.com/SET-BEFORE-PUBLISH/n8n-nodes-tencent-desk.git' },
		bugs: undefined,
	};
	expect(releaseMetadataProblems(placeholders)).toEqual([
		'"author.email" is still a placeholder (set-before-publish@example.invalid)',
		'"bugs.url" is missing',
		'"repository.url" is still a placeholder (git+https://github.com/SET-BEFORE-PUBLISH/n8n-nodes-tencent-desk.git)',
	]);
	expect(releaseMetadataProblems({ ...ready, author: 'Jane <jane@acme.test>' })).toEqual(['"author.name" is missing', '"author.email" is missing']);
});

it('refuses a repository other than the one that publishes (npm provenance would)', () => {
	expect(releaseMetadataProblems(ready, 'someone-else/fork')).toEqual([
		'"repository.url" is git+https://github.com/acme/n8n-nodes-tencent-desk.git, but this workflow runs in github.com/someone-else/fork (npm provenance requires them to match)',
	]);
});

it.each([
	['git+https://github.com/acme/n8n-nodes-x.git', 'acme/n8n-nodes-x'],
	['https://github.com/Acme/N8n-Nodes-X', 'acme/n8n-nodes-x'],
	['https://github.com/acme/x/', 'acme/x'],
	['git@github.com:acme/x.git', undefined],
	['https://gitlab.com/acme/x.git', undefined],
])('githubRepository(%s) = %s', (url, expected) => {
	expect(githubRepository(url)).toBe(expected);
});
