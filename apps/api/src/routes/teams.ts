import {
  businessHoursSchema,
  createTeam,
  deleteTeam,
  DomainError,
  listTeams,
  setTeamMembers,
  updateTeam,
} from '@switchboard/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { sendError } from '../plugins/errors';
import { asUser } from '../plugins/operation';
import { errorResponses, idParams } from './schemas';

const assignmentMode = z.enum(['manual', 'round_robin', 'least_busy']);
const autoReplySchema = z
  .object({
    offline: z
      .object({
        enabled: z.boolean(),
        text: z
          .string()
          .trim()
          .max(1000)
          .optional()
          .describe('Overrides the built-in text; `{{reference}}` and `{{minutes}}` are filled in'),
        expectedResponseMinutes: z.number().int().min(1).max(10_080).optional(),
      })
      .optional(),
    queuePosition: z
      .object({
        enabled: z.boolean(),
        minutesPerConversation: z.number().int().min(1).max(1440).optional(),
      })
      .optional(),
  })
  .meta({ id: 'TeamAutoReply' });

const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    assignmentMode,
    sequenceMode: z.boolean(),
    businessHours: businessHoursSchema.nullable(),
    autoReply: autoReplySchema,
    idleCloseHours: z.number().int().nullable(),
    memberIds: z.array(z.uuid()),
  })
  .meta({ id: 'Team' });

const fields = {
  name: z.string().trim().min(1).max(100),
  assignmentMode: assignmentMode.optional(),
  sequenceMode: z.boolean().optional(),
  businessHours: businessHoursSchema
    .nullable()
    .optional()
    .describe('null: always open. ISO weekdays, 1 = Monday; ranges "HH:MM-HH:MM"'),
  autoReply: autoReplySchema.optional(),
  idleCloseHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .nullable()
    .optional()
    .describe('Open conversations waiting on the customer this long close as no_reply'),
};

export const teamRoutes: FastifyPluginAsyncZod<{ deps: ApiDeps }> = async (app, { deps }) => {
  const tags = ['teams'];

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "The workspace's teams with their members",
        response: { 200: z.array(teamSchema), ...errorResponses },
      },
    },
    (request) => asUser(deps, request, (ctx) => listTeams({ ctx })),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a team (admins)',
        body: z.object(fields),
        response: { 201: teamSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const team = await asUser(deps, request, (ctx) => createTeam({ ctx, input: request.body }));
      return reply.status(201).send(team);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a team (admins)',
        params: idParams,
        body: z.object(fields).partial(),
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) =>
      asUser(deps, request, (ctx) =>
        updateTeam({ ctx, input: { ...request.body, id: request.params.id } }),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (admins); its conversations move to the workspace queue',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await asUser(deps, request, (ctx) => deleteTeam({ ctx, input: request.params }));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/members',
    {
      schema: {
        tags,
        summary: "Replace the team's members (admins); users of this workspace only",
        params: idParams,
        body: z.object({ userIds: z.array(z.uuid()).max(1000) }),
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      try {
        return await asUser(deps, request, (ctx) =>
          setTeamMembers({ ctx, input: { id: request.params.id, userIds: request.body.userIds } }),
        );
      } catch (error) {
        // A user id that is not one of ours is a bad request, not a missing team.
        if (error instanceof DomainError && error.code === 'unknown_user')
          return sendError(reply, request, 400, error.code, error.message);
        throw error;
      }
    },
  );
};
