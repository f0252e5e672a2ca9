// Who opens the dictionaries page: the admin and the offices. Who edits them is the server's
// `canEditDictionary` (platform/settings-policy.ts: the admin and the home office, never a county),
// read from GET /api/shared-settings; the others read them.
import type { Role } from '@ducha/contract';

export const dictionaryEditorRoles: readonly Role[] = ['admin', 'office'];
