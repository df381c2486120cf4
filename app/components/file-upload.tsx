/**
 * GOV.UK Frontend File upload (`govukFileUpload` macro, govuk-frontend 6.6.0
 * `components/file-upload/template.njk`), with its label, hint and error message.
 *
 * Without JavaScript (and without `javascript: true`) it is the browser's own file input. With
 * `javascript: true` the input is wrapped for govuk-frontend's `FileUpload` module (a drop zone and a
 * "Choose file" button), which reads its texts from the wrapper's `data-i18n.*` attributes. A file input
 * never has a value to show again: the `value` option is ignored, as the template ignores it.
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type AttributeOptions, type AttributeValue, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import { hintAndError } from "./field-parts";
import type { HintProps } from "./hint";
import { renderHtml, type HtmlOption } from "./html";
import { Label, type LabelProps } from "./label";

export type FileUploadLabel = Omit<LabelProps, "for" | "children">;
export type FileUploadHint = Omit<HintProps, "id" | "children">;
export type FileUploadErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** Content put before or after the input, inside the form group. */
export interface FileUploadFormGroupContent {
  text?: string;
  html?: HtmlOption;
}

export interface FileUploadFormGroup {
  classes?: string;
  attributes?: Attributes;
  beforeInput?: FileUploadFormGroupContent;
  afterInput?: FileUploadFormGroupContent;
}

/** Translations by plural rule (`{ one: "%{count} file chosen", other: "%{count} files chosen" }`). */
export type PluralisedText = Readonly<Record<string, string>>;

export interface FileUploadProps {
  /** `name` of the input, sent with the form. */
  name: string;
  /** `id` of the input. Defaults to `name`. */
  id?: string;
  /** Ignored: a file input cannot be given a value (the option exists in the macro's fixtures). */
  value?: string;
  label: FileUploadLabel;
  hint?: FileUploadHint | null | false;
  errorMessage?: FileUploadErrorMessage | null | false;
  formGroup?: FileUploadFormGroup;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's. */
  describedBy?: string;
  /** Let the person choose several files at once. */
  multiple?: boolean;
  disabled?: boolean;
  /** Classes to add to the input. */
  classes?: string;
  /** HTML attributes to add to the input (`accept`…). */
  attributes?: Attributes;
  /** Wrap the input for govuk-frontend's JavaScript enhancement (drop zone, "Choose file" button). */
  javascript?: boolean;
  wrapperClasses?: string;
  wrapperAttributes?: Attributes;
  chooseFilesButtonText?: string;
  noFileChosenText?: string;
  multipleFilesChosenText?: PluralisedText;
  dropInstructionText?: string;
  enteredDropZoneText?: string;
  leftDropZoneText?: string;
}

type AttributeRecord = Record<string, AttributeValue | AttributeOptions>;

/** `govukI18nAttributes`: `messages` (by plural rule) win over a single `message`. */
function i18nAttributes(key: string, message?: string, messages?: PluralisedText): AttributeRecord {
  if (messages) return Object.fromEntries(Object.entries(messages).map(([rule, text]) => [`data-i18n.${key}.${rule}`, text]));
  return message ? { [`data-i18n.${key}`]: message } : {};
}

function groupContent(item: FileUploadFormGroupContent | undefined): ReactNode {
  if (!item) return null;
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text ?? null;
}

export function FileUpload(props: FileUploadProps) {
  const { name, label, hint, errorMessage, formGroup, classes, attributes } = props;
  const id = props.id || name;
  const parts = hintAndError(id, hint, errorMessage, props.describedBy || "");
  const describedBy = parts.describedBy || undefined;

  // The template's own attributes come first, so they win over `attributes` (first duplicate wins).
  const inputProps: Record<string, unknown> = attributesToProps(attributes);
  delete inputProps.value;
  delete inputProps.defaultValue;
  Object.assign(inputProps, {
    className: cx("govuk-file-upload", classes, errorMessage && "govuk-file-upload--error"),
    id,
    name,
    type: "file",
  });
  if (props.disabled) inputProps.disabled = true;
  if (props.multiple) inputProps.multiple = true;
  if (describedBy) inputProps["aria-describedby"] = describedBy;
  const input = <input {...inputProps} />;

  let field: ReactNode = input;
  if (props.javascript) {
    const own: AttributeRecord = {
      "data-module": "govuk-file-upload",
      ...i18nAttributes("choose-files-button", props.chooseFilesButtonText),
      ...i18nAttributes("no-file-chosen", props.noFileChosenText),
      ...i18nAttributes("multiple-files-chosen", undefined, props.multipleFilesChosenText),
      ...i18nAttributes("drop-instruction", props.dropInstructionText),
      ...i18nAttributes("entered-drop-zone", props.enteredDropZoneText),
      ...i18nAttributes("left-drop-zone", props.leftDropZoneText),
    };
    const wrapperProps = { ...attributesToProps(props.wrapperAttributes), ...attributesToProps(own) };
    field = (
      <div {...wrapperProps} className={cx("govuk-file-upload-wrapper", props.wrapperClasses)}>
        {input}
      </div>
    );
  }

  return (
    <div {...attributesToProps(formGroup?.attributes)} className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)}>
      <Label html={label?.html} text={label?.text} classes={label?.classes} isPageHeading={label?.isPageHeading} attributes={label?.attributes} for={id} />
      {parts.hintElement}
      {parts.errorElement}
      {groupContent(formGroup?.beforeInput)}
      {field}
      {groupContent(formGroup?.afterInput)}
    </div>
  );
}
