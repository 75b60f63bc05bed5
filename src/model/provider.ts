/**
 * The one boundary between the engine and a tenant. A provider speaks one API dialect and manages
 * the resource kinds that dialect serves: v2 serves queues (`CxoneApi`), the Admin API serves skills
 * (`SkillApi`). Commands open one provider and dispatch on `dialect`; the engine never imports a
 * provider's code, only these interfaces.
 */
import type { CxoneApi } from './api.js';
import type { SkillApi } from './skill-api.js';

export type Dialect = 'v2' | 'admin';

/** The resource kinds definitions may declare (`kind:`; none means Queue). */
export type ResourceKind = 'Queue' | 'Skill';

/** The kinds each dialect manages. */
export const DIALECT_KINDS: Readonly<Record<Dialect, readonly ResourceKind[]>> = {
  v2: ['Queue'],
  admin: ['Skill'],
};

export type Provider =
  | { readonly dialect: 'v2'; readonly queues: CxoneApi }
  | { readonly dialect: 'admin'; readonly skills: SkillApi };
