/**
 * Reading many written skills back at once (the admin dialect): after the writes of a run, every
 * applied skill is read back and judged (src/apply/skill-readback.ts). When many are pending the
 * skills list is read (100 skills a page) instead of one GET per skill, and the assignments of
 * skills with agents come from the multi-skill endpoint, so a run of 1,000 writes pays ~10
 * requests for its proof instead of 1,000. Reads still lagging are re-read with bounded backoff.
 */
import type { LiveSkill } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import type { Sleep } from './propagation.js';
import { judgeReadback, READBACK_DELAYS_MS, type ReadbackVerdict, type SkillRead } from './skill-readback.js';
import type { PendingReadback } from './skill-reconcile.js';

/** Rows per skills list page (the admin client's page size). */
const PAGE = 100;

/**
 * Verdicts by skill id for `pending` (see the file comment). `liveCount` (skills in the tenant)
 * decides between list pages and GETs: the list when it costs fewer requests. A skill missing
 * from the read is judged `other-writer` (it vanished). An aborted `signal` stops the re-reads
 * (the lagging ones keep their `lagging` verdict). API errors propagate.
 */
export async function confirmSkills(
  api: SkillApi,
  pending: readonly PendingReadback[],
  options: { sleep: Sleep; liveCount: number; delays?: readonly number[]; signal?: AbortSignal },
): Promise<Map<string, ReadbackVerdict>> {
  const verdicts = new Map<string, ReadbackVerdict>();
  const delays = options.delays ?? READBACK_DELAYS_MS;
  let open = [...pending];
  for (let round = 0; open.length > 0; round++) {
    const reads = await readMany(api, open, options.liveCount);
    const lagging: PendingReadback[] = [];
    for (const p of open) {
      const after = reads.get(p.task.skillId);
      const verdict: ReadbackVerdict = after === undefined ? { state: 'other-writer', paths: ['/skillId'] } : judgeReadback(p.before, after, p.task.desired, p.agents);
      verdicts.set(p.task.id, verdict);
      if (verdict.state === 'lagging') lagging.push(p);
    }
    open = lagging;
    const delay = delays[round];
    if (open.length === 0 || delay === undefined || options.signal?.aborted) break;
    await options.sleep(delay);
  }
  return verdicts;
}

async function readMany(api: SkillApi, open: readonly PendingReadback[], liveCount: number): Promise<Map<number, Pick<SkillRead, 'skill' | 'assignments'>>> {
  const useList = open.length > Math.ceil(liveCount / PAGE);
  const ids = open.map((p) => p.task.skillId);
  const wanted = new Set(ids);
  const skills: LiveSkill[] = useList ? (await api.listSkills()).filter((s) => wanted.has(s.skillId)) : await Promise.all(ids.map((id) => api.getSkill(id)));
  const withAgents = open.filter((p) => p.task.desired.agents !== undefined).map((p) => p.task.skillId);
  const assigned = withAgents.length > 0 ? await api.assignments(withAgents) : new Map();
  const out = new Map<number, Pick<SkillRead, 'skill' | 'assignments'>>();
  for (const skill of skills) {
    const rows = assigned.get(skill.skillId);
    out.set(skill.skillId, rows === undefined ? { skill } : { skill, assignments: rows });
  }
  return out;
}
