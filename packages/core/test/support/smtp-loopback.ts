import { type AddressInfo, createServer, type Server, type Socket } from "node:net";

export interface SmtpLoopback {
  url: string;
  /** The DATA section of every accepted message, headers and body as sent. */
  messages: string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that accepts every message: just enough of RFC 5321
 * (greeting, EHLO, MAIL, RCPT, DATA, QUIT) for a client to deliver to it.
 */
export async function startSmtpLoopback(): Promise<SmtpLoopback> {
  const messages: string[] = [];
  const server = createServer((socket) => serveSession(socket, messages));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const { port } = server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => closeServer(server) };
}

function serveSession(socket: Socket, messages: string[]): void {
  let buffer = "";
  let data: string[] | undefined;
  socket.write("220 loopback ESMTP\r\n");

  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let end = buffer.indexOf("\r\n");
    while (end >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      data = answer(socket, line, data, messages);
      end = buffer.indexOf("\r\n");
    }
  });
}

// Returns the lines of the message being received, or undefined outside DATA.
function answer(socket: Socket, line: string, data: string[] | undefined, messages: string[]) {
  if (data !== undefined) {
    if (line !== ".") {
      return [...data, line];
    }
    messages.push(data.join("\n"));
    socket.write("250 queued\r\n");
    return undefined;
  }

  const verb = line.slice(0, 4).toUpperCase();
  if (verb === "DATA") {
    socket.write("354 end with <CRLF>.<CRLF>\r\n");
    return [];
  }
  socket.write(verb === "QUIT" ? "221 bye\r\n" : "250 ok\r\n");
  return undefined;
}

async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
