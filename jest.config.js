/**
 * Five suites: pure units (Tencent's samples as a contract among them), integration over real HTTP against the simulator, end-to-end in a real n8n (2.x,
 * and its core again on the 1.x LTS line), and n8n in queue mode. The product's tests live in test/; each dev
 * tool's tests sit beside it in dev/<tool>/test/.
 */
const base = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json', diagnostics: false }] },
};

module.exports = {
	projects: [
		{ ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts', '<rootDir>/dev/*/test/unit/**/*.test.ts'] },
		{
			...base,
			displayName: 'integration',
			testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/dev/simulator/test/**/*.test.ts'],
		},
		{
			...base,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/dev/harness/test/*.test.ts', '<rootDir>/dev/bench/test/smoke.test.ts'],
			globalSetup: '<rootDir>/test/helpers/installN8n.ts',
		},
		// The end-to-end core again on n8n's 1.x LTS line (dev/harness/releases.ts).
		{
			...base,
			displayName: 'e2e-lts',
			testMatch: ['<rootDir>/test/e2e/desk.e2e.test.ts'],
			setupFiles: ['<rootDir>/test/helpers/n8nLtsRelease.ts'],
			globalSetup: '<rootDir>/test/helpers/installN8nLts.ts',
		},
		// n8n in queue mode (PostgreSQL, Redis, webhook processors, workers): `npm run test:queue`.
		{
			...base,
			displayName: 'queue',
			testMatch: ['<rootDir>/test/queue/**/*.test.ts', '<rootDir>/dev/bench/test/queue.test.ts'],
			globalSetup: '<rootDir>/test/helpers/installN8n.ts',
		},
	],
};
