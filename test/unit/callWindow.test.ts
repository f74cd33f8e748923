/**
 * CallWindow: a call holds its place from its start until a window after its answer, so however late
 * a request arrives at the server, no more than `limit` land in one window. Bounds are one-sided
 * (a slow machine only makes waits longer), so these cannot flake on a busy host.
 */
import { CallWindow } from '../../nodes/shared/transport/callWindow';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('lets `limit` calls in at once, and the next one only a window after the first answer', async () => {
	const window = new CallWindow(2, 200, 5);
	const leaveA = await window.enter();
	const leaveB = await window.enter();
	let thirdIn = 0;
	const third = window.enter().then((leave) => {
		thirdIn = Date.now();
		return leave;
	});
	// Both places are held by calls in flight: the third waits however long they take.
	await tick(150);
	expect(thirdIn).toBe(0);
	const answeredA = Date.now();
	leaveA();
	(await third)();
	expect(thirdIn - answeredA).toBeGreaterThanOrEqual(200);
	leaveB();
});

test('leaving twice frees one place only', async () => {
	const window = new CallWindow(2, 100, 5);
	const leave = await window.enter();
	leave();
	leave();
	await tick(120); // the answer has left the window
	const leaveB = await window.enter();
	const leaveC = await window.enter();
	let thirdIn = false;
	const third = window.enter().then((leaveD) => {
		thirdIn = true;
		return leaveD;
	});
	await tick(60);
	expect(thirdIn).toBe(false);
	leaveB();
	leaveC();
	(await third)();
});
