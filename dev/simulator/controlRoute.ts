/** The shape of a control API route (`/_simulator/…`), shared by the route tables. */
export type Json = Record<string, unknown>;

/** Answered as HTTP `status` with `{ error: message }`. */
export class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export type ControlRoute<S> = (sim: S, body: Json, params: string[]) => unknown | Promise<unknown>;

export interface RouteEntry<S> {
	method: string;
	path: RegExp;
	route: ControlRoute<S>;
	/** One line for the index at GET /_simulator/. */
	help: string;
}
