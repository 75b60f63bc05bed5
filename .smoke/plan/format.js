/** Small formatting helpers shared by the plan and drift renderers (text and markdown). */
/** A field pointer as users read it: `/waitMusic/url` → `waitMusic.url`. */
export function fieldLabel(path) {
    return path.replace(/^\//, '').split('/').join('.');
}
/**
 * A value as users read it: strings quoted (as JSON, so a newline shows as `\n`), numbers and
 * booleans bare, lists and objects as compact JSON, and an absent value (`null`) as `(unset)`.
 */
export function formatValue(value) {
    if (value === null || value === undefined)
        return '(unset)';
    return JSON.stringify(value);
}
/** The short form of a queue id shown next to its name: the first 8 characters and `…`. */
export function shortId(id) {
    return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}
/** Cuts `text` to at most `max` characters, marking the cut with `…`. */
export function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
/** Wraps text in ANSI colour when `enabled`; plain text otherwise. */
export function paint(enabled, colour, text) {
    if (!enabled)
        return text;
    const codes = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 };
    return `\u001b[${codes[colour]}m${text}\u001b[0m`;
}
/** `1 queue` / `3 queues`. */
export function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
//# sourceMappingURL=format.js.map