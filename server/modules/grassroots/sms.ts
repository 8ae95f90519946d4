// The pluggable SMS sender of one-time codes: a log sender for development and the demo (the phone masked, never in
// clear), or a provider's HTTP API (SMS_HTTP_URL, SMS_HTTP_TOKEN); tests plug in their own to read the code.
import { maskPhone } from '../../platform/secrets/field-crypto.ts';

export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export interface SmsLog {
  warn(obj: object, msg: string): void;
}

// A warning, not info: without a provider no resident receives a code, which a deployment must notice.
export const logSmsSender = (log: SmsLog): SmsSender => ({
  async send(phone, text) {
    log.warn({ to: maskPhone(phone) }, `短信（开发环境，未实际发送）：${text}`);
  },
});

/** A provider's plain HTTP API: POST {phone, text} with a bearer token; any non-2xx answer is a failure to send. */
export const httpSmsSender = (url: string, token: string): SmsSender => ({
  async send(phone, text) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ phone, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`sms provider answered ${res.status}`);
  },
});

let override: SmsSender | null = null;

/** Tests (and a deployment's own adapter) replace the sender; null goes back to the configured one. */
export function setSmsSender(sender: SmsSender | null): void {
  override = sender;
}

export function smsSender(env: NodeJS.ProcessEnv, log: SmsLog): SmsSender {
  if (override) return override;
  if (env.SMS_HTTP_URL && env.SMS_HTTP_TOKEN) return httpSmsSender(env.SMS_HTTP_URL, env.SMS_HTTP_TOKEN);
  return logSmsSender(log);
}
