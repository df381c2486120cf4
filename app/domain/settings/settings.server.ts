import { getDb } from "~/utils/db.server";

export interface ServiceSettings {
  operatorName: string;
  serviceName: string;
  contactEmail: string;
  contactPhone: string | null;
  contactAddress: string | null;
  websiteUrl: string | null;
}

/** Until a service administrator records who runs the portal, it names no council. */
export const DEFAULT_SETTINGS: ServiceSettings = {
  operatorName: "Community grants",
  serviceName: "Apply for a community grant",
  contactEmail: "grants@example.org",
  contactPhone: null,
  contactAddress: null,
  websiteUrl: null,
};

const TTL_MS = 30_000;
let cached: { at: number; value: ServiceSettings } | undefined;

/**
 * Who runs the portal, for every page's header and footer. Read at most every 30 seconds per process,
 * so a page view does not cost a query; a change shows everywhere within that time.
 */
export async function getServiceSettings(now = Date.now()): Promise<ServiceSettings> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const row = await getDb().selectFrom("service_settings").selectAll().orderBy("id").executeTakeFirst();
  const value: ServiceSettings = row
    ? {
        operatorName: row.operator_name,
        serviceName: row.service_name,
        contactEmail: row.contact_email,
        contactPhone: row.contact_phone,
        contactAddress: row.contact_address,
        websiteUrl: row.website_url,
      }
    : DEFAULT_SETTINGS;
  cached = { at: now, value };
  return value;
}

export function forgetServiceSettings(): void {
  cached = undefined;
}
