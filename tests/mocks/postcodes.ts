/**
 * postcodes.io, as msw handlers: the demo groups' postcodes and a few more, shaped like the real API's
 * answers (only the fields the portal reads). LSOA codes are real 2011 LSOAs of the right district, chosen
 * for the demo; the places are illustrative.
 */
import { http, HttpResponse } from "msw";

export const POSTCODES_BASE_URL = process.env.POSTCODES_BASE_URL || "https://api.postcodes.io";

interface MockPostcode {
  postcode: string;
  district: [code: string, name: string];
  ward: [code: string, name: string];
  lsoa11: string;
  country?: string;
}

export const MOCK_POSTCODES: MockPostcode[] = [
  { postcode: "PE13 1JR", district: ["E07000010", "Fenland"], ward: ["E05011327", "Medworth"], lsoa11: "E01018094" },
  { postcode: "PE26 1HA", district: ["E07000011", "Huntingdonshire"], ward: ["E05011785", "Ramsey"], lsoa11: "E01018143" },
  { postcode: "CB1 2AD", district: ["E07000008", "Cambridge"], ward: ["E05013050", "Petersfield"], lsoa11: "E01017944" },
  { postcode: "CB7 5AE", district: ["E07000009", "East Cambridgeshire"], ward: ["E05010783", "Soham North"], lsoa11: "E01018042" },
  { postcode: "CB24 9LU", district: ["E07000012", "South Cambridgeshire"], ward: ["E05011294", "Histon & Impington"], lsoa11: "E01018225" },
  // The seeded Men's Shed, in a decile-1 LSOA (English Indices of Deprivation 2019), and the youth band.
  { postcode: "PE15 8QD", district: ["E07000010", "Fenland"], ward: ["E05011320", "March East"], lsoa11: "E01018103" },
  { postcode: "PE19 2BH", district: ["E07000011", "Huntingdonshire"], ward: ["E05011797", "St Neots Priory Park & Little Paxton"], lsoa11: "E01018113" },
  // Outside the county council's area: Peterborough is a unitary authority.
  { postcode: "PE1 1HQ", district: ["E06000031", "Peterborough"], ward: ["E05010816", "Central"], lsoa11: "E01015638" },
];

const compact = (p: string) => p.replace(/\s+/g, "").toUpperCase();

function answer(p: MockPostcode) {
  return {
    postcode: p.postcode,
    country: p.country ?? "England",
    admin_district: p.district[1],
    admin_ward: p.ward[1],
    codes: { admin_district: p.district[0], admin_ward: p.ward[0], lsoa11: p.lsoa11 },
  };
}

export const postcodeHandlers = [
  http.get(`${POSTCODES_BASE_URL}/postcodes/:postcode`, ({ params }) => {
    const wanted = compact(decodeURIComponent(String(params.postcode)));
    const found = MOCK_POSTCODES.find((p) => compact(p.postcode) === wanted);
    if (!found) return HttpResponse.json({ status: 404, error: "Postcode not found" }, { status: 404 });
    return HttpResponse.json({ status: 200, result: answer(found) });
  }),
];
