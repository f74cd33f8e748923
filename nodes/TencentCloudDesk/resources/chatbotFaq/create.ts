/** Create (`add_faq`): see questionBank/create.ts, shared with Chatbot Small Talk. */
import { createQuestion, createQuestionDescription } from '../questionBank/create';
import { FAQ_BANK } from '../questionBank/bank';

export const createDescription = createQuestionDescription(FAQ_BANK);
export const create = createQuestion(FAQ_BANK);
