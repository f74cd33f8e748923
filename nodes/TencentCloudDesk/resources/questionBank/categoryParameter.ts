/** Reading a category picker wherever it sits: top level, or inside a collection (where n8n leaves it as { mode, value }). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from '../../helpers/parameters';
import { categoryIdValue } from './bank';

/** The category's ID, or undefined when nothing was picked. */
export function categoryFrom(raw: unknown): number | string | undefined {
	const value = raw && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw;
	const text = String(value ?? '').trim();
	return text ? categoryIdValue(text) : undefined;
}

/** A top-level category picker; undefined when empty. */
export function categoryParameter(context: IExecuteFunctions, name: string, itemIndex: number): number | string | undefined {
	return categoryFrom(locatorValue(context, name, itemIndex));
}
