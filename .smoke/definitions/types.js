/** The fields a definition may declare, in canonical (output) order. */
export const DEFINITION_FIELDS = [
    'id',
    'name',
    'description',
    'routingStrategy',
    'waitMusic',
    'maxWaitTime',
    'skills',
    'skillRoutingType',
    'enableOverflow',
    'overflowThreshold',
    'overflowTargets',
];
//# sourceMappingURL=types.js.map