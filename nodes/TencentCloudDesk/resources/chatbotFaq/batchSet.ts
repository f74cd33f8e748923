/** Batch Set (`batch_set_faq`): see questionBank/batchSet.ts, shared with Chatbot Small Talk. */
import { batchSetQuestions, batchSetQuestionsDescription } from '../questionBank/batchSet';
import { FAQ_BANK } from '../questionBank/bank';

export const batchSetDescription = batchSetQuestionsDescription(FAQ_BANK);
export const batchSet = batchSetQuestions(FAQ_BANK);
