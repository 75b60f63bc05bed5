/**
 * The admin sandbox's sample tenant, as data: skills of several media types, agents in three
 * teams, assignments with proficiencies. It holds the six skills and every user name of
 * examples/admin/skills, agreeing with those definitions except in two planned places (see
 * docs/sandbox.md, "Seeding"); test/sandbox/admin/seed.test.ts holds it to that.
 */

type SampleSkill = [name: string, fields: Record<string, unknown>, readOnly?: Record<string, unknown>];

/** The sample tenant's skills, in id order (ids 1000001…). */
export const SAMPLE_SKILLS: readonly SampleSkill[] = [
  [
    'Support Phone',
    {
      mediaTypeId: 4,
      campaignId: 1,
      scriptId: 10,
      serviceLevelThreshold: 30,
      serviceLevelGoal: 80,
      screenPopTriggerEvent: 'CONNECT',
      useScreenPops: true,
      notes: 'Tier 1 voice',
      initialPriority: 1,
      acceleration: 2,
      maxPriority: 100,
    },
  ],
  [
    'Billing Phone',
    {
      mediaTypeId: 4,
      campaignId: 1,
      scriptId: 10,
      serviceLevelThreshold: 20,
      serviceLevelGoal: 90,
      enableShortAbandon: true,
      shortAbandonThreshold: 10,
      priorityBlending: true,
      agentRestTime: 5,
    },
  ],
  [
    'Support Email',
    {
      mediaTypeId: 1,
      campaignId: 1,
      scriptId: 11,
      serviceLevelThreshold: 3600,
      serviceLevelGoal: 80,
      emailFromAddress: 'support@example.com',
      requireDisposition: true,
      maxSecondsACW: 120,
      screenPopTriggerEvent: 'ACTIVE',
    },
  ],
  [
    'Web Chat',
    {
      mediaTypeId: 3,
      campaignId: 3,
      scriptId: 12,
      serviceLevelThreshold: 60,
      serviceLevelGoal: 85,
      chatWarningThreshold: 120,
      agentTypingIndicator: true,
      patronTypingPreview: true,
      popThankYou: true,
      popThankYouURL: 'https://example.com/thanks',
    },
  ],
  [
    'SMS Care',
    {
      mediaTypeId: 7,
      campaignId: 3,
      serviceLevelThreshold: 300,
      serviceLevelGoal: 75,
      smsTransportCodeId: 5,
      requireManualAccept: true,
    },
  ],
  [
    'Voicemail Callback',
    {
      mediaTypeId: 5,
      isActive: false,
      serviceLevelThreshold: 7200,
      serviceLevelGoal: 50,
      notes: 'retired in 2025',
    },
  ],
  [
    'Digital Messaging',
    {
      mediaTypeId: 9,
      campaignId: 3,
      scriptId: 12,
      serviceLevelThreshold: 120,
      serviceLevelGoal: 80,
      enableShortAbandon: true,
      shortAbandonThreshold: 20,
      countShortAbandons: true,
    },
  ],
  [
    'Outbound Sales',
    {
      mediaTypeId: 4,
      campaignId: 2,
      serviceLevelThreshold: 30,
      serviceLevelGoal: 70,
    },
    { isOutbound: true, outboundStrategy: 'Personal Connection', isRunning: true },
  ],
  // The skills of examples/admin/skills (ids 1000009…); fields those definitions leave out are
  // the tenant's own, which cxq carries through.
  [
    'Billing Voice',
    {
      mediaTypeId: 4,
      campaignId: 1,
      scriptId: 10,
      serviceLevelThreshold: 20,
      serviceLevelGoal: 90,
      initialPriority: 10,
      acceleration: 2,
      maxPriority: 500,
      maxSecondsACW: 90,
      enableShortAbandon: true,
      shortAbandonThreshold: 10,
    },
  ],
  [
    'Collections SMS',
    { mediaTypeId: 7, campaignId: 3, isActive: false, serviceLevelThreshold: 300, serviceLevelGoal: 75, smsTransportCodeId: 5 },
  ],
  [
    'Support Chat',
    {
      mediaTypeId: 3,
      campaignId: 3,
      scriptId: 12,
      serviceLevelThreshold: 60,
      serviceLevelGoal: 85,
      priorityBlending: true,
      requireManualAccept: false,
      agentRestTime: 5,
      chatWarningThreshold: 120,
    },
  ],
  [
    'Support Voice',
    {
      mediaTypeId: 4,
      campaignId: 1,
      scriptId: 10,
      serviceLevelThreshold: 30,
      serviceLevelGoal: 80,
      initialPriority: 0,
      acceleration: 1,
      maxPriority: 1000,
      enableShortAbandon: true,
      shortAbandonThreshold: 15,
      countShortAbandons: false,
      requireDisposition: true,
      maxSecondsACW: 120,
      notes: 'First line for inbound support calls',
      screenPopTriggerEvent: 'CONNECT',
      useScreenPops: true,
    },
  ],
  [
    'VIP Voice',
    {
      mediaTypeId: 4,
      campaignId: 1,
      scriptId: 10,
      serviceLevelThreshold: 10,
      serviceLevelGoal: 95,
      initialPriority: 100,
      acceleration: 5,
      maxPriority: 1000,
      requireDisposition: true,
      notes: 'Reserved for VIP customers.\nEscalations go to the duty manager.',
    },
  ],
];

/** The sample agents: [userName, firstName, lastName, teamId, isActive]. */
export const SAMPLE_AGENTS: readonly [string, string, string, number, boolean][] = [
  ['ana.garcia', 'Ana', 'Garcia', 1, true],
  ['ben.okafor', 'Ben', 'Okafor', 1, true],
  ['chloe.martin', 'Chloe', 'Martin', 1, true],
  ['david.chen', 'David', 'Chen', 2, true],
  ['emma.schmidt', 'Emma', 'Schmidt', 2, true],
  ['farah.khan', 'Farah', 'Khan', 2, true],
  ['george.silva', 'George', 'Silva', 3, true],
  ['hana.sato', 'Hana', 'Sato', 3, true],
  ['ivan.petrov', 'Ivan', 'Petrov', 2, false],
  ['julia.rossi', 'Julia', 'Rossi', 3, true],
  // named by examples/admin/skills
  ['emma.schulz', 'Emma', 'Schulz', 2, true],
  ['farid.haddad', 'Farid', 'Haddad', 2, true],
  ['david.kim', 'David', 'Kim', 3, true],
];

export const TEAMS: Readonly<Record<number, string>> = { 1: 'Tier 1', 2: 'Tier 2', 3: 'Digital' };

/** Sample assignments: skill name → [userName, proficiency, isActive?]. */
export const SAMPLE_ASSIGNMENTS: Readonly<Record<string, readonly [string, number, boolean?][]>> = {
  'Support Phone': [['ana.garcia', 1], ['ben.okafor', 3], ['chloe.martin', 5], ['david.chen', 8, false]],
  'Billing Phone': [['ana.garcia', 2], ['emma.schmidt', 4], ['farah.khan', 6]],
  'Support Email': [['chloe.martin', 2], ['george.silva', 5]],
  'Web Chat': [['hana.sato', 1], ['julia.rossi', 3], ['ben.okafor', 10]],
  'SMS Care': [['hana.sato', 4]],
  'Digital Messaging': [['julia.rossi', 2], ['hana.sato', 2], ['george.silva', 7]],
  'Outbound Sales': [['david.chen', 5], ['ivan.petrov', 5]],
  // ben.okafor is the one assignment the exclusive Billing Voice definition removes.
  'Billing Voice': [['emma.schulz', 1], ['farid.haddad', 4], ['ben.okafor', 6]],
  'Collections SMS': [['farid.haddad', 6]],
  // ana.garcia's inactive flag is left unmanaged by the definition (it declares no `active`).
  'Support Chat': [['ana.garcia', 2, false], ['david.kim', 1], ['hana.sato', 3]],
  'Support Voice': [['ana.garcia', 1], ['ben.okafor', 3], ['chloe.martin', 5], ['julia.rossi', 8]],
  'VIP Voice': [['ana.garcia', 1], ['emma.schulz', 2]],
};
