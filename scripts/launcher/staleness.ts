import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

export interface StalenessSettings {
  /** The file whose modification time stands for the last build. */
  marker: string;
  /** Directories whose files the build reads. */
  sources: readonly string[];
  /** Base for the paths named in the reason. */
  root: string;
}

export type Staleness = { stale: false } | { stale: true; reason: string };

// Build output and dependencies, and files the build itself rewrites: none is a source change.
const SKIPPED_DIRECTORIES = new Set([".next", "node_modules", ".git", ".turbo", "coverage"]);
const GENERATED_FILE = /(^next-env\.d\.ts|\.tsbuildinfo)$/;

/**
 * Whether a build is needed: the marker is missing, or some source file is newer than it.
 * Stops at the first newer file, so a current build costs one stat per file.
 */
export async function checkStaleness(settings: StalenessSettings): Promise<Staleness> {
  const builtAt = await modifiedAt(settings.marker);
  if (builtAt === undefined) {
    return { stale: true, reason: "there is no build yet" };
  }

  for (const directory of settings.sources) {
    const newer = await findNewerFile(directory, builtAt);
    if (newer !== undefined) {
      return { stale: true, reason: `${relative(settings.root, newer)} changed since the build` };
    }
  }
  return { stale: false };
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}

async function findNewerFile(directory: string, than: number): Promise<string | undefined> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(ignoreMissing);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
      const newer = await findNewerFile(path, than);
      if (newer !== undefined) {
        return newer;
      }
    } else if (entry.isFile() && !GENERATED_FILE.test(entry.name)) {
      if ((await stat(path)).mtimeMs > than) {
        return path;
      }
    }
  }
  return undefined;
}

// A package without a src folder has nothing the build reads.
function ignoreMissing(error: NodeJS.ErrnoException): [] {
  if (error.code === "ENOENT") {
    return [];
  }
  throw error;
}
