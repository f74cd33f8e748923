/** Checks send_msg's MsgBody against Tencent's message element types (reference §5). */
import type { MsgElement } from '../types';
import { invalidParameter } from './params';

const ELEMENT_TYPES = [
	'TIMTextElem',
	'TIMLocationElem',
	'TIMFaceElem',
	'TIMCustomElem',
	'TIMSoundElem',
	'TIMImageElem',
	'TIMFileElem',
	'TIMVideoFileElem',
	'TIMRelayElem',
];

/** String fields an element cannot do without (the rest are passed through unchecked). */
const REQUIRED_STRINGS: Readonly<Record<string, string>> = { TIMTextElem: 'Text', TIMCustomElem: 'Data' };

export function parseMsgBody(value: unknown): MsgElement[] {
	if (!Array.isArray(value) || value.length === 0) throw invalidParameter('MsgBody', 'must be a non-empty array of {MsgType, MsgContent}');
	return value.map((element: unknown, index) => {
		const name = `MsgBody[${index}]`;
		if (!isObject(element)) throw invalidParameter(name, 'must be an object {MsgType, MsgContent}');
		const { MsgType: type, MsgContent: content } = element;
		if (typeof type !== 'string' || !ELEMENT_TYPES.includes(type)) {
			throw invalidParameter(`${name}.MsgType`, `must be one of ${ELEMENT_TYPES.join(', ')}`);
		}
		if (!isObject(content)) throw invalidParameter(`${name}.MsgContent`, 'must be an object');
		const field = REQUIRED_STRINGS[type];
		if (field && typeof content[field] !== 'string') throw invalidParameter(`${name}.MsgContent.${field}`, `must be a string for ${type}`);
		return { MsgType: type, MsgContent: content };
	});
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
