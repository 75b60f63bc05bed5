/**
 * The `--format` values of `cxq drift` (text is the default, as for every command; json for
 * machines), apart from the renderers so that declaring the command's options does not load them.
 */
export const DRIFT_FORMATS = ['text', 'json', 'markdown'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];
