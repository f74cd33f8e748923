/**
 * Streaming bot messages being sent with send_stream_msg: the first chunk opens one and gets its
 * MsgKey, later chunks name that key, and `Finish: 1` closes it into one message of the session.
 */
import { randomInt } from 'crypto';

export interface OpenStream {
	msgKey: string;
	sessionId: string;
	text: string;
}

export class StreamMessages {
	private readonly open = new Map<string, OpenStream>();
	private seq = 0;

	start(sessionId: string, chunk: string): OpenStream {
		// Shaped like the docs' sample key "124_1600045926_716f784b2bbd6ce9415027715".
		const msgKey = `${++this.seq}_${Math.floor(Date.now() / 1000)}_${randomInt(0, 2 ** 32).toString(16)}${randomInt(0, 2 ** 32).toString(16)}`;
		const stream = { msgKey, sessionId, text: chunk };
		this.open.set(msgKey, stream);
		return { ...stream };
	}

	find(msgKey: string): OpenStream | undefined {
		const stream = this.open.get(msgKey);
		return stream && { ...stream };
	}

	append(msgKey: string, chunk: string): OpenStream | undefined {
		const stream = this.open.get(msgKey);
		if (!stream) return undefined;
		stream.text += chunk;
		return { ...stream };
	}

	close(msgKey: string): void {
		this.open.delete(msgKey);
	}
}
