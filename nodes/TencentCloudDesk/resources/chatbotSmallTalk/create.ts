/** Create (`add_chitchat`): see questionBank/create.ts, shared with Chatbot FAQ. */
import { createQuestion, createQuestionDescription } from '../questionBank/create';
import { SMALL_TALK_BANK } from '../questionBank/bank';

export const createDescription = createQuestionDescription(SMALL_TALK_BANK);
export const create = createQuestion(SMALL_TALK_BANK);
