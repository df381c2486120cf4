import { createContext } from "react";

/** This response's Content-Security-Policy nonce (server/security-headers.ts), for the few scripts a page has. */
export const NonceContext = createContext<string | undefined>(undefined);
