/**
 * The `--format` values of `cxq drift` (json is the default: drift runs in scheduled CI), apart
 * from the renderers so that declaring the command's options does not load them.
 */
export const DRIFT_FORMATS = ['json', 'markdown', 'text'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];
