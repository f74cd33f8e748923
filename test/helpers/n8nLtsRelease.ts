/** Jest setup of the e2e-lts project: the harness boots n8n's 1.x LTS release (dev/harness/releases.ts). */
process.env.N8N_HARNESS_N8N = 'lts';
