// Query keys of 组织管理 and 账号管理: reference lists and members under 'org' (other features read the same
// reference and member pickers), accounts under 'accounts'; a save refreshes its prefix.
export const orgKeys = {
  reference: ['org', 'reference'] as const,
  committees: ['org', 'committees'] as const,
  members: ['org', 'members'] as const,
  memberLists: ['org', 'members', 'list'] as const,
  memberList: (params: object) => ['org', 'members', 'list', params] as const,
  member: (id: unknown) => ['org', 'members', 'detail', id] as const,
  memberPick: (q: string) => ['org', 'members', 'pick', q] as const,
  memberImport: (importId: unknown) => ['org', 'members', 'import', importId] as const,
  informantPick: ['org', 'informants', 'pick'] as const,
  refs: (key: string) => ['org', key] as const,
  refList: (key: string, params: object) => ['org', key, params] as const,
  accountRoles: ['accounts', 'roles'] as const,
  accounts: ['accounts', 'list'] as const,
  accountList: (params: object) => ['accounts', 'list', params] as const,
};
