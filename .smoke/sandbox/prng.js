/**
 * Deterministic randomness for the sandbox. Faults and generated data must replay exactly for a
 * given seed (tests compare sequences), so nothing here may use Math.random.
 */
import { createHash } from 'node:crypto';
/** mulberry32: tiny, fast, good enough for fault injection and fixtures; not cryptographic. */
export function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** FNV-1a 32-bit hash of a string: a stable per-queue number for derived metrics. */
export function hashString(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/**
 * A UUID-shaped id (version 5 layout, SHA-256 based) derived from `name`: the same name always
 * yields the same id, so a name-only definition keeps one id across sandbox restarts.
 */
export function uuidFromName(name) {
    const hex = createHash('sha256').update(`cxq-sandbox:${name}`).digest('hex');
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return [
        hex.slice(0, 8),
        hex.slice(8, 12),
        `5${hex.slice(13, 16)}`,
        `${variant}${hex.slice(17, 20)}`,
        hex.slice(20, 32),
    ].join('-');
}
/** An integer in [min, max] drawn from `rng`. */
export function intBetween(rng, min, max) {
    return min + Math.floor(rng() * (max - min + 1));
}
//# sourceMappingURL=prng.js.map