/** A seeded group as the portal would have made it: its postcode's district and LSOA, its 360Giving identifier. */
import type { Transaction } from "kysely";
import type { Database } from "../schema";
import { orgIdentifier } from "~/domain/organisations/identifiers";

export interface SeedGroupRow {
  name: string;
  type: string;
  charity?: string;
  company?: string;
  address: [string, string];
  postcode: string;
  district: string;
  /** The 2011 LSOA postcodes.io gives for the postcode. */
  lsoa: string;
}

export async function insertSeedGroup(trx: Transaction<Database>, g: SeedGroupRow): Promise<number> {
  const { id } = await trx
    .insertInto("organisations")
    .values({
      name: g.name,
      org_type: g.type,
      charity_number: g.charity ?? null,
      company_number: g.company ?? null,
      address_line1: g.address[0],
      town: g.address[1],
      postcode: g.postcode,
      district_code: g.district,
      lsoa_code: g.lsoa,
      district_source: "postcode",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Identified as any group is (app/domain/organisations/identifiers.ts).
  const identifier = orgIdentifier({ charityNumber: g.charity ?? null, companyNumber: g.company ?? null, id, prefix: "cambscc" });
  await trx.updateTable("organisations").set({ org_identifier: identifier }).where("id", "=", id).execute();
  return id;
}
