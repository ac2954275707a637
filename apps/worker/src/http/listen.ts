import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The server could not bind its address; the message names the address and the reason. */
export class ListenError extends Error {
  constructor(host: string, port: number, options: { cause: unknown }) {
    const code = (options.cause as { code?: unknown } | undefined)?.code;
    const reason = code === "EADDRINUSE" ? "the port is already in use" : String(code ?? "failed");
    super(`cannot listen on ${host}:${port}: ${reason}`, options);
    this.name = "ListenError";
  }
}

/**
 * Starts listening and resolves with the bound port (port 0 picks a free one).
 * @throws ListenError when the address cannot be bound.
 */
export async function listen(server: Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(new ListenError(host, port, { cause: error }));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Stops accepting connections and resolves once the requests in flight have been answered.
 * Idle keep-alive connections are closed at once (Node closes them in `close` since v19).
 */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) {
    return;
  }

  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error === undefined ? resolve() : reject(error))),
  );
}

/** An origin for log lines and tests; IPv6 hosts need brackets in a URL. */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
