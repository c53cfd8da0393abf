import type { AccountRole } from '@vidinfra/domain';

/** The signed-in account a request acts as (null when anonymous). */
export interface Actor {
  id: string;
  role: AccountRole;
  displayName: string;
  email: string | null;
  /** The login (refresh family) the actor's access token belongs to, when known. */
  loginId?: string;
}
