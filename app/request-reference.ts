import { createContext } from "react";

/**
 * The reference of the request being rendered, given by the server (server/app.ts) and logged with any
 * failure, so that "Sorry, there is a problem" can show it and support can find the log line.
 */
export const RequestReferenceContext = createContext<string | null>(null);

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: easy to read out on the phone

export function newRequestReference(random: (n: number) => Uint8Array): string {
  const bytes = random(8);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}
