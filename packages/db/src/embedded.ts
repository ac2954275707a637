import { mkdir } from "node:fs/promises";

import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabaseSettings {
  /** Where PGlite keeps its files; omitted means in memory, for tests. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port: number;
  maxConnections?: number;
}

export interface EmbeddedDatabase {
  /** A postgres:// URL that any Postgres driver can use. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with pgvector and serves it over the Postgres wire protocol, so the rest of
 * Sovra uses the same driver and code path as with a real server. PGlite runs one backend:
 * the socket server queues connections and runs one transaction at a time.
 */
export async function startEmbeddedDatabase(
  settings: EmbeddedDatabaseSettings,
): Promise<EmbeddedDatabase> {
  if (settings.dataDir !== undefined) {
    await mkdir(settings.dataDir, { recursive: true });
  }
  const db = await PGlite.create({
    ...(settings.dataDir === undefined ? {} : { dataDir: settings.dataDir }),
    extensions: { vector },
  });

  const host = settings.host ?? "127.0.0.1";
  const server = new PGLiteSocketServer({
    db,
    host,
    port: settings.port,
    maxConnections: settings.maxConnections ?? 64,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }

  const port = boundPort(server.getServerConn(), settings.port);
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function boundPort(serverConn: string, requested: number): number {
  const match = /:(\d+)$/.exec(serverConn);
  return match?.[1] === undefined ? requested : Number(match[1]);
}
