/**
 * The `--format` values of the insight commands, apart from the renderers so that declaring the
 * commands' options does not load them (see src/cli/program.ts: commands load lazily).
 */

/** `cxq audit --format`. */
export const AUDIT_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** `cxq status --format`. */
export const STATUS_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

/** `cxq report abandonment --format`. */
export const ABANDONMENT_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type AbandonmentFormat = (typeof ABANDONMENT_FORMATS)[number];
