/** Exit codes, the one mapping of the project: 0 ok, 1 error, 2 changes or drift. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;
/** Whether coloured output is wanted: a TTY and no NO_COLOR (https://no-color.org). */
export function useColor(io) {
    const noColor = io.env['NO_COLOR'];
    return Boolean(io.stdout.isTTY) && (noColor === undefined || noColor === '');
}
//# sourceMappingURL=io.js.map