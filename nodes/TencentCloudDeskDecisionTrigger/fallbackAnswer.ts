/**
 * The answer Desk gets when the workflow does not give one in time, built from the trigger's
 * Fallback parameters. Always a readable answer: a fallback that cannot be built (no skill group
 * picked, say) becomes a plain failure answer rather than no answer.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { DecisionKind } from '../shared/decisionCallbacks';
import {
	contactAnswer,
	failureAnswer,
	InvalidAnswerError,
	routeAnswer,
	variablesAnswer,
	type DecisionAnswer,
} from '../shared/decisionAnswers';

interface VariableRows {
	variable?: Array<{ name?: string; value?: string }>;
}

const BUILDERS: Readonly<Record<DecisionKind, (context: IWebhookFunctions) => DecisionAnswer>> = {
	assignHuman: (context) => {
		if (context.getNodeParameter('fallbackRouting', 'skillGroup') === 'deskDefault') {
			return failureAnswer('Routing left to Desk');
		}
		return routeAnswer({ agentGroupId: context.getNodeParameter('fallbackSkillGroup', '', { extractValue: true }) });
	},
	apiCall: (context) => {
		if (context.getNodeParameter('fallbackApiCall', 'variables') === 'fail') return failureAnswer('No answer from the business server');
		const rows = (context.getNodeParameter('fallbackVariables', {}) as VariableRows).variable ?? [];
		return variablesAnswer(Object.fromEntries(rows.filter((row) => row.name).map((row) => [row.name as string, row.value ?? ''])));
	},
	beforeContact: (context) => contactAnswer(context.getNodeParameter('fallbackContact', 'allow') === 'allow'),
};

export function fallbackAnswer(context: IWebhookFunctions, decision: DecisionKind): DecisionAnswer {
	try {
		return BUILDERS[decision](context);
	} catch (error) {
		// Never no answer: a fallback that cannot be built is still answered, as a failure.
		const reason = error instanceof InvalidAnswerError ? error.message : 'its parameters could not be read';
		return failureAnswer(`Fallback not usable: ${reason}`);
	}
}
