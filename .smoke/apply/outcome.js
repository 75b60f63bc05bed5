/** Pure: the decision table above. `holdsDesired` is "diffQueue(reread, desired) is empty". */
export function decideUnknownOutcome(input) {
    const { sentVersion, reread, holdsDesired, clientId } = input;
    if (reread.version <= sentVersion)
        return holdsDesired ? 'noop' : 'resend';
    if (!holdsDesired)
        return 'conflict';
    if (reread.version === sentVersion + 1)
        return 'applied';
    return reread.modifiedBy?.id === clientId ? 'applied' : 'noop';
}
//# sourceMappingURL=outcome.js.map