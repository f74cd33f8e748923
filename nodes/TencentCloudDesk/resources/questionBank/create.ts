/** Create (`add_faq` / `add_chitchat`): a new question with its answer, live on the bot at once. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CHATBOT_WRITE_HINT } from '../../descriptions/chatbotHints';
import { additionalFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { createdResult } from '../../helpers/answer';
import { requiredString } from '../../helpers/parameters';
import type { OperationHandler } from '../types';
import { byLocator, writeOperation } from '../writeOperation';
import { answerTypeField, LANGUAGE_TAG_HINT, type QuestionBank } from './bank';
import { categoryParameter } from './categoryParameter';

/** One similar phrasing per line; blank lines dropped. */
export function similarQuestions(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

export function createQuestionDescription(bank: QuestionBank): INodeProperties[] {
	const show = { resource: [bank.resource], operation: ['create'] };
	return [
		bank.categoryLocator('category', show, {
			required: true,
			description: `The category the ${bank.noun} goes into (CategoryId).`,
		}),
		{
			displayName: 'Question',
			name: 'question',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'How do I reset my password?',
			description: 'The standard question the bot matches customers’ messages against',
			hint: `${CHATBOT_WRITE_HINT} If the output has no ID for the new question, Get Many with the question as search text finds it.`,
			displayOptions: { show },
		},
		{
			displayName: 'Answer',
			name: 'answer',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'What the bot replies when the question matches',
			displayOptions: { show },
		},
		{ ...answerTypeField, displayOptions: { show } },
		additionalFieldsCollection(show, [
			{
				displayName: 'Similar Questions',
				name: 'similarQuestions',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Other phrasings of the question that should get the same answer, one per line',
			},
			...(bank.hasLanguageTag
				? [
						{
							displayName: 'Language Tag',
							name: 'languageTag',
							type: 'string' as const,
							default: '',
							description: 'The language of the question (LanguageTag)',
							hint: LANGUAGE_TAG_HINT,
						},
					]
				: []),
		]),
		optionsCollection(bank.resource, 'create'),
	];
}

/** Questions into one category are added in item order; sent once, since a repeat would add the question twice. */
export function createQuestion(bank: QuestionBank): OperationHandler {
	return writeOperation({ target: byLocator('category'), retry: 'once' }, async function (this: IExecuteFunctions, client, itemIndex): Promise<IDataObject> {
		const categoryId = categoryParameter(this, 'category', itemIndex);
		if (categoryId === undefined) {
			throw new NodeOperationError(this.getNode(), 'Category is empty', {
				itemIndex,
				description: `Pick the category for the ${bank.noun}, or enter its ID.`,
			});
		}
		const body: IDataObject = {
			CategoryId: categoryId,
			Question: requiredString(this, 'question', 'Question', itemIndex),
			Answer: requiredString(this, 'answer', 'Answer', itemIndex),
			AnswerType: this.getNodeParameter('answerType', itemIndex, 0) as number,
		};
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as { similarQuestions?: string; languageTag?: string };
		const similar = similarQuestions(extra.similarQuestions ?? '');
		if (similar.length > 0) body.SimilarQuestions = similar;
		if (bank.hasLanguageTag && extra.languageTag?.trim()) body.LanguageTag = extra.languageTag.trim();
		const answer = await client.openImConsole(bank.commands.add, body, { itemIndex });
		// Tencent's docs do not show add_*'s answer; whatever it returns (a new ID, say) is passed on.
		return createdResult(body, answer);
	});
}
