import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { formEditor } from "~/domain/admin/index.server";
import { formatLondonDate, formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.draft ? `Publish version ${data.draft.versionNumber} of the ${data.stageName.toLowerCase()} form` : "Publish a form");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  return orNotFound(formEditor.publishSummary(user.id, idParam(params.id), params.stage ?? ""));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const stage = params.stage ?? "";
  const result = await orNotFound(formEditor.publish(user.id, fundId, stage, versionField(form), requestInfo(request, context).ip));
  if (result.kind === "published") return redirect(`/admin/funds/${fundId}/forms/${stage}?published=${result.versionNumber}`);
  return data({ message: result.message }, { status: result.kind === "conflict" ? 409 : 400 });
}

export default function PublishForm() {
  const p = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editor = `/admin/funds/${p.fund.id}/forms/${p.stage}`;
  if (!p.draft) {
    return (
      <>
        <BackLink href={editor} text={`${p.stageName} form`} />
        <h1 className="govuk-heading-l">There is no draft to publish</h1>
        <p className="govuk-body">
          {p.published ? `Version ${p.published.versionNumber} is published. ` : ""}
          <a className="govuk-link" href={editor}>
            Make changes to the {p.stageName.toLowerCase()} form
          </a>{" "}
          first.
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink href={editor} text={`${p.stageName} form`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result?.message ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">{result.message}</p>
            </NotificationBanner>
          ) : null}
          {p.problems.length ? <ErrorSummary titleText="The draft cannot be published yet" errorList={p.problems.map((x) => ({ text: x.message, href: `${editor}${x.href}` }))} /> : null}
          <span className="govuk-caption-l">{p.fund.name}</span>
          <h1 className="govuk-heading-l">
            Publish version {p.draft.versionNumber} of the {p.stageName.toLowerCase()} form
          </h1>
          <p className="govuk-body">{p.published ? `It replaces version ${p.published.versionNumber} for rounds that have not opened yet.` : "It is the first version of this form."} Answers groups have already given are kept with the version they answered.</p>
          <h2 className="govuk-heading-m">Rounds that will use version {p.draft.versionNumber}</h2>
          {p.moving.length ? (
            <ul className="govuk-list govuk-list--bullet" id="moving">
              {p.moving.map((r) => (
                <li key={r.id}>
                  {r.name}, opens {formatLondonDate(r.opensAt)}
                  {r.fromVersion ? ` (now version ${r.fromVersion})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No round set up yet opens later: rounds added from now on will use it.</p>
          )}
          <h2 className="govuk-heading-m">Rounds that keep their version</h2>
          {p.keeping.length ? (
            <>
              <p className="govuk-body">These have opened (or groups have applied), so their applications keep the form they started with.</p>
              <ul className="govuk-list govuk-list--bullet" id="keeping">
                {p.keeping.map((r) => (
                  <li key={r.id}>
                    {r.name}: version {r.versionNumber ?? "none"}, closes {formatLondonDateTime(r.closesAt)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="govuk-body">None.</p>
          )}
          {p.problems.length ? null : (
            <form method="post">
              <CsrfField />
              <input type="hidden" name="version" value={p.draft.version} />
              <div className="govuk-button-group">
                <Button text={`Publish version ${p.draft.versionNumber}`} preventDoubleClick />
                <a className="govuk-link" href={editor}>
                  Cancel
                </a>
              </div>
            </form>
          )}
        </div>
      </div>
    </>
  );
}
