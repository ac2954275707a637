/** Whether a process with this pid exists (a zombie counts: it has not been reaped yet). */
export function processExists(pid: number): boolean {
  return probe(pid);
}

/** Whether any process is left in the process group this pid leads. */
export function processGroupExists(pid: number): boolean {
  return probe(-pid);
}

function probe(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") {
      return false;
    }
    throw error;
  }
}
