import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { draftsService } from "~/domain/applications/index.server";
import { FileList } from "~/layout/file-question";
import { requireSignedIn } from "~/utils/auth.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Check your answers");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(draftsService.checkAnswers(user.id, idParam(params.id)));
}

export default function CheckAnswers() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/applications/${page.applicationId}`} text="Back to your application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{page.fundName}</span>
          <h1 className="govuk-heading-l">Check your answers</h1>
          {page.sections.map((s) => (
            <section key={s.key}>
              <h2 className="govuk-heading-m">
                {s.title} {s.status !== "completed" ? <Tag text={s.status === "not_started" ? "Not yet started" : "In progress"} classes="govuk-tag--blue" /> : null}
              </h2>
              <SummaryList
                classes="govuk-!-margin-bottom-9"
                rows={s.rows.map((r) => ({
                  key: { text: r.label },
                  value: r.files?.length
                    ? { html: <FileList files={r.files} /> }
                    : r.lines.length
                      ? { html: <>{r.lines.map((l, i) => <span key={i} className="app-answer-line">{l}</span>)}</> }
                      : { text: "Not answered" },
                  actions: page.editable ? { items: [{ href: r.changeHref, text: r.lines.length ? "Change" : "Answer", visuallyHiddenText: r.label.toLowerCase() }] } : undefined,
                }))}
              />
            </section>
          ))}
          {page.complete ? (
            <p className="govuk-body">Your application is complete. Sending it is the next step of this service.</p>
          ) : (
            <p className="govuk-body">Answer every question before you can send your application.</p>
          )}
        </div>
      </div>
    </>
  );
}
