import type { INodeProperties } from 'n8n-workflow';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** The Session ID every session operation starts from, usually mapped from the trigger. */
export function sessionIdField(show: Show): INodeProperties {
	return {
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'b0f4ca12-4850-4218-a284-efe679a87066',
		hint: 'After the Tencent Cloud Desk Trigger, use {{ $json.SessionId }}',
		displayOptions: { show },
	};
}
