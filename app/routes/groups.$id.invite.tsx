import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { groupsService } from "~/domain/organisations/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Invite someone to join your group");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const group = await orNotFound(groupsService.groupPage(user.id, idParam(params.id)));
  if (!group.canManage) throw new Response("Not found", { status: 404 });
  return { id: group.id, name: group.name };
}

async function handleAction({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const input = { email: field(form, "email"), role: field(form, "role") };
  const result = await orNotFound(groupsService.inviteMember(user.id, id, input, requestInfo(request, context).ip));
  if (result.kind === "invalid") return { errors: result.errors, values: input };
  return redirect(`/groups/${id}?invited=1`);
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function Invite() {
  const { id, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink href={`/groups/${id}`} text={name} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={result?.errors} order={["email", "role"]} />
          <span className="govuk-caption-l">{name}</span>
          <h1 className="govuk-heading-l">Invite someone to join your group</h1>
          <form method="post" noValidate>
            <CsrfField />
            <Input
              id="email"
              name="email"
              type="email"
              label={{ text: "Their email address", classes: "govuk-label--s" }}
              hint={{ text: "We will email them a link to join. It works for 7 days." }}
              autocomplete="off"
              spellcheck={false}
              value={result?.values.email ?? ""}
              errorMessage={fieldError(result?.errors, "email")}
            />
            <Radios
              name="role"
              idPrefix="role"
              fieldset={{ legend: { text: "What can they do?", classes: "govuk-fieldset__legend--s" } }}
              value={result?.values.role ?? "member"}
              errorMessage={fieldError(result?.errors, "role")}
              items={[
                { value: "member", text: "Member", hint: { text: "Works on the group's applications" } },
                { value: "admin", text: "Admin", hint: { text: "Also invites and removes members, and submits applications" } },
              ]}
            />
            <Button text="Send invitation" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
