/**
 * The managed queues of the insight commands: definitions from `--dir` matched against the live
 * list, optionally narrowed by `--id`. Thin I/O around the definitions loader and the matcher.
 */
import type { CxoneApi } from '../model/api.js';
import type { Queue } from '../model/queue.js';
import { validateDirectory } from '../definitions/validate.js';
import { DefinitionError, UsageError } from '../errors.js';
import type { Logger } from '../log.js';
import { matchDefinitions } from '../plan/match.js';

/** Default definitions directory, as for validate/plan/apply. */

export interface ManagedQueue {
  id: string;
  name: string;
  version: number;
}

/**
 * Loads and validates the definitions in `dir`, lists the live queues and matches them.
 * Throws `DefinitionError` when a definition is invalid or matches no single live queue (as plan
 * does: a stale definition is an error, not a silent skip), and `UsageError` when an `--id` names
 * no managed queue. API failures propagate (ApiError, NetworkError). Returns the queues sorted
 * by name then id, deduplicated.
 */
export async function loadManagedQueues(
  api: CxoneApi,
  options: { dir: string; cwd: string; ids?: readonly string[]; logger: Logger },
): Promise<ManagedQueue[]> {
  const validation = await validateDirectory(options.dir, { cwd: options.cwd });
  if (validation.problems.length > 0) throw new DefinitionError(validation.problems);
  const live: Queue[] = await api.listQueues();
  const { matched, problems } = matchDefinitions(validation.definitions, live);
  if (problems.length > 0) {
    throw new DefinitionError(
      problems,
      `${problems.length} problem(s) between the queue definitions and the live tenant`,
      'cxq does not create queues: fix the definition, or create the queue in CXone first.',
    );
  }
  let queues = matched.map((m) => ({ id: m.live.id, name: m.live.name, version: m.live.version }));
  if (options.ids !== undefined && options.ids.length > 0) {
    const managed = new Set(queues.map((q) => q.id));
    const unknown = options.ids.filter((id) => !managed.has(id));
    if (unknown.length > 0) {
      throw new UsageError(`--id ${unknown.join(', ')}: not a queue managed by the definitions in ${options.dir}`, {
        hint: 'Pass the id of a queue that a definition in --dir manages (see `cxq plan`).',
      });
    }
    const wanted = new Set(options.ids);
    queues = queues.filter((q) => wanted.has(q.id));
  }
  const unique = [...new Map(queues.map((q) => [q.id, q])).values()];
  unique.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
  options.logger.info({ definitions: validation.definitions.length, live: live.length, managed: unique.length }, 'managed queues matched');
  return unique;
}
