import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { draftsService } from "~/domain/applications/index.server";
import { documentsService, type StagedUpload } from "~/domain/documents/index.server";
import { pageSchema, type Answers, type RawInput } from "~/domain/forms/schema";
import { CsrfField, FormErrors } from "~/layout/forms";
import { QuestionFields, fieldOrder } from "~/layout/question-fields";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, withFormErrors } from "~/utils/form.server";
import { readUploadForm } from "~/utils/upload-form.server";
import { idParam, orNotFound } from "~/utils/not-found.server";
import { pageTitle } from "~/utils/meta";

/** The page runs in the browser too: react-hook-form checks it with the same schema before it is sent. */
export const handle = { hydrate: true };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const page = data?.page;
  return pageTitle(matches, page ? (page.title ?? page.questions[0]?.label ?? data.section.title) : "Application");
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const page = await orNotFound(draftsService.questionPage(user.id, idParam(params.id), params.section ?? "", params.page ?? ""));
  if (!page.editable) throw redirect(`/applications/${page.applicationId}`);
  // After "Upload file" or "Remove" (POST, then back here): say what happened.
  const search = new URL(request.url).searchParams;
  const uploaded = Object.values(page.files).flat().find((f) => String(f.id) === search.get("uploaded"));
  const notice = uploaded ? `${uploaded.name} has been uploaded` : search.has("removed") ? "The file has been removed" : null;
  return { ...page, notice };
}

/** The page's own fields from the form: everything else posted is ignored (the schema reads only its questions). */
export function rawInput(form: FormData): RawInput {
  const raw: RawInput = {};
  for (const key of new Set(form.keys())) {
    if (key === "csrf" || key === "intent" || key === "version") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return raw;
}

async function handleAction(args: ActionFunctionArgs) {
  // A page with a file question sends multipart: its files stream into storage as they arrive (CSRF
  // checked first); any that no document takes are removed whatever happens next.
  const { form, files } = await readUploadForm(args.request, args.context, documentsService.receiver(), documentsService.maxBytes());
  try {
    return await handleForm(args, form, files.map((f) => f.received));
  } finally {
    await documentsService.discard(files.map((f) => f.received));
  }
}

async function handleForm({ request, context, params }: ActionFunctionArgs, form: FormData, files: StagedUpload[]) {
  const { user } = await requireSignedIn(request, context);
  const id = idParam(params.id);
  const section = params.section ?? "";
  const pageKey = params.page ?? "";
  // Only someone who may edit this application gets further, whatever they posted.
  const page = await orNotFound(draftsService.questionPage(user.id, id, section, pageKey));
  if (!page.editable) return redirect(`/applications/${id}`);
  const raw = rawInput(form);
  const intent = field(form, "intent");
  const version = Number(field(form, "version"));
  if (intent.startsWith("add-row:")) {
    // Without JavaScript, "Add another" comes back to the page with one more empty row; nothing is lost.
    return { errors: null, values: raw, extraRows: 1, conflict: false, version };
  }
  const shownVersion = Number.isSafeInteger(version) ? version : -1;
  const ip = requestInfo(request, context).ip;
  const result = await orNotFound(
    page.page.questions.some((q) => q.type === "file")
      ? documentsService.submitFilePage(user.id, id, section, pageKey, { raw, version: shownVersion, intent, files }, ip)
      : draftsService.savePage(user.id, id, section, pageKey, { raw, version: shownVersion, mode: intent === "later" ? "later" : "continue" }, ip),
  );
  switch (result.kind) {
    case "stay": {
      // Uploaded or removed a file: back to this page (POST → redirect → GET), keeping where it returns to.
      const url = new URL(request.url);
      url.searchParams.delete("uploaded");
      url.searchParams.delete("removed");
      if (result.uploaded) url.searchParams.set("uploaded", String(result.uploaded));
      if (result.removed) url.searchParams.set("removed", "1");
      return redirect(`${url.pathname}${url.search}`);
    }
    case "saved":
      // A change made from "Check your answers" goes back there.
      if (new URL(request.url).searchParams.get("return") === "check" && intent !== "later") return redirect(`/applications/${id}/check`);
      return redirect(result.next ? `/applications/${id}/${section}/${result.next}` : `/applications/${id}${intent === "later" ? "?saved=1" : ""}`);
    case "invalid":
      return { errors: result.errors, values: raw, extraRows: 0, conflict: false, version: "version" in result ? result.version : version };
    case "conflict":
      // Someone else in the group saved this section first: keep what this person typed, and say so.
      return data({ errors: null, values: raw, extraRows: 0, conflict: true, version: result.version }, { status: 409 });
    case "locked":
      return redirect(`/applications/${id}`);
  }
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

/**
 * With JavaScript, "Save and continue" is checked in the browser first (react-hook-form with the page's
 * zod schema, the one the action uses), so errors show at once, GOV.UK style: the summary focused, each
 * message by its field, "Error: " in the title, nothing typed lost. The server checks again regardless.
 */
function useBrowserCheck(page: ReturnType<typeof useLoaderData<typeof loader>>["page"]) {
  const schema = useMemo(() => pageSchema(page), [page]);
  const form = useForm<RawInput, unknown, Answers>({ resolver: zodResolver(schema), mode: "onSubmit" });
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const passed = useRef(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // "Save and come back later" and "Add another" go straight to the server, which keeps everything.
    if (passed.current || submitter?.value !== "continue") return;
    event.preventDefault();
    form.reset(rawInput(new FormData(element, submitter)));
    const send = () => {
      passed.current = true;
      // After this submit event has finished: a browser ignores requestSubmit() while one is being dispatched.
      window.setTimeout(() => element.requestSubmit(submitter), 0);
    };
    form
      .handleSubmit(send, (found) => setErrors(Object.fromEntries(Object.entries(found).map(([field, e]) => [field, String(e?.message ?? "")]))))()
      // If the check itself fails, the server's check still stands: send the form.
      .catch((error: unknown) => {
        console.error(error);
        send();
      });
  };
  useEffect(() => {
    if (!errors) return;
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    const summary = document.querySelector<HTMLElement>(".govuk-error-summary");
    summary?.setAttribute("tabindex", "-1");
    summary?.focus();
  }, [errors]);
  return { errors, onSubmit, values: errors ? (form.getValues() as RawInput) : null };
}

export default function QuestionPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const browser = useBrowserCheck(page.page);
  const errors = browser.errors ?? result?.errors;
  const values = browser.values ?? result?.values ?? page.values;
  const version = result?.conflict ? result.version : page.version;
  return (
    <>
      <BackLink href={`/applications/${page.applicationId}`} text="Back to your application" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={fieldOrder(page.page, values)} />
          {result?.conflict ? (
            <NotificationBanner titleText="Important">
              <p className="govuk-notification-banner__heading">Someone else in your group has just saved this section</p>
              <p className="govuk-body">
                Your answers below have not been saved yet. To see theirs, open this page again in a new tab. To keep yours instead, check them and save again.
              </p>
            </NotificationBanner>
          ) : null}
          {page.notice && !errors ? (
            <NotificationBanner type="success" titleText="Success">
              <p className="govuk-notification-banner__heading">{page.notice}</p>
            </NotificationBanner>
          ) : null}
          <span className="govuk-caption-l">{page.section.title}</span>
          {/* A page with a file question sends its files too (without JavaScript as well). */}
          <form method="post" noValidate onSubmit={browser.onSubmit} encType={page.fileRules ? "multipart/form-data" : undefined}>
            <CsrfField />
            <input type="hidden" name="version" value={version} />
            <QuestionFields page={page.page} values={values} errors={errors} extraRows={result?.extraRows ?? 0} files={page.files} fileRules={page.fileRules} />
            <div className="govuk-button-group">
              <Button text="Save and continue" name="intent" value="continue" preventDoubleClick />
              <Button text="Save and come back later" name="intent" value="later" classes="govuk-button--secondary" />
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
