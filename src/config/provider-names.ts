/** The API dialects cxq speaks; light on purpose (the CLI's option declarations import it). */
export const PROVIDERS = ['v2', 'admin'] as const;
export type ProviderName = (typeof PROVIDERS)[number];
export const DEFAULT_PROVIDER: ProviderName = 'v2';
