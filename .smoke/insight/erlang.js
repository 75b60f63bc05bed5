/**
 * Erlang B and Erlang C (M/M/N, infinite patience), pure and numerically stable.
 *
 * Erlang B is computed with the recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which never
 * forms A^N or N! and so neither overflows nor loses precision for thousands of agents.
 * Erlang C follows from it: C = N·B / (N − A·(1 − B)).
 */
/**
 * Erlang B blocking probability for `load` Erlangs on `agents` servers (integer part used).
 * Returns 1 for zero agents with positive load and 0 for zero load. Throws `RangeError` on a
 * negative or non-finite argument: callers validate metrics before asking.
 */
export function erlangB(load, agents) {
    assertNonNegative('load', load);
    assertNonNegative('agents', agents);
    const n = Math.floor(agents);
    if (load === 0)
        return n === 0 ? 1 : 0;
    let b = 1;
    for (let k = 1; k <= n; k++)
        b = (load * b) / (k + load * b);
    return b;
}
/**
 * Erlang C: probability of waiting for `load` Erlangs on `agents` agents. Returns 1 when the
 * queue is overloaded (agents ≤ load, load > 0) and 0 for zero load.
 */
export function erlangC(load, agents) {
    const n = Math.floor(agents);
    if (load === 0)
        return 0;
    if (n <= load)
        return 1;
    const b = erlangB(load, n);
    return (n * b) / (n - load * (1 - b));
}
/**
 * Service level and average speed of answer under Erlang C:
 * SL(t) = 1 − C·e^{−(N−A)·t/AHT}, ASA = C·AHT/(N−A).
 * Zero load gives SL 1 and ASA 0; an overloaded queue (N ≤ A) gives SL 0 and ASA Infinity.
 * Throws `RangeError` on negative or non-finite input; `handleTime` must be > 0 when load > 0.
 */
export function erlangCServiceLevel(input) {
    const { load, handleTime, targetSeconds } = input;
    assertNonNegative('targetSeconds', targetSeconds);
    const agents = Math.floor(input.agents);
    if (load === 0)
        return { pWait: 0, serviceLevel: 1, asa: 0, overloaded: false };
    if (!(handleTime > 0))
        throw new RangeError(`handleTime must be > 0 when load > 0 (got ${handleTime})`);
    if (agents <= load)
        return { pWait: 1, serviceLevel: 0, asa: Infinity, overloaded: true };
    const pWait = erlangC(load, agents);
    const spare = agents - load;
    const serviceLevel = 1 - pWait * Math.exp((-spare * targetSeconds) / handleTime);
    return { pWait, serviceLevel: clamp01(serviceLevel), asa: (pWait * handleTime) / spare, overloaded: false };
}
/** Clamps rounding noise into [0, 1]. */
export function clamp01(x) {
    return x < 0 ? 0 : x > 1 ? 1 : x;
}
function assertNonNegative(name, value) {
    if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(`${name} must be a finite number >= 0 (got ${value})`);
    }
}
//# sourceMappingURL=erlang.js.map