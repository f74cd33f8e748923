/** Queue-mode variant of the real-n8n harness: PostgreSQL + Redis + main + webhook processors + workers. */
export { startQueueCluster } from './cluster';
export type { N8nRole, N8nRoleProcess, QueueCluster, QueueClusterOptions } from './cluster';
export { startPostgres, postgresBinDir } from './postgres';
export { queueModeMissing } from './prerequisites';
export type { PostgresServer } from './postgres';
export { startRedis, redisServerBin } from './redis';
export type { RedisServer } from './redis';
export { startWebhookProxy } from './proxy';
export type { ProxyDelivery, ProxyStrategy, WebhookProxy } from './proxy';
export { executionRows, executionStatusCounts, openExecutions, waitForSettledExecutions } from './executionsDb';
export type { ExecutionRow } from './executionsDb';
export { repeatedDeliveries, sendBurst, sessionEventPayload, uniqueDeliveries } from './burst';
export type { BurstDelivery, BurstOutcome, BurstResult, CallbackSource } from './burst';
export { burstWorkflow, HANDLE_ONCE, QUEUE_TRIGGER } from './workflows';
export type { BurstWorkflowOptions } from './workflows';
