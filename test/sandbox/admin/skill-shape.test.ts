import { describe, expect, it } from 'vitest';
import { fromPutShape, READ_ONLY, toPutShape, WRITABLE, writableDefaults } from '../../../src/sandbox/admin/skill-shape.js';
import { start } from './helpers.js';

describe('admin skill shapes (pure)', () => {
  it('GET → PUT → GET gives back every non-null writable field of every sample skill', async () => {
    const sb = await start();
    for (const skill of sb.state.listSkills()) {
      const put = toPutShape(skill);
      for (const name of [...READ_ONLY, 'mediaTypeId', 'popThankYouURL', 'patronTypingPreview']) expect(put).not.toHaveProperty(name);
      expect(Object.values(put)).not.toContain(null);
      const back = fromPutShape(put, 'reject');
      expect(back.errors).toEqual([]);
      const expected = Object.fromEntries(WRITABLE.map((f) => [f.get, skill[f.get]]).filter(([, v]) => v !== null));
      expect(back.fields).toEqual(expected);
    }
  });

  it('maps the four asymmetric fields both ways', () => {
    const get = { mediaTypeId: 4, popThankYouURL: 'https://t.example', patronTypingPreview: true, screenPopTriggerEvent: 'CONNECT' };
    expect(toPutShape(get)).toEqual({ mediatypeid: 4, popThankYouUrl: 'https://t.example', patronTypingIndicator: true, screenPopTriggerEvent: 2 });
    for (const [name, n] of [['LINKED', 1], ['CONNECT', 2], ['ACTIVE', 3]] as const) {
      expect(fromPutShape({ screenPopTriggerEvent: n }, 'reject').fields).toEqual({ screenPopTriggerEvent: name });
      expect(toPutShape({ screenPopTriggerEvent: name })).toEqual({ screenPopTriggerEvent: n });
    }
    expect(fromPutShape({ screenPopTriggerEvent: 4 }, 'reject').errors).toHaveLength(1);
  });

  it('has a default for every writable field but the name and the media type', () => {
    const defaults = writableDefaults();
    expect(WRITABLE.filter((f) => !(f.get in defaults)).map((f) => f.get)).toEqual(['skillName', 'mediaTypeId']);
    expect(fromPutShape(toPutShape(defaults), 'reject').errors).toEqual([]);
  });
});
