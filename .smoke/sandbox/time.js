/**
 * The contract's time expressions: ISO-8601 timestamps and `now`, `now-Nm`, `now-Nh`, `now-Nd`.
 */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** The instant `expr` names relative to `now`, or undefined when it is not a valid expression. */
export function parseTimeExpr(expr, now) {
    const s = expr.trim();
    if (s === 'now')
        return new Date(now.getTime());
    const rel = /^now-(\d+)([mhd])$/.exec(s);
    if (rel)
        return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]]);
    if (!ISO.test(s))
        return undefined;
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : new Date(t);
}
//# sourceMappingURL=time.js.map