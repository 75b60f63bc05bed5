import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors.js';
import { writeFileAtomic, writeFileAtomicSync, writeHint } from '../../src/util/write-atomic.js';

describe.each([
  ['writeFileAtomic', (f: string, t: string) => writeFileAtomic(f, t)],
  ['writeFileAtomicSync', async (f: string, t: string) => writeFileAtomicSync(f, t)],
])('%s', (_name, write) => {
  it('creates the directory, writes the file and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxq-atomic-'));
    await write(join(dir, 'out', 'a.csv'), 'a,b\r\n');
    expect(await readFile(join(dir, 'out', 'a.csv'), 'utf8')).toBe('a,b\r\n');
    expect(await readdir(join(dir, 'out'))).toEqual(['a.csv']);
  });

  it('replaces an existing file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxq-atomic-'));
    await writeFile(join(dir, 'p.json'), 'old content that is longer');
    await write(join(dir, 'p.json'), 'new');
    expect(await readFile(join(dir, 'p.json'), 'utf8')).toBe('new');
  });

  it('throws a FileError naming the file when the parent is a file, leaving nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxq-atomic-'));
    await writeFile(join(dir, 'file'), 'x');
    const target = join(dir, 'file', 'sub.csv');
    await expect(write(target, 'x')).rejects.toThrow(FileError);
    await expect(write(target, 'x')).rejects.toThrow(`cannot write ${target}`);
    expect(await readdir(dir)).toEqual(['file']);
  });
});

describe('writeHint', () => {
  const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

  it.each(['EACCES', 'EPERM', 'EROFS'])('puts the run-as-owner fix before the given hint on %s', (code) => {
    const hint = writeHint(errno(code), 'Choose a writable place with --report FILE.');
    expect(hint).toContain('docker run --user "$(id -u):$(id -g)"');
    expect(hint.endsWith('Otherwise: Choose a writable place with --report FILE.')).toBe(true);
  });

  it.each([errno('ENOSPC'), errno('ENOTDIR'), new Error('no code'), undefined])('keeps the given hint alone for %s', (err) => {
    expect(writeHint(err, 'h')).toBe('h');
  });
});
