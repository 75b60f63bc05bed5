/**
 * The ONE table of renames and conversions between a skill as the Admin API reads it (GET) and
 * the `skill` object its PUT takes (docs/admin-api.md, "GET and PUT shapes differ" [S]).
 *
 * - Only the fields of the public PUT type are written ({@link SKILL_WIRE_FIELDS}); everything
 *   else a GET returns (`skillId`, `mediaTypeName`, `campaignName`, `isRunning`, unknown fields)
 *   is not writable and is left out of the body.
 * - Renames: `mediaTypeId` → `mediatypeid`, `popThankYouURL` → `popThankYouUrl`,
 *   `patronTypingPreview` → `patronTypingIndicator`.
 * - Conversion: `screenPopTriggerEvent` is `LINKED`/`CONNECT`/`ACTIVE` on GET and 1/2/3 on PUT.
 *   Any other value is a {@link WireMappingError}: never dropped, never guessed.
 * - Top-level `null`s are dropped: public clients drop them [S]; whether a tenant refuses a `null` is
 *   unstated [I], and both local servers refuse one, so a client that sent them would be caught.
 *
 * Pure: no I/O. Every function throws only WireMappingError.
 */
import { WireMappingError } from '../../errors.js';
import { MANAGED_SKILL_FIELDS, MANAGED_SKILL_FIELD_TYPES, type LiveSkill, type ManagedSkillValues } from '../../model/skill.js';

/** A value conversion between the GET and the PUT form of one field. */
export interface WireConversion {
  toPut(value: unknown, field: string): unknown;
  fromPut(value: unknown, field: string): unknown;
}

/** One writable field: its GET name, its PUT name, and the conversion between them if any. */
export interface WireField {
  get: string;
  put: string;
  convert?: WireConversion;
}

/** `screenPopTriggerEvent`: the GET string and the PUT number, both ways. */
export const SCREEN_POP_TRIGGER_EVENTS: Readonly<Record<string, number>> = { LINKED: 1, CONNECT: 2, ACTIVE: 3 };

const screenPopTrigger: WireConversion = {
  toPut(value, field) {
    if (typeof value === 'string' && Object.hasOwn(SCREEN_POP_TRIGGER_EVENTS, value)) return SCREEN_POP_TRIGGER_EVENTS[value];
    // A number that is already one of the PUT codes is unambiguous (some API versions may read it so).
    if (typeof value === 'number' && Object.values(SCREEN_POP_TRIGGER_EVENTS).includes(value)) return value;
    throw unknownValue(field, value, Object.keys(SCREEN_POP_TRIGGER_EVENTS));
  },
  fromPut(value, field) {
    const name = Object.keys(SCREEN_POP_TRIGGER_EVENTS).find((k) => SCREEN_POP_TRIGGER_EVENTS[k] === value);
    if (name === undefined) throw unknownValue(field, value, Object.values(SCREEN_POP_TRIGGER_EVENTS).map(String));
    return name;
  },
};

/** Fields whose GET and PUT names differ; every other writable field has one name. */
export const SKILL_RENAMES: Readonly<Record<string, string>> = {
  mediaTypeId: 'mediatypeid',
  popThankYouURL: 'popThankYouUrl',
  patronTypingPreview: 'patronTypingIndicator',
};

/** The PUT body's `skill` fields as public code types them [S], in that order (PUT names). */
export const PUT_SKILL_FIELDS = [
  'skillName', 'mediatypeid', 'divisionNo', 'campaignId', 'callerIdOverride', 'emailFromAddress',
  'emailFromEditable', 'emailBccAddress', 'scriptId', 'reskillHours', 'minWFIAgents',
  'minWFIAvailableAgents', 'requireManualAccept', 'interruptible', 'isActive', 'enableParking',
  'minWorkingTime', 'agentless', 'agentlessPorts', 'notes', 'acwTypeId', 'requireDisposition',
  'allowSecondaryDisposition', 'stateIdACW', 'maxSecondsACW', 'agentRestTime', 'displayThankyou',
  'thankYouLink', 'popThankYou', 'popThankYouUrl', 'makeTranscriptAvailable', 'transcriptFromAddress',
  'priorityBlending', 'callSuppressionScriptId', 'useScreenPops', 'screenPopTriggerEvent',
  'useCustomScreenPops', 'screenPopType', 'screenPopDetails', 'initialPriority', 'acceleration',
  'maxPriority', 'serviceLevelThreshold', 'serviceLevelGoal', 'enableShortAbandon',
  'shortAbandonThreshold', 'countShortAbandons', 'chatWarningThreshold', 'agentTypingIndicator',
  'patronTypingIndicator', 'smsTransportCodeId', 'messageTemplateId', 'dispositions',
  'deliverMultipleNumbersSerially', 'cradleToGrave', 'priorityInterrupt', 'acwPostTimeoutStateId',
  'outboundTelecomRouteId', 'evaluationCriteria', 'EquityLevel', 'FallbackTime', 'FocusLock', 'FocusMetric',
] as const;

const CONVERSIONS: Readonly<Record<string, WireConversion>> = { screenPopTriggerEvent: screenPopTrigger };
const GET_NAME_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SKILL_RENAMES).map(([g, p]) => [p, g]));

/** The table itself: every writable field, GET name ↔ PUT name, with its conversion. */
export const SKILL_WIRE_FIELDS: readonly WireField[] = PUT_SKILL_FIELDS.map((put) => {
  const convert = CONVERSIONS[put];
  return { get: GET_NAME_OF[put] ?? put, put, ...(convert ? { convert } : {}) };
});

/** The body of `PUT /skills/{skillId}`. */
export interface PutSkillBody {
  skill: Record<string, unknown>;
}

/**
 * The PUT body for `skillAsRead` with only the `replacements` (managed fields, by name) replaced:
 * every other writable field is carried exactly as read, mapped through {@link SKILL_WIRE_FIELDS};
 * read-only, derived, unknown and `null` fields are left out. A replacement that is `undefined` is
 * no replacement. Throws WireMappingError for a replacement that is not a managed field or has the
 * wrong type, for a value with no known conversion, and when the read carries a field under both
 * its GET and its PUT name with different values. Does not mutate its arguments.
 */
export function toPutBody(skillAsRead: LiveSkill, replacements: ManagedSkillValues = {}): PutSkillBody {
  checkReplacements(replacements);
  const read = skillAsRead as Record<string, unknown>;
  const repl = replacements as Record<string, unknown>;
  const skill: Record<string, unknown> = {};
  for (const { get, put, convert } of SKILL_WIRE_FIELDS) {
    const value = repl[get] !== undefined ? repl[get] : readField(read, get, put);
    if (value === undefined || value === null) continue;
    skill[put] = convert ? convert.toPut(value, get) : structuredClone(value);
  }
  return { skill };
}

/**
 * The inverse of {@link toPutBody}, for checking: a PUT `skill` object back in GET names and GET
 * value forms. Throws WireMappingError for a field that is not in the PUT table or a value with no
 * known conversion. `fromPutShape(toPutBody(s).skill)` is {@link writableView}`(s)`.
 */
export function fromPutShape(putSkill: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const byPut = new Map(SKILL_WIRE_FIELDS.map((f) => [f.put, f]));
  const out: Record<string, unknown> = {};
  for (const [put, value] of Object.entries(putSkill)) {
    const row = byPut.get(put);
    if (row === undefined) throw new WireMappingError(put, `"${put}" is not a field of the skill PUT body`);
    if (value === undefined || value === null) continue;
    out[row.get] = row.convert ? row.convert.fromPut(value, put) : structuredClone(value);
  }
  return out;
}

/**
 * The writable fields of a skill as read, in GET names and GET value forms (nulls dropped, the
 * screen-pop trigger as its name): what two reads are compared on to tell whether a write left
 * the fields it does not manage unchanged. Throws as {@link toPutBody}.
 */
export function writableView(skillAsRead: LiveSkill): Record<string, unknown> {
  return fromPutShape(toPutBody(skillAsRead).skill);
}

/** GET fields of `skillAsRead` that no PUT writes (for a debug log of what a write leaves out). */
export function unwritableFields(skillAsRead: LiveSkill): string[] {
  const writable = new Set(SKILL_WIRE_FIELDS.flatMap((f) => [f.get, f.put]));
  return Object.keys(skillAsRead).filter((k) => !writable.has(k));
}

function readField(read: Record<string, unknown>, get: string, put: string): unknown {
  const value = Object.hasOwn(read, get) ? read[get] : undefined;
  if (get === put || !Object.hasOwn(read, put)) return value;
  const other = read[put];
  if (value === undefined || value === null) return other;
  if (other !== null && other !== undefined && JSON.stringify(other) !== JSON.stringify(value)) {
    throw new WireMappingError(get, `the skill as read carries "${get}" (${JSON.stringify(value)}) and "${put}" (${JSON.stringify(other)}) with different values; cxq will not guess which one to write`);
  }
  return value;
}

function checkReplacements(replacements: ManagedSkillValues): void {
  for (const [field, value] of Object.entries(replacements)) {
    if (!(MANAGED_SKILL_FIELDS as readonly string[]).includes(field)) {
      throw new WireMappingError(field, `"${field}" is not a field cxq manages on a skill; it cannot be replaced in a PUT`);
    }
    if (value === undefined) continue;
    const type = MANAGED_SKILL_FIELD_TYPES[field as keyof typeof MANAGED_SKILL_FIELD_TYPES];
    const ok = type === 'integer' ? Number.isInteger(value) : typeof value === type;
    if (!ok) throw new WireMappingError(field, `replacement for "${field}" must be ${type === 'integer' ? 'an integer' : `a ${type}`} (got ${JSON.stringify(value)})`);
  }
}

function unknownValue(field: string, value: unknown, known: readonly string[]): WireMappingError {
  return new WireMappingError(
    field,
    `${field} ${JSON.stringify(value)} has no known conversion between the skill's read and write shapes (known: ${known.join(', ')})`,
    { hint: 'cxq does not guess a value it would write to production: report the value, or change the skill in the CXone console.' },
  );
}
