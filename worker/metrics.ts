import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Job, Queue, Worker } from 'bullmq';
import type { ExtraRoute } from '../src/runtime/health-server';
import { mayReadMetrics } from './metrics-access';

const COUNTED_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * Prometheus metrics of the worker on /metrics: queue depth per state, job durations, failures.
 * `token` (METRICS_TOKEN) is the bearer token a scraper shows; unset, only loopback connections are answered.
 */
export function createWorkerMetrics(opts: { token?: string } = {}) {
  const registry = new Registry();
  const queues: Queue[] = [];
  new Gauge({
    name: 'lapor_queue_jobs',
    help: 'Jobs per queue and state, read from Redis at scrape time',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of queues) {
        const counts = await queue.getJobCounts(...COUNTED_STATES);
        for (const state of COUNTED_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });
  const duration = new Histogram({
    name: 'lapor_job_duration_seconds',
    help: 'Time a job took to process, by queue, job name and result',
    labelNames: ['queue', 'name', 'result'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'lapor_job_failures_total',
    help: 'Failed job attempts; final="true" when no retry is left',
    labelNames: ['queue', 'name', 'final'],
    registers: [registry],
  });

  const observe = (job: Job, result: string) => {
    if (job.processedOn && job.finishedOn) {
      duration.observe({ queue: job.queueName, name: job.name, result }, (job.finishedOn - job.processedOn) / 1000);
    }
  };

  const route: ExtraRoute = async (req, res) => {
    if (req.url !== '/metrics') return false;
    if (!mayReadMetrics(req, opts.token)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end(JSON.stringify({ error: 'unauthorized' }));
      return true;
    }
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
    return true;
  };

  return {
    registry,
    route,
    watch(worker: Worker, queue: Queue): void {
      queues.push(queue);
      worker.on('completed', (job) => observe(job, 'completed'));
      worker.on('failed', (job) => {
        if (!job) return;
        // finishedOn is set only when the job moved to the failed set for good (not when it waits for a retry).
        failures.inc({ queue: job.queueName, name: job.name, final: String(Boolean(job.finishedOn)) });
        observe(job, 'failed');
      });
    },
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
