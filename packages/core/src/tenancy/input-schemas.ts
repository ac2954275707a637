import { z } from "zod";

export const idSchema = z.uuid({ error: "Must be a UUID." });

export const tenantNameSchema = z
  .string({ error: "The name must be text." })
  .trim()
  .min(1, { error: "The name cannot be empty." })
  .max(100, { error: "The name may have at most 100 characters." });

/** Who the request came from, for the audit log; both parts are optional. */
export const requestContextSchema = z
  .object({
    ipAddress: z.string().max(64, { error: "Too long for an IP address." }).optional(),
    // A user agent is the client's to choose: keep a bounded prefix rather than refuse it.
    userAgent: z
      .string()
      .transform((value) => value.slice(0, 512))
      .optional(),
  })
  .default({});

export type RequestContext = z.input<typeof requestContextSchema>;

export const tenantActorSchema = z.object({ userId: idSchema, tenantId: idSchema });
