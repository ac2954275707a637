import { z } from "zod";

import {
  createTenant,
  deleteTenant,
  listMyTenants,
  renameTenant,
  resolveTenant,
  tenantSettingsSchema,
  updateTenantSettings,
} from "@sovra/core";

import type { ApiDependencies } from "./api-dependencies";
import { created, handleApi, noContent } from "./handle-api";
import { readJson } from "./read-json";

export interface SlugParams {
  params: Promise<{ slug: string }>;
}

const createBody = z.strictObject({
  name: z.string({ error: "The name must be text." }),
  slug: z.string({ error: "The slug must be text." }).optional(),
});

const updateBody = z
  .strictObject({
    name: z.string({ error: "The name must be text." }).optional(),
    settings: tenantSettingsSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.settings !== undefined, {
    error: "Send a name, settings or both.",
  });

const deleteBody = z.strictObject({
  confirmation: z.string({ error: "Type the tenant's slug to confirm." }),
});

/** GET lists the caller's tenants; POST creates one with the caller as its owner. */
export function tenantCollectionRoutes(dependencies: ApiDependencies) {
  return {
    GET: (request: Request) =>
      handleApi(dependencies, request, async ({ userId }) => ({
        tenants: await listMyTenants(dependencies.pool(), { userId }),
      })),

    POST: (request: Request) =>
      handleApi(dependencies, request, async ({ userId, context }) => {
        const body = await readJson(request, createBody);
        const tenant = await createTenant(dependencies.pool(), { userId, ...body }, context);
        return created({ tenant });
      }),
  };
}

/** GET, PATCH and DELETE of one tenant, addressed by slug and checked against membership. */
export function tenantItemRoutes(dependencies: ApiDependencies) {
  return {
    GET: (request: Request, { params }: SlugParams) =>
      handleApi(dependencies, request, async ({ userId }) => {
        const { slug } = await params;
        const { tenant, role } = await resolveTenant(dependencies.pool(), { userId, slug });
        return { tenant, role };
      }),

    PATCH: (request: Request, { params }: SlugParams) =>
      handleApi(dependencies, request, async ({ userId, context }) => {
        const body = await readJson(request, updateBody);
        const pool = dependencies.pool();
        const { tenant } = await resolveTenant(pool, { userId, slug: (await params).slug });

        const scope = { userId, tenantId: tenant.id };
        let updated = tenant;
        if (body.name !== undefined) {
          updated = await renameTenant(pool, { ...scope, name: body.name }, context);
        }
        if (body.settings !== undefined) {
          updated = await updateTenantSettings(
            pool,
            { ...scope, settings: body.settings },
            context,
          );
        }
        return { tenant: updated };
      }),

    DELETE: (request: Request, { params }: SlugParams) =>
      handleApi(dependencies, request, async ({ userId, context }) => {
        const body = await readJson(request, deleteBody);
        const pool = dependencies.pool();
        const { tenant } = await resolveTenant(pool, { userId, slug: (await params).slug });
        await deleteTenant(pool, { userId, tenantId: tenant.id, ...body }, context);
        return noContent();
      }),
  };
}
