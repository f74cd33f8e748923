/**
 * Real-n8n harness: install (cached) Node 24 + n8n 2.41.1, install this package as a community node,
 * boot n8n headless on loopback, drive it over its APIs, tear it down.
 *
 *   const n8n = await startN8n();            // builds + packs this repo unless packageTarball is given
 *   const wf = await n8n.api.createWorkflow(json);
 *   await n8n.api.activateWorkflow(wf.id);
 *   await n8n.stop();
 */
export { startN8n, parseTrailingJson, isInstanceRunning } from './instance';
export type { N8nInstance, StartN8nOptions, HeadlessRunResult } from './instance';
export { startN8nProcess } from './n8nProcess';
export type { N8nCommand, N8nProcess, StartN8nProcessOptions } from './n8nProcess';
export { startServer } from './server';
export type { Server, ServerLaunch, StartServerOptions } from './server';
export { N8nApiClient, FINISHED_STATUSES } from './api';
export type { CredentialRef, CredentialTestResult, Execution, ExecutionStatus, PublicationStatus, WebhookCallResult, WorkflowRef } from './api';
export { ensureRuntime, ensureNode, defaultCacheDir, N8N_VERSION } from './install';
export type { Runtime, InstallOptions } from './install';
export { packPackage, installPackageInto, REPO_DIR } from './pack';
export type { InstallMode, PackOptions } from './pack';
export { stopAllProcesses, stopProcessGroup, registeredProcesses, groupMembers, isGroupAlive, isAlive, isRunning } from './processes';
export { chainConnections, toPublicWorkflowBody } from './workflow';
export type { WorkflowJson, WorkflowNodeJson } from './workflow';
export { DEFAULT_OWNER } from './owner';
export type { OwnerAccount } from './owner';
export { n8nEnv, TEST_ENCRYPTION_KEY } from './env';
export { HttpError } from './http';
export type { Logger } from './log';
