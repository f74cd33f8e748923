/** The minimal trigger's package and node type (pack.ts builds the package; workflows.ts uses the type). */
export const MINIMAL_PACKAGE = 'n8n-nodes-bench-minimal-trigger';
export const MINIMAL_TRIGGER_TYPE = `${MINIMAL_PACKAGE}.benchMinimalTrigger`;
