import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { groupsService } from "~/domain/organisations/index.server";
import { CsrfField } from "~/layout/forms";
import { requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Your groups");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireSignedIn(request, context);
  const [groups, acting] = await Promise.all([groupsService.myGroups(user.id), groupsService.actingGroup(user.id, session.id)]);
  return { groups, actingId: acting?.id ?? null };
}

/** "Act for this group": which group the pages that follow are about. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user, session } = await requireSignedIn(request, context);
  await orNotFound(groupsService.actFor(user.id, session.id, idParam(field(form, "organisationId"))));
  return redirect("/groups");
}

export default function Groups() {
  const { groups, actingId } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Your groups</h1>
        {groups.length === 0 ? (
          <p className="govuk-body">You are not in a group yet. Add your group to apply for a grant for it, or ask your group&rsquo;s admin to invite you.</p>
        ) : (
          <Table
            caption="Groups you belong to"
            captionClasses="govuk-visually-hidden"
            head={[{ text: "Group" }, { text: "District" }, { text: "Your role" }, { text: "" }]}
            rows={groups.map((g) => [
              { html: <a className="govuk-link" href={`/groups/${g.id}`}>{g.name}</a> },
              { text: g.districtName ?? "" },
              { text: g.role === "admin" ? "Admin" : "Member" },
              {
                html:
                  g.id === actingId ? (
                    <Tag text="Acting for this group" classes="govuk-tag--green" />
                  ) : (
                    <form method="post">
                      <CsrfField />
                      <input type="hidden" name="organisationId" value={g.id} />
                      <Button text="Act for this group" classes="govuk-button--secondary govuk-!-margin-bottom-0" attributes={{ "aria-label": `Act for ${g.name}` }} />
                    </form>
                  ),
              },
            ])}
          />
        )}
        <p className="govuk-body">
          <a className="govuk-button" href="/groups/new">
            Add a group
          </a>
        </p>
      </div>
    </div>
  );
}
