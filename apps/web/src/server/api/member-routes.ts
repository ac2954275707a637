import { z } from "zod";

import { changeMemberRole, listMembers, removeMember, resolveTenant, ROLES } from "@sovra/core";

import type { ApiDependencies } from "./api-dependencies";
import { handleApi, noContent } from "./handle-api";
import { readJson } from "./read-json";
import type { SlugParams } from "./tenant-routes";

interface MemberParams {
  params: Promise<{ slug: string; userId: string }>;
}

const roleBody = z.strictObject({
  role: z.enum(ROLES, { error: `The role must be one of ${ROLES.join(", ")}.` }),
});

/** GET lists the members of a tenant. */
export function memberCollectionRoutes(dependencies: ApiDependencies) {
  return {
    GET: (request: Request, { params }: SlugParams) =>
      handleApi(dependencies, request, async ({ userId }) => {
        const pool = dependencies.pool();
        const { tenant } = await resolveTenant(pool, { userId, slug: (await params).slug });
        return { members: await listMembers(pool, { userId, tenantId: tenant.id }) };
      }),
  };
}

/** PATCH changes a member's role; DELETE removes a member, or lets the caller leave. */
export function memberItemRoutes(dependencies: ApiDependencies) {
  return {
    PATCH: (request: Request, { params }: MemberParams) =>
      handleApi(dependencies, request, async ({ userId, context }) => {
        const body = await readJson(request, roleBody);
        const { slug, userId: memberUserId } = await params;
        const pool = dependencies.pool();
        const { tenant } = await resolveTenant(pool, { userId, slug });

        const scope = { userId, tenantId: tenant.id, memberUserId, role: body.role };
        return { member: await changeMemberRole(pool, scope, context) };
      }),

    DELETE: (request: Request, { params }: MemberParams) =>
      handleApi(dependencies, request, async ({ userId, context }) => {
        const { slug, userId: memberUserId } = await params;
        const pool = dependencies.pool();
        const { tenant } = await resolveTenant(pool, { userId, slug });
        await removeMember(pool, { userId, tenantId: tenant.id, memberUserId }, context);
        return noContent();
      }),
  };
}
