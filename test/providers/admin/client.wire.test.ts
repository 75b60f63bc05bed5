import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CxqError, OutcomeUnknownError, ResponseShapeError, WriteRejectedError } from '../../../src/errors.js';
import { ADMIN_PAGE_SIZE } from '../../../src/providers/admin/client.js';
import { netError, setupNock } from '../v2/helpers.js';
import { API, AUTH, SERVICES, makeAdmin, skill, tokenBody } from './helpers.js';

const S = SERVICES;
const skills = (from: number, n: number) => Array.from({ length: n }, (_, i) => skill(from + i));

function scope(): nock.Scope {
  nock(AUTH).post('/authentication/v1/token/access-key').reply(200, tokenBody());
  return nock(API);
}
const client = () => makeAdmin({ apiBaseUrl: API }).client;

describe('AdminClient on the wire', () => {
  beforeEach(setupNock);
  afterEach(() => nock.cleanAll());

  it('pages skills with skip/top 100 until totalRecords', async () => {
    const api = scope()
      .get(`${S}/skills`).query({ skip: '0', top: '100' }).reply(200, { totalRecords: 250, skills: skills(1, 100) })
      .get(`${S}/skills`).query({ skip: '100', top: '100' }).reply(200, { totalRecords: 250, skills: skills(101, 100) })
      .get(`${S}/skills`).query({ skip: '200', top: '100' }).reply(200, { totalRecords: 250, skills: skills(201, 50) });
    const c = client();
    const all = await c.listSkills();
    expect(all.map((s) => s.skillId)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(api.isDone()).toBe(true);
    expect(ADMIN_PAGE_SIZE).toBe(100);
  });

  it('passes the filters and stops on a short page when totalRecords is absent', async () => {
    const api = scope()
      .get(`${S}/skills`).query({ mediaTypeId: '4', isActive: 'true', searchString: 'Sales & co', skip: '0', top: '100' })
      .reply(200, { skills: skills(1, 3) });
    expect(await client().listSkills({ mediaTypeId: 4, isActive: true, searchString: 'Sales & co' })).toHaveLength(3);
    expect(api.isDone()).toBe(true);
  });

  it('refuses a list that ends short of totalRecords rather than return part of the tenant', async () => {
    scope()
      .get(`${S}/skills`).query({ skip: '0', top: '100' }).reply(200, { totalRecords: 150, skills: skills(1, 100) })
      .get(`${S}/skills`).query({ skip: '100', top: '100' }).reply(200, { totalRecords: 150, skills: [] });
    const err = await client().listSkills().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseShapeError);
    expect((err as Error).message).toBe('GET /skills: the answer does not have the shape the API contract gives it: the list ended after 100 of totalRecords 150 rows');
  });

  it('names the endpoint and the field when a list has the wrong shape', async () => {
    scope().get(`${S}/agents`).query(true).reply(200, { totalRecords: 1, agents: [{ agentId: '12', userName: 'a' }] });
    await expect(client().listAgents()).rejects.toThrow('GET /agents: the answer does not have the shape the API contract gives it: /agents/0/agentId must be integer');
  });

  it('takes an empty body (204) as an empty list', async () => {
    scope().get(`${S}/skills/5/agents`).query(true).reply(204);
    await expect(client().skillAgents(5)).resolves.toEqual([]);
  });

  it('reads a skill bare or wrapped in skills[], and refuses another skill or several', async () => {
    scope()
      .get(`${S}/skills/3`).reply(200, skill(3, { notes: 'bare' }))
      .get(`${S}/skills/3`).reply(200, { skills: [skill(3, { notes: 'wrapped' })] })
      .get(`${S}/skills/3`).reply(200, skill(4))
      .get(`${S}/skills/3`).reply(200, { skills: [skill(3), skill(3)] });
    const c = client();
    expect((await c.getSkill(3))['notes']).toBe('bare');
    expect((await c.getSkill(3))['notes']).toBe('wrapped');
    await expect(c.getSkill(3)).rejects.toThrow('the answer is skill 4, not 3');
    await expect(c.getSkill(3)).rejects.toThrow('2 skills where one was asked for');
  });

  it('PUTs the mapped body as given and accepts { success: true }', async () => {
    let body: unknown;
    const api = scope()
      .put(`${S}/skills/3`, (b: unknown) => ((body = b), true))
      .matchHeader('content-type', 'application/json')
      .reply(200, { success: true, skillId: 3 });
    const put = { skill: { skillName: 'Sales', mediatypeid: 4, isActive: true, initialPriority: 2 } };
    await client().putSkill(3, put);
    expect(body).toEqual(put);
    expect(api.isDone()).toBe(true);
  });

  it('treats success:false and errorCount > 0 inside a 200 as failures carrying the server message', async () => {
    scope()
      .put(`${S}/skills/3`).reply(200, { success: false, skillId: 3, error: 'Skill name already exists' })
      .put(`${S}/skills/3`).reply(200, { errorCount: 1, skillsResults: [{ success: false, error: 'Invalid serviceLevelGoal' }] });
    const c = client();
    const first = await c.putSkill(3, { skill: {} }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WriteRejectedError);
    expect((first as Error).message).toBe('PUT /skills/3 was answered 200 but reported failure: Skill name already exists');
    await expect(c.putSkill(3, { skill: {} })).rejects.toThrow('reported failure: item: Invalid serviceLevelGoal');
  });

  it('treats resultSet.errorCount and agentResults[].success:false inside a 200 as failures', async () => {
    let body: unknown;
    scope()
      .post(`${S}/skills/3/agents`, (b: unknown) => ((body = b), true))
      .reply(200, { resultSet: { errorCount: 1, agentResults: [{ agentId: 11, success: true }, { agentId: 12, success: false, error: 'Agent is inactive' }] } })
      .put(`${S}/skills/3/agents`).reply(200, { resultSet: { errorCount: 2, agentResults: [] } })
      .post(`${S}/skills/3/agents`).reply(200, { resultSet: { errorCount: 0, agentResults: [{ agentId: 11, success: true }] } });
    const c = client();
    const agents = [{ agentId: 11, isActive: true, proficiency: 3 }, { agentId: 12, isActive: true, proficiency: 20 }];
    await expect(c.assignAgents(3, agents)).rejects.toThrow('POST /skills/3/agents was answered 200 but reported failure: agent 12: Agent is inactive');
    expect(body).toEqual({ agents });
    await expect(c.changeAgents(3, agents)).rejects.toThrow('reported failure: no message given');
    await expect(c.assignAgents(3, [agents[0]!])).resolves.toBeUndefined();
  });

  it('refuses a proficiency outside 1..20 before sending anything', async () => {
    await expect(client().assignAgents(3, [{ agentId: 1, isActive: true, proficiency: 21 }])).rejects.toThrow(CxqError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('unassigns with DELETE', async () => {
    const api = scope().delete(`${S}/skills/3/agents/12`).reply(200, { resultSet: { errorCount: 0, agentResults: [] } });
    await client().unassignAgent(3, 12);
    expect(api.isDone()).toBe(true);
  });

  it('reads the assignments of several skills in one query and groups them', async () => {
    const api = scope()
      .get(`${S}/skills/agents`).query({ skills: '1,2,3', skip: '0', top: '100' })
      .reply(200, {
        totalRecords: 3,
        agentSkillAssignments: [
          { skillId: 1, agentId: 10, agentProficiencyValue: 1, isActive: true },
          { skillId: 2, agentId: 10, agentProficiencyValue: 5, isActive: false },
          { skillId: 1, agentId: 11, agentProficiencyValue: 2, isActive: true },
        ],
      });
    const byId = await client().agentsOfSkills([1, 2, 3]);
    expect(byId.get(1)?.map((a) => a.agentId)).toEqual([10, 11]);
    expect(byId.get(2)?.map((a) => a.agentProficiencyValue)).toEqual([5]);
    expect(byId.get(3)).toEqual([]);
    expect(api.isDone()).toBe(true);
  });

  it('refuses a multi-skill row without a skillId, or of a skill not asked for', async () => {
    scope()
      .get(`${S}/skills/agents`).query(true).reply(200, { totalRecords: 1, agentSkillAssignments: [{ agentId: 10 }] })
      .get(`${S}/skills/agents`).query(true).reply(200, { totalRecords: 1, agentSkillAssignments: [{ agentId: 10, skillId: 9 }] });
    const c = client();
    await expect(c.agentsOfSkills([1])).rejects.toThrow("/agentSkillAssignments/0 must have required property 'skillId'");
    await expect(c.agentsOfSkills([1])).rejects.toThrow('a row of skill 9, which was not asked for');
  });

  it('never re-sends a write whose answer was lost or was a 502; retries a 503', async () => {
    const api = scope()
      .put(`${S}/skills/3`).replyWithError(netError('ECONNRESET'))
      .post(`${S}/skills/3/agents`).reply(502, 'bad gateway')
      .delete(`${S}/skills/3/agents/4`).reply(503, 'busy')
      .delete(`${S}/skills/3/agents/4`).reply(200, '');
    const c = client();
    const lost = await c.putSkill(3, { skill: {} }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(OutcomeUnknownError);
    expect((lost as CxqError).hint).toContain('re-read the skill');
    await expect(c.assignAgents(3, [{ agentId: 4, isActive: true, proficiency: 1 }])).rejects.toBeInstanceOf(OutcomeUnknownError);
    await c.unassignAgent(3, 4);
    expect(api.isDone()).toBe(true);
    expect(c.stats.retries).toBe(1);
  });

  it('reads activity, a summary and paged completed contacts', async () => {
    scope()
      .get(`${S}/skills/activity`).reply(200, { skillActivity: [{ skillId: 1, queueCount: 3, agentsLoggedIn: 5 }] })
      .get(`${S}/skills/1/summary`).query({ startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-01T01:00:00Z' })
      .reply(200, { skillSummaries: [{ skillId: 1, contactsOffered: 40, averageHandleTime: 180 }] })
      .get(`${S}/contacts/completed`).query({ skillId: '1', startDate: 'a', endDate: 'b', skip: '0', top: '100' })
      .reply(200, { totalRecords: 101, completedContacts: Array.from({ length: 100 }, (_, i) => ({ contactId: i, inQueueSeconds: i })) })
      .get(`${S}/contacts/completed`).query({ skillId: '1', startDate: 'a', endDate: 'b', skip: '100', top: '100' })
      .reply(200, { totalRecords: 101, completedContacts: [{ contactId: 100, abandoned: true }] });
    const c = client();
    expect(await c.skillsActivity()).toEqual([{ skillId: 1, queueCount: 3, agentsLoggedIn: 5 }]);
    expect((await c.skillSummary(1, { startDate: '2026-12-01T00:00:00Z', endDate: '2026-12-01T01:00:00Z' }))?.contactsOffered).toBe(40);
    expect(await c.completedContacts(1, { startDate: 'a', endDate: 'b' })).toHaveLength(101);
  });
});
