import { describe, expect, it } from 'vitest';
import { collectPages, type CursorPage } from '../../../src/providers/v2/paginate.js';
import { CxqError } from '../../../src/errors.js';

describe('collectPages', () => {
  it('follows nextUri until it is null or absent, keeping order', async () => {
    const pages: Record<string, CursorPage<number>> = {
      '/p2': { results: [3, 4], nextUri: '/p3' },
      '/p3': { results: [5], nextUri: null },
    };
    const asked: string[] = [];
    const out = await collectPages<number>(async () => ({ results: [1, 2], nextUri: '/p2' }), async (u) => {
      asked.push(u);
      return pages[u] ?? { results: [] };
    });
    expect(out).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual(['/p2', '/p3']);
    expect(await collectPages<number>(async () => ({ results: [9] }), async () => ({ results: [] }))).toEqual([9]);
  });

  it('refuses a repeated nextUri', async () => {
    let n = 0;
    const err = await collectPages(async () => ({ results: [], nextUri: '/a' }), async () => ({ results: [], nextUri: ++n < 3 ? '/b' : '/a' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CxqError);
    expect((err as Error).message).toBe('the API returned the page /b twice: pagination would never end');
  });

  it('stops after maxPages pages: the limit passes, limit + 1 fails', async () => {
    const endless = (limit: number) => {
      let i = 0;
      return collectPages<number>(async () => ({ results: [0], nextUri: '/x0' }), async () => {
        i++;
        return { results: [i], nextUri: i < limit - 1 ? `/x${i}` : null };
      }, 3);
    };
    await expect(endless(3)).resolves.toEqual([0, 1, 2]);
    await expect(endless(4)).rejects.toThrow('the API returned more than 3 pages; stopping to avoid an endless loop');
  });

  it('refuses a nextUri that leaves the base URL', async () => {
    await expect(collectPages(async () => ({ results: [], nextUri: 'https://evil.example/x' }), async () => ({ results: [] }))).rejects.toThrow(
      'the API returned a nextUri that is not a path relative to the base URL',
    );
    await expect(collectPages(async () => ({ results: [], nextUri: '//evil.example/x' }), async () => ({ results: [] }))).rejects.toThrow(CxqError);
  });

  it('gathers a page of 1,000,000 results without spreading them into a call', async () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    const out = await collectPages<number>(async () => ({ results: big, nextUri: '/2' }), async () => ({ results: [7] }), 10, 2_000_000);
    expect(out.length).toBe(1_000_001);
    expect(out[999_999]).toBe(999_999);
  });

  it('stops past maxItems results in all: the limit passes, limit + 1 fails', async () => {
    const list = (second: number[]) =>
      collectPages<number>(async () => ({ results: [1, 2], nextUri: '/2' }), async () => ({ results: second }), 10, 4);
    await expect(list([3, 4])).resolves.toEqual([1, 2, 3, 4]);
    const err = await list([3, 4, 5]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CxqError);
    expect((err as Error).message).toBe('the API returned more than 4 items for one list; stopping');
  });
});
