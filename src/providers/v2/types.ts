/** Wire-only types of the v2 queue API (docs/api.md): list pages and OAuth scopes. */

/** A `pageNumber`/`nextUri` list page. */
export interface Page<T> {
  results: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  nextUri?: string | null;
}

/** Every scope the client asks for (the seed's list). */
export const ALL_SCOPES = [
  'routing:queues:write',
  'routing:queues:read',
  'analytics:queues:read',
  'analytics:conversations:read',
  'audit:read',
  'health:read',
] as const;
export type Scope = (typeof ALL_SCOPES)[number];
