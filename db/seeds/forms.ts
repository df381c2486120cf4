/**
 * The first version of each fund stage's form, as data. The form engine (a later issue) renders these;
 * administrators will edit them without a deploy. `bind` keeps an application's own column in step.
 */
export type QuestionType =
  | "text"
  | "textarea"
  | "number"
  | "money"
  | "date"
  | "radios"
  | "checkboxes"
  | "select"
  | "yes_no"
  | "address"
  | "repeating"
  | "file";

export interface SeedQuestion {
  id: string;
  type: QuestionType;
  label: string;
  hint?: string;
  required?: boolean;
  wordLimit?: number;
  options?: { value: string; label: string }[];
  bind?: "title" | "amount_requested" | "project_postcode" | "district";
}

export interface SeedSection {
  key: string;
  title: string;
  questions: SeedQuestion[];
}

export interface SeedForm {
  fundCode: string;
  stage: "single" | "outline" | "full";
  title: string;
  sections: SeedSection[];
}

const AGE_GROUPS = [
  { value: "0_4", label: "Children under 5" },
  { value: "5_11", label: "Children aged 5 to 11" },
  { value: "12_18", label: "Young people aged 12 to 18" },
  { value: "19_64", label: "Adults aged 19 to 64" },
  { value: "65_plus", label: "Older people aged 65 and over" },
];

export const FORMS: SeedForm[] = [
  {
    fundCode: "CRF",
    stage: "single",
    title: "Community Reach Fund application",
    sections: [
      {
        key: "project",
        title: "Your project",
        questions: [
          { id: "project_title", type: "text", label: "What is the name of your project?", required: true, bind: "title" },
          { id: "project_summary", type: "textarea", label: "Describe your project", hint: "What you will do, when, and why it is needed.", required: true, wordLimit: 250 },
          { id: "project_postcode", type: "text", label: "Postcode where the activity will happen", required: true, bind: "project_postcode" },
        ],
      },
      {
        key: "beneficiaries",
        title: "Who will benefit",
        questions: [
          { id: "age_groups", type: "checkboxes", label: "Which age groups will benefit?", required: true, options: AGE_GROUPS },
          { id: "beneficiary_count", type: "number", label: "About how many people will benefit?", required: true },
        ],
      },
      {
        key: "funding",
        title: "Funding",
        questions: [
          { id: "amount_requested", type: "money", label: "How much are you asking for?", hint: "Up to £1,000.", required: true, bind: "amount_requested" },
          { id: "budget_lines", type: "repeating", label: "What will you spend it on?", required: true },
          { id: "other_funding", type: "repeating", label: "Other funding secured or applied for", hint: "The funder, the amount and whether it is secured, applied for or planned.", required: true },
        ],
      },
    ],
  },
  {
    fundCode: "CIF",
    stage: "outline",
    title: "Innovation Fund outline proposal",
    sections: [
      {
        key: "proposal",
        title: "Your proposal",
        questions: [
          { id: "project_title", type: "text", label: "What is the name of your project?", required: true, bind: "title" },
          { id: "target_area", type: "text", label: "Target area", hint: "For example Countywide, or the towns and villages you will work in.", required: true },
          { id: "objective", type: "textarea", label: "Objective", required: true, wordLimit: 100 },
          { id: "target_beneficiaries", type: "textarea", label: "Target beneficiaries", required: true, wordLimit: 100 },
          { id: "summary", type: "textarea", label: "Summary of the project", required: true, wordLimit: 300 },
        ],
      },
      {
        key: "impact",
        title: "Resilience and wellbeing",
        questions: [
          { id: "resilience", type: "textarea", label: "How will the project build community resilience?", required: true, wordLimit: 250 },
          { id: "wellbeing", type: "textarea", label: "How will it improve local wellbeing?", required: true, wordLimit: 250 },
        ],
      },
      {
        key: "funding",
        title: "Funding",
        questions: [
          { id: "amount_requested", type: "money", label: "How much are you asking for?", hint: "From £1,000 to £50,000.", required: true, bind: "amount_requested" },
        ],
      },
    ],
  },
  {
    fundCode: "CIF",
    stage: "full",
    title: "Innovation Fund full application",
    sections: [
      {
        key: "project_plan",
        title: "Project plan",
        questions: [
          { id: "project_title", type: "text", label: "What is the name of your project?", required: true, bind: "title" },
          { id: "plan", type: "textarea", label: "Describe how you will deliver the project", required: true, wordLimit: 500 },
          { id: "milestones", type: "repeating", label: "Milestones", required: true },
        ],
      },
      {
        key: "budget",
        title: "Budget",
        questions: [
          { id: "amount_requested", type: "money", label: "How much are you asking for?", required: true, bind: "amount_requested" },
          { id: "budget_lines", type: "repeating", label: "Budget lines", required: true },
        ],
      },
      {
        key: "savings",
        title: "Savings to the council",
        questions: [
          { id: "savings_plan", type: "repeating", label: "Which council budgets will the project save, and how much each year?", required: true },
          { id: "savings_evidence", type: "textarea", label: "What is your evidence?", required: true, wordLimit: 300 },
        ],
      },
      {
        key: "outcomes",
        title: "Outcomes and sustainability",
        questions: [
          { id: "outcomes", type: "textarea", label: "What outcomes will you achieve and how will you measure them?", required: true, wordLimit: 400 },
          { id: "sustainability", type: "textarea", label: "How will the project continue after the grant?", required: true, wordLimit: 250 },
          { id: "safeguarding", type: "yes_no", label: "Do you have a safeguarding policy?", required: true },
        ],
      },
    ],
  },
];
