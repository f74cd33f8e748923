/** Update (`update_faq`): see questionBank/update.ts, shared with Chatbot Small Talk. */
import { updateQuestion, updateQuestionDescription } from '../questionBank/update';
import { FAQ_BANK } from '../questionBank/bank';

export const updateDescription = updateQuestionDescription(FAQ_BANK);
export const update = updateQuestion(FAQ_BANK);
