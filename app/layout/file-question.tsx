/**
 * A file question on its page: the GOV.UK file upload with an "Upload file" button, then the files added
 * so far (name, kind and size, virus check in words, "Remove"). Everything is a button of the page's one
 * form, so it works without JavaScript: the page's form is multipart when it has a file question.
 */
import { FileUpload } from "~/components/file-upload";
import { Tag } from "~/components/tag";
import type { DocumentView, ScanState } from "~/domain/documents/documents.rules";
import type { Question } from "~/domain/forms/definition";
import { fieldError, type Errors } from "./forms";

const TAG: Record<ScanState, string> = {
  pending: "govuk-tag--blue",
  clean: "govuk-tag--green",
  infected: "govuk-tag--red",
  not_scanned: "govuk-tag--grey",
};

/** The virus check as a tag, and what it means for an infected file. */
export function ScanStatus({ file }: { file: DocumentView }) {
  return (
    <>
      <Tag text={file.scanText} classes={TAG[file.scanState]} />
      {file.scanState === "infected" ? <span className="app-answer-line govuk-!-margin-top-1">A virus was found in this file, so nobody can download it. Remove it and upload a clean copy.</span> : null}
    </>
  );
}

/** A file's name: a link to download it, unless a virus was found in it. */
export function FileName({ file }: { file: DocumentView }) {
  return file.downloadable ? (
    <a className="govuk-link" href={file.href}>
      {file.name}
    </a>
  ) : (
    <>{file.name}</>
  );
}

export function FileQuestion({
  q,
  files,
  rules,
  errors,
  heading,
}: {
  q: Question & { type: "file" };
  files: DocumentView[];
  rules: string | null;
  errors: Errors;
  heading: boolean;
}) {
  const max = q.maxFiles ?? 10;
  const full = files.length >= max;
  const hint = [q.hint, rules].filter(Boolean).join(" ");
  return (
    <div className="app-file-question">
      {full ? (
        <>
          {heading ? <h1 className="govuk-heading-l">{q.label}</h1> : <h2 className="govuk-heading-m">{q.label}</h2>}
          <p className="govuk-body">{`You have added ${max === 1 ? "a file" : `${max} files`}, the most you can add here. Remove one to upload another.`}</p>
        </>
      ) : (
        <>
          <FileUpload
            id={q.id}
            name={q.id}
            label={{ text: q.label, isPageHeading: heading, classes: heading ? "govuk-label--l" : "govuk-label--m" }}
            hint={hint ? { text: hint } : undefined}
            errorMessage={fieldError(errors, q.id)}
            attributes={{ accept: ".pdf,.docx,.xlsx,.jpg,.jpeg,.png" }}
          />
          <button type="submit" name="intent" value={`upload:${q.id}`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Upload file
          </button>
        </>
      )}
      {files.length ? (
        <>
          <h2 className="govuk-heading-m">{files.length === 1 ? "File added" : `Files added (${files.length})`}</h2>
          <dl className="govuk-summary-list govuk-!-margin-bottom-9">
            {files.map((f) => (
              <div key={f.id} className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key app-file-name">
                  <FileName file={f} />
                </dt>
                <dd className="govuk-summary-list__value">
                  <span className="app-answer-line govuk-!-margin-bottom-1">{f.description}</span>
                  <ScanStatus file={f} />
                </dd>
                <dd className="govuk-summary-list__actions">
                  <button type="submit" name="intent" value={`remove:${f.id}`} className="govuk-link app-link-button">
                    Remove<span className="govuk-visually-hidden"> {f.name}</span>
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}

/** The files of a file question where answers are read (check answers): each name, kind, size and check. */
export function FileList({ files }: { files: DocumentView[] }) {
  return (
    <ul className="govuk-list">
      {files.map((f) => (
        <li key={f.id} className="app-file-name govuk-!-margin-bottom-3">
          <FileName file={f} /> <span className="govuk-hint govuk-!-display-inline">({f.description})</span>
          <br />
          <ScanStatus file={f} />
        </li>
      ))}
    </ul>
  );
}
