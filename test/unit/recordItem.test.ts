import { byEndTime, recordEndSeconds, recordItem } from '../../nodes/TencentCloudDeskSessionRecordTrigger/recordItem';

describe('recordItem', () => {
	it('keeps every field as Desk sent it and adds the start and end (Timestamp + Duration) in ISO 8601', () => {
		const record = { SessionId: 's', Timestamp: 1_764_662_260, Duration: 140, EndStatus: 'SessionUserEnd', Unknown: { a: 1 } };
		expect(recordItem(record)).toEqual({
			...record,
			startTime: '2025-12-02T07:57:40.000Z',
			endTime: '2025-12-02T08:00:00.000Z',
		});
	});

	it('null times when Desk leaves them out; a missing Duration counts as 0', () => {
		expect(recordItem({ SessionId: 's' })).toEqual({ SessionId: 's', startTime: null, endTime: null });
		expect(recordItem({ SessionId: 's', Timestamp: '1764662260' })).toMatchObject({ startTime: null, endTime: null });
		expect(recordEndSeconds({ Timestamp: 100 })).toBe(100);
	});

	it('orders by end, oldest first, records without times last', () => {
		const records = [
			{ SessionId: 'none' },
			{ SessionId: 'late', Timestamp: 100, Duration: 50 },
			{ SessionId: 'early', Timestamp: 120, Duration: 10 },
		];
		expect([...records].sort(byEndTime).map((record) => record.SessionId)).toEqual(['early', 'late', 'none']);
	});
});
