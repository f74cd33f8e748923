/** Update (`update_faq` / `update_chitchat`): change an existing question; only the fields the user set are sent. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CHATBOT_WRITE_HINT } from '../../descriptions/chatbotHints';
import { updateFieldsCollection } from '../../descriptions/fieldCollections';
import { optionsCollection } from '../../../shared/requestOptions';
import { updatedResult } from '../../helpers/answer';
import { nothingToUpdate, requiredString } from '../../helpers/parameters';
import type { OperationHandler } from '../types';
import { byParameter, writeOperation } from '../writeOperation';
import { answerTypeField, type QuestionBank } from './bank';
import { categoryFrom } from './categoryParameter';

export function questionIdField(bank: QuestionBank, operation: string, hint?: string): INodeProperties {
	return {
		displayName: 'Question ID',
		name: 'questionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1721001306-@RBT#DeskDefaultRobot-…',
		description: `The ${bank.noun}’s StandardQuestionId, as Get Many returns it`,
		hint,
		displayOptions: { show: { resource: [bank.resource], operation: [operation] } },
	};
}

export function updateQuestionDescription(bank: QuestionBank): INodeProperties[] {
	const show = { resource: [bank.resource], operation: ['update'] };
	return [
		questionIdField(bank, 'update', CHATBOT_WRITE_HINT),
		updateFieldsCollection(show, { description: 'Only the fields added here are sent; the others stay as they are' }, [
			{ displayName: 'Answer', name: 'answer', type: 'string', typeOptions: { rows: 4 }, default: '' },
			answerTypeField,
			bank.categoryLocator('category', undefined, {
				description: `Move the ${bank.noun} to this category`,
				displayOptions: undefined,
			}),
			{ displayName: 'Question', name: 'question', type: 'string', default: '', description: 'New wording of the standard question' },
		]),
		optionsCollection(bank.resource, 'update'),
	];
}

/** Writes to one question go in item order; an update sets the given fields, so a repeat changes nothing. */
export function updateQuestion(bank: QuestionBank): OperationHandler {
	return writeOperation({ target: byParameter('questionId'), retry: 'repeatable' }, async function (this: IExecuteFunctions, client, itemIndex): Promise<IDataObject> {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as {
			answer?: string;
			answerType?: number;
			category?: unknown;
			question?: string;
		};
		const body: IDataObject = { StandardQuestionId: requiredString(this, 'questionId', 'Question ID', itemIndex) };
		if (fields.question?.trim()) body.Question = fields.question.trim();
		if (fields.answer?.trim()) body.Answer = fields.answer;
		if (fields.answerType !== undefined) body.AnswerType = fields.answerType;
		const categoryId = categoryFrom(fields.category);
		if (categoryId !== undefined) body.CategoryId = categoryId;
		if (Object.keys(body).length === 1) {
			throw nothingToUpdate(this, itemIndex, { description: 'Add at least one field under Update Fields (Question, Answer, Answer Type or Category).' });
		}
		const answer = await client.openImConsole(bank.commands.update, body, { itemIndex });
		return updatedResult(body, answer);
	});
}
