import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface CaughtMessage {
  from: string;
  to: string[];
  /** The raw message as sent after DATA: headers, a blank line, the body. */
  data: string;
}

/**
 * A local SMTP catcher speaking just enough of RFC 5321 (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, no TLS, no auth)
 * for nodemailer to deliver to it, as MailDev or Mailpit would. `messages` holds what it caught.
 */
export async function startFakeSmtp() {
  const messages: CaughtMessage[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let buffer = "";
    let envelope: CaughtMessage = { from: "", to: [], data: "" };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake-smtp ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(envelope);
            envelope = { from: "", to: [], data: "" };
            reply("250 OK: queued");
          } else envelope.data += `${line.startsWith("..") ? line.slice(1) : line}\r\n`;
          continue;
        }
        const address = /<([^>]*)>/.exec(line)?.[1] ?? "";
        switch (line.slice(0, 4).toUpperCase()) {
          case "EHLO":
          case "HELO":
            reply("250 fake-smtp");
            break;
          case "MAIL":
            envelope.from = address;
            reply("250 OK");
            break;
          case "RCPT":
            envelope.to.push(address);
            reply("250 OK");
            break;
          case "DATA":
            inData = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
            break;
          case "RSET":
            envelope = { from: "", to: [], data: "" };
            reply("250 OK");
            break;
          case "NOOP":
            reply("250 OK");
            break;
          case "QUIT":
            reply("221 Bye");
            socket.end();
            break;
          default:
            reply("502 Command not implemented");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSmtp = Awaited<ReturnType<typeof startFakeSmtp>>;
