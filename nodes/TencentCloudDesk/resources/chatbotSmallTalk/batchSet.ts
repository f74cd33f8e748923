/** Batch Set (`batch_set_chitchat`): see questionBank/batchSet.ts, shared with Chatbot FAQ. */
import { batchSetQuestions, batchSetQuestionsDescription } from '../questionBank/batchSet';
import { SMALL_TALK_BANK } from '../questionBank/bank';

export const batchSetDescription = batchSetQuestionsDescription(SMALL_TALK_BANK);
export const batchSet = batchSetQuestions(SMALL_TALK_BANK);
