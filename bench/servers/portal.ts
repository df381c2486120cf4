/** The portal's express server around the benchmark build (the portal's routes plus /bench/floor). */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getDbHandle } from "~db/client";
import { createApp } from "../../server/app";

const build = (await import(pathToFileURL(path.resolve("bench/.build/index.js")).href)) as ServerBuild;
getDbHandle();
const app = createApp({ build, production: true, trustProxy: false, publicDir: path.resolve("bench/.build/public") });
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
