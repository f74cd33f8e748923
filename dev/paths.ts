/** Where the repository's own folders are, for dev tooling that reads or runs them (one place, so a move changes one line). */
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
/** tsx's CLI, run with the current Node so children need no PATH lookup. */
export const TSX_CLI = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
