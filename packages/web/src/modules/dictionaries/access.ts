// Who edits the dictionaries, mirroring the server's `canEditDictionary` (platform/settings-policy.ts),
// which decides: the admin and the office (the dictionaries are shared by every region).
import type { Role } from '@ducha/contract';

export const dictionaryEditorRoles: readonly Role[] = ['admin', 'office'];
