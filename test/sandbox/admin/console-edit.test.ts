import { describe, expect, it } from 'vitest';
import { adminConsoleEdit } from '../../../src/sandbox/admin/console-edit.js';
import { skillId, start } from './helpers.js';

describe('adminConsoleEdit', () => {
  it('changes only the named fields over HTTP with the console key, as one write', async () => {
    const sb = await start();
    const id = skillId(sb, 'VIP Voice');
    const before = sb.state.getSkill(id)!;
    const after = await adminConsoleEdit(sb.baseUrl, id, { serviceLevelThreshold: 20 });
    expect(after).toEqual({ ...before, serviceLevelThreshold: 20 });
    expect(sb.state.getSkill(id)).toEqual(after);
    expect(sb.state.writeCount(id)).toBe(1);
    expect(sb.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/inContactAPI/services/v33.0/skills/${id}`]);
  });

  it('rejects a failure inside a 200 and an unknown skill, naming the step', async () => {
    const sb = await start();
    const id = skillId(sb, 'Support Voice');
    sb.state.failWrites(id, 1, 'locked by another user');
    await expect(adminConsoleEdit(sb.baseUrl, id, { serviceLevelGoal: 50 })).rejects.toThrow(`PUT skill ${id} failed inside a 200: locked by another user`);
    expect(sb.state.getSkill(id)!['serviceLevelGoal']).toBe(80);
    await expect(adminConsoleEdit(sb.baseUrl, 42, { serviceLevelGoal: 50 })).rejects.toThrow('GET skill 42 answered HTTP 404');
  });
});
