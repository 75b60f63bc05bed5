import { compareStrings } from '../util/canonical-json.js';

/** Anything exported under a name with an id (a queue; a skill with its id as a string). */
export interface Named {
  id: string;
  name: string;
}

/** Longest slug kept from a queue name (file systems and reviewers both prefer short names). */
const MAX_SLUG = 80;

/**
 * A file-name slug of a queue name: accents stripped, lower case, every run of other characters
 * turned into one `-`, no leading/trailing `-`, at most 80 characters. A name with no letter or
 * digit gives `queue`. `Support Tier 1` → `support-tier-1`; `Facturación` → `facturacion`.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'queue' : slug;
}

/**
 * The export file name of every live queue, by id: `<slug>.yaml`. When several queues share a
 * slug (`Sales` and `sales!`), every one of them gets `<slug>-<first 8 characters of its id>.yaml`,
 * so no name depends on which queue was listed first. Computed over ALL live queues, so exporting
 * a subset (`--id`, `--name`) names a queue exactly as a full export does. If even the id prefix
 * collides, the whole id is used.
 */
export function exportFileNames(queues: readonly Named[]): Map<string, string> {
  const bySlug = new Map<string, Named[]>();
  for (const q of queues) {
    const slug = slugify(q.name);
    const list = bySlug.get(slug);
    if (list) list.push(q);
    else bySlug.set(slug, [q]);
  }
  const names = new Map<string, string>();
  for (const [slug, group] of bySlug) {
    if (group.length === 1) {
      names.set(group[0]!.id, `${slug}.yaml`);
      continue;
    }
    const prefixes = group.map((q) => slugify(q.id).slice(0, 8));
    const unique = new Set(prefixes).size === group.length;
    for (const q of [...group].sort((a, b) => compareStrings(a.id, b.id))) {
      const suffix = unique ? slugify(q.id).slice(0, 8) : slugify(q.id);
      names.set(q.id, `${slug}-${suffix}.yaml`);
    }
  }
  return names;
}
