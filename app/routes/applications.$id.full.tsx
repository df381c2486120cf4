import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { draftsService } from "~/domain/applications/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Start your full application");

/** An invited outline's next step: what starting the full application does, and by when to send it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const view = await orNotFound(draftsService.fullApplicationStart(user.id, idParam(params.id)));
  if (view.existingId) throw redirect(`/applications/${view.existingId}`);
  return view;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const result = await orNotFound(draftsService.startFullApplication(user.id, idParam(params.id), requestInfo(request, context).ip));
  if (result.kind === "refused") return { refusal: result.message };
  return redirect(`/applications/${result.applicationId}`);
}

export default function StartFullApplication() {
  const page = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>()?.refusal ?? page.refusal;
  return (
    <>
      <BackLink href={`/applications/${page.outlineId}`} text="Back to your outline proposal" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {page.fundName}
            {page.reference ? `, ${page.reference}` : ""}
          </span>
          <h1 className="govuk-heading-l">Start your full application</h1>
          {refusal ? (
            <p className="govuk-body">{refusal}</p>
          ) : (
            <form method="post" noValidate>
              <CsrfField />
              <p className="govuk-body">
                The panel has invited {page.organisationName} to make a full application{page.title ? <> for &lsquo;{page.title}&rsquo;</> : null}. We will copy
                your answers from the outline proposal into it: check them and bring them up to date.
              </p>
              <p className="govuk-body">
                It also asks for a project plan with milestones, a budget, the outcomes and how you will measure them, and a plan for how the project saves the
                council money.
              </p>
              {page.deadline ? <p className="govuk-body">Send it by {formatLondonDateTime(page.deadline)}.</p> : null}
              <Button text="Start your full application" preventDoubleClick />
            </form>
          )}
        </div>
      </div>
    </>
  );
}
