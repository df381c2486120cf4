/**
 * A local SMTP server for bench:mail. MODE=accept takes every message (reading it through);
 * MODE=hang accepts connections and never answers, like a mail server that has stopped responding.
 */
import net from "node:net";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.PORT);
if (process.env.MODE === "hang") {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(port, "127.0.0.1", () => console.log("ready"));
} else {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => callback());
    },
  });
  server.listen(port, "127.0.0.1", () => console.log("ready"));
}
