/**
 * What every admin route handler gets: the request (from the shared pipeline), the tenant, and
 * the dialect's settings.
 */
import type { HandlerContext } from '../pipeline.js';
import type { AdminGrant } from './auth.js';
import type { ReadOnlyPolicy } from './skill-shape.js';
import type { PutOmitted } from './skills.js';
import type { AdminState } from './state.js';

/** Settings of the dialect that handlers read (changeable while running through the handle). */
export interface AdminSettings {
  putOmitted: PutOmitted;
  readOnlyInPut: ReadOnlyPolicy;
  wrapSkillGet: boolean;
  maxTop: number;
  retryAfter: boolean;
  /** `http://127.0.0.1:PORT`, for absolute `_links`. */
  baseUrl: string;
}

export interface AdminContext extends HandlerContext<AdminGrant> {
  state: AdminState;
  settings: AdminSettings;
}
