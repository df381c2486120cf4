/**
 * GOV.UK Frontend Text input (`govukInput` macro, govuk-frontend 6.6.0 `components/input/template.njk`), with
 * its label, hint, error message, prefix and suffix.
 *
 * The input is uncontrolled: `value` is its initial value (React's `defaultValue`), so the server-rendered
 * HTML has `value="…"` and the form works without JavaScript.
 */
import type { HTMLInputTypeAttribute, InputHTMLAttributes, ReactNode } from "react";

import { hintAndError } from "./field-parts";
import { attributesToProps, cx, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import type { HintProps } from "./hint";
import { content, renderHtml, type HtmlOption } from "./html";
import { Label, type LabelProps } from "./label";

/** The `label` option: the Label component's options except `for` (the input's `id`). */
export type InputLabel = Omit<LabelProps, "for" | "children">;

/** The `hint` option: the Hint component's options except `id` (`<id>-hint`). */
export type InputHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<id>-error`). */
export type InputErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** A prefix or suffix shown beside the input (`£`, `kg`). Left out when it has neither `text` nor `html`. */
export interface InputAffix {
  /** Text of the prefix or suffix. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
  /** Classes to add to the prefix or suffix. */
  classes?: string;
  /** HTML attributes to add to the prefix or suffix. */
  attributes?: Attributes;
}

/** Content put inside the input wrapper, before or after the input. */
export interface InputWrapperContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface InputFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content before the input, inside the input wrapper (which it makes the input have). */
  beforeInput?: InputWrapperContent;
  /** Content after the input, inside the input wrapper (which it makes the input have). */
  afterInput?: InputWrapperContent;
}

export interface InputWrapper {
  /** Classes to add to the input wrapper. */
  classes?: string;
  /** HTML attributes to add to the input wrapper. */
  attributes?: Attributes;
}

export interface InputProps {
  /** `name` of the input, sent with the form. */
  name: string;
  /** `id` of the input. Defaults to `name`. */
  id?: string;
  /** `type` of the input. Defaults to `"text"`. */
  type?: HTMLInputTypeAttribute;
  /** The input's initial value (rendered as `value="…"`; React's `defaultValue`). */
  value?: string | number;
  /** The label. */
  label: InputLabel;
  /** A hint, under the label (its id, `<id>-hint`, is added to `aria-describedby`). */
  hint?: InputHint | null | false;
  /** An error message, under the hint (its id, `<id>-error`, is added to `aria-describedby`). Falsy for none. */
  errorMessage?: InputErrorMessage | null | false;
  /** A prefix before the input, such as `£`. */
  prefix?: InputAffix;
  /** A suffix after the input, such as `kg`. */
  suffix?: InputAffix;
  /** Options for the form group around the label, hint, error message and input. */
  formGroup?: InputFormGroup;
  /** Options for the wrapper round the input and its prefix/suffix (only rendered when there is one of them). */
  inputWrapper?: InputWrapper;
  /** Disable the input. */
  disabled?: boolean;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's. */
  describedBy?: string;
  /** The `autocomplete` attribute, for example `"postal-code"`. */
  autocomplete?: InputHTMLAttributes<HTMLInputElement>["autoComplete"];
  /** The `autocapitalize` attribute, for example `"none"`. */
  autocapitalize?: string;
  /** The `inputmode` attribute, for example `"numeric"`. */
  inputmode?: InputHTMLAttributes<HTMLInputElement>["inputMode"];
  /** The `pattern` attribute. */
  pattern?: string;
  /** Sets `spellcheck="true"` or `"false"`; left out when not a boolean. */
  spellcheck?: boolean;
  /** Classes to add to the input, for example `govuk-input--width-10`. */
  classes?: string;
  /** HTML attributes to add to the input. */
  attributes?: Attributes;
}

/** Whether `govukAttributes` renders an optional attribute with this value. */
function present<T>(value: T | null | undefined | false): value is T {
  return value !== undefined && value !== null && value !== false;
}

function Affix({ affix, type }: { affix: InputAffix; type: "prefix" | "suffix" }) {
  return (
    <div
      {...attributesToProps(affix.attributes)}
      className={cx(`govuk-input__${type}`, affix.classes)}
      aria-hidden="true"
      {...content(undefined, affix.html, affix.text)}
    />
  );
}

function wrapperContent(item: InputWrapperContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

export function Input(props: InputProps) {
  const { name, type, value, label, hint, errorMessage, prefix, suffix, formGroup, inputWrapper, disabled, classes, attributes } = props;
  const id = props.id || name;
  let describedBy = props.describedBy || undefined;

  const hasPrefix = Boolean(prefix && (prefix.text || prefix.html));
  const hasSuffix = Boolean(suffix && (suffix.text || suffix.html));
  const beforeInput = formGroup?.beforeInput;
  const afterInput = formGroup?.afterInput;
  const hasBeforeInput = Boolean(beforeInput && (beforeInput.text || beforeInput.html));
  const hasAfterInput = Boolean(afterInput && (afterInput.text || afterInput.html));

  const parts = hintAndError(id, hint, errorMessage, describedBy ?? "");
  const { hintElement, errorElement } = parts;
  describedBy = parts.describedBy || undefined;

  // The template's own attributes come before `attributes`, so they win over them (first duplicate wins); the
  // optional ones only when they are rendered.
  const inputProps: Record<string, unknown> = attributesToProps(attributes);
  if ("value" in inputProps) {
    // An uncontrolled input: React renders `defaultValue` as `value="…"`.
    inputProps.defaultValue = inputProps.value;
    delete inputProps.value;
  }
  Object.assign(inputProps, {
    className: cx("govuk-input", classes, errorMessage && "govuk-input--error"),
    id,
    name,
    type: type || "text",
  });
  if (props.spellcheck === true || props.spellcheck === false) inputProps.spellCheck = String(props.spellcheck);
  if (present(value)) inputProps.defaultValue = value;
  if (present(disabled)) inputProps.disabled = true;
  if (present(describedBy)) inputProps["aria-describedby"] = describedBy;
  if (present(props.autocomplete)) inputProps.autoComplete = props.autocomplete;
  if (present(props.autocapitalize)) inputProps.autoCapitalize = props.autocapitalize;
  if (present(props.pattern)) inputProps.pattern = props.pattern;
  if (present(props.inputmode)) inputProps.inputMode = props.inputmode;
  const input = <input {...inputProps} />;

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
      {hasPrefix || hasSuffix || hasBeforeInput || hasAfterInput ? (
        <div {...attributesToProps(inputWrapper?.attributes)} className={cx("govuk-input__wrapper", inputWrapper?.classes)}>
          {hasBeforeInput ? wrapperContent(beforeInput!) : null}
          {hasPrefix ? <Affix affix={prefix!} type="prefix" /> : null}
          {input}
          {hasSuffix ? <Affix affix={suffix!} type="suffix" /> : null}
          {hasAfterInput ? wrapperContent(afterInput!) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
