// Writing and moving a proposal: create, read, revise, delete a draft, find co-signers, and the transitions of the
// proposal and of each unit's assignment.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf } from '../../platform/auth/session.ts';
import { okInTransaction } from '../../platform/http/handlers.ts';
import { documented } from '../../platform/route-kit.ts';
import { ErrorBody, IdParams, Ok } from '../../platform/routes.ts';
import {
  AssignmentActionBody,
  DetailOut,
  Errors,
  Nullable,
  ProposalActionBody,
  ProposalBody,
  ProposalPatch,
  StateOut,
} from './schemas.ts';
import { createProposal, deleteDraft, findMembers } from './service.ts';
import { fireAssignmentAction, fireProposalAction, reviseProposal } from './service-actions.ts';
import { getProposal } from './service-detail.ts';
import { ASSIGNMENT_STATES, PROPOSAL_STATES } from './states.ts';

export function proposalFilingRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const doc = documented(['proposals']);

  r.post(
    '/api/proposals',
    doc('proposal.file', '撰写提案（保存草稿，或 submit=true 同时提交）', {
      body: ProposalBody,
      response: { 200: StateOut, ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const { submit, ...input } = request.body;
      return db.transaction(async (tx) => {
        const id = await createProposal(tx, actor, input);
        const state = submit ? await fireProposalAction(tx, actor, id, { action: 'submit' }, true) : 'draft';
        return { id, state, stateLabel: PROPOSAL_STATES[state] };
      });
    },
  );

  r.get(
    '/api/proposals/members',
    doc('proposal.file', '选择附议委员（按姓名、单位、界别查找本届委员）', {
      querystring: Type.Object({
        q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
        limit: Type.Optional(Type.Integer({ title: '数量', minimum: 1, maximum: 100, default: 20 })),
      }),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({
              id: Type.Integer(),
              name: Type.String(),
              sector: Nullable(Type.String()),
              workUnit: Nullable(Type.String()),
            }),
          ),
        }),
      },
    }),
    async (request) => ({ items: await findMembers(db, actorOf(request), request.query.q, request.query.limit ?? 20) }),
  );

  r.get(
    '/api/proposals/:id',
    doc('proposal.read', '提案详情（含办理过程、答复、评价、可执行的操作）', {
      params: IdParams,
      response: { 200: DetailOut, 404: ErrorBody },
    }),
    async (request) => getProposal(db, actorOf(request), request.params.id),
  );

  r.put(
    '/api/proposals/:id',
    doc('proposal.file', '修改草稿或退回修改的提案', {
      params: IdParams,
      body: ProposalPatch,
      response: { 200: StateOut, ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const { submit, ...input } = request.body;
      const state = await db.transaction((tx) => reviseProposal(tx, actor, request.params.id, input, submit));
      return { id: request.params.id, state, stateLabel: PROPOSAL_STATES[state] };
    },
  );

  r.delete(
    '/api/proposals/:id',
    doc('proposal.file', '删除草稿', { params: IdParams, response: { 200: Ok, ...Errors } }),
    okInTransaction(db, (tx, actor, request) => deleteDraft(tx, actor, request.params.id)),
  );

  r.post(
    '/api/proposals/:id/transitions',
    doc('proposal.read', '提案流转（提交、附议、审查、立案、不予立案、并案、转交、交办、评价……）', {
      params: IdParams,
      body: ProposalActionBody,
      response: { 200: StateOut, ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) => fireProposalAction(tx, actor, request.params.id, request.body));
      return { id: request.params.id, state, stateLabel: PROPOSAL_STATES[state] };
    },
  );

  r.post(
    '/api/proposals/assignments/:id/transitions',
    doc('proposal.read', '承办流转（签收、申请退回、会办意见、办前面商、申请延期、答复、答复审核……）', {
      params: IdParams,
      body: AssignmentActionBody,
      response: { 200: StateOut, ...Errors },
    }),
    async (request) => {
      const actor = actorOf(request);
      const state = await db.transaction((tx) => fireAssignmentAction(tx, actor, request.params.id, request.body));
      return { id: request.params.id, state, stateLabel: ASSIGNMENT_STATES[state] ?? state };
    },
  );
}
