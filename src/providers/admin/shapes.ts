/**
 * The shapes of the admin dialect's answers (docs/admin-api.md), checked with ajv before anything
 * in them is believed. Only what cxq reads is required; extra fields are always allowed, because
 * tenants of different versions add fields.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ResponseShapeError } from '../../errors.js';

type Schema = Record<string, unknown>;

const int = { type: 'integer' };
const str = { type: 'string' };
const num = { type: 'number' };
const obj = (required: string[], properties: Schema = {}): Schema => ({ type: 'object', required, properties });
const list = (key: string, item: Schema): Schema =>
  obj([key], { [key]: { type: 'array', items: item }, totalRecords: { type: 'integer', minimum: 0 } });

const SKILL = obj(['skillId', 'skillName'], { skillId: int, skillName: str, isActive: { type: 'boolean' } });
const AGENT = obj(['agentId', 'userName'], { agentId: int, userName: str, isActive: { type: 'boolean' } });
const ASSIGNMENT = obj(['agentId'], {
  agentId: int,
  skillId: int,
  agentProficiencyValue: { type: ['integer', 'null'] },
  isActive: { type: 'boolean' },
});
/** The multi-skill endpoint's rows must say which skill they belong to. */
const SKILL_ASSIGNMENT = { ...ASSIGNMENT, required: ['agentId', 'skillId'] };
const ACTIVITY = obj(['skillId'], { skillId: int, queueCount: num, agentsLoggedIn: num, agentsAvailable: num });
const SUMMARY = obj(['skillId'], { skillId: int, contactsOffered: num, averageHandleTime: num, abandonCount: num });
const CONTACT = obj(['contactId'], { contactId: { type: ['integer', 'string'] }, skillId: int, inQueueSeconds: num, abandoned: { type: 'boolean' } });
const ITEM_RESULT = obj([], { success: { type: 'boolean' } });

export const SCHEMAS = {
  token: obj(['access_token', 'expires_in'], { access_token: { type: 'string', minLength: 1 }, expires_in: num, id_token: str, token_type: str }),
  discovery: obj(['api_endpoint'], { api_endpoint: { type: 'string', minLength: 1 } }),
  skills: list('skills', SKILL),
  skill: SKILL,
  agents: list('agents', AGENT),
  assignments: list('agentSkillAssignments', ASSIGNMENT),
  skillAssignments: list('agentSkillAssignments', SKILL_ASSIGNMENT),
  activity: ACTIVITY,
  summary: SUMMARY,
  contacts: list('completedContacts', CONTACT),
  /** PUT /skills/{id}: `{ success, skillId }`; POST/PUT/DELETE agents: `{ resultSet: { errorCount, agentResults } }`. */
  writeResult: obj([], {
    success: { type: 'boolean' },
    errorCount: { type: 'integer', minimum: 0 },
    resultSet: obj([], { errorCount: { type: 'integer', minimum: 0 }, agentResults: { type: 'array', items: ITEM_RESULT } }),
  }),
} as const;

export type ShapeName = keyof typeof SCHEMAS;

let compiled: Map<ShapeName, ValidateFunction> | undefined;

function validator(name: ShapeName): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
    compiled = new Map(Object.entries(SCHEMAS).map(([k, s]) => [k as ShapeName, ajv.compile(s)]));
  }
  return compiled.get(name) as ValidateFunction;
}

/**
 * Returns `body` typed as `T` when it has the shape `name`; throws ResponseShapeError naming
 * `method path` (without its query) and the first mismatches otherwise. Pure apart from the cache.
 */
export function checkShape<T>(name: ShapeName, body: unknown, method: string, path: string): T {
  const validate = validator(name);
  if (validate(body)) return body as T;
  throw new ResponseShapeError(method, path.split('?')[0] ?? path, describe(validate.errors ?? []), {
    hint: 'The tenant answered in a shape cxq does not know (another API version?): check CXONE_API_VERSION, or report it with this message.',
  });
}

function describe(errors: readonly ErrorObject[]): string[] {
  return errors.slice(0, 3).map((e) => `${e.instancePath === '' ? 'the body' : e.instancePath} ${e.message ?? 'is invalid'}`);
}
