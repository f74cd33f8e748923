/** Get Many (`list_faq`): see questionBank/getAll.ts, shared with Chatbot Small Talk. */
import { getManyQuestions, getManyQuestionsDescription } from '../questionBank/getAll';
import { FAQ_BANK } from '../questionBank/bank';

export const getAllDescription = getManyQuestionsDescription(FAQ_BANK);
export const getAll = getManyQuestions(FAQ_BANK);
