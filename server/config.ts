/** Server settings from the environment, read once. */
export interface ServerConfig {
  port: number;
  host: string;
  production: boolean;
  /** Express's `trust proxy`: false unless TRUST_PROXY says which proxies to believe. */
  trustProxy: boolean | number | string;
  shutdownTimeoutMs: number;
}

export function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === "" || /^(false|0|no)$/i.test(value.trim())) return false;
  const v = value.trim();
  if (/^(true|yes)$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v); // number of hops
  return v; // "loopback", "uniquelocal", or a comma-separated list of addresses/subnets
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || (production ? "0.0.0.0" : "127.0.0.1"),
    production,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    shutdownTimeoutMs: Number(env.SHUTDOWN_TIMEOUT_MS || 10_000),
  };
}
