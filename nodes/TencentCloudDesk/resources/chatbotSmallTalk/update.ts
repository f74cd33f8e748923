/** Update (`update_chitchat`): see questionBank/update.ts, shared with Chatbot FAQ. */
import { updateQuestion, updateQuestionDescription } from '../questionBank/update';
import { SMALL_TALK_BANK } from '../questionBank/bank';

export const updateDescription = updateQuestionDescription(SMALL_TALK_BANK);
export const update = updateQuestion(SMALL_TALK_BANK);
