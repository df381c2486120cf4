/** (a) A bare node:http server sending a fixed HTML page: the ceiling nothing can beat. */
import fs from "node:fs";
import http from "node:http";

const html = fs.readFileSync(process.env.HTML_FILE!);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length });
  res.end(html);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
