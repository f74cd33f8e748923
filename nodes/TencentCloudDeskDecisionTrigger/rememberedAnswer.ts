/**
 * The answer Desk got for the first delivery of a callback, kept for the repeat window: Desk
 * repeats a callback when it lost the reply, and the repeat must get the same decision, not the
 * fallback. A repeat that arrives while the first is still being decided waits for its answer
 * (its own deadline still holds).
 */
export class RememberedAnswer {
	private text: string | undefined;
	private waiting: Array<(answerText: string) => void> = [];

	answered(answerText: string): void {
		if (this.text !== undefined) return;
		this.text = answerText;
		for (const give of this.waiting) give(answerText);
		this.waiting = [];
	}

	/** Calls `give` with the answer: now when there is one, else when it comes. */
	whenAnswered(give: (answerText: string) => void): void {
		if (this.text !== undefined) give(this.text);
		else this.waiting.push(give);
	}
}
