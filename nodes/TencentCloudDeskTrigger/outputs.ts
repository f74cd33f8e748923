/**
 * The trigger's outputs, computed from its parameters. n8n evaluates `outputs` as an
 * expression in the editor with only `$parameter` in scope, so `configuredOutputs` is
 * stringified into it: it must stay self-contained (no imports, no closures, plain ES2019).
 * The event catalogue is passed in as a JSON literal, keeping it in one place. `webhook()`
 * calls the same function to find the output for an event.
 */
import { ALL_EVENTS, DESK_EVENTS, OTHER_OUTPUT_NAME } from '../shared/events';

export interface OutputCatalogue {
	all: string;
	other: string;
	events: Array<{ value: string; name: string }>;
}

export interface ConfiguredOutput {
	type: 'main';
	displayName?: string;
	/** The `Event` values routed here; `*` for the Other output. */
	events: string[];
}

export function configuredOutputs(
	parameters: { routing?: string; events?: string[] | string },
	catalogue: OutputCatalogue,
): ConfiguredOutput[] {
	const raw = parameters.events;
	const chosen = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? [raw] : [];
	const all = chosen.indexOf(catalogue.all) !== -1;
	const selected = catalogue.events.filter(function (event) {
		return all || chosen.indexOf(event.value) !== -1;
	});
	if (parameters.routing !== 'perEvent') {
		const values = selected.map(function (event) {
			return event.value;
		});
		return [{ type: 'main', events: all ? values.concat([catalogue.other]) : values }];
	}
	const outputs: ConfiguredOutput[] = selected.map(function (event) {
		return { type: 'main', displayName: event.name, events: [event.value] };
	});
	if (all) outputs.push({ type: 'main', displayName: catalogue.other, events: [catalogue.other] });
	if (outputs.length === 0) outputs.push({ type: 'main', displayName: 'No Events Selected', events: [] });
	return outputs;
}

export const OUTPUT_CATALOGUE: OutputCatalogue = {
	all: ALL_EVENTS,
	other: OTHER_OUTPUT_NAME,
	events: DESK_EVENTS.map(({ value, name }) => ({ value, name })),
};

// n8n's expression splitter ends `{{ … }}` at the first `}}`, even inside code: a compiler that
// prints two closing braces together (esbuild/tsx, minifiers) would cut the function short and
// n8n would silently show no outputs. A space between two `}` tokens changes nothing in JS.
const outputsSource = configuredOutputs.toString().replace(/\}\}/g, '} }');

export const outputsExpression: `={{${string}}}` = `={{(${outputsSource})($parameter, ${JSON.stringify(OUTPUT_CATALOGUE)})}}`;

/** Index of the output an event goes to, or -1 when it is not selected (acked, dropped). */
export function outputIndexFor(outputs: ConfiguredOutput[], event: string): number {
	const known = OUTPUT_CATALOGUE.events.some((entry) => entry.value === event);
	const index = outputs.findIndex((output) => output.events.includes(event));
	if (index !== -1 || known) return index;
	return outputs.findIndex((output) => output.events.includes(OTHER_OUTPUT_NAME));
}
