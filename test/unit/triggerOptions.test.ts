/** The trigger applies exactly the option defaults the editor shows, and what the user set wins. */
import { resolveTriggerOptions, TRIGGER_OPTION_DEFAULTS } from '../../nodes/TencentCloudDeskTrigger/triggerProperties';

test('defaults come from the Options collection', () => {
	expect(TRIGGER_OPTION_DEFAULTS).toEqual({
		toleranceSeconds: 60,
		ignoreRepeatedDeliveries: true,
		deduplicationMinutes: 10,
		allowOtherCommands: false,
	});
});

test('what the user set overrides the defaults, the rest stay', () => {
	expect(resolveTriggerOptions({ toleranceSeconds: 5, ignoreRepeatedDeliveries: false })).toEqual({
		toleranceSeconds: 5,
		ignoreRepeatedDeliveries: false,
		deduplicationMinutes: 10,
		allowOtherCommands: false,
	});
});
