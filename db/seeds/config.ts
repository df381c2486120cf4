/**
 * The seeded configuration: the council's two funds as its papers describe them (../shared/seeds/),
 * their criteria, eligibility questions and first forms. Everything here is data an administrator can
 * change later; no code depends on these particular values.
 */
export const COUNCIL = { name: "Cambridgeshire County Council", county: "Cambridgeshire" };

export const SERVICE_SETTINGS = {
  operator_name: COUNCIL.name,
  service_name: "Apply for a community grant",
  contact_email: "community.grants@council.example.org",
  contact_phone: "0345 045 5200",
  contact_address: "New Shire Hall, Emery Crescent, Enterprise Campus, Alconbury Weald, Huntingdon PE28 4YE",
  website_url: "https://www.cambridgeshire.gov.uk",
};

export const DISTRICTS = [
  { code: "E07000008", name: "Cambridge" },
  { code: "E07000009", name: "East Cambridgeshire" },
  { code: "E07000010", name: "Fenland" },
  { code: "E07000011", name: "Huntingdonshire" },
  { code: "E07000012", name: "South Cambridgeshire" },
] as const;

const SCORE_DESCRIPTORS = [
  { score: 0, label: "Not met: no evidence" },
  { score: 1, label: "Weak: little evidence" },
  { score: 2, label: "Adequate: some evidence" },
  { score: 3, label: "Good: clear evidence" },
  { score: 4, label: "Excellent: strong, specific evidence" },
];

export interface SeedCriterion {
  key: string;
  title: string;
  description: string;
  weightPercent: number;
}

export interface SeedEligibilityQuestion {
  key: string;
  question: string;
  hint?: string;
  options: { value: string; label: string }[];
  excluding: string[];
  ineligibleMessage: string;
}

export interface SeedFund {
  code: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  whoCanApply: string;
  stages: "single" | "two_stage";
  minAwardPence: number;
  maxAwardPence: number;
  groupCapPence: number | null;
  roundsPerDistrict: boolean;
  criteriaStage: "single" | "full";
  criteria: SeedCriterion[];
  eligibility: SeedEligibilityQuestion[];
  /** Budget per district (Reach Fund) or countywide, per financial year, in pence. */
  budgetPence: number;
}

/**
 * The eligibility question's answers, worded for someone checking whether they can apply. Their values are
 * the organisation types of app/domain/organisations/identifiers.ts, so an answer can later fill in the
 * group's profile; "individual" is the one that rules a person out.
 */
const GROUP_TYPES = [
  { value: "charity", label: "Registered charity or charitable incorporated organisation (CIO)" },
  { value: "cic", label: "Community interest company (CIC)" },
  { value: "company", label: "Company limited by guarantee, not for profit" },
  { value: "unincorporated", label: "Unincorporated community group with a constitution and a bank account" },
  { value: "parish_council", label: "Parish or town council" },
  { value: "faith_group", label: "Faith group (for activities open to everyone)" },
  { value: "school", label: "School (for activities outside the curriculum)" },
  { value: "individual", label: "An individual, or a business run for profit" },
];

/** Every fund asks what kind of group is applying; only the message for those ruled out differs. */
function groupTypeQuestion(ineligibleMessage: string): SeedEligibilityQuestion {
  return { key: "group_type", question: "What type of group are you applying for?", options: GROUP_TYPES, excluding: ["individual"], ineligibleMessage };
}

const IN_COUNTY = {
  key: "in_cambridgeshire",
  question: "Will the activity take place in Cambridgeshire?",
  hint: "Cambridge, East Cambridgeshire, Fenland, Huntingdonshire or South Cambridgeshire. Peterborough has its own funds.",
  options: [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ],
  excluding: ["no"],
  ineligibleMessage:
    "This fund only supports activities in Cambridgeshire. For Peterborough, contact Peterborough City Council; the Cambridgeshire Community Foundation lists other funders.",
};

export const FUNDS: SeedFund[] = [
  {
    code: "CRF",
    slug: "community-reach-fund",
    name: "Community Reach Fund",
    summary:
      "Grants of up to £1,000 for community groups, to help them lever other sources of funding. Each district has its own pot.",
    description:
      "The Community Reach Fund offers small grants to voluntary and community groups in each of Cambridgeshire's five districts. It helps groups lever other sources of funding, so every application tells us what other funding the group has secured or applied for. The fund now also supports activities for people aged 19 and over. A panel in the district where the activity happens decides, and your local Community Coordinator can help you before you apply.",
    whoCanApply:
      "Voluntary and community groups, charities, community interest companies, parish and town councils, faith groups and schools running activities in Cambridgeshire. Each group can receive up to £1,000 from a district's pot in a financial year.",
    stages: "single",
    minAwardPence: 10_000,
    maxAwardPence: 100_000,
    groupCapPence: 100_000,
    roundsPerDistrict: true,
    criteriaStage: "single",
    criteria: [
      { key: "levers_funding", title: "Levers other funding", description: "How far the grant helps the group secure other funding or resources.", weightPercent: 40 },
      { key: "community_benefit", title: "Benefit to the community", description: "Who benefits, how many, and how much difference it makes locally.", weightPercent: 40 },
      { key: "deliverability", title: "Deliverability", description: "A realistic plan, budget and timescale from a group able to deliver it.", weightPercent: 20 },
    ],
    eligibility: [
      groupTypeQuestion(
        "The Community Reach Fund is for community groups, not individuals or businesses run for profit. Your local Community Coordinator can suggest other support.",
      ),
      IN_COUNTY,
      {
        key: "amount",
        question: "How much do you need?",
        options: [
          { value: "up_to_1000", label: "£1,000 or less" },
          { value: "over_1000", label: "More than £1,000" },
        ],
        excluding: ["over_1000"],
        ineligibleMessage:
          "The Community Reach Fund gives grants of up to £1,000. For larger projects that save the council money, look at the Cambridgeshire Communities Innovation Fund.",
      },
      {
        key: "purpose",
        question: "What is the money for?",
        options: [
          { value: "community_activity", label: "A community activity or project" },
          { value: "lever_funding", label: "Costs that help us secure other funding" },
          { value: "religious_or_political", label: "Promoting religious or political beliefs" },
          { value: "retrospective", label: "Something that has already happened" },
        ],
        excluding: ["religious_or_political", "retrospective"],
        ineligibleMessage:
          "The fund cannot pay for promoting religious or political beliefs, or for things that have already happened. Talk to your Community Coordinator about other ways to pay for it.",
      },
    ],
    budgetPence: 1_000_000,
  },
  {
    code: "CIF",
    slug: "communities-innovation-fund",
    name: "Cambridgeshire Communities Innovation Fund",
    summary:
      "Grants of up to £50,000 for projects that build community resilience, improve local wellbeing and save the council money by meeting needs locally.",
    description:
      "The Innovation Fund invests in community groups and organisations that want to increase community resilience, enhance the wellbeing of local people and achieve savings for the council by meeting needs better locally. Apply in two stages: first send a short outline proposal, which a panel of councillors and officers reviews with expert advice from service leads. The panel may invite you to make a full application, advise you on strengthening your proposal, or signpost you to other support or funding. Full applications are heard at a quarterly selection panel and must include a plan for how the project saves the council money. Groups in disadvantaged areas or with less experience of applying can get extra support.",
    whoCanApply:
      "Voluntary and community groups, charities, social enterprises, and parish and town councils in Cambridgeshire with a project that meets needs locally and can show how it saves council budgets.",
    stages: "two_stage",
    minAwardPence: 100_000,
    maxAwardPence: 5_000_000,
    groupCapPence: null,
    roundsPerDistrict: false,
    criteriaStage: "full",
    criteria: [
      { key: "community_resilience", title: "Community resilience", description: "How the project helps the community to support itself and each other.", weightPercent: 25 },
      { key: "local_wellbeing", title: "Local wellbeing", description: "How the project improves the wellbeing of local people.", weightPercent: 20 },
      { key: "savings", title: "Savings to the council", description: "A credible plan showing which council budgets are reduced, by how much and when.", weightPercent: 25 },
      { key: "deliverability_value", title: "Deliverability and value", description: "A realistic plan, budget, milestones and value for money.", weightPercent: 15 },
      { key: "disadvantaged_reach", title: "Reach into disadvantaged areas", description: "How well the project reaches disadvantaged areas and people with less social capital.", weightPercent: 15 },
    ],
    eligibility: [
      groupTypeQuestion(
        "The Innovation Fund is for community groups and organisations, not individuals or businesses run for profit.",
      ),
      IN_COUNTY,
      {
        key: "amount",
        question: "How much do you need?",
        options: [
          { value: "under_1000", label: "Less than £1,000" },
          { value: "1000_to_50000", label: "£1,000 to £50,000" },
          { value: "over_50000", label: "More than £50,000" },
        ],
        excluding: ["under_1000", "over_50000"],
        ineligibleMessage:
          "The Innovation Fund gives grants from £1,000 to £50,000. For £1,000 or less, apply to the Community Reach Fund in your district.",
      },
      {
        key: "purpose",
        question: "Will the project meet a need locally that would otherwise fall to council services?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
          { value: "not_sure", label: "Not sure" },
        ],
        excluding: ["no"],
        ineligibleMessage:
          "Innovation Fund projects must save the council money by meeting needs locally. The Community Reach Fund, or the funders the Cambridgeshire Community Foundation lists, may suit your project better.",
      },
    ],
    budgetPence: 50_000_000,
  },
];

export const SCORE_SCALE = SCORE_DESCRIPTORS;
