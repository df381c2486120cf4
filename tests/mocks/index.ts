/**
 * Outside services, mocked: used by tests, and by the server itself when MOCKS=true (browser tests, demos),
 * as the Epic Stack does. Production never loads this file.
 */
import { setupServer } from "msw/node";
import { postcodeHandlers } from "./postcodes";
import { registerHandlers } from "./registers";

export const handlers = [...postcodeHandlers, ...registerHandlers];

export function startMocks() {
  const server = setupServer(...handlers);
  // Anything not mocked (the portal's own address, the SMTP server) goes through untouched.
  server.listen({ onUnhandledRequest: "bypass" });
  return server;
}
