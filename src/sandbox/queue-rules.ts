/**
 * The contract's field table as server-side validation: every failing field is reported, not
 * only the first, with the field path (`skills[1].level`, `waitMusic.url`) and a message.
 */
import type { FieldError } from '../errors.js';
import { ROUTING_STRATEGIES, SKILL_LEVELS, SKILL_ROUTING_TYPES } from '../model/queue.js';

/** What validation needs to know about the rest of the tenant. */
export interface RuleContext {
  /** The queue being written (a queue may not overflow to itself; its own name is not a clash). */
  selfId: string;
  hasSkill(id: string): boolean;
  hasQueue(id: string): boolean;
  /** Id of the queue currently holding `name`, if any. */
  nameOwner(name: string): string | undefined;
}

type Errors = FieldError[];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function intIn(errors: Errors, field: string, v: unknown, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    errors.push({ field, message: `must be an integer between ${min} and ${max}` });
  }
}

function oneOf(errors: Errors, field: string, v: unknown, allowed: readonly string[]): void {
  if (typeof v !== 'string' || !allowed.includes(v)) {
    errors.push({ field, message: `must be one of ${allowed.join(', ')}` });
  }
}

function bool(errors: Errors, field: string, v: unknown): void {
  if (typeof v !== 'boolean') errors.push({ field, message: 'must be a boolean' });
}

function checkName(errors: Errors, body: Record<string, unknown>, ctx: RuleContext): void {
  const name = body['name'];
  if (name === undefined) {
    errors.push({ field: 'name', message: 'is required' });
  } else if (typeof name !== 'string' || [...name].length < 1 || [...name].length > 120) {
    errors.push({ field: 'name', message: 'must be a string of 1 to 120 characters' });
  } else {
    const owner = ctx.nameOwner(name);
    if (owner !== undefined && owner !== ctx.selfId) {
      errors.push({ field: 'name', message: `must be unique: queue ${owner} is already named "${name}"` });
    }
  }
}

function checkWaitMusic(errors: Errors, wm: unknown): void {
  if (!isObject(wm)) {
    errors.push({ field: 'waitMusic', message: 'must be an object { playMusic, url }' });
    return;
  }
  if (wm['playMusic'] !== undefined) bool(errors, 'waitMusic.playMusic', wm['playMusic']);
  const url = wm['url'];
  if (url !== undefined && (typeof url !== 'string' || !isHttpUrl(url))) {
    errors.push({ field: 'waitMusic.url', message: 'must be an http:// or https:// URL' });
  }
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    return new URL(s).hostname !== '';
  } catch {
    return false;
  }
}

function checkSkills(errors: Errors, skills: unknown, ctx: RuleContext): void {
  if (!Array.isArray(skills)) {
    errors.push({ field: 'skills', message: 'must be an array of { id, level }' });
    return;
  }
  const seen = new Set<string>();
  skills.forEach((s: unknown, i) => {
    const at = `skills[${i}]`;
    if (!isObject(s)) {
      errors.push({ field: at, message: 'must be an object { id, level }' });
      return;
    }
    const id = s['id'];
    if (typeof id !== 'string' || id === '') {
      errors.push({ field: `${at}.id`, message: 'must be a non-empty string' });
    } else if (!ctx.hasSkill(id)) {
      errors.push({ field: `${at}.id`, message: `skill "${id}" does not exist` });
    } else if (seen.has(id)) {
      errors.push({ field: `${at}.id`, message: `skill "${id}" is listed twice` });
    }
    if (typeof id === 'string') seen.add(id);
    oneOf(errors, `${at}.level`, s['level'], SKILL_LEVELS);
  });
}

function checkTargets(errors: Errors, targets: unknown, ctx: RuleContext): void {
  if (!Array.isArray(targets)) {
    errors.push({ field: 'overflowTargets', message: 'must be an array of { id, threshold }' });
    return;
  }
  targets.forEach((t: unknown, i) => {
    const at = `overflowTargets[${i}]`;
    if (!isObject(t)) {
      errors.push({ field: at, message: 'must be an object { id, threshold }' });
      return;
    }
    const id = t['id'];
    if (typeof id !== 'string' || id === '') {
      errors.push({ field: `${at}.id`, message: 'must be a non-empty string' });
    } else if (id === ctx.selfId) {
      errors.push({ field: `${at}.id`, message: 'a queue cannot overflow to itself' });
    } else if (!ctx.hasQueue(id)) {
      errors.push({ field: `${at}.id`, message: `queue "${id}" does not exist` });
    }
    intIn(errors, `${at}.threshold`, t['threshold'], 0, 7200);
  });
}

/**
 * Every rule of the contract's field table applied to a PUT body. Absent fields are not errors
 * (they reset to defaults), except `name`, which has no default. Read-only and unknown fields are
 * not checked. Returns an empty array when the body is valid.
 */
export function validateQueueBody(body: Record<string, unknown>, ctx: RuleContext): FieldError[] {
  const errors: Errors = [];
  const has = (f: string): boolean => body[f] !== undefined;
  checkName(errors, body, ctx);
  if (has('description')) {
    const d = body['description'];
    if (typeof d !== 'string' || [...d].length > 1000) {
      errors.push({ field: 'description', message: 'must be a string of at most 1000 characters' });
    }
  }
  if (has('routingStrategy')) oneOf(errors, 'routingStrategy', body['routingStrategy'], ROUTING_STRATEGIES);
  if (has('waitMusic')) checkWaitMusic(errors, body['waitMusic']);
  if (has('maxWaitTime')) intIn(errors, 'maxWaitTime', body['maxWaitTime'], 10, 7200);
  if (has('skills')) checkSkills(errors, body['skills'], ctx);
  if (has('skillRoutingType')) oneOf(errors, 'skillRoutingType', body['skillRoutingType'], SKILL_ROUTING_TYPES);
  if (has('enableOverflow')) bool(errors, 'enableOverflow', body['enableOverflow']);
  if (has('overflowThreshold')) intIn(errors, 'overflowThreshold', body['overflowThreshold'], 0, 100);
  if (has('overflowTargets')) checkTargets(errors, body['overflowTargets'], ctx);
  return errors;
}
