import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdminAccess } from '../auth/admin-access.service.js';
import { dependencyUnavailableProblem, problemFor, sendProblem } from '../common/problem.filter.js';
import { ProblemException } from '../common/problem.js';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every queue, for admins only. It is a Fastify plugin registered beside Nest's routes, so
 * Nest's global guard never sees its requests: the gate here (an onRequest hook of the plugin's own context, so
 * for its routes only) does the same check (401 / 403, problem+json).
 * A browser cannot add a bearer header to the page's assets and calls, so HTTP Basic with the admin token as
 * password is accepted too (the 401 asks for it), and, since browsers then resend it on their own, a change
 * (PUT, POST, DELETE) coming from another site is refused.
 * (@bull-board/nestjs is not used: it is CommonJS requiring the ESM-only @nestjs/common 12, which Jest cannot load.)
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const board = new FastifyAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = app.get(QueueService);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Claimcheck queues' } },
  });
  const gate = adminGate(app.get(AdminAccess));
  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', gate);
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}

function adminGate(admins: AdminAccess) {
  // An early answer from an async hook is sent, then the reply returned (Fastify then skips the route).
  const answer = (req: FastifyRequest, reply: FastifyReply, problem: Parameters<typeof sendProblem>[2]) => {
    sendProblem(req, reply, problem);
    return reply;
  };
  return async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      await admins.require(req.headers.authorization);
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && isCrossSite(req)) {
        return answer(req, reply, problemFor(403, 'Changes to the queues must come from the dashboard itself, not from another site.', 'cross_site_request'));
      }
    } catch (err) {
      if (!(err instanceof ProblemException)) {
        // Nest's filter does not run here: a database that is down is a 503 problem, not Fastify's default answer.
        const unavailable = dependencyUnavailableProblem(err);
        if (unavailable) return answer(req, reply, unavailable);
        throw err;
      }
      if (err.getStatus() === 401) reply.header('WWW-Authenticate', 'Basic realm="Claimcheck queues", charset="UTF-8"');
      return answer(req, reply, problemFor(err.getStatus(), err.message, err.code));
    }
  };
}

function isCrossSite(req: FastifyRequest): boolean {
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
