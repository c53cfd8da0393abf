// Account roles as the admin pages name them.
import { AccountRole } from '@vidinfra/domain';

export const ROLE_LABEL: Record<AccountRole, string> = {
  admin: 'Admin',
  host: 'Host',
  viewer: 'Viewer',
};

export const ROLE_OPTIONS = AccountRole.options.map((role) => ({
  value: role,
  label: ROLE_LABEL[role],
}));
