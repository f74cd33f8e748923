/** What each answer the node offers is made of: the decision it answers, its fields, and how it is built. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DecisionAnswer } from '../../shared/decisionAnswers';
import type { DecisionKind } from '../../shared/decisionCallbacks';

export interface AnswerKind {
	/** The `answer` parameter's value; permanent once workflows are saved with it. */
	value: string;
	/** As the editor lists it. */
	name: string;
	action: string;
	description: string;
	/** The Decision Trigger setting this answer fits. */
	decision: DecisionKind;
	properties: INodeProperties[];
	/** Builds the answer from the first item's parameters; throws InvalidAnswerError for one Desk could not read. */
	build: (context: IExecuteFunctions) => DecisionAnswer;
}

/** displayOptions for one answer's fields. */
export const showFor = (value: string) => ({ show: { answer: [value] } });
