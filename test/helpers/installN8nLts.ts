/** Jest globalSetup of the e2e-lts project: the 1.x LTS release (see installN8n.ts). */
import { installRelease } from './installN8n';

export default installRelease('lts');
