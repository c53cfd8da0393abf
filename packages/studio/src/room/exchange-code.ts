// Signing the studio in with its URL's one-time code. The code works once: however often React
// runs the effect, one exchange is made per code.
import { apiErrorOf, type ApiClient, type Tokens } from '@vidinfra/api-client';

export type Exchange =
  { ok: true; tokens: Tokens } | { ok: false; expired: boolean; message: string };

const exchanges = new Map<string, Promise<Exchange>>();

export function exchangeCode(api: ApiClient, code: string): Promise<Exchange> {
  let exchange = exchanges.get(code);
  if (!exchange) {
    exchange = api.auth.exchangeCode.mutate({ code }).then(
      (auth): Exchange => ({ ok: true, tokens: auth }),
      (error: unknown): Exchange => {
        const body = apiErrorOf(error);
        if (!body)
          return {
            ok: false,
            expired: false,
            message: 'The server could not be reached. Try again in a moment.',
          };
        if (body.code !== 'CODE_EXPIRED' && body.code !== 'VALIDATION_ERROR')
          return { ok: false, expired: false, message: body.message };
        return {
          ok: false,
          expired: true,
          message:
            'This studio link has expired or was already used: studio links work once, for 60 seconds. Sign in, then open the studio again from your dashboard.',
        };
      },
    );
    exchanges.set(code, exchange);
  }
  return exchange;
}
