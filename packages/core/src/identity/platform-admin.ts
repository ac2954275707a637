import { z } from "zod";

import { type Pool, withSystemTransaction } from "@sovra/db";

import { AppError } from "../errors/app-error";
import { parseInput } from "../tenancy/parse-input";

export interface PlatformAdmin {
  id: string;
  email: string;
  name: string;
}

const inputSchema = z.object({
  email: z.email({ error: "Give the email address of an existing user." }),
  admin: z.boolean(),
});

/**
 * Grants or revokes the platform-admin flag that the admin console checks. System work on
 * the owner connection: only an operator with database access runs it, through the CLI.
 * @throws AppError `not_found` when no user has that email.
 */
export async function setPlatformAdmin(
  pool: Pool,
  input: z.input<typeof inputSchema>,
): Promise<PlatformAdmin> {
  const { email, admin } = parseInput(inputSchema, input);

  const row = await withSystemTransaction(pool, (tx) =>
    tx.queryOne<PlatformAdmin>(
      `update users set is_platform_admin = $2 where email = lower($1)
       returning id, email, name`,
      [email, admin],
    ),
  );
  if (row === undefined) {
    throw new AppError("not_found", `No user has the email ${email.toLowerCase()}.`);
  }
  return row;
}

/** Every platform admin, by email. */
export async function listPlatformAdmins(pool: Pool): Promise<PlatformAdmin[]> {
  return withSystemTransaction(pool, (tx) =>
    tx.query<PlatformAdmin>(
      "select id, email, name from users where is_platform_admin order by email",
    ),
  );
}
