import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { InsetText } from "~/components/inset-text";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { getFundPage, type FundRound } from "~/domain/funds/funds.server";
import { STAGE_LABELS, fundStages, printableFormHref } from "~/domain/applications/stages";
import { formatPence } from "~/domain/shared/money";
import { formatLondonDate, formatLondonDateTime } from "~/domain/shared/time";
import { pageTitle } from "~/utils/meta";
import type { loader as rootLoader } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, data?.fund.name ?? "Fund");

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getFundPage(params.slug ?? "");
  if (!page) throw new Response("No such fund", { status: 404 });
  return page;
}

const STATUS_TAG: Record<FundRound["status"], { text: string; classes: string }> = {
  open: { text: "Open", classes: "govuk-tag--green" },
  upcoming: { text: "Opens later", classes: "govuk-tag--blue" },
  closed: { text: "Closed", classes: "govuk-tag--grey" },
};

function panelDate(date: string | null): string {
  return date ? formatLondonDate(`${date}T12:00:00.000Z`) : "";
}

export default function FundPage() {
  const { fund, rounds, criteria } = useLoaderData<typeof loader>();
  const current = rounds.filter((r) => r.status !== "closed");
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const contactEmail = root?.settings.contactEmail ?? "";
  const signedIn = Boolean(root?.user);
  return (
    <>
      <BackLink href="/" text="All funds" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{fund.name}</h1>
          <p className="govuk-body-l">{fund.summary}</p>
          <SummaryList
            rows={[
              { key: { text: "Grants" }, value: { text: `${formatPence(fund.minAwardPence)} to ${formatPence(fund.maxAwardPence)}` } },
              {
                key: { text: "Closing date" },
                value: {
                  text: fund.nextClosing
                    ? `${fund.twoStage ? "Outline proposals by " : ""}${formatLondonDateTime(fund.nextClosing)}`
                    : "Not open for applications at the moment",
                },
              },
              { key: { text: "Stages" }, value: { text: fund.twoStage ? "Outline proposal, then a full application if invited" : "One stage" } },
            ]}
          />
          <h2 className="govuk-heading-l">About the fund</h2>
          <p className="govuk-body">{fund.description}</p>
          <h2 className="govuk-heading-l">Who can apply</h2>
          <p className="govuk-body">{fund.whoCanApply}</p>
          <h2 className="govuk-heading-l">How to apply</h2>
          {fund.twoStage ? (
            <ol className="govuk-list govuk-list--number">
              <li>Send a short outline proposal: where, what for, who benefits and how much you need.</li>
              <li>A panel of councillors and officers, advised by service leads, reviews it. They may invite you to make a full application, suggest how to strengthen your proposal, or point you to other support or funding.</li>
              <li>If invited, make a full application, including how your project saves the council money. A selection panel hears full applications every quarter.</li>
            </ol>
          ) : (
            <ol className="govuk-list govuk-list--number">
              <li>Check your group can apply.</li>
              <li>Fill in the application. You can save it and come back, and other members of your group can help.</li>
              <li>Submit it before the closing date. The panel for your district decides and we email you the outcome.</li>
            </ol>
          )}
          {current.some((r) => r.status === "open") ? (
            <>
              <p className="govuk-body">Answer a few questions to check your group can apply. It takes about a minute.</p>
              <Button text="Check if you can apply" href={`/funds/${fund.slug}/check`} isStartButton />
              {signedIn ? (
                <p className="govuk-body">
                  Already started?{" "}
                  <a className="govuk-link" href="/applications">
                    Go to your applications
                  </a>
                </p>
              ) : null}
            </>
          ) : (
            <InsetText>
              No round of this fund is open just now. For help, email{" "}
              <a className="govuk-link" href={`mailto:${contactEmail}`}>
                {contactEmail}
              </a>
              .
            </InsetText>
          )}
          <PrintableForms slug={fund.slug} twoStage={fund.twoStage} contact={root?.settings} />
        </div>
      </div>

      <h2 className="govuk-heading-l">{fund.twoStage ? "Rounds" : "Rounds by district"}</h2>
      {current.length === 0 ? (
        <p className="govuk-body">There are no open or upcoming rounds.</p>
      ) : (
        <Table
          caption={fund.twoStage ? "Deadlines are at the times shown, UK time." : "Each district has its own pot. Apply to the district where your activity happens."}
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={
            fund.twoStage
              ? [{ text: "Round" }, { text: "Outline proposals by" }, { text: "Full applications by" }, { text: "Panel" }, { text: "Status" }]
              : [{ text: "District" }, { text: "Opens" }, { text: "Closes" }, { text: "Status" }]
          }
          rows={current.map((r) =>
            fund.twoStage
              ? [
                  { text: r.name },
                  { text: formatLondonDateTime(r.closesAt) },
                  { text: r.fullApplicationDeadline ? formatLondonDateTime(r.fullApplicationDeadline) : "" },
                  { text: panelDate(r.panelDate) },
                  { html: <Tag {...STATUS_TAG[r.status]} /> },
                ]
              : [
                  { text: r.area },
                  { text: formatLondonDate(r.opensAt) },
                  { text: formatLondonDateTime(r.closesAt) },
                  { html: <Tag {...STATUS_TAG[r.status]} /> },
                ],
          )}
        />
      )}

      {criteria.length > 0 ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-l">How applications are assessed</h2>
            <p className="govuk-body">The panel scores each {fund.twoStage ? "full " : ""}application against these criteria. The weight is each criterion&rsquo;s share of the total score.</p>
            <Table
              caption="Assessment criteria"
              captionClasses="govuk-visually-hidden"
              head={[{ text: "Criterion" }, { text: "What the panel looks for" }, { text: "Weight", format: "numeric" }]}
              rows={criteria.map((c) => [{ text: c.title }, { text: c.description }, { text: `${c.weightPercent}%`, format: "numeric" }])}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}

/** For people who cannot apply online: the printable form of each stage, and where to send it. */
function PrintableForms({ slug, twoStage, contact }: { slug: string; twoStage: boolean; contact?: { contactEmail: string; contactPhone: string | null; contactAddress: string | null } }) {
  return (
    <>
      <h2 className="govuk-heading-m">If you cannot apply online</h2>
      <p className="govuk-body">Print the form, fill it in by hand and send it to us{contact?.contactAddress ? <> by post to {contact.contactAddress}, or</> : null} by email as a scan or photo{contact ? <> to <a className="govuk-link" href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a></> : null}.{contact?.contactPhone ? <> If you need help or the form in another format, call {contact.contactPhone}.</> : null}</p>
      <ul className="govuk-list">
        {fundStages(twoStage).map((stage) => (
          <li key={stage}>
            <a className="govuk-link" href={printableFormHref(slug, stage)} download>
              {stage === "single" ? "Download a printable application form (PDF)" : `Download a printable ${STAGE_LABELS[stage].toLowerCase()} form (PDF)`}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
