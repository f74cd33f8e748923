/** Get Many (`list_chitchat`): see questionBank/getAll.ts, shared with Chatbot FAQ. */
import { getManyQuestions, getManyQuestionsDescription } from '../questionBank/getAll';
import { SMALL_TALK_BANK } from '../questionBank/bank';

export const getAllDescription = getManyQuestionsDescription(SMALL_TALK_BANK);
export const getAll = getManyQuestions(SMALL_TALK_BANK);
