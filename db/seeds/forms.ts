/**
 * The first version of each fund stage's form, as data (app/domain/forms/definition.ts). Administrators
 * will edit them without a deploy; a round pins the version current when it opened. Question ids are
 * stable: answers are stored under them.
 */
import type { FormDefinition, Option, Page, Question, Section } from "~/domain/forms/definition";

export interface SeedForm extends FormDefinition {
  fundCode: string;
  stage: "single" | "outline" | "full";
  title: string;
}

/** The Reach Fund now also supports activities for people aged 19 and over (the council's 2023 paper). */
const AGE_GROUPS: Option[] = [
  { value: "0_18", label: "Children and young people (0 to 18)" },
  { value: "19_plus", label: "Adults (19 and over)" },
];

const FUNDING_STATUS: Option[] = [
  { value: "secured", label: "Secured" },
  { value: "applied", label: "Applied for" },
  { value: "planned", label: "Planning to apply" },
];

/** One question to a page, keyed by the question's id. */
const one = (q: Question): Page => ({ key: q.id.replace(/_/g, "-"), questions: [q] });

/** The Innovation Fund's forms start with the group and its contact, filled in from the group's profile. */
const GROUP_CONTACT: Section = {
  key: "group",
  title: "About your group",
  prefill: "organisation",
  pages: [
    {
      key: "contact",
      title: "Your group and its contact",
      questions: [
        { id: "group_name", type: "text", label: "Name of your group", short: "the name of your group", required: true, autocomplete: "organization" },
        { id: "contact_name", type: "text", label: "Name of the main contact for this proposal", short: "the name of the main contact", required: true, autocomplete: "name" },
        { id: "contact_phone", type: "text", label: "Their phone number", short: "a phone number for the main contact", required: true, autocomplete: "tel", width: "20", maxLength: 30 },
      ],
    },
  ],
};

export const FORMS: SeedForm[] = [
  {
    fundCode: "CRF",
    stage: "single",
    title: "Community Reach Fund application",
    sections: [
      {
        key: "group",
        title: "About your group",
        prefill: "organisation",
        pages: [
          {
            key: "contact",
            title: "Your group and its contact",
            questions: [
              { id: "group_name", type: "text", label: "Name of your group", short: "the name of your group", required: true, autocomplete: "organization" },
              { id: "contact_name", type: "text", label: "Name of the main contact for this application", short: "the name of the main contact", required: true, autocomplete: "name" },
              { id: "contact_phone", type: "text", label: "Their phone number", short: "a phone number for the main contact", required: true, autocomplete: "tel", width: "20", maxLength: 30 },
            ],
          },
          one({ id: "group_address", type: "address", label: "Your group's address", short: "your group's address", required: true }),
          one({ id: "group_bank_account", type: "yes_no", label: "Does your group have a bank account in its own name, with two signatories?", required: true, hint: "Grants are paid into the group's own account.", followUp: { label: "How will you receive the grant?", short: "how you will receive the grant", when: "no", wordLimit: 100 } }),
        ],
      },
      {
        key: "activity",
        title: "Your activity",
        pages: [
          one({ id: "project_title", type: "text", label: "What is the name of your activity?", short: "the name of your activity", required: true, bind: "title", maxLength: 120 }),
          one({ id: "project_summary", type: "textarea", label: "Describe your activity", short: "a description of your activity", hint: "What you will do, when, and why it is needed locally.", required: true, wordLimit: 250 }),
          one({ id: "start_date", type: "date", label: "When will it start?", short: "the start date", hint: "For example, 1 4 2027", required: true }),
        ],
      },
      {
        key: "beneficiaries",
        title: "Who benefits",
        pages: [
          one({ id: "age_groups", type: "checkboxes", label: "Which age groups will benefit?", short: "the age groups who will benefit", hint: "Select all that apply.", required: true, options: AGE_GROUPS }),
          one({ id: "beneficiary_count", type: "number", label: "About how many people will benefit?", short: "how many people will benefit", required: true, min: 1, max: 1_000_000 }),
        ],
      },
      {
        key: "location",
        title: "Where it happens",
        pages: [
          one({ id: "project_postcode", type: "postcode", label: "What is the postcode where the activity will happen?", short: "the postcode where the activity will happen", hint: "It decides which district's fund your application goes to.", required: true, bind: "project_postcode" }),
        ],
      },
      {
        key: "budget",
        title: "Your budget",
        pages: [
          one({ id: "amount_requested", type: "money", label: "How much are you asking for?", short: "the amount you are asking for", hint: "Up to £1,000.", required: true, bind: "amount_requested", minPence: 100, maxPence: 100_000 }),
          one({
            id: "budget_lines",
            type: "repeating",
            label: "What will you spend it on?",
            hint: "The items should add up to the amount you are asking for.",
            required: true,
            addLabel: "Add another item",
            maxRows: 20,
            columns: [
              { id: "item", label: "Item", type: "text" },
              { id: "cost", label: "Cost", type: "money" },
            ],
            mustTotal: { column: "cost", question: "amount_requested" },
          }),
          one({
            id: "quotes",
            type: "file",
            label: "Quotes for items over £250",
            short: "a quote",
            hint: "Upload a quote for each item that costs more than £250, if you have them. You can add up to 5 files.",
            maxFiles: 5,
          }),
        ],
      },
      {
        key: "other_funding",
        title: "Other funding",
        pages: [
          one({
            id: "other_funding",
            type: "repeating",
            label: "What other funding have you secured or applied for?",
            hint: "The fund exists to help groups lever other funding. Include funding you plan to apply for.",
            required: true,
            addLabel: "Add another funder",
            maxRows: 20,
            columns: [
              { id: "funder", label: "Funder", type: "text" },
              { id: "amount", label: "Amount", type: "money" },
              { id: "status", label: "Status", type: "select", options: FUNDING_STATUS },
            ],
          }),
        ],
      },
      {
        key: "declarations",
        title: "Declarations",
        pages: [
          one({
            id: "declarations",
            type: "checkboxes",
            locked: true,
            label: "Declarations",
            short: "that you agree to each declaration",
            required: true,
            options: [
              { value: "true", label: "The information in this application is true to the best of my knowledge" },
              { value: "spend", label: "The group will spend the grant only on the activity described" },
              { value: "report", label: "The group will report on how the grant was spent" },
            ],
          }),
        ],
      },
    ],
  },
  {
    fundCode: "CIF",
    stage: "outline",
    title: "Innovation Fund outline proposal",
    sections: [
      GROUP_CONTACT,
      {
        key: "proposal",
        title: "Your proposal",
        pages: [
          one({ id: "project_title", type: "text", label: "What is the name of your project?", short: "the name of your project", required: true, bind: "title", maxLength: 120 }),
          one({ id: "target_area", type: "text", label: "Target area", short: "the target area", hint: "For example Countywide, a district, or the towns and villages you will work in.", required: true, maxLength: 300 }),
          one({
            id: "project_postcode",
            type: "postcode",
            label: "What is the postcode of the main place the project will work?",
            short: "the postcode of the main place the project will work",
            hint: "Leave this empty if the project works across the county rather than in one place.",
            bind: "project_postcode",
          }),
          one({ id: "objective", type: "textarea", label: "Objective", short: "the objective", hint: "What the project will do, in a sentence or two.", required: true, wordLimit: 100 }),
          one({ id: "target_beneficiaries", type: "textarea", label: "Target beneficiaries", short: "the target beneficiaries", hint: "Who the project is for.", required: true, wordLimit: 100 }),
          one({ id: "summary", type: "textarea", label: "Summary of the project", short: "a summary of the project", required: true, wordLimit: 300 }),
        ],
      },
      {
        key: "impact",
        title: "Resilience and wellbeing",
        pages: [
          one({ id: "resilience", type: "textarea", label: "How will the project build community resilience?", short: "how the project will build community resilience", hint: "How it will help the community support itself and each other.", required: true, wordLimit: 250 }),
          one({ id: "wellbeing", type: "textarea", label: "How will it improve local wellbeing?", short: "how it will improve local wellbeing", required: true, wordLimit: 250 }),
        ],
      },
      {
        key: "funding",
        title: "Funding",
        pages: [one({ id: "amount_requested", type: "money", label: "How much are you asking for?", short: "the amount you are asking for", hint: "From £1,000 to £50,000.", required: true, bind: "amount_requested", minPence: 100_000, maxPence: 5_000_000 })],
      },
    ],
  },
  {
    fundCode: "CIF",
    stage: "full",
    title: "Innovation Fund full application",
    sections: [
      GROUP_CONTACT,
      {
        key: "proposal",
        title: "Your proposal",
        pages: [
          one({ id: "project_title", type: "text", label: "What is the name of your project?", short: "the name of your project", required: true, bind: "title", maxLength: 120 }),
          one({ id: "target_area", type: "text", label: "Target area", short: "the target area", required: true, maxLength: 300 }),
          one({ id: "objective", type: "textarea", label: "Objective", short: "the objective", required: true, wordLimit: 100 }),
          one({ id: "target_beneficiaries", type: "textarea", label: "Target beneficiaries", short: "the target beneficiaries", required: true, wordLimit: 100 }),
          one({ id: "summary", type: "textarea", label: "Summary of the project", short: "a summary of the project", hint: "Carried over from your outline proposal: bring it up to date if the project has changed.", required: true, wordLimit: 300 }),
        ],
      },
      {
        key: "project_plan",
        title: "Project plan",
        pages: [
          one({ id: "plan", type: "textarea", label: "How will you deliver the project?", short: "how you will deliver the project", hint: "Who will do what, where and when, and how you will reach the people it is for.", required: true, wordLimit: 500 }),
          one({
            id: "milestones",
            type: "repeating",
            label: "What are the project's milestones?",
            short: "the milestones",
            hint: "For example, volunteers trained by June 2027.",
            required: true,
            addLabel: "Add another milestone",
            maxRows: 20,
            columns: [
              { id: "milestone", label: "Milestone", type: "text" },
              { id: "by", label: "By when", type: "text" },
            ],
          }),
        ],
      },
      {
        key: "budget",
        title: "Budget",
        pages: [
          one({ id: "amount_requested", type: "money", label: "How much are you asking for?", short: "the amount you are asking for", hint: "From £1,000 to £50,000.", required: true, bind: "amount_requested", minPence: 100_000, maxPence: 5_000_000 }),
          one({
            id: "budget_lines",
            type: "repeating",
            label: "What will you spend it on?",
            short: "the budget lines",
            hint: "The lines should add up to the amount you are asking for.",
            required: true,
            addLabel: "Add another line",
            maxRows: 30,
            columns: [
              { id: "item", label: "Item", type: "text" },
              { id: "cost", label: "Cost", type: "money" },
            ],
            mustTotal: { column: "cost", question: "amount_requested" },
          }),
        ],
      },
      {
        key: "outcomes",
        title: "Outcomes",
        pages: [
          one({ id: "outcomes", type: "textarea", label: "What outcomes will the project achieve, and how will you measure them?", short: "your outcomes and how you will measure them", required: true, wordLimit: 400 }),
        ],
      },
      {
        key: "savings",
        title: "Savings to the council",
        pages: [
          one({
            id: "savings_plan",
            type: "repeating",
            locked: true,
            label: "Which council budgets will the project save, and how much each year?",
            short: "the savings plan",
            hint: "The fund exists to save the council money by meeting needs locally. Cashable savings reduce what a budget spends; non-cashable ones free staff time or avoid future costs.",
            required: true,
            addLabel: "Add another budget",
            maxRows: 20,
            columns: [
              { id: "budget", label: "Council budget", type: "text" },
              { id: "cashable", label: "Cashable or not", type: "select", options: [{ value: "yes", label: "Cashable" }, { value: "no", label: "Not cashable" }] },
              { id: "per_year", label: "Amount a year", type: "money" },
            ],
          }),
          one({ id: "savings_evidence", type: "textarea", label: "What is your evidence for these savings?", short: "your evidence for the savings", hint: "For example, how many people would otherwise need a council service, and what it costs.", required: true, wordLimit: 300 }),
        ],
      },
      {
        key: "sustainability",
        title: "Sustainability",
        pages: [one({ id: "sustainability", type: "textarea", label: "How will the project continue after the grant?", short: "how the project will continue after the grant", required: true, wordLimit: 250 })],
      },
      {
        key: "safeguarding",
        title: "Safeguarding",
        pages: [
          one({
            id: "safeguarding",
            type: "yes_no",
            label: "Does your group have a safeguarding policy that covers this project?",
            short: "whether your group has a safeguarding policy",
            hint: "Projects working with children or adults at risk must have one.",
            required: true,
            followUp: { label: "How will you keep people safe until you have one?", short: "how you will keep people safe", when: "no", wordLimit: 200 },
          }),
        ],
      },
      {
        key: "supporting_documents",
        title: "Documents",
        pages: [
          one({ id: "constitution", type: "file", label: "Your group's governing document", short: "your group's governing document", hint: "For example its constitution, articles of association or trust deed, signed and dated.", required: true, maxFiles: 2 }),
          one({ id: "accounts", type: "file", label: "Your group's latest accounts", short: "your group's latest accounts", hint: "Your latest annual accounts or, for a group less than a year old, your last three months' bank statements.", required: true, maxFiles: 3 }),
          one({ id: "safeguarding_policy", type: "file", label: "Your safeguarding policy", short: "your safeguarding policy", hint: "If your group has one. Projects working with children or adults at risk must.", maxFiles: 2 }),
          one({ id: "quotes", type: "file", label: "Quotes for items over £1,000", short: "a quote", hint: "For equipment, building work or services costing more than £1,000.", maxFiles: 10 }),
        ],
      },
      {
        key: "declarations",
        title: "Declarations",
        pages: [
          one({
            id: "declarations",
            type: "checkboxes",
            locked: true,
            label: "Declarations",
            short: "that you agree to each declaration",
            required: true,
            options: [
              { value: "true", label: "The information in this application is true to the best of my knowledge" },
              { value: "spend", label: "The group will spend the grant only on the project described" },
              { value: "savings", label: "The group will report on the project's outcomes and the savings it makes" },
            ],
          }),
        ],
      },
    ],
  },
];
