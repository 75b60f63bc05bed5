import { HttpTransport } from './http.js';
import { collectPages } from './paginate.js';
export const QUEUE_PAGE_SIZE = 500;
export const SKILL_PAGE_SIZE = 100;
export const AUDIT_PAGE_SIZE = 100;
export const DISTRIBUTION_PAGE_SIZE = 500;
/** Most selectors one analytics query may carry (contract). */
export const MAX_SELECTORS = 100;
export const DEFAULT_DETAILS_RANGE = { startDate: 'now-5m', endDate: 'now' };
const DETAIL_METRICS = ['occupancy', 'waitTime', 'abandonedCount', 'answeredCount'];
const DISTRIBUTION_METRICS = ['abandonedCount', 'waitTime'];
const QUEUES = '/api/v2/routing/queues';
export class CxoneClient {
    baseUrl;
    clientId;
    stats = { requests: 0, retries: 0, throttled: 0, tokenRequests: 0 };
    http;
    constructor(config, logger) {
        this.baseUrl = config.baseUrl;
        this.clientId = config.clientId;
        this.http = new HttpTransport(config, logger, this.stats);
    }
    /** Current pace in requests per second (undefined while unpaced): for logs and benches. */
    get paceRps() {
        return this.http.pacer.rps;
    }
    listQueues(options = {}) {
        const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE;
        return this.getAll(`${QUEUES}?pageSize=${pageSize}&pageNumber=1`);
    }
    getQueue(id) {
        return this.http.request({ method: 'GET', path: `${QUEUES}/${encodeURIComponent(id)}` });
    }
    putQueue(queue, version) {
        return this.http.request({
            method: 'PUT',
            path: `${QUEUES}/${encodeURIComponent(queue.id)}`,
            json: { ...queue, version },
            headers: { 'if-match': String(version) },
        });
    }
    listSkills() {
        return this.getAll(`/api/v2/routing/skills?pageSize=${SKILL_PAGE_SIZE}&pageNumber=1`);
    }
    health() {
        return this.http.request({ method: 'GET', path: '/api/v2/health' });
    }
    async queueDetails(queueIds, range = DEFAULT_DETAILS_RANGE) {
        const batches = await Promise.all(chunk(queueIds, MAX_SELECTORS).map((ids) => this.http.request({
            method: 'POST',
            path: '/api/v2/analytics/queues/details/query',
            json: { dateRange: range, groupBy: ['queue'], metrics: DETAIL_METRICS, selectors: selectors(ids) },
        })));
        return batches.flatMap((b) => b.metrics ?? []);
    }
    async queueDistribution(queueIds, range) {
        const batches = await Promise.all(chunk(queueIds, MAX_SELECTORS).map((ids) => collectPages(() => this.http.request({
            method: 'POST',
            path: '/api/v2/analytics/queues/data/query',
            json: {
                dateRange: range,
                groupBy: ['waitTimeRange', 'queue'],
                metrics: DISTRIBUTION_METRICS,
                selectors: selectors(ids),
                pageSize: DISTRIBUTION_PAGE_SIZE,
            },
        }), 
        // The cursor carries the query: the next page is a POST with an empty body.
        (nextUri) => this.http.request({ method: 'POST', path: nextUri }))));
        return batches.flat();
    }
    audit(query) {
        const params = new URLSearchParams({
            ...(query.resourceId === undefined ? {} : { resourceId: query.resourceId }),
            resourceType: 'Queue',
            action: 'Update',
            startTime: query.startTime,
            endTime: query.endTime ?? 'now',
            pageSize: String(AUDIT_PAGE_SIZE),
        });
        return this.getAll(`/api/v2/audit?${params.toString()}`);
    }
    getAll(firstPath) {
        const get = (path) => this.http.request({ method: 'GET', path });
        return collectPages(() => get(firstPath), get);
    }
}
/** The client for `config`; logs go to `logger` (decisions at info, one line per request at debug). */
export function createClient(config, logger) {
    return new CxoneClient(config, logger);
}
function selectors(ids) {
    return ids.map((id) => ({ id, type: 'queue' }));
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
//# sourceMappingURL=client.js.map