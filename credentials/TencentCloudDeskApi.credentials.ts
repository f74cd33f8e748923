import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { DESK_ERRORS } from '../nodes/shared/errorCodes';
import { CUSTOM_REGION, REGIONS, REST_BASE_URL_EXPRESSION } from '../nodes/shared/regions';
import { signedQuery } from '../nodes/shared/signedQuery';

/** Credential-field errors, most specific first: the credential test reports the first match. */
const credentialTestRules: ICredentialTestRequest['rules'] = [
	...Object.entries(DESK_ERRORS)
		.filter(([, info]) => info.kind === 'credential' || info.kind === 'account')
		.map(([code, info]) => ({
			type: 'responseSuccessBody' as const,
			properties: {
				key: 'ErrorCode',
				value: Number(code),
				message: `${info.field ? `${info.field}: ` : ''}${info.meaning} (Tencent error ${code}). ${info.fix}.`,
			},
		})),
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'ActionStatus',
			value: 'FAIL',
			message: 'Tencent refused the test call. Check the SDKAppID, Admin Identifier, Secret Key and Region.',
		},
	},
];

export class TencentCloudDeskApi implements ICredentialType {
	name = 'tencentCloudDeskApi';

	displayName = 'Tencent Cloud Desk API';

	icon = {
		light: 'file:../nodes/TencentCloudDesk/tencentCloudDesk.svg',
		dark: 'file:../nodes/TencentCloudDesk/tencentCloudDesk.dark.svg',
	} as const;

	documentationUrl = 'https://www.tencentcloud.com/document/product/1047/34580';

	properties: INodeProperties[] = [
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			type: 'number',
			default: '',
			required: true,
			placeholder: '1400000000',
			description:
				'The app’s SDKAppID, shown in the Chat console under Applications → your app → Basic Information',
		},
		{
			displayName: 'Admin Identifier',
			name: 'identifier',
			type: 'string',
			default: 'administrator',
			required: true,
			hint: 'Must be an App admin account (Chat console → Account Management → App Admin)',
			description: 'The UserID the REST calls are made as',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The app’s key, shown in the Chat console under Applications → your app → Basic Information → Key. Used only to sign requests on this machine; it is never sent.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: REGIONS.map(({ name, value }) => ({ name, value })),
			default: 'adminapisgp.im.qcloud.com',
			description: 'The data center the app was created in; each region has its own REST domain',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8089',
			description: 'Where to send REST calls instead of Tencent: the local Desk simulator or your proxy',
			displayOptions: { show: { region: [CUSTOM_REGION] } },
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The token set under Chat console → Callback Configuration → Callback Authentication. When set, the trigger rejects callbacks whose signature does not match.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, qs: { ...requestOptions.qs, ...signedQuery(credentials) } };
	}

	// A cheap admin-only call: it checks every field without touching any Desk data.
	test: ICredentialTestRequest = {
		request: {
			baseURL: REST_BASE_URL_EXPRESSION,
			url: '/v4/im_open_login_svc/account_check',
			method: 'POST',
			body: { CheckItem: [{ UserID: '={{$credentials.identifier}}' }] },
			json: true,
		},
		rules: credentialTestRules,
	};
}
