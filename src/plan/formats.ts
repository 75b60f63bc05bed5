/**
 * The `--format` values of `cxq plan`, apart from the renderers so that declaring the command's
 * options does not load the rendering code (see src/cli/program.ts: commands load lazily).
 */
export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
