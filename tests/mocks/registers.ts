/**
 * The Charity Commission register API and Companies House, as msw handlers: the demo groups' numbers (from
 * db/seeds) and a few more, shaped like the real answers (only a few fields; names in capitals, as both
 * registers mostly write them). Any key is accepted and a missing one gets a 401, as the real services do.
 * Charity 9999999 and company 99999999 always answer 500, to try the outage path with MOCKS=true (which
 * also needs CHARITY_COMMISSION_API_KEY and COMPANIES_HOUSE_API_KEY set to anything).
 */
import { http, HttpResponse } from "msw";

export const CHARITY_COMMISSION_BASE_URL = process.env.CHARITY_COMMISSION_BASE_URL || "https://api.charitycommission.gov.uk/register/api";
export const COMPANIES_HOUSE_BASE_URL = process.env.COMPANIES_HOUSE_BASE_URL || "https://api.company-information.service.gov.uk";

export const OUTAGE_CHARITY_NUMBER = "9999999";
export const OUTAGE_COMPANY_NUMBER = "99999999";

interface MockCharity {
  number: number;
  suffix?: number;
  name: string;
  status: "R" | "RM";
  registered: string;
  removed?: string;
  company?: string;
}

export const MOCK_CHARITIES: MockCharity[] = [
  // Demo groups: Wisbech Riverside Community Larder and Soham Young Carers' Club.
  { number: 1187654, name: "WISBECH RIVERSIDE COMMUNITY LARDER", status: "R", registered: "2020-01-21" },
  { number: 1093210, name: "SOHAM YOUNG CARERS' CLUB", status: "R", registered: "2002-07-09" },
  { number: 1093210, suffix: 1, name: "SOHAM YOUNG CARERS' CLUB HOLIDAY FUND", status: "R", registered: "2008-03-03" },
  { number: 200123, name: "FENLAND VILLAGE HALLS TRUST", status: "R", registered: "1962-11-05" },
  { number: 1145678, name: "CAMBRIDGE COMMUNITY FOOD NETWORK", status: "R", registered: "2011-12-20", company: "07712345" },
  { number: 1012345, name: "MARCH TOWN YOUTH PROJECT", status: "RM", registered: "1992-06-30", removed: "2021-04-12" },
];

interface MockCompany {
  number: string;
  name: string;
  status: string;
  type: string;
  subtype?: string;
  created: string;
}

export const MOCK_COMPANIES: MockCompany[] = [
  // Demo group: Łódź Polish Community Café, a CIC limited by guarantee.
  { number: "09876543", name: "ŁÓDŹ POLISH COMMUNITY CAFÉ CIC", status: "active", type: "private-limited-guarant-nsc", subtype: "community-interest-company", created: "2015-11-02" },
  { number: "07712345", name: "CAMBRIDGE COMMUNITY FOOD NETWORK", status: "active", type: "private-limited-guarant-nsc", created: "2011-07-14" },
  { number: "04567890", name: "HUNTINGDON COMMUNITY TRANSPORT LIMITED", status: "active", type: "private-limited-guarant-nsc-limited-exemption", created: "2002-10-01" },
  { number: "SC123456", name: "BORDERS BIKE RECYCLING CIC", status: "active", type: "ltd", subtype: "community-interest-company", created: "2014-05-17" },
  { number: "08123456", name: "CHATTERIS ARTS COLLECTIVE CIC", status: "dissolved", type: "private-limited-guarant-nsc", subtype: "community-interest-company", created: "2012-06-25" },
];

/** Azure API Management, in front of the Charity Commission API, answers a missing key like this. */
const missingSubscriptionKey = () =>
  HttpResponse.json({ statusCode: 401, message: "Access denied due to missing subscription key." }, { status: 401 });

/** Companies House wants basic auth with the key as the user name. */
function hasCompaniesHouseKey(request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("Basic ")) return false;
  const user = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
  return user.length > 0;
}

function charityAnswer(c: MockCharity) {
  return {
    organisation_number: c.number * 10 + (c.suffix ?? 0),
    reg_charity_number: c.number,
    group_subsid_suffix: c.suffix ?? 0,
    charity_name: c.name,
    charity_type: c.company ? "Charitable company" : "Other",
    reg_status: c.status,
    date_of_registration: `${c.registered}T00:00:00`,
    date_of_removal: c.removed ? `${c.removed}T00:00:00` : null,
    charity_co_reg_number: c.company ?? null,
  };
}

function companyAnswer(c: MockCompany) {
  return {
    company_number: c.number,
    company_name: c.name,
    company_status: c.status,
    type: c.type,
    ...(c.subtype ? { subtype: c.subtype } : {}),
    date_of_creation: c.created,
    jurisdiction: c.number.startsWith("SC") ? "scotland" : "england-wales",
  };
}

export const registerHandlers = [
  http.get(`${CHARITY_COMMISSION_BASE_URL}/allcharitydetailsV2/:number/:suffix`, ({ request, params }) => {
    if (!request.headers.get("ocp-apim-subscription-key")) return missingSubscriptionKey();
    if (String(params.number) === OUTAGE_CHARITY_NUMBER) return new HttpResponse("Internal server error", { status: 500 });
    const found = MOCK_CHARITIES.find((c) => String(c.number) === String(params.number) && String(c.suffix ?? 0) === String(params.suffix));
    if (!found) return HttpResponse.json({ statusCode: 404, message: "Charity not found" }, { status: 404 });
    return HttpResponse.json(charityAnswer(found));
  }),

  http.get(`${COMPANIES_HOUSE_BASE_URL}/company/:number`, ({ request, params }) => {
    if (!hasCompaniesHouseKey(request)) return HttpResponse.json({ error: "Invalid Authorization", type: "ch:service" }, { status: 401 });
    const wanted = String(params.number).toUpperCase();
    if (wanted === OUTAGE_COMPANY_NUMBER) return new HttpResponse("Internal server error", { status: 500 });
    const found = MOCK_COMPANIES.find((c) => c.number === wanted);
    if (!found) return HttpResponse.json({ errors: [{ error: "company-profile-not-found", type: "ch:service" }] }, { status: 404 });
    return HttpResponse.json(companyAnswer(found));
  }),
];
