import { inflateSync } from 'zlib';

import { TencentCloudDeskApi } from '../../credentials/TencentCloudDeskApi.credentials';
import { USER_SIG_VALIDITY_SECONDS } from '../../nodes/shared/signedQuery';
import { decodeUserSig, hasValidSignature } from '../../dev/simulator/userSigCheck';

const credential = new TencentCloudDeskApi();
const values = {
	sdkAppId: 1400000001,
	identifier: 'administrator',
	secretKey: 'a'.repeat(64),
	region: 'adminapisgp.im.qcloud.com',
	baseUrl: '',
	callbackToken: '',
};

describe('Tencent Cloud Desk API credential', () => {
	it('signs every request in the query, keeping what was there', async () => {
		const now = Math.floor(Date.now() / 1000);
		const signed = await credential.authenticate(values, {
			url: 'https://example.test/v4/desk_http_svc/get_session_state',
			qs: { keep: 'me' },
		});
		const qs = signed.qs as Record<string, unknown>;
		expect(qs).toMatchObject({ keep: 'me', sdkappid: 1400000001, identifier: 'administrator', contenttype: 'json' });
		const decoded = decodeUserSig(String(qs.usersig), inflateSync);
		expect(decoded).toMatchObject({ sdkAppId: 1400000001, identifier: 'administrator', expire: USER_SIG_VALIDITY_SECONDS });
		expect(Math.abs(decoded.time - now)).toBeLessThanOrEqual(2);
		expect(hasValidSignature(decoded, values.secretKey)).toBe(true);
	});

	it('uses a fresh uint32 random per request', async () => {
		const randoms = new Set<number>();
		for (let i = 0; i < 50; i++) {
			const { qs } = await credential.authenticate(values, { url: '/' });
			const random = Number((qs as Record<string, unknown>).random);
			expect(Number.isInteger(random) && random >= 0 && random <= 0xffffffff).toBe(true);
			randoms.add(random);
		}
		expect(randoms.size).toBeGreaterThan(45);
	});

	it('has a test that names the wrong field for credential error codes', () => {
		const rules = credential.test.rules ?? [];
		const byCode = (code: number) =>
			rules.find((rule) => rule.type === 'responseSuccessBody' && rule.properties.value === code);
		expect(byCode(70003)?.properties.message).toMatch(/^Secret Key: Secret Key does not match this SDKAppID \(Tencent error 70003\)/);
		expect(byCode(60006)?.properties.message).toMatch(/^SDKAppID:/);
		expect(byCode(60010)?.properties.message).toMatch(/^Admin Identifier:/);
		expect(byCode(141005)).toBeUndefined(); // not a credential problem
		// The catch-all comes last so specific messages win.
		expect(rules[rules.length - 1].properties).toMatchObject({ key: 'ActionStatus', value: 'FAIL' });
	});

	it('marks secrets as passwords', () => {
		const passwords = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(passwords.sort()).toEqual(['callbackToken', 'secretKey']);
	});
});
