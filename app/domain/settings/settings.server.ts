import { getDb } from "~/utils/db.server";
import { ttlCache } from "~/utils/ttl-cache.server";

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

/**
 * Who runs the portal, for every page's header and footer and every email's layout. Read at most every
 * 30 seconds per process, so a page view does not cost a query; a change shows everywhere within that time.
 */
const settingsCache = ttlCache<ServiceSettings>(30_000, async () => {
  const row = await getDb().selectFrom("service_settings").selectAll().orderBy("id").executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    operatorName: row.operator_name,
    serviceName: row.service_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    websiteUrl: row.website_url,
  };
});

export function getServiceSettings(): Promise<ServiceSettings> {
  return settingsCache.get();
}
