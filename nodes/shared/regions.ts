/**
 * Tencent Cloud Chat REST domains, one per data-center region (tencentcloud.com/document/product/1047/34620).
 * The option value is the domain itself so credential expressions can build the URL directly.
 */
export const CUSTOM_REGION = 'custom';

export const REGIONS = [
	{ name: 'China', value: 'console.tim.qq.com' },
	{ name: 'Singapore', value: 'adminapisgp.im.qcloud.com' },
	{ name: 'Seoul', value: 'adminapikr.im.qcloud.com' },
	{ name: 'Tokyo', value: 'adminapijpn.im.qcloud.com' },
	{ name: 'Frankfurt', value: 'adminapiger.im.qcloud.com' },
	{ name: 'Silicon Valley', value: 'adminapiusa.im.qcloud.com' },
	{ name: 'Jakarta', value: 'adminapiidn.im.qcloud.com' },
	{ name: 'Custom (Simulator or Proxy)', value: CUSTOM_REGION },
] as const;

export function restBaseUrl(region: string, customBaseUrl?: string): string {
	if (region === CUSTOM_REGION) return (customBaseUrl ?? '').trim().replace(/\/+$/, '');
	return `https://${region}`;
}

/**
 * restBaseUrl as an n8n expression over `$credentials`, for the credential test (a declarative
 * request, so it cannot call a function). Kept beside restBaseUrl; a unit test holds the two equal.
 */
export const REST_BASE_URL_EXPRESSION = `={{$credentials.region === "${CUSTOM_REGION}" ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : "https://" + $credentials.region}}`;
