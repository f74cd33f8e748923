/** The name of this package's credential type, as nodes ask n8n for it (credentials/TencentCloudDeskApi). */
export const CREDENTIAL_TYPE = 'tencentCloudDeskApi';
