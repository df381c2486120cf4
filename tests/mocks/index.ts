/**
 * Outside services, mocked: used by tests, and by the server itself when MOCKS=true (browser tests, demos),
 * as the Epic Stack does. Production never loads this file.
 */
import { setupServer } from "msw/node";
import { postcodeHandlers } from "./postcodes";

export const handlers = [...postcodeHandlers];

export function startMocks() {
  const server = setupServer(...handlers);
  // Anything not mocked (the portal's own address, the SMTP server) goes through untouched.
  server.listen({ onUnhandledRequest: "bypass" });
  return server;
}
