/**
 * Skill routes: list, get, PUT (the PUT shape, failures inside a 200, last writer wins) and POST.
 */
import type { FieldError } from '../../errors.js';
import type { Reply } from '../http.js';
import type { AdminContext } from './context.js';
import { adminError, intQuery, invalid, isReply, jsonObject, pageOf, paging } from './replies.js';
import { fromPutShape, MEDIA_TYPES } from './skill-shape.js';

/** The `{skillId}` path parameter as an integer, or a 400. */
export function skillIdParam(ctx: AdminContext): number | Reply {
  const raw = ctx.params['skillId']!;
  const n = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(n) ? n : invalid([{ field: 'skillId', message: 'must be an integer' }]);
}

/** The skill `{skillId}` names, or a 400/404 reply. */
export function knownSkill(ctx: AdminContext): number | Reply {
  const id = skillIdParam(ctx);
  if (isReply(id)) return id;
  return ctx.state.skills.peek(id) ? id : adminError(404, `skill ${id} not found`);
}

/** `GET /skills?skip&top&mediaTypeId&isActive&searchString`, in skillId order. */
export function listSkills(ctx: AdminContext): Reply {
  const q = ctx.url.searchParams;
  const p = paging(q, ctx.settings.maxTop);
  if (isReply(p)) return p;
  const errors: FieldError[] = [];
  const media = q.has('mediaTypeId') ? intQuery(q, 'mediaTypeId', 0) : undefined;
  if (typeof media === 'object') errors.push(media);
  const active = q.get('isActive');
  if (active !== null && active !== 'true' && active !== 'false') errors.push({ field: 'isActive', message: 'must be true or false' });
  if (errors.length > 0) return invalid(errors);
  const search = q.get('searchString');
  const all = ctx.state.skills.list({
    ...(typeof media === 'number' ? { mediaTypeId: media } : {}),
    ...(active !== null ? { isActive: active === 'true' } : {}),
    ...(search ? { searchString: search } : {}),
  });
  return pageOf(ctx.url, ctx.settings.baseUrl, 'skills', all, p);
}

/** `GET /skills/{skillId}`: the skill, or `{ skills: [skill] }` with `wrapSkillGet`. */
export function getSkill(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  if (isReply(id)) return id;
  const skill = ctx.state.skills.peek(id)!;
  return { status: 200, body: ctx.settings.wrapSkillGet ? { skills: [skill] } : skill };
}

/**
 * `PUT /skills/{skillId}` with `{ skill: {...} }`: 404 unknown skill, 400 body or field errors
 * (nothing applied), 200 `{ success: false, error }` for an injected failure (nothing applied),
 * else 200 `{ success: true, skillId }` — whose answer may then be lost (fault injection).
 */
export function putSkill(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  if (isReply(id)) return id;
  const body = jsonObject(ctx.body);
  if (isReply(body)) return body;
  const skill = body['skill'];
  if (skill === null || typeof skill !== 'object' || Array.isArray(skill)) {
    return invalid([{ field: 'skill', message: 'the body must be { "skill": { <PUT-shape fields> } }' }]);
  }
  const { state, settings } = ctx;
  const checked = state.skills.check(id, skill as Record<string, unknown>, settings.readOnlyInPut);
  if (!checked.ok) return checked.status === 404 ? adminError(404, checked.message) : invalid(checked.errors ?? []);
  const failure = state.takeFailure(id);
  if (failure !== undefined) return { status: 200, body: { success: false, skillId: id, error: failure } };
  state.skills.put(id, skill as Record<string, unknown>, settings.putOmitted, settings.readOnlyInPut);
  return { status: 200, body: { success: true, skillId: id }, lose: ctx.faults.lose() };
}

function createOne(ctx: AdminContext, item: unknown): { success: boolean; skillId?: number; error?: string } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { success: false, error: 'each skill must be an object' };
  const { fields, errors } = fromPutShape(item as Record<string, unknown>, ctx.settings.readOnlyInPut);
  if (typeof fields['skillName'] !== 'string') errors.push({ field: 'skill.skillName', message: 'is required' });
  else if (ctx.state.skills.idByName(fields['skillName']) !== undefined) errors.push({ field: 'skill.skillName', message: 'is taken' });
  if (MEDIA_TYPES[fields['mediaTypeId'] as number] === undefined) {
    errors.push({ field: 'skill.mediatypeid', message: `is required, one of ${Object.keys(MEDIA_TYPES).join(', ')}` });
  }
  if (errors.length > 0) return { success: false, error: errors.map((e) => `${e.field} ${e.message}`).join('; ') };
  return { success: true, skillId: ctx.state.skills.insert(fields).skillId };
}

/** `POST /skills` with `{ skills: [...] }` (PUT shape): each item created or failed alone. */
export function createSkills(ctx: AdminContext): Reply {
  const body = jsonObject(ctx.body);
  if (isReply(body)) return body;
  const items = body['skills'];
  if (!Array.isArray(items) || items.length === 0) return invalid([{ field: 'skills', message: 'must be a non-empty array' }]);
  const skillsResults = items.map((item) => createOne(ctx, item));
  const errorCount = skillsResults.filter((r) => !r.success).length;
  return { status: 200, body: { errorCount, skillsResults }, lose: errorCount < items.length && ctx.faults.lose() };
}
