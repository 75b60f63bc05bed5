/**
 * The admin-dialect client (NICE CXone Admin API, docs/admin-api.md): skills, agents, agent
 * assignments, activity, summary and completed contacts under
 * `{api_endpoint}/inContactAPI/services/{version}/`, over the same transport (limiter, pacer,
 * retries, token refresh and 401 renewal) as v2. Every answer's shape is checked before it is
 * believed; a write whose 200 reports failure throws WriteRejectedError; a write whose answer is
 * lost throws OutcomeUnknownError and is never re-sent.
 */
import { CxqError, ResponseShapeError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { ClientStats, InterruptTally } from '../../model/api.js';
import { makeScrubber } from '../../transport/scrub.js';
import { HttpTransport, type CallOptions } from '../../transport/http.js';
import { AdminAuth } from './auth.js';
import { servicesBase, type AdminConfig } from './config.js';
import { ADMIN_FAILURES, assertWriteSucceeded, withAdminHint } from './errors.js';
import { checkShape, type ShapeName } from './shapes.js';
import type { AdminAgent, AgentAssignment, AgentSkillWrite, AdminDateRange, CompletedContact, LiveSkill, SkillActivity, SkillFilter, SkillSummary } from './types.js';

/** Rows per list page: 100 is seen in public clients; the largest `top` is undocumented [I]. */
export const ADMIN_PAGE_SIZE = 100;
/** Most pages one list may take: 100,000 rows, far beyond any tenant's skills or agents. */
export const MAX_LIST_PAGES = 1_000;
export const MAX_LIST_ITEMS = 100_000;
/** Skill ids per `GET /skills/agents?skills=...` query (keeps the URL well under 2 KiB). */
export const MAX_SKILLS_PER_AGENTS_QUERY = 100;
/** Agents per assignment write. */
export const MAX_AGENTS_PER_WRITE = 100;
export const MIN_PROFICIENCY = 1;
export const MAX_PROFICIENCY = 20;

/** The admin-dialect client; one per run, sharing one transport (see the file comment). */
export class AdminClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, throttled: 0, tokenRequests: 0 };
  private readonly http: HttpTransport;
  private apiBase: string | undefined;

  constructor(config: AdminConfig, logger: Logger, signal?: AbortSignal) {
    this.apiBase = config.apiBaseUrl === undefined ? undefined : servicesBase(config.apiBaseUrl, config.apiVersion);
    const transport = { ...config, baseUrl: this.apiBase ?? '' };
    this.http = new HttpTransport(transport, logger, this.stats, {
      ...(signal === undefined ? {} : { signal }),
      failures: ADMIN_FAILURES,
      tokens: (send) =>
        new AdminAuth(config, send, logger, (host) => {
          this.apiBase = servicesBase(host, config.apiVersion);
          this.http.setBaseUrl(this.apiBase);
        }),
    });
  }

  /** `{api_endpoint}/inContactAPI/services/{version}`, once known (given, or after discovery). */
  get baseUrl(): string | undefined {
    return this.apiBase;
  }

  /** After the run's signal: the writes on the wire then, how many finished, how many were sent after (0). */
  interruptTally(): InterruptTally | undefined {
    return this.http.interruptTally();
  }

  /** Current pace in requests per second (undefined while unpaced). */
  get paceRps(): number | undefined {
    return this.http.pacer.rps;
  }

  /** Every skill (`GET /skills`, paged by skip/top until totalRecords), optionally filtered. */
  listSkills(filter: SkillFilter = {}): Promise<LiveSkill[]> {
    const params: Record<string, string> = {};
    if (filter.mediaTypeId !== undefined) params['mediaTypeId'] = String(filter.mediaTypeId);
    if (filter.isActive !== undefined) params['isActive'] = String(filter.isActive);
    if (filter.searchString !== undefined) params['searchString'] = filter.searchString;
    return this.getList<LiveSkill>('/skills', params, 'skills', 'skills');
  }

  /** One skill; accepts the bare skill and the `{ skills: [skill] }` wrapping some versions answer. */
  async getSkill(skillId: number): Promise<LiveSkill> {
    const path = `/skills/${checkId(skillId, 'skillId')}`;
    const body = await this.call({ method: 'GET', path });
    const wrapped = typeof body === 'object' && body !== null && Array.isArray((body as Record<string, unknown>)['skills']);
    const rows = wrapped ? ((body as Record<string, unknown>)['skills'] as unknown[]) : [body];
    if (rows.length !== 1) throw new ResponseShapeError('GET', path, [`${rows.length} skills where one was asked for`]);
    const skill = checkShape<LiveSkill>('skill', rows[0], 'GET', path);
    if (skill.skillId !== skillId) throw new ResponseShapeError('GET', path, [`the answer is skill ${skill.skillId}, not ${skillId}`]);
    return skill;
  }

  /**
   * Writes a skill: `body` is the already-mapped PUT body `{ skill: { ... } }`. Resolves when the
   * 2xx answer reports no failure; throws WriteRejectedError (`success: false`, `errorCount > 0`)
   * or OutcomeUnknownError (answer lost or 500/502/504: never re-sent). No concurrency control
   * exists: the caller re-reads before and after.
   */
  async putSkill(skillId: number, body: { skill: Record<string, unknown> }): Promise<void> {
    const path = `/skills/${checkId(skillId, 'skillId')}`;
    await this.write({ method: 'PUT', path, json: body });
  }

  /** Every agent (`GET /agents`), for mapping user names to the tenant's agent ids. */
  listAgents(): Promise<AdminAgent[]> {
    return this.getList<AdminAgent>('/agents', {}, 'agents', 'agents');
  }

  /** The agent assignments of one skill (`GET /skills/{id}/agents`). */
  skillAgents(skillId: number): Promise<AgentAssignment[]> {
    return this.getList<AgentAssignment>(`/skills/${checkId(skillId, 'skillId')}/agents`, {}, 'assignments', 'agentSkillAssignments');
  }

  /**
   * The assignments of many skills with one query per 100 skills (`GET /skills/agents?skills=1,2`),
   * grouped by skill id; every asked skill has an entry (empty when nobody is assigned). A row for a
   * skill that was not asked for is a shape error.
   */
  async agentsOfSkills(skillIds: readonly number[]): Promise<Map<number, AgentAssignment[]>> {
    const ids = [...new Set(skillIds.map((id) => checkId(id, 'skillId')))];
    const out = new Map<number, AgentAssignment[]>(ids.map((id) => [id, []]));
    for (let i = 0; i < ids.length; i += MAX_SKILLS_PER_AGENTS_QUERY) {
      const batch = ids.slice(i, i + MAX_SKILLS_PER_AGENTS_QUERY);
      const rows = await this.getList<AgentAssignment>('/skills/agents', { skills: batch.join(',') }, 'skillAssignments', 'agentSkillAssignments');
      for (const row of rows) {
        const list = out.get(row.skillId as number);
        if (list === undefined) throw new ResponseShapeError('GET', '/skills/agents', [`a row of skill ${String(row.skillId)}, which was not asked for`]);
        list.push(row);
      }
    }
    return out;
  }

  /** Assigns agents to a skill (`POST /skills/{id}/agents`); see putSkill for failures. */
  assignAgents(skillId: number, agents: readonly AgentSkillWrite[]): Promise<void> {
    return this.writeAgents('POST', skillId, agents);
  }

  /** Changes proficiency or active of assigned agents (`PUT /skills/{id}/agents`). */
  changeAgents(skillId: number, agents: readonly AgentSkillWrite[]): Promise<void> {
    return this.writeAgents('PUT', skillId, agents);
  }

  /** Unassigns one agent (`DELETE /skills/{id}/agents/{agentId}`). */
  async unassignAgent(skillId: number, agentId: number): Promise<void> {
    await this.write({ method: 'DELETE', path: `/skills/${checkId(skillId, 'skillId')}/agents/${checkId(agentId, 'agentId')}` });
  }

  /** Live activity of every skill (`GET /skills/activity`): queue count, agents logged in, ... */
  async skillsActivity(): Promise<SkillActivity[]> {
    const body = await this.call({ method: 'GET', path: '/skills/activity' });
    return rowsOf<SkillActivity>(body, 'skillActivity', 'activity', 'GET', '/skills/activity');
  }

  /** One skill's totals over `range` (`GET /skills/{id}/summary`): contacts offered, handle time, ... */
  async skillSummary(skillId: number, range: AdminDateRange): Promise<SkillSummary | undefined> {
    const path = `/skills/${checkId(skillId, 'skillId')}/summary`;
    const query = new URLSearchParams({ startDate: range.startDate, endDate: range.endDate });
    const body = await this.call({ method: 'GET', path: `${path}?${query.toString()}` });
    return rowsOf<SkillSummary>(body, 'skillSummaries', 'summary', 'GET', path)[0];
  }

  /** Finished contacts of a skill over `range` (`GET /contacts/completed`), paged. */
  completedContacts(skillId: number, range: AdminDateRange): Promise<CompletedContact[]> {
    const params = { skillId: String(checkId(skillId, 'skillId')), startDate: range.startDate, endDate: range.endDate };
    return this.getList<CompletedContact>('/contacts/completed', params, 'contacts', 'completedContacts');
  }

  private async writeAgents(method: 'POST' | 'PUT', skillId: number, agents: readonly AgentSkillWrite[]): Promise<void> {
    const path = `/skills/${checkId(skillId, 'skillId')}/agents`;
    for (const a of agents) checkAgentWrite(a);
    for (let i = 0; i < agents.length; i += MAX_AGENTS_PER_WRITE) {
      await this.write({ method, path, json: { agents: agents.slice(i, i + MAX_AGENTS_PER_WRITE) } });
    }
  }

  private async write(options: CallOptions): Promise<void> {
    const body = await this.call({ ...options, unversionedWrite: true });
    const scrub = makeScrubber(this.http.tokens.secrets());
    assertWriteSucceeded(body, options.method, options.path, scrub);
    // An empty 2xx body (204) reports nothing either way; the caller's re-read is the proof.
    if (body !== '' && body !== undefined) checkShape('writeResult', body, options.method, options.path);
  }

  /**
   * A list paged by skip/top: `skip` is the rows received so far. Ends when `totalRecords` rows are
   * in (or, without it, on a short page). A page that ends the list short of `totalRecords` is a
   * shape error, so a partial list is never taken for the whole tenant. An empty body (204) is an
   * empty page [I].
   */
  private async getList<T>(path: string, params: Record<string, string>, shape: ShapeName, key: string): Promise<T[]> {
    const out: T[] = [];
    for (let pages = 0; ; pages++) {
      if (pages >= MAX_LIST_PAGES || out.length > MAX_LIST_ITEMS) {
        throw new CxqError(`GET ${path}: more than ${MAX_LIST_PAGES} pages or ${MAX_LIST_ITEMS} rows; stopping`, {
          hint: 'This is far beyond any real tenant: check CXONE_API_BASE_URL points at the CXone Admin API.',
        });
      }
      const query = new URLSearchParams({ ...params, skip: String(out.length), top: String(ADMIN_PAGE_SIZE) });
      const raw = await this.call({ method: 'GET', path: `${path}?${query.toString().replace(/%2C/g, ',')}` });
      const body = raw === '' || raw === undefined ? { [key]: [] } : checkShape<Record<string, unknown>>(shape, raw, 'GET', path);
      const rows = body[key] as T[];
      for (const row of rows) out.push(row);
      const total = body['totalRecords'];
      if (typeof total !== 'number') {
        if (rows.length < ADMIN_PAGE_SIZE) return out;
      } else if (out.length >= total) {
        return out;
      } else if (rows.length === 0) {
        throw new ResponseShapeError('GET', path, [`the list ended after ${out.length} of totalRecords ${total} rows`], {
          hint: 'The tenant may have changed while it was read: run the command again.',
        });
      }
    }
  }

  private async call(options: CallOptions): Promise<unknown> {
    try {
      return await this.http.request<unknown>(options);
    } catch (err) {
      throw withAdminHint(err);
    }
  }
}

/** The client for `config`; logs go to `logger`. Sends nothing until the first call. */
export function createAdminClient(config: AdminConfig, logger: Logger, signal?: AbortSignal): AdminClient {
  return new AdminClient(config, logger, signal);
}

function rowsOf<T>(body: unknown, key: string, shape: 'activity' | 'summary', method: string, path: string): T[] {
  if (body === '' || body === undefined) return [];
  const b = body as Record<string, unknown>;
  const rows = Array.isArray(body) ? body : typeof b === 'object' && b !== null && Array.isArray(b[key]) ? (b[key] as unknown[]) : [body];
  return rows.map((r) => checkShape<T>(shape, r, method, path));
}

function checkId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new CxqError(`${what} must be a positive integer, got ${String(id)}`);
  return id;
}

function checkAgentWrite(a: AgentSkillWrite): void {
  checkId(a.agentId, 'agentId');
  if (!Number.isInteger(a.proficiency) || a.proficiency < MIN_PROFICIENCY || a.proficiency > MAX_PROFICIENCY) {
    throw new CxqError(`proficiency of agent ${a.agentId} must be an integer from ${MIN_PROFICIENCY} to ${MAX_PROFICIENCY}, got ${String(a.proficiency)}`);
  }
}
