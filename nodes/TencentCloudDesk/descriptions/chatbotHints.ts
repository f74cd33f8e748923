/** What every chatbot operation tells the user: Tencent's 5 calls/s cap, and that edits go live at once. */

const RATE = 'Tencent allows 5 chatbot API calls per second per app; the node waits between calls to keep to it.';

/** For operations that read the knowledge base or settings. */
export const CHATBOT_READ_HINT = RATE;

/** For operations that change the knowledge base. */
export const CHATBOT_WRITE_HINT = `Changes the live chatbot at once (Tencent has no draft step). ${RATE}`;
