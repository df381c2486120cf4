import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { fundSetup } from "~/domain/admin/index.server";
import { formatPence } from "~/domain/shared/money";
import { formatFinancialYear, formatLondonDate, formatLondonDateTime } from "~/domain/shared/time";
import { FUND_STATUS_TAGS } from "~/layout/status-tag";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.fund.name ?? "Fund");

const DONE: Record<string, string> = {
  created: "Fund created",
  details: "Fund details saved",
  round: "Round saved",
  budget: "Budget saved",
  criteria: "Scoring criteria saved",
  eligibility: "Eligibility question saved",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const overview = await orNotFound(fundSetup.fundOverview(user.id, idParam(params.id)));
  const done = new URL(request.url).searchParams.get("done");
  return { ...overview, done: done && DONE[done] ? DONE[done] : null };
}

export default function FundPage() {
  const { fund, criteria, forms, questions, rounds, budgets, done } = useLoaderData<typeof loader>();
  const base = `/admin/funds/${fund.id}`;
  const status = FUND_STATUS_TAGS[fund.status];
  return (
    <>
      <BackLink href="/admin/funds" text="Funds you manage" />
      {done ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{fund.code}</span>
      <h1 className="govuk-heading-l">{fund.name}</h1>
      <p className="govuk-body">
        <Tag text={status?.text ?? fund.status} classes={status?.classes} />{" "}
        <a className="govuk-link govuk-!-margin-left-2" href={`/admin/applications?fund=${fund.id}`}>
          See its applications
        </a>
        <a className="govuk-link govuk-!-margin-left-2" href={`${base}/feedback`}>
          Feedback templates
        </a>
      </p>

      <SummaryList
        card={{ title: { text: "Details", headingLevel: 2 }, actions: { items: [{ href: `${base}/edit`, text: "Change", visuallyHiddenText: "the fund's details" }] } }}
        rows={[
          { key: { text: "Summary" }, value: { text: fund.summary } },
          { key: { text: "Stages" }, value: { text: fund.twoStage ? "Outline proposal, then full application" : "One stage" } },
          { key: { text: "Rounds and budgets" }, value: { text: fund.perDistrict ? "One per district" : "Countywide" } },
          { key: { text: "Awards" }, value: { text: `${formatPence(fund.minAwardPence)} to ${formatPence(fund.maxAwardPence)}` } },
          { key: { text: "Most one group may get in a year" }, value: { text: fund.groupCapPence === null ? "No limit" : formatPence(fund.groupCapPence) } },
          { key: { text: "Public page" }, value: { html: fund.status === "active" ? <a className="govuk-link" href={`/funds/${fund.slug}`}>/funds/{fund.slug}</a> : <>Not shown until the fund is open to the public</> } },
        ]}
      />

      <h2 className="govuk-heading-m" id="rounds">
        Rounds
      </h2>
      <p className="govuk-body">
        <a className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" href={`${base}/rounds/new`}>
          Add a round
        </a>
      </p>
      {rounds.length === 0 ? (
        <p className="govuk-body">No rounds yet.</p>
      ) : (
        <Table
          caption="Rounds, latest first"
          captionClasses="govuk-visually-hidden"
          classes="app-table--compact"
          head={[{ text: "Round" }, { text: "Opens" }, { text: fund.twoStage ? "Outline deadline" : "Closes" }, ...(fund.twoStage ? [{ text: "Full application deadline" }] : []), { text: "Panel" }, { text: "Applications", format: "numeric" }]}
          rows={rounds.map((r) => [
            {
              html: (
                <>
                  <a className="govuk-link" href={`${base}/rounds/${r.id}`}>
                    {r.name}
                    <span className="govuk-visually-hidden"> (change)</span>
                  </a>
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-0">
                    {r.area}, {formatFinancialYear(r.financialYear)}
                    {r.forms.length ? `. ${r.forms.join("; ")}` : ". No published form yet"}
                  </span>
                </>
              ),
            },
            { text: formatLondonDateTime(r.opensAt) },
            { text: formatLondonDateTime(r.closesAt) },
            ...(fund.twoStage ? [{ text: r.fullApplicationDeadline ? formatLondonDateTime(r.fullApplicationDeadline) : "" }] : []),
            { text: r.panelDate ? formatLondonDate(`${r.panelDate}T12:00:00.000Z`) : "" },
            {
              html: (
                <>
                  {r.applications}
                  <br />
                  <a className="govuk-link govuk-!-font-size-16" href={`${base}/rounds/${r.id}/review`}>
                    Review<span className="govuk-visually-hidden"> {r.name}</span>
                  </a>
                </>
              ),
              format: "numeric",
            },
          ])}
        />
      )}

      <h2 className="govuk-heading-m" id="budgets">
        Budgets
      </h2>
      <p className="govuk-body">
        <a className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" href={`${base}/budgets`}>
          Set a budget
        </a>
      </p>
      {budgets.length === 0 ? (
        <p className="govuk-body">No budgets yet.</p>
      ) : (
        <Table
          caption="Budgets by financial year and area"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Financial year" }, { text: "Area" }, { text: "Budget", format: "numeric" }, { text: "" }]}
          rows={budgets.map((b) => [
            { text: formatFinancialYear(b.financialYear) },
            { text: b.area },
            { text: formatPence(b.amountPence), format: "numeric" },
            {
              html: (
                <a className="govuk-link" href={`${base}/budgets?year=${b.financialYear}&area=${b.areaCode}`}>
                  Change<span className="govuk-visually-hidden"> the budget for {b.area}, {formatFinancialYear(b.financialYear)}</span>
                </a>
              ),
              format: "numeric",
            },
          ])}
        />
      )}

      <h2 className="govuk-heading-m" id="forms">
        Forms
      </h2>
      <p className="govuk-body">What groups are asked. A change is made in a draft and applies, once published, to rounds that have not opened yet; a round already open keeps its form.</p>
      {forms.map((f) => (
        <SummaryList
          key={f.stage}
          card={{
            title: { text: `${f.stageName} form`, headingLevel: 3 },
            actions: { items: [{ href: `${base}/forms/${f.stage}`, text: "Edit", visuallyHiddenText: `the ${f.stageName.toLowerCase()} form` }] },
          }}
          rows={[
            { key: { text: "Published" }, value: { text: f.publishedVersion ? `Version ${f.publishedVersion}` : "Not published yet" } },
            { key: { text: "Draft" }, value: { text: f.draftVersion ? `Version ${f.draftVersion}, not published yet` : "None" } },
          ]}
        />
      ))}

      <h2 className="govuk-heading-m" id="criteria">
        Scoring criteria
      </h2>
      {criteria.map((c) => (
        <SummaryList
          key={c.stage}
          card={{ title: { text: c.stageName, headingLevel: 3 }, actions: { items: [{ href: `${base}/criteria/${c.stage}`, text: "Change", visuallyHiddenText: `the ${c.stageName.toLowerCase()} criteria` }] } }}
          rows={
            c.items.length
              ? c.items.map((i) => ({ key: { text: i.title }, value: { text: `${i.weightPercent}% of the score, marked 0 to ${i.maxScore}` } }))
              : [{ key: { text: "Criteria" }, value: { text: "None yet" } }]
          }
        />
      ))}

      <h2 className="govuk-heading-m" id="eligibility">
        Eligibility questions
      </h2>
      <p className="govuk-body">
        <a className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" href={`${base}/eligibility/new`}>
          Add a question
        </a>
      </p>
      {questions.length === 0 ? (
        <p className="govuk-body">No eligibility questions yet.</p>
      ) : (
        <SummaryList
          rows={questions.map((q, i) => ({
            key: { text: `Question ${i + 1}` },
            value: { text: `${q.question} (${q.options} answers, ${q.excluding} rule a group out)` },
            actions: { items: [{ href: `${base}/eligibility/${q.id}`, text: "Change", visuallyHiddenText: `question ${i + 1}` }] },
          }))}
        />
      )}
    </>
  );
}
