import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Pagination } from "~/components/pagination";
import { TaskList } from "~/components/task-list";
import { formEditor } from "~/domain/admin/index.server";
import { QuestionFields } from "~/layout/question-fields";
import { requireSignedIn } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const shown = data?.shown;
  const title = shown ? (shown.page.title ?? shown.page.questions[0]?.label ?? shown.section.title) : `${data?.stageName ?? "Form"} preview`;
  return pageTitle(matches, `Preview: ${title}`);
};

/** The form as groups will see it, page by page, with the very components their pages use; nothing is saved. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const search = new URL(request.url).searchParams;
  return orNotFound(formEditor.previewPage(user.id, idParam(params.id), params.stage ?? "", { section: search.get("section"), page: search.get("page") }));
}

export default function FormPreview() {
  const p = useLoaderData<typeof loader>();
  const here = `/admin/funds/${p.fund.id}/forms/${p.stage}/preview`;
  const at = (x: { section: string; page: string }) => `${here}?section=${encodeURIComponent(x.section)}&page=${encodeURIComponent(x.page)}`;
  const what = `${p.isDraft ? "the draft" : "the published form"}, version ${p.versionNumber}`;
  if (!p.shown) {
    return (
      <>
        <BackLink href={`/admin/funds/${p.fund.id}/forms/${p.stage}`} text={`${p.stageName} form`} />
        <div className="govuk-inset-text">Preview of {what}: what you type here is not saved.</div>
        <span className="govuk-caption-l">{p.fund.name}</span>
        <h1 className="govuk-heading-l">{p.stageName}</h1>
        <TaskList
          idPrefix="sections"
          items={p.sections.map((s) => ({
            title: { text: s.title },
            href: s.firstPage ? at({ section: s.key, page: s.firstPage }) : undefined,
            status: s.firstPage ? { text: "Not started" } : { text: "No questions yet" },
          }))}
        />
      </>
    );
  }
  const { shown } = p;
  return (
    <>
      <BackLink href={here} text="Back to the task list" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-inset-text">Preview of {what}: what you type here is not saved.</div>
          <span className="govuk-caption-l">{shown.section.title}</span>
          {/* The applicant's page without its action: its buttons stay on this page, the links step through the form. */}
          <form noValidate action={here} method="get">
            <input type="hidden" name="section" value={shown.section.key} />
            <input type="hidden" name="page" value={shown.page.key} />
            <QuestionFields page={shown.page} values={{}} errors={null} files={{}} fileRules={shown.fileRules} />
            <div className="govuk-button-group">
              <Button text="Save and continue" disabled />
              <Button text="Save and come back later" classes="govuk-button--secondary" disabled />
            </div>
          </form>
          <Pagination previous={shown.previous ? { href: at(shown.previous) } : null} next={shown.next ? { href: at(shown.next) } : null} landmarkLabel="Pages of the form" />
        </div>
      </div>
    </>
  );
}
