import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleEdit } from '../../src/sandbox/console-edit.js';
import { CONSOLE_CLIENT, startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { tokenRequest } from './helpers.js';

describe('sandbox OAuth clients: the configured one and the built-in console client', () => {
  let sb: SandboxHandle;
  let id: string;
  beforeAll(async () => {
    sb = await startSandbox({ queues: 3 });
    id = sb.state.listQueues()[0]!.id;
  });
  afterAll(() => sb.close());

  it('issues tokens to both, refuses a wrong console secret', async () => {
    for (const [client_id, client_secret] of [['sandbox', 'sandbox'], ['console', 'console']]) {
      const res = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: client_id!, client_secret: client_secret! });
      expect(res.status).toBe(200);
    }
    const bad = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: 'console', client_secret: 'sandbox' });
    expect(bad.status).toBe(401);
    const crossed = await tokenRequest(sb, { grant_type: 'client_credentials', client_id: 'sandbox', client_secret: 'console' });
    expect(crossed.status).toBe(401);
  });

  it('attributes a PUT made with the console client to the console user, not to the API client', async () => {
    const before = sb.state.getQueue(id)!;
    const after = await consoleEdit(sb.baseUrl, id, { maxWaitTime: 777 });
    expect(after).toMatchObject({ maxWaitTime: 777, version: before.version + 1, modifiedBy: CONSOLE_CLIENT.actor });
    const entry = sb.state.auditEntries().at(-1)!;
    expect(entry.user).toEqual(CONSOLE_CLIENT.actor);
    expect(entry.user.id).not.toBe('sandbox');
    expect(entry.changes).toEqual([{ field: 'maxWaitTime', oldValue: before.maxWaitTime, newValue: 777 }]);
  });

  it('can be switched off with extraClients: []', async () => {
    const plain = await startSandbox({ extraClients: [] });
    try {
      const res = await tokenRequest(plain, { grant_type: 'client_credentials', client_id: 'console', client_secret: 'console' });
      expect(res.status).toBe(401);
    } finally {
      await plain.close();
    }
  });
});
