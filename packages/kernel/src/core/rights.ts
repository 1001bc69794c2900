import type { RightDecl } from '../module.js';

/** The kernel's own rights (users, roles), with their openIMIS codes. */
export const CORE_RIGHTS: readonly RightDecl[] = [
  { name: 'core.user.search', legacyCode: 121701, label: 'kernel.right.userSearch' },
  { name: 'core.user.add', legacyCode: 121702, label: 'kernel.right.userAdd' },
  { name: 'core.user.edit', legacyCode: 121703, label: 'kernel.right.userEdit' },
  { name: 'core.user.delete', legacyCode: 121704, label: 'kernel.right.userDelete' },
  { name: 'core.role.search', legacyCode: 122001, label: 'kernel.right.roleSearch' },
  { name: 'core.role.add', legacyCode: 122002, label: 'kernel.right.roleAdd' },
  { name: 'core.role.edit', legacyCode: 122003, label: 'kernel.right.roleEdit' },
  { name: 'core.role.delete', legacyCode: 122004, label: 'kernel.right.roleDelete' },
];
