import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Tag } from "~/components/tag";
import { formEditor } from "~/domain/admin/index.server";
import { parseIntent } from "~/domain/forms/editor";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm } from "~/utils/form.server";
import { versionField } from "~/utils/form-fields.server";
import { pageTitle } from "~/utils/meta";
import { idParam, orNotFound } from "~/utils/not-found.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `${data.stageName} form` : "Form");

const DONE: Record<string, string> = {
  started: "Draft started: change it, preview it, then publish it",
  changed: "Change saved in the draft",
  question: "Question saved in the draft",
  section: "Section saved in the draft",
  discarded: "Draft discarded",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const page = await orNotFound(formEditor.editorPage(user.id, idParam(params.id), params.stage ?? ""));
  const search = new URL(request.url).searchParams;
  const done = search.get("done");
  const published = /^\d{1,6}$/.test(search.get("published") ?? "") ? Number(search.get("published")) : null;
  return { ...page, done: done && DONE[done] ? DONE[done] : null, justPublished: published };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user } = await requireSignedIn(request, context);
  const fundId = idParam(params.id);
  const stage = params.stage ?? "";
  const ip = requestInfo(request, context).ip;
  const intent = parseIntent(field(form, "intent"));
  const version = versionField(form);
  const here = `/admin/funds/${fundId}/forms/${stage}`;
  const result = await orNotFound(
    intent?.op === "start"
      ? formEditor.startDraft(user.id, fundId, stage, ip)
      : intent?.op === "discard"
        ? formEditor.discardDraft(user.id, fundId, stage, version, ip)
        : intent
          ? formEditor.editStep(user.id, fundId, stage, version, intent, ip)
          : // Nothing the page offers: as if the page were out of date (it is, or it was not this page).
            formEditor.editStep(user.id, fundId, stage, -1, { op: "move-section", key: "none", direction: "up" }, ip),
  );
  if (result.kind === "saved") {
    const done = intent?.op === "start" ? "started" : intent?.op === "discard" ? "discarded" : "changed";
    return redirect(`${here}?done=${done}${"anchor" in result && result.anchor ? `#${result.anchor}` : ""}`);
  }
  if (result.kind === "refused") return data({ message: result.message }, { status: 400 });
  if (result.kind === "invalid") return data({ message: Object.values(result.errors)[0] ?? "That change could not be made" }, { status: 400 });
  return data({ message: result.message }, { status: 409 });
}

export default function FormEditor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/admin/funds/${page.fund.id}/forms/${page.stage}`;
  const draft = page.draft;
  return (
    <>
      <BackLink href={`/admin/funds/${page.fund.id}#forms`} text={page.fund.name} />
      {result?.message ? (
        <NotificationBanner titleText="Important">
          <p className="govuk-notification-banner__heading">{result.message}</p>
        </NotificationBanner>
      ) : page.justPublished ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">Version {page.justPublished} published</p>
          <p className="govuk-body">Rounds that open from now on use it. Rounds already open keep the version they opened with.</p>
        </NotificationBanner>
      ) : page.done ? (
        <NotificationBanner type="success" titleText="Success">
          <p className="govuk-notification-banner__heading">{page.done}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{page.fund.name}</span>
      <h1 className="govuk-heading-l">{page.stageName} form</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Published</dt>
          <dd className="govuk-summary-list__value">
            {page.published ? `Version ${page.published.versionNumber}, ${page.published.publishedAt ? formatLondonDateTime(page.published.publishedAt) : ""}` : "Not published yet"}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Draft</dt>
          <dd className="govuk-summary-list__value">{draft ? `Version ${draft.versionNumber}, last changed ${formatLondonDateTime(draft.changedAt)}` : "None"}</dd>
        </div>
      </dl>

      {draft ? (
        <>
          <div className="govuk-button-group">
            <a className="govuk-button" href={`${base}/publish`}>
              Publish version {draft.versionNumber}
            </a>
            <a className="govuk-button govuk-button--secondary" href={`${base}/preview`}>
              Preview the draft
            </a>
            <a className="govuk-button govuk-button--secondary" href={`${base}/sections/new`}>
              Add a section
            </a>
          </div>
          {page.problems.length ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">Before the draft can be published:</p>
              <ul className="govuk-list govuk-list--bullet">
                {page.problems.map((p, i) => (
                  <li key={i}>
                    <a className="govuk-link" href={p.href}>
                      {p.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p className="govuk-body">The form is changed in a draft, which groups do not see until it is published. Publishing makes a new version: rounds that have not opened yet take it, rounds already open keep theirs, and answers already given are never lost.</p>
          <form method="post" className="govuk-button-group">
            <CsrfField />
            <Button text="Make changes" name="intent" value="start" preventDoubleClick />
            {page.published ? (
              <a className="govuk-button govuk-button--secondary" href={`${base}/preview`}>
                Preview the published form
              </a>
            ) : null}
          </form>
        </>
      )}

      {/* One form for every button on the list: each says what it does; without JavaScript, too. */}
      <form method="post" id="sections">
        <CsrfField />
        {draft ? <input type="hidden" name="version" value={draft.version} /> : null}
        {page.sections.map((s, si) => (
          <section key={s.key} id={`section-${s.key}`} className="govuk-!-margin-top-8" aria-labelledby={`section-${s.key}-title`}>
            <h2 className="govuk-heading-m" id={`section-${s.key}-title`}>
              <span className="govuk-caption-m">Section {si + 1}</span>
              {s.title}
            </h2>
            {draft ? (
              <div className="app-editor-actions govuk-body">
                <a className="govuk-link" href={`${base}/sections/${s.key}`}>
                  Change the title<span className="govuk-visually-hidden"> of {s.title}</span>
                </a>
                <a className="govuk-link" href={`${base}/questions/new?section=${s.key}`}>
                  Add a question<span className="govuk-visually-hidden"> to {s.title}</span>
                </a>
                {si > 0 ? <SmallButton intent={`move-section:${s.key}:up`} text="Move section up" hidden={s.title} /> : null}
                {si < page.sections.length - 1 ? <SmallButton intent={`move-section:${s.key}:down`} text="Move section down" hidden={s.title} /> : null}
                {s.questions.some((q) => q.protectedReason) ? null : <SmallButton intent={`remove-section:${s.key}`} text="Remove section" hidden={s.title} />}
              </div>
            ) : null}
            {s.questions.length === 0 ? (
              <p className="govuk-body">No questions yet.</p>
            ) : (
              <table className="govuk-table app-table--compact">
                <caption className="govuk-table__caption govuk-visually-hidden">Questions in {s.title}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Question
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Answer
                    </th>
                    {draft ? (
                      <th scope="col" className="govuk-table__header">
                        Change
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {s.questions.map((q, qi) => (
                    <tr key={q.id} className="govuk-table__row" id={`question-${q.id}`}>
                      <td className="govuk-table__cell">
                        {q.label}
                        <span className="app-answer-line govuk-hint govuk-!-margin-bottom-0">Id: {q.id}</span>
                        {q.protectedReason ? (
                          <span className="app-answer-line govuk-!-margin-top-1">
                            <Tag text="Needed by the fund" classes="govuk-tag--grey" /> {q.protectedReason}, so it cannot be removed.
                          </span>
                        ) : null}
                      </td>
                      <td className="govuk-table__cell">
                        {q.type}
                        {q.wordLimit ? `, up to ${q.wordLimit.toLocaleString("en-GB")} words` : ""}
                        {q.required ? "" : " (optional)"}
                      </td>
                      {draft ? (
                        <td className="govuk-table__cell">
                          <div className="app-editor-actions govuk-!-margin-bottom-0">
                            {q.editable ? (
                              <a className="govuk-link" href={`${base}/questions/${q.id}`}>
                                Change<span className="govuk-visually-hidden"> {q.label}</span>
                              </a>
                            ) : null}
                            {qi > 0 ? <SmallButton intent={`move-question:${q.id}:up`} text="Move up" hidden={q.label} /> : null}
                            {qi < s.questions.length - 1 ? <SmallButton intent={`move-question:${q.id}:down`} text="Move down" hidden={q.label} /> : null}
                            {q.protectedReason ? null : <SmallButton intent={`remove-question:${q.id}`} text="Remove" hidden={q.label} />}
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </form>

      {draft ? (
        <form method="post" className="govuk-!-margin-top-8">
          <CsrfField />
          <input type="hidden" name="version" value={draft.version} />
          <p className="govuk-body">Discarding the draft throws away every change in it. The published form stays as it is.</p>
          <Button text="Discard the draft" name="intent" value="discard" classes="govuk-button--warning" />
        </form>
      ) : null}
    </>
  );
}

/** A button that reads as a link: the list has many, and each names what it acts on for screen readers. */
function SmallButton({ intent, text, hidden }: { intent: string; text: string; hidden: string }) {
  return (
    <button type="submit" name="intent" value={intent} className="app-link-button">
      {text}
      <span className="govuk-visually-hidden"> {hidden}</span>
    </button>
  );
}
