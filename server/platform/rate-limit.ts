// The key the rate limiter counts a request under. Fastify reads the client's address from the socket when asked, and
// a socket that has closed no longer has one: @fastify/rate-limit's own key (`normalizeIP(req.ip)`) then throws a
// TypeError (logged as an unhandled error, a 500 to nobody) for every request whose client hung up while it waited —
// under saturation, many. Those requests share one key of their own instead: counted, never thrown on.
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/** The key of requests whose client left before the limiter saw them (no address any more). */
export const CLOSED_CLIENT = 'closed-connection';

/** The client's address as the limiter's own key normalises it (IPv4-mapped, IPv6 /56), or CLOSED_CLIENT. */
export function clientKey(req: FastifyRequest): string {
  const ip = req.ip;
  return ip ? normalizeIP(ip) : CLOSED_CLIENT;
}
