/**
 * The second admin server's skill field rules, written from the public description alone (now
 * docs/admin-api.md): the PUT field list as public code types it, the GET/PUT renames, and what a
 * PUT may carry. Skills are
 * stored in their GET shape; a PUT body is checked and merged into that shape (omitted fields kept,
 * read-only and unknown fields ignored, GET spellings refused).
 */
export type Json = Record<string, unknown>;

/** The PUT body's `skill` fields, as listed in the document (PUT spelling). */
export const PUT_FIELDS: readonly string[] = [
  'skillName', 'mediatypeid', 'divisionNo', 'campaignId', 'callerIdOverride', 'emailFromAddress',
  'emailFromEditable', 'emailBccAddress', 'scriptId', 'reskillHours', 'minWFIAgents', 'minWFIAvailableAgents',
  'requireManualAccept', 'interruptible', 'isActive', 'enableParking', 'minWorkingTime', 'agentless',
  'agentlessPorts', 'notes', 'acwTypeId', 'requireDisposition', 'allowSecondaryDisposition', 'stateIdACW',
  'maxSecondsACW', 'agentRestTime', 'displayThankyou', 'thankYouLink', 'popThankYou', 'popThankYouUrl',
  'makeTranscriptAvailable', 'transcriptFromAddress', 'priorityBlending', 'callSuppressionScriptId',
  'useScreenPops', 'screenPopTriggerEvent', 'useCustomScreenPops', 'screenPopType', 'screenPopDetails',
  'initialPriority', 'acceleration', 'maxPriority', 'serviceLevelThreshold', 'serviceLevelGoal',
  'enableShortAbandon', 'shortAbandonThreshold', 'countShortAbandons', 'chatWarningThreshold',
  'agentTypingIndicator', 'patronTypingIndicator', 'smsTransportCodeId', 'messageTemplateId', 'dispositions',
  'deliverMultipleNumbersSerially', 'cradleToGrave', 'priorityInterrupt', 'acwPostTimeoutStateId',
  'outboundTelecomRouteId', 'evaluationCriteria', 'EquityLevel', 'FallbackTime', 'FocusLock', 'FocusMetric',
];

/** PUT spelling → GET spelling. A GET spelling inside a PUT body is refused with 400. */
export const RENAMES: Readonly<Record<string, string>> = {
  mediatypeid: 'mediaTypeId',
  popThankYouUrl: 'popThankYouURL',
  patronTypingIndicator: 'patronTypingPreview',
};

/** `screenPopTriggerEvent`: GET gives the name, PUT wants the number. */
export const TRIGGER_EVENTS: Readonly<Record<number, string>> = { 1: 'LINKED', 2: 'CONNECT', 3: 'ACTIVE' };

const BOOLEANS = new Set([
  'requireManualAccept', 'interruptible', 'isActive', 'enableParking', 'agentless', 'requireDisposition',
  'allowSecondaryDisposition', 'displayThankyou', 'popThankYou', 'makeTranscriptAvailable', 'priorityBlending',
  'useScreenPops', 'useCustomScreenPops', 'enableShortAbandon', 'countShortAbandons', 'agentTypingIndicator',
  'patronTypingIndicator', 'emailFromEditable', 'deliverMultipleNumbersSerially', 'cradleToGrave', 'priorityInterrupt',
]);

/** Integer fields and their ranges (ours: the document gives units, not limits). */
const INTEGERS: Readonly<Record<string, [number, number]>> = {
  serviceLevelThreshold: [0, 86_400], serviceLevelGoal: [0, 100], initialPriority: [0, 1000],
  acceleration: [0, 1000], maxPriority: [0, 1000], shortAbandonThreshold: [0, 3600], maxSecondsACW: [0, 86_400],
  agentRestTime: [0, 86_400], acwTypeId: [0, 10], stateIdACW: [0, 1_000_000], campaignId: [0, 1_000_000_000],
  scriptId: [0, 1_000_000_000], mediatypeid: [1, 9], screenPopTriggerEvent: [1, 3], chatWarningThreshold: [0, 3600],
  minWorkingTime: [0, 86_400], smsTransportCodeId: [0, 1_000_000_000],
};

export interface PutOutcome { problems: string[]; next: Json }

/**
 * Checks a PUT `skill` object against the skill as stored (GET shape) and merges it: fields the
 * body omits keep their stored values; read-only, derived and unknown fields are ignored; a GET
 * spelling of a renamed field, a string `screenPopTriggerEvent`, a null, a wrong type or range, a
 * change of media type or a name another skill holds is a problem (the caller answers 400).
 */
export function mergePut(current: Json, body: Json, nameTaken: (name: string) => boolean): PutOutcome {
  const problems: string[] = [];
  const next: Json = { ...current };
  for (const [get, put] of Object.entries(RENAMES).map(([p, g]) => [g, p] as const)) {
    if (get in body) problems.push(`${get}: not a writable field (the PUT spelling is ${put})`);
  }
  for (const [field, value] of Object.entries(body)) {
    if (!PUT_FIELDS.includes(field)) continue;
    const problem = check(field, value);
    if (problem !== undefined) {
      problems.push(`${field}: ${problem}`);
      continue;
    }
    if (field === 'screenPopTriggerEvent') next['screenPopTriggerEvent'] = TRIGGER_EVENTS[value as number];
    else next[RENAMES[field] ?? field] = value;
  }
  if (problems.length === 0) {
    if (next['mediaTypeId'] !== current['mediaTypeId']) problems.push('mediatypeid: the media type of a skill cannot be changed');
    if (next['skillName'] !== current['skillName'] && nameTaken(String(next['skillName']))) problems.push('skillName: already used by another skill');
  }
  return { problems, next };
}

function check(field: string, value: unknown): string | undefined {
  if (value === null) return 'null is not accepted; omit the field instead';
  if (field === 'screenPopTriggerEvent' && typeof value === 'string') return 'a number is expected (LINKED 1, CONNECT 2, ACTIVE 3)';
  if (BOOLEANS.has(field) && typeof value !== 'boolean') return 'true or false expected';
  const range = INTEGERS[field];
  if (range !== undefined && !(Number.isInteger(value) && (value as number) >= range[0] && (value as number) <= range[1])) {
    return `an integer from ${range[0]} to ${range[1]} expected`;
  }
  if (field === 'skillName' && (typeof value !== 'string' || value.trim() === '' || value.length > 100)) return '1 to 100 characters expected';
  if (field === 'notes' && (typeof value !== 'string' || value.length > 1000)) return 'text of at most 1000 characters expected';
  if (field === 'dispositions' && !Array.isArray(value)) return 'an array expected';
  return undefined;
}

/** The media type names the document gives. */
export const MEDIA_TYPES: Readonly<Record<number, string>> = {
  1: 'Email', 3: 'Chat', 4: 'Phone Call', 5: 'Voice Mail', 6: 'Work Item', 7: 'SMS', 9: 'Digital',
};
