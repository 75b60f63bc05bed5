/**
 * The skill as the admin dialect reads it (GET shape) and writes it (PUT shape), per
 * docs/admin-api.md: one table of writable fields with their PUT name, type and the
 * default a PUT resets an omitted field to; the renames and the screen-pop conversion; the
 * read-only fields a GET adds. Pure: no state, no I/O.
 */
import type { FieldError } from '../../errors.js';

/** A skill as stored and as `GET /skills/{id}` shows it. */
export type GetSkill = Record<string, unknown> & { skillId: number; skillName: string; mediaTypeId: number };

type Kind = 'int' | 'bool' | 'string' | 'int?' | 'string?' | 'array' | 'event';

interface Field {
  /** Name in the GET shape (and in storage). */
  get: string;
  /** Name in the PUT body's `skill` object. */
  put: string;
  kind: Kind;
  /** What a PUT that omits the field resets it to (`putOmitted: 'reset'`). */
  fallback: unknown;
  min?: number;
  max?: number;
}

const f = (get: string, kind: Kind, fallback: unknown, more: Partial<Field> = {}): Field => ({ get, put: get, kind, fallback, ...more });

/** Every writable field: the PUT list of admin-api.md, each with its GET spelling. */
export const WRITABLE: readonly Field[] = [
  f('skillName', 'string', undefined),
  f('mediaTypeId', 'int', undefined, { put: 'mediatypeid' }),
  f('divisionNo', 'int', 0, { min: 0 }),
  f('campaignId', 'int?', null, { min: 0 }),
  f('callerIdOverride', 'string?', null),
  f('emailFromAddress', 'string?', null),
  f('emailFromEditable', 'bool', false),
  f('emailBccAddress', 'string?', null),
  f('scriptId', 'int?', null, { min: 0 }),
  f('reskillHours', 'int', 0, { min: 0 }),
  f('minWFIAgents', 'int', 0, { min: 0 }),
  f('minWFIAvailableAgents', 'int', 0, { min: 0 }),
  f('requireManualAccept', 'bool', false),
  f('interruptible', 'bool', false),
  f('isActive', 'bool', true),
  f('enableParking', 'bool', false),
  f('minWorkingTime', 'int', 0, { min: 0 }),
  f('agentless', 'bool', false),
  f('agentlessPorts', 'int', 0, { min: 0 }),
  f('notes', 'string', ''),
  f('acwTypeId', 'int', 1, { min: 0 }),
  f('requireDisposition', 'bool', false),
  f('allowSecondaryDisposition', 'bool', false),
  f('stateIdACW', 'int?', null, { min: 0 }),
  f('maxSecondsACW', 'int', 30, { min: 0 }),
  f('agentRestTime', 'int', 0, { min: 0 }),
  f('displayThankyou', 'bool', false),
  f('thankYouLink', 'string?', null),
  f('popThankYou', 'bool', false),
  f('popThankYouURL', 'string?', null, { put: 'popThankYouUrl' }),
  f('makeTranscriptAvailable', 'bool', false),
  f('transcriptFromAddress', 'string?', null),
  f('priorityBlending', 'bool', false),
  f('callSuppressionScriptId', 'int?', null, { min: 0 }),
  f('useScreenPops', 'bool', false),
  f('screenPopTriggerEvent', 'event', 'LINKED'),
  f('useCustomScreenPops', 'bool', false),
  f('screenPopType', 'string?', null),
  f('screenPopDetails', 'string?', null),
  f('initialPriority', 'int', 0, { min: 0, max: 1000 }),
  f('acceleration', 'int', 1, { min: 0, max: 1000 }),
  f('maxPriority', 'int', 1000, { min: 0, max: 1000 }),
  f('serviceLevelThreshold', 'int', 30, { min: 0, max: 86_400 }),
  f('serviceLevelGoal', 'int', 80, { min: 0, max: 100 }),
  f('enableShortAbandon', 'bool', false),
  f('shortAbandonThreshold', 'int', 15, { min: 0, max: 86_400 }),
  f('countShortAbandons', 'bool', false),
  f('chatWarningThreshold', 'int?', null, { min: 0 }),
  f('agentTypingIndicator', 'bool', false),
  f('patronTypingPreview', 'bool', false, { put: 'patronTypingIndicator' }),
  f('smsTransportCodeId', 'int?', null, { min: 0 }),
  f('messageTemplateId', 'int?', null, { min: 0 }),
  f('dispositions', 'array', []),
  f('deliverMultipleNumbersSerially', 'bool', false),
  f('cradleToGrave', 'bool', false),
  f('priorityInterrupt', 'bool', false),
  f('acwPostTimeoutStateId', 'int?', null, { min: 0 }),
  f('outboundTelecomRouteId', 'int?', null, { min: 0 }),
  f('evaluationCriteria', 'string?', null),
  f('EquityLevel', 'int?', null, { min: 0 }),
  f('FallbackTime', 'int?', null, { min: 0 }),
  f('FocusLock', 'bool', false),
  f('FocusMetric', 'string?', null),
];

/** Fields a GET shows that no PUT writes (derived or read-only). */
export const READ_ONLY = ['skillId', 'mediaTypeName', 'campaignName', 'scriptName', 'isOutbound', 'outboundStrategy', 'isRunning'] as const;

/** screenPopTriggerEvent: GET string ↔ PUT number. */
export const SCREEN_POP_EVENTS: Readonly<Record<string, number>> = { LINKED: 1, CONNECT: 2, ACTIVE: 3 };

/** Media types by id (admin-api.md). */
export const MEDIA_TYPES: Readonly<Record<number, string>> = {
  1: 'Email',
  3: 'Chat',
  4: 'Phone Call',
  5: 'Voice Mail',
  6: 'Work Item',
  7: 'SMS',
  9: 'Digital',
};

const BY_PUT = new Map(WRITABLE.map((x) => [x.put, x]));
/** GET spellings that differ from the PUT spelling: sending one in a PUT is the classic client bug. */
const GET_ONLY = new Map(WRITABLE.filter((x) => x.get !== x.put).map((x) => [x.get, x.put]));

/** Refusal policy for read-only fields in a PUT body. */
export type ReadOnlyPolicy = 'reject' | 'ignore';

function checkValue(field: Field, value: unknown, name: string): FieldError | undefined {
  const bad = (message: string): FieldError => ({ field: `skill.${name}`, message });
  if (value === null) return bad('null is not a value here; omit the field instead');
  switch (field.kind) {
    case 'bool':
      return typeof value === 'boolean' ? undefined : bad('must be true or false');
    case 'string':
    case 'string?':
      return typeof value === 'string' ? undefined : bad('must be a string');
    case 'array':
      return Array.isArray(value) ? undefined : bad('must be an array');
    case 'event':
      if (typeof value === 'string') return bad(`must be a number (1 LINKED, 2 CONNECT, 3 ACTIVE), not the GET string "${value}"`);
      return Number.isInteger(value) && Object.values(SCREEN_POP_EVENTS).includes(value as number)
        ? undefined
        : bad('must be 1 (LINKED), 2 (CONNECT) or 3 (ACTIVE)');
    default: {
      const lo = field.min ?? Number.MIN_SAFE_INTEGER;
      const hi = field.max ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isInteger(value) || (value as number) < lo || (value as number) > hi) {
        return bad(field.max === undefined ? `must be an integer >= ${lo}` : `must be an integer from ${lo} to ${hi}`);
      }
      return undefined;
    }
  }
}

/**
 * The GET-shape fields a PUT body's `skill` object writes, or every error in it: GET spellings
 * (`mediaTypeId`, `popThankYouURL`, `patronTypingPreview`), read-only fields (under 'reject'),
 * unknown fields, nulls, wrong types and out-of-range values. `screenPopTriggerEvent` is
 * converted from its PUT number to its GET string.
 */
export function fromPutShape(skill: Record<string, unknown>, readOnly: ReadOnlyPolicy): { fields: Record<string, unknown>; errors: FieldError[] } {
  const fields: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(skill)) {
    const field = BY_PUT.get(name);
    if (field) {
      const e = checkValue(field, value, name);
      if (e) errors.push(e);
      else fields[field.get] = field.kind === 'event' ? eventName(value as number) : structuredClone(value);
      continue;
    }
    const putName = GET_ONLY.get(name);
    if (putName) errors.push({ field: `skill.${name}`, message: `is the GET spelling; a PUT takes "${putName}"` });
    else if ((READ_ONLY as readonly string[]).includes(name)) {
      if (readOnly === 'reject') errors.push({ field: `skill.${name}`, message: 'is read-only; drop it from a PUT' });
    } else errors.push({ field: `skill.${name}`, message: 'is not a writable skill field' });
  }
  if (typeof fields['skillName'] === 'string' && (fields['skillName'].trim() === '' || fields['skillName'].length > 100)) {
    errors.push({ field: 'skill.skillName', message: 'must be 1 to 100 characters' });
  }
  return { fields, errors };
}

function eventName(n: number): string {
  return Object.entries(SCREEN_POP_EVENTS).find(([, v]) => v === n)![0];
}

/**
 * The PUT body's `skill` object for a skill as read (the mapping a correct client does): renames,
 * the screen-pop number, read-only fields and nulls dropped. For tests and fixtures.
 */
export function toPutShape(skill: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of WRITABLE) {
    const v = skill[field.get];
    if (v === undefined || v === null) continue;
    out[field.put] = field.kind === 'event' ? SCREEN_POP_EVENTS[v as string] : structuredClone(v);
  }
  return out;
}

/** Every writable field at its default (the state an omitted field is reset to). */
export function writableDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of WRITABLE) if (field.fallback !== undefined) out[field.get] = structuredClone(field.fallback);
  return out;
}

const BY_GET = new Map(WRITABLE.map((x) => [x.get, x]));

/** Whether `name` is the GET spelling of a writable field. */
export const writableGetName = (name: string): boolean => BY_GET.has(name);

/** Whether a writable field (GET spelling) may hold null. */
export const nullableField = (name: string): boolean => BY_GET.get(name)?.kind.endsWith('?') ?? false;
