import { closeSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';
/** `apply-X.json` → `apply-X.journal.jsonl`: the journal lives next to the report it feeds. */
export function journalPathFor(reportPath) {
    return `${reportPath.replace(/\.json$/i, '')}.journal.jsonl`;
}
/**
 * The append-only journal of one apply run: one JSON line per event, each written and flushed
 * to disk (fdatasync) before `append` returns, so that a crash right after a PUT was sent still
 * leaves the `attempt` line behind. The events are also kept in memory for the final report.
 * Opening or writing failures throw `FileError`: a run that cannot keep its record must stop.
 */
export class Journal {
    file;
    events = [];
    fd;
    constructor(file, fd) {
        this.file = file;
        this.fd = fd;
    }
    /** Creates the directory if needed and opens `file` for appending (an existing file is kept). */
    static open(file) {
        try {
            mkdirSync(dirname(file), { recursive: true });
            return new Journal(file, openSync(file, 'a'));
        }
        catch (err) {
            throw new FileError(file, `cannot open the apply journal ${file}: ${reason(err)}`, {
                hint: 'Choose a writable place with --report FILE.',
                cause: err,
            });
        }
    }
    /** Writes one event as a line and flushes it; throws `FileError` if the disk refuses. */
    append(event) {
        if (this.fd === null)
            throw new FileError(this.file, `the apply journal ${this.file} is closed`);
        try {
            writeSync(this.fd, `${JSON.stringify(event)}\n`);
            fdatasyncSync(this.fd);
        }
        catch (err) {
            throw new FileError(this.file, `cannot write the apply journal ${this.file}: ${reason(err)}`, {
                hint: 'Free disk space or choose another place with --report FILE; no further write was started.',
                cause: err,
            });
        }
        this.events.push(event);
    }
    close() {
        if (this.fd !== null)
            closeSync(this.fd);
        this.fd = null;
    }
}
/**
 * Reads a journal back. A torn last line (the process died mid-write) is ignored; any other
 * unparsable line, or a missing file, throws `FileError`.
 */
export function readJournal(file) {
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new FileError(file, `cannot read the apply journal ${file}: ${reason(err)}`, { cause: err });
    }
    const lines = text.split('\n');
    const events = [];
    lines.forEach((line, i) => {
        if (line.trim() === '')
            return;
        try {
            events.push(JSON.parse(line));
        }
        catch (err) {
            const last = i === lines.length - 1;
            if (!last)
                throw new FileError(file, `${file}:${i + 1}: not a journal line`, { cause: err });
        }
    });
    return events;
}
function reason(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=journal.js.map