import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { register } from 'prom-client';
import { problemFor } from '../common/problem.filter.js';
import { AppConfig } from '../config/config.js';
import { collectProcessMetrics } from './metrics.js';
import { isMetricsToken } from './metrics-token.js';

/**
 * A worker running apart from the API has no HTTP server, and its job metrics exist only in its memory, so it
 * serves them itself on METRICS_PORT (GET /metrics), behind METRICS_TOKEN when that is set. 0 (the default): off.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_PORT: port, METRICS_TOKEN: token } = this.config;
    if (port === 0) return;
    collectProcessMetrics();
    if (token === '') this.logger.warn(`metrics on port ${port} are open to anyone who can reach it: set METRICS_TOKEN`);

    const server = createServer((req, res) => {
      const problem = (status: number, detail: string) => {
        res.writeHead(status, { 'Content-Type': 'application/problem+json', ...(status === 401 ? { 'WWW-Authenticate': 'Bearer realm="claimcheck"' } : {}) });
        res.end(JSON.stringify({ ...problemFor(status, detail), instance: req.url }));
      };
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') return problem(404, 'Only GET /metrics is served on this port.');
      if (token !== '' && !isMetricsToken(token, req.headers.authorization)) return problem(401, 'Send "Authorization: Bearer <METRICS_TOKEN>".');
      register.metrics().then(
        (text) => res.writeHead(200, { 'Content-Type': register.contentType }).end(text),
        (err: unknown) => problem(500, `Could not collect the metrics: ${err instanceof Error ? err.message : String(err)}`),
      );
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
    this.server = server;
    this.logger.log(`worker metrics on port ${port}, GET /metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
