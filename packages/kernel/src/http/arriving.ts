import type { FastifyRequest } from 'fastify';

/**
 * Requests received and not yet at their handler (authenticating, reading their body), across the process. Group
 * commit (the claim submission queue) waits a moment for them when they may join the batch it is about to start,
 * as PostgreSQL's `commit_delay` waits for `commit_siblings`.
 */
let arriving = 0;
const COUNTED = Symbol('mutua.arriving');
type Counted = FastifyRequest & { [COUNTED]?: boolean };

export const requestsArriving = (): number => arriving;

const settle = (req: Counted) => {
  if (req[COUNTED]) {
    req[COUNTED] = false;
    arriving--;
  }
};

/**
 * The hooks that count a request from its first hook (register `onRequest` before any other) until its handler
 * starts or it ends.
 */
export const arrivingHooks = {
  onRequest(req: FastifyRequest, _reply: unknown, done: () => void): void {
    (req as Counted)[COUNTED] = true;
    arriving++;
    done();
  },
  settle(req: FastifyRequest, _reply: unknown, done: () => void): void {
    settle(req as Counted);
    done();
  },
  abort(req: FastifyRequest, done: () => void): void {
    settle(req as Counted);
    done();
  },
};
