/**
 * Asks a yes/no question on a terminal: writes `question`, reads one line from `input`. Resolves
 * true only for `y` or `yes` (any case); anything else, end of input, or an abort (SIGINT while
 * waiting) resolves false. Never throws.
 */
export function askYesNo(input, output, question, signal) {
    output.write(question);
    return new Promise((resolve) => {
        let buffer = '';
        const finish = (answer) => {
            input.removeListener('data', onData);
            input.removeListener('end', onEnd);
            signal?.removeEventListener('abort', onAbort);
            input.pause?.();
            resolve(answer);
        };
        const onData = (chunk) => {
            buffer += chunk.toString();
            const newline = buffer.indexOf('\n');
            if (newline >= 0)
                finish(/^\s*y(es)?\s*$/i.test(buffer.slice(0, newline)));
        };
        const onEnd = () => finish(/^\s*y(es)?\s*$/i.test(buffer));
        const onAbort = () => finish(false);
        if (signal?.aborted)
            return finish(false);
        input.on('data', onData);
        input.on('end', onEnd);
        signal?.addEventListener('abort', onAbort);
        input.resume?.();
    });
}
//# sourceMappingURL=prompt.js.map