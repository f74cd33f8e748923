/**
 * The publish workflow's gate on package.json: the author email and the repository, homepage and
 * bugs URLs ship in placeholder form (the maintainer's real values are not known to this repo), and
 * the scanner accepts those, so nothing else would stop them reaching npm. Fails with the fields
 * still to set, and (in GitHub Actions) when `repository` is not the repository that publishes:
 * npm provenance ties the package to that repository.
 *
 * Usage: tsx dev/tools/releaseMetadata.ts [package.json]   (npm run release:check)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO_ROOT } from '../paths';

/** Every placeholder value in package.json contains this, so one search finds them all. */
export const PLACEHOLDER_MARKER = 'set-before-publish';

/** The fields a maintainer sets before the first publish. */
export const RELEASE_FIELDS = ['author.name', 'author.email', 'homepage', 'bugs.url', 'repository.url'] as const;

function valueAt(pkg: unknown, field: string): unknown {
	return field.split('.').reduce<unknown>((value, key) => {
		if (typeof value !== 'object' || value === null) return undefined;
		return (value as Record<string, unknown>)[key];
	}, pkg);
}

/** `git+https://github.com/Owner/Repo.git` → `owner/repo`; undefined when not a GitHub URL. */
export function githubRepository(url: string): string | undefined {
	const match = /^(?:git\+)?https:\/\/github\.com\/([^/]+)\/([^/#?]+?)(?:\.git)?\/?$/i.exec(url);
	return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

/**
 * What stops this package.json from being published: empty or placeholder release fields, and a
 * repository that is not `publishingRepository` (`owner/name`, GitHub's GITHUB_REPOSITORY) when given.
 */
export function releaseMetadataProblems(pkg: unknown, publishingRepository?: string): string[] {
	const problems: string[] = [];
	for (const field of RELEASE_FIELDS) {
		const value = valueAt(pkg, field);
		if (typeof value !== 'string' || value.trim() === '') {
			problems.push(`"${field}" is missing`);
		} else if (value.toLowerCase().includes(PLACEHOLDER_MARKER)) {
			problems.push(`"${field}" is still a placeholder (${value})`);
		}
	}
	const repositoryUrl = valueAt(pkg, 'repository.url');
	if (publishingRepository && typeof repositoryUrl === 'string') {
		const declared = githubRepository(repositoryUrl);
		if (declared !== publishingRepository.toLowerCase()) {
			problems.push(
				`"repository.url" is ${repositoryUrl}, but this workflow runs in github.com/${publishingRepository} (npm provenance requires them to match)`,
			);
		}
	}
	return problems;
}

if (require.main === module) {
	const file = process.argv[2] ?? join(REPO_ROOT, 'package.json');
	const problems = releaseMetadataProblems(JSON.parse(readFileSync(file, 'utf8')), process.env.GITHUB_REPOSITORY);
	if (problems.length > 0) {
		process.stderr.write(
			`release:check: ${file} is not ready to publish. Set these before the first release (docs/DEVELOPMENT.md, "Releasing"):\n` +
				problems.map((problem) => `  - ${problem}\n`).join(''),
		);
		process.exitCode = 1;
	} else {
		process.stdout.write(`release:check: ${file}: author, homepage, bugs and repository are set\n`);
	}
}
