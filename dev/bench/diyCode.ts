/**
 * The JavaScript a competent user would paste into n8n Code nodes to do without this package.
 * They run in n8n's task runner, which needs `NODE_FUNCTION_ALLOW_BUILTIN=crypto,zlib` to `require`
 * Node's crypto and zlib (the benchmark sets it on every instance it boots).
 */

/**
 * Code node after a Webhook: keep only genuine Desk callbacks. Checks SdkAppid, then
 * Sign = sha256(token + RequestTime) (timing-safe) and a 60 s clock tolerance, as Tencent documents.
 * Forged items are dropped (the Webhook already acknowledged them).
 */
export function verifyCallbackCode(sdkAppId: string, callbackToken: string): string {
	return `const crypto = require('crypto');
const SDK_APP_ID = ${JSON.stringify(sdkAppId)};
const TOKEN = ${JSON.stringify(callbackToken)};
const TOLERANCE_SECONDS = 60;

const genuine = [];
for (const item of $input.all()) {
  const query = item.json.query || {};
  if (query.SdkAppid !== SDK_APP_ID) continue;
  const requestTime = String(query.RequestTime || '');
  if (!/^\\d{1,12}$/.test(requestTime)) continue;
  if (Math.abs(Date.now() / 1000 - Number(requestTime)) > TOLERANCE_SECONDS) continue;
  const expected = Buffer.from(crypto.createHash('sha256').update(TOKEN + requestTime).digest('hex'));
  const actual = Buffer.from(String(query.Sign || ''));
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) continue;
  genuine.push({ json: { ...item.json.body, callback: query } });
}
return genuine;
`;
}

/**
 * Code node before an HTTP Request node: a fresh TLSSigAPIv2 UserSig and a random uint32 per item,
 * exactly as Tencent's official Node library computes it (HMAC-SHA256, JSON, zlib deflate, URL-safe base64).
 */
export function userSigCode(sdkAppId: number, identifier: string, secretKey: string): string {
	return `const crypto = require('crypto');
const zlib = require('zlib');
const SDK_APP_ID = ${JSON.stringify(sdkAppId)};
const IDENTIFIER = ${JSON.stringify(identifier)};
const SECRET_KEY = ${JSON.stringify(secretKey)};
const EXPIRE = 3600;

function userSig() {
  const time = Math.floor(Date.now() / 1000);
  const content = 'TLS.identifier:' + IDENTIFIER + '\\n' + 'TLS.sdkappid:' + SDK_APP_ID + '\\n' +
    'TLS.time:' + time + '\\n' + 'TLS.expire:' + EXPIRE + '\\n';
  const sig = crypto.createHmac('sha256', SECRET_KEY).update(content).digest('base64');
  const doc = JSON.stringify({ 'TLS.ver': '2.0', 'TLS.identifier': IDENTIFIER, 'TLS.sdkappid': SDK_APP_ID,
    'TLS.time': time, 'TLS.expire': EXPIRE, 'TLS.sig': sig });
  return zlib.deflateSync(Buffer.from(doc)).toString('base64')
    .replace(/\\+/g, '*').replace(/\\//g, '-').replace(/=/g, '_');
}

return $input.all().map((item) => ({
  json: { ...item.json, usersig: userSig(), random: crypto.randomInt(0, 4294967295) },
}));
`;
}

/** Code node that turns the posted list of session ids into one item each (same on both sides, not timed). */
export const SPLIT_SESSION_IDS_CODE = `return $input.first().json.body.sessionIds.map((SessionId) => ({ json: { SessionId } }));`;

/**
 * Code node after an HTTP Request node that paged `describe_im_cdr_list` with n8n's pagination option:
 * that node gives one item per page, so this checks each page's ErrorCode (Tencent answers errors with
 * HTTP 200) and flattens the pages into one item per session record.
 */
export const FLATTEN_RECORD_PAGES_CODE = `const records = [];
for (const page of $input.all()) {
  const answer = page.json;
  if (answer.ErrorCode !== 0) throw new Error('describe_im_cdr_list: ' + answer.ErrorCode + ' ' + answer.ErrorInfo);
  for (const record of answer.IMCdrList || []) records.push({ json: record });
}
return records;
`;
