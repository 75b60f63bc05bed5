import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/definitions/utf8.js';
import { runCaptured } from '../helpers/cli.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 and drops a leading BOM', () => {
    expect(decodeUtf8(utf8('name: Facturación\n'))).toEqual({ text: 'name: Facturación\n' });
    expect(decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('name: Ü\n')]))).toEqual({ text: 'name: Ü\n' });
  });

  it('locates the first invalid byte at line and column, the column counting characters before it', () => {
    expect(decodeUtf8(latin1('id: a\nname: x\ndescription: Facturación\n'))).toEqual({ line: 3, column: 23, byte: 0xf3 });
    // Multi-byte characters before it count as one column each, as in every other location.
    expect(decodeUtf8(Buffer.concat([utf8('name: éé'), Buffer.from([0xff])]))).toEqual({ line: 1, column: 9, byte: 0xff });
    // After a BOM, line 1 columns do not count the BOM.
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x80]))).toEqual({ line: 1, column: 2, byte: 0x80 });
  });

  it('finds overlong forms, surrogates, code points above U+10FFFF and sequences cut short', () => {
    expect(firstInvalidByte(utf8('ok ✓ 𝄞'))).toBe(-1);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidByte(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0); // overlong 3-byte
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidByte(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidByte(Buffer.from([0x61, 0x62, 0xe2, 0x9c]))).toBe(2); // cut short by the end
    expect(firstInvalidByte(Buffer.from([0x61, 0x80]))).toBe(1); // stray continuation byte
  });
});

describe('definitions that are not UTF-8 (issue 12 §6)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cxq-utf8-'));
    mkdirSync(join(root, 'queues'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('validate: a Latin-1 "Facturación" is an error at file:line:column showing the byte, exit 1', async () => {
    writeFileSync(join(root, 'queues', 'x.yaml'), latin1('id: q-1\nmaxWaitTime: 300\nname: Facturación\n'));
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('queues/x.yaml:3:16 (encoding): invalid UTF-8 byte 0xF3; save the file as UTF-8');
    expect(r.stdout).not.toContain('\uFFFD');
  });

  it('validate: a UTF-8 file with a BOM is accepted', async () => {
    writeFileSync(join(root, 'queues', 'x.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('name: Facturación\nmaxWaitTime: 300\n')]));
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r.stdout).not.toContain('encoding');
    expect(r.code).toBe(0);
  });
});
