/**
 * GOV.UK Frontend Textarea (`govukTextarea` macro, govuk-frontend 6.6.0 `components/textarea/template.njk`),
 * with its label, hint and error message.
 *
 * The textarea is uncontrolled: `value` is its initial content (React's `defaultValue`), so the
 * server-rendered HTML has `<textarea>…</textarea>` and the form works without JavaScript.
 */
import type { ReactNode, TextareaHTMLAttributes } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import { hintAndError } from "./field-parts";
import type { HintProps } from "./hint";
import { renderHtml, type HtmlOption } from "./html";
import { Label, type LabelProps } from "./label";

/** The `label` option: the Label component's options except `for` (the textarea's `id`). */
export type TextareaLabel = Omit<LabelProps, "for" | "children">;

/** The `hint` option: the Hint component's options except `id` (`<id>-hint`). */
export type TextareaHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<id>-error`). */
export type TextareaErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** Content put in the form group, just before or after the textarea. */
export interface TextareaFormGroupContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface TextareaFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content just before the textarea. */
  beforeInput?: TextareaFormGroupContent;
  /** Content just after the textarea. */
  afterInput?: TextareaFormGroupContent;
}

export interface TextareaProps {
  /** `name` of the textarea, sent with the form. */
  name: string;
  /** `id` of the textarea. Defaults to `name`. */
  id?: string;
  /** Number of visible text lines (`rows`). Defaults to 5 (also when falsy). */
  rows?: number | string;
  /** The textarea's initial content (React's `defaultValue`). */
  value?: string | number;
  /** The label. */
  label: TextareaLabel;
  /** A hint, under the label (its id, `<id>-hint`, is added to `aria-describedby`). */
  hint?: TextareaHint | null | false;
  /** An error message, under the hint (its id, `<id>-error`, is added to `aria-describedby`). Falsy for none. */
  errorMessage?: TextareaErrorMessage | null | false;
  /** Options for the form group around the label, hint, error message and textarea. */
  formGroup?: TextareaFormGroup;
  /** Disable the textarea. */
  disabled?: boolean;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's. */
  describedBy?: string;
  /** The `autocomplete` attribute, for example `"street-address"`. */
  autocomplete?: TextareaHTMLAttributes<HTMLTextAreaElement>["autoComplete"];
  /** Sets `spellcheck="true"` or `"false"`; left out when not a boolean. */
  spellcheck?: boolean;
  /** Classes to add to the textarea. */
  classes?: string;
  /**
   * HTML attributes to add to the textarea. A `value` here is ignored (it is not a textarea attribute; use
   * the `value` option).
   */
  attributes?: Attributes;
}

function formGroupContent(item: TextareaFormGroupContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

export function Textarea(props: TextareaProps) {
  const { name, value, label, hint, errorMessage, formGroup, disabled, classes, attributes } = props;
  const id = props.id || name;

  const parts = hintAndError(id, hint, errorMessage, props.describedBy || "");
  const { hintElement, errorElement, describedBy } = parts;

  // The template's own attributes come before `attributes`, so they win over them (first duplicate wins); the
  // optional ones only when they are rendered.
  const textareaProps: Record<string, unknown> = attributesToProps(attributes);
  // React would render a `value` prop as a controlled textarea's content.
  delete textareaProps.value;
  Object.assign(textareaProps, {
    className: cx("govuk-textarea", errorMessage && "govuk-textarea--error", classes),
    id,
    name,
    rows: String(props.rows || 5),
  });
  if (props.spellcheck === true || props.spellcheck === false) textareaProps.spellCheck = String(props.spellcheck);
  if (disabled) textareaProps.disabled = true;
  if (describedBy) textareaProps["aria-describedby"] = describedBy;
  if (props.autocomplete) textareaProps.autoComplete = props.autocomplete;
  // `{{ params.value }}`: `undefined` and `null` render nothing.
  if (value !== undefined && value !== null) textareaProps.defaultValue = String(value);

  return (
    <div
      {...attributesToProps(formGroup?.attributes)}
      className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)}
    >
      <Label
        html={label?.html}
        text={label?.text}
        classes={label?.classes}
        isPageHeading={label?.isPageHeading}
        attributes={label?.attributes}
        for={id}
      />
      {hintElement}
      {errorElement}
      {formGroup?.beforeInput ? formGroupContent(formGroup.beforeInput) : null}
      <textarea {...textareaProps} />
      {formGroup?.afterInput ? formGroupContent(formGroup.afterInput) : null}
    </div>
  );
}
