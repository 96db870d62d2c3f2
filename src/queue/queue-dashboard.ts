import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AdminAccess } from '../auth/admin-access.service.js';
import { dependencyUnavailableProblem, problemFor, sendProblem } from '../common/problem.filter.js';
import { ProblemException } from '../common/problem.js';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue, for admins only. It is a plain Express app mounted beside Nest's routes, so
 * Nest's global guard never sees its requests: the gate here does the same check (401 / 403, problem+json).
 * A browser cannot add a bearer header to the page's assets and calls, so HTTP Basic with the admin token as
 * password is accepted too (the 401 asks for it), and, since browsers then resend it on their own, a change
 * (PUT, POST, DELETE) coming from another site is refused.
 * (@bull-board/nestjs is not used: it is CommonJS requiring the ESM-only @nestjs/common 12, which Jest cannot load.)
 */
export function mountQueueDashboard(app: INestApplication): void {
  const board = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = app.get(QueueService);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Claimcheck queues' } },
  });
  app.use(QUEUE_DASHBOARD_PATH, adminGate(app.get(AdminAccess)), board.getRouter() as express.Router);
}

function adminGate(admins: AdminAccess) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await admins.require(req.headers.authorization);
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && isCrossSite(req)) {
        return sendProblem(req, res, problemFor(403, 'Changes to the queues must come from the dashboard itself, not from another site.', 'cross_site_request'));
      }
      next();
    } catch (err) {
      if (!(err instanceof ProblemException)) {
        // Nest's filter does not run here: a database that is down is a 503 problem, not Express's HTML page.
        const unavailable = dependencyUnavailableProblem(err);
        return unavailable ? sendProblem(req, res, unavailable) : next(err);
      }
      if (err.getStatus() === 401) res.set('WWW-Authenticate', 'Basic realm="Claimcheck queues", charset="UTF-8"');
      sendProblem(req, res, problemFor(err.getStatus(), err.message, err.code));
    }
  };
}

function isCrossSite(req: Request): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}
