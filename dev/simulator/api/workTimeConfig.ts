/**
 * WorkTimeConfig of add_im_agent / update_im_agent and the conversation settings: Type 0 (no
 * work-time check), 1 (weekly plan in Periods) or 2 (statutory workdays, LegalWorkTime).
 * NOT FOUND: LegalWorkTime's entries beyond WorkTimeType (the docs are truncated), so Type 2 is
 * only checked to carry an array.
 */
import { invalidParameter } from './params';
import { requiredObject } from './serviceParams';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkWorkTimeConfig(holder: Record<string, unknown>, where: string): void {
	if (holder.WorkTimeConfig === undefined) return;
	const name = `${where}WorkTimeConfig`;
	const config = requiredObject(holder, 'WorkTimeConfig');
	if (![0, 1, 2].includes(config.Type as number)) throw invalidParameter(`${name}.Type`, 'must be 0, 1 or 2');
	if (config.Type === 2 && !Array.isArray(config.LegalWorkTime)) throw invalidParameter(`${name}.LegalWorkTime`, 'is required with Type 2');
	if (config.Type !== 1) return;
	if (!Array.isArray(config.Periods) || config.Periods.length === 0) throw invalidParameter(`${name}.Periods`, 'is required with Type 1');
	for (const period of config.Periods as Array<Record<string, unknown>>) {
		if (!DAYS.includes(period?.Day as string)) throw invalidParameter(`${name}.Periods.Day`, `must be one of ${DAYS.join(', ')}`);
		const slots = period.PeriodsWithinOneDay;
		if (!Array.isArray(slots) || slots.length === 0) throw invalidParameter(`${name}.Periods.PeriodsWithinOneDay`, 'is required');
		for (const slot of slots as Array<Record<string, unknown>>) {
			const start = slot?.Start;
			const end = slot?.End;
			if (typeof start !== 'string' || typeof end !== 'string' || !HH_MM.test(start) || !HH_MM.test(end) || start >= end) {
				throw invalidParameter(`${name}.Periods.PeriodsWithinOneDay`, 'needs Start and End as HH:MM with Start before End');
			}
		}
	}
}
