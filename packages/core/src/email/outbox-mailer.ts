import { randomUUID } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import type { Logger } from "@sovra/config";

import { AppError } from "../errors/app-error";
import type { EmailMessage, Mailer } from "./mailer";

export interface OutboxMessage extends EmailMessage {
  id: string;
  sentAt: string;
}

const OUTBOX_FILE = "outbox.jsonl";

/** Where the development outbox lives inside the data directory. */
export function outboxPath(dataDir: string): string {
  return join(dataDir, OUTBOX_FILE);
}

/**
 * A mailer for machines without a mail server: each message is appended to
 * `<dataDir>/outbox.jsonl`, so a local user can open its links, and announced in the log.
 */
export function createOutboxMailer(settings: { dataDir: string; logger: Logger }): Mailer {
  const path = outboxPath(settings.dataDir);

  return {
    async send(message: EmailMessage): Promise<void> {
      const entry: OutboxMessage = {
        id: randomUUID(),
        sentAt: new Date().toISOString(),
        ...message,
      };
      try {
        await mkdir(settings.dataDir, { recursive: true });
        await appendFile(path, `${JSON.stringify(entry)}\n`, "utf8");
      } catch (error) {
        throw new AppError("unavailable", "The email could not be kept in the outbox.", {
          cause: error,
        });
      }

      // The bodies hold single-use links, so the log names the message and the outbox keeps it.
      settings.logger.info(
        { to: message.to, subject: message.subject, outbox: path },
        "email kept in the development outbox",
      );
    },
  };
}

/** The latest messages of the development outbox, newest first; empty when there is none. */
export async function readOutbox(dataDir: string, limit = 50): Promise<OutboxMessage[]> {
  let text: string;
  try {
    text = await readFile(outboxPath(dataDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return [];
    }
    throw error;
  }

  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines
    .slice(-limit)
    .reverse()
    .map((line) => JSON.parse(line) as OutboxMessage);
}
