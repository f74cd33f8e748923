/** The answers the node offers, one per file; each names the decision it fits. */
import { allowOrRefuseContact } from './allowOrRefuseContact';
import type { AnswerKind } from './answerKind';
import { letDeskDecide } from './letDeskDecide';
import { routeToAgents } from './routeToAgents';
import { setChatbotVariables } from './setChatbotVariables';

export type { AnswerKind } from './answerKind';

export const ANSWER_KINDS: readonly AnswerKind[] = [routeToAgents, letDeskDecide, setChatbotVariables, allowOrRefuseContact];

export function answerKind(value: string): AnswerKind | undefined {
	return ANSWER_KINDS.find((kind) => kind.value === value);
}
