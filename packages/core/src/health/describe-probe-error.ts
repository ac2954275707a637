import { redactString } from "@sovra/config";

const MAX_LENGTH = 200;

// Any userinfo in a URL, including a bare token used as the user name (redis://token@host).
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]+@/gi;

/**
 * A short, credential-free reason for a failed probe: the system error code and message when
 * there is one (fetch hides it in `cause`), with every URL's userinfo removed.
 */
export function describeProbeError(error: unknown): string {
  const reason = rawReason(error);
  const safe = redactString(reason).replace(URL_USERINFO, "$1");
  return safe.length > MAX_LENGTH ? `${safe.slice(0, MAX_LENGTH - 1)}…` : safe;
}

function rawReason(error: unknown): string {
  if (!(error instanceof Error)) {
    return typeof error === "string" && error !== "" ? error : "unreachable";
  }
  // fetch wraps the system error: "fetch failed" says nothing, its cause says why.
  const source = error.cause instanceof Error ? error.cause : error;
  return withCode(source);
}

/** "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:6379", or whichever half is present. */
function withCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const message = error.message;
  if (typeof code !== "string" || code === "" || message.startsWith(code)) {
    return message === "" ? error.name : message;
  }
  return message === "" ? code : `${code}: ${message}`;
}
