/**
 * A counting semaphore: at most `limit` calls run at once, the rest wait in arrival order.
 * One instance is shared by every call of a client, so `--concurrency` bounds the whole process.
 */
export class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`limit must be a positive integer, got ${limit}`);
    }
    /** Calls currently holding a slot. */
    get running() {
        return this.active;
    }
    /**
     * Runs `task` when a slot is free and releases the slot when it settles (resolved or rejected).
     * The task's result or error is passed through unchanged.
     */
    async run(task) {
        await this.take();
        try {
            return await task();
        }
        finally {
            this.release();
        }
    }
    take() {
        if (this.active < this.limit) {
            this.active++;
            return Promise.resolve();
        }
        // The slot is handed over directly by `release`, so `active` stays at the limit meanwhile.
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.active--;
    }
}
//# sourceMappingURL=limiter.js.map