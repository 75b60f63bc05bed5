import { readFileSync } from 'node:fs';
/** The package version, read once from package.json (one directory above both src/ and dist/). */
export const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
//# sourceMappingURL=version.js.map