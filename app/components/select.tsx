/**
 * GOV.UK Frontend Select (`govukSelect` macro, govuk-frontend 6.6.0 `components/select/template.njk`), with its
 * label, hint and error message.
 *
 * The select is uncontrolled: an option is selected if its `selected` is true, or – when `selected` is not
 * given – if its value (its `text` when it has no `value`) equals the top-level `value`. React only renders
 * `selected` through the select's `defaultValue`, so the selected options' values are passed as that: the
 * server-rendered HTML has `selected` on them and the form works without JavaScript. Every option with a
 * selected value is marked (so, unlike the template, an option with `selected: false` is still selected if
 * another option has the same value and is), and a select without `multiple` gets only the last selected
 * value (the one a browser would show selected anyway).
 */
import type { ReactNode } from "react";

import { hintAndError } from "./field-parts";
import { attributesToProps, cx, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import type { HintProps } from "./hint";
import { renderHtml, type HtmlOption } from "./html";
import { Label, type LabelProps } from "./label";

/** The `label` option: the Label component's options except `for` (the select's `id`). */
export type SelectLabel = Omit<LabelProps, "for" | "children">;

/** The `hint` option: the Hint component's options except `id` (`<id>-hint`). */
export type SelectHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<id>-error`). */
export type SelectErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** Content put in the form group, just before or after the select. */
export interface SelectFormGroupContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface SelectFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content just before the select. */
  beforeInput?: SelectFormGroupContent;
  /** Content just after the select. */
  afterInput?: SelectFormGroupContent;
}

export interface SelectItem {
  /** `value` of the option. Without one (`undefined`) the option has no `value` attribute and its text is its value. */
  value?: string | number | boolean | null;
  /** Text of the option. */
  text?: string;
  /** Whether the option starts selected. Overrides the top-level `value` (`false` leaves it unselected). */
  selected?: boolean;
  /** Disable the option. */
  disabled?: boolean;
  /** HTML attributes to add to the option. */
  attributes?: Attributes;
}

export interface SelectProps {
  /** `name` of the select, sent with the form. */
  name: string;
  /** `id` of the select. Defaults to `name`. */
  id?: string;
  /** The options. Falsy entries are skipped. */
  items?: ReadonlyArray<SelectItem | null | undefined | false | "">;
  /** Selects the options (without their own `selected`) whose value equals this (loosely, as Nunjucks' `==`). */
  value?: string | number | boolean | null;
  /** The label. */
  label: SelectLabel;
  /** A hint, under the label (its id, `<id>-hint`, is added to `aria-describedby`). */
  hint?: SelectHint | null | false;
  /** An error message, under the hint (its id, `<id>-error`, is added to `aria-describedby`). Falsy for none. */
  errorMessage?: SelectErrorMessage | null | false;
  /** Options for the form group around the label, hint, error message and select. */
  formGroup?: SelectFormGroup;
  /** Disable the select. */
  disabled?: boolean;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's. */
  describedBy?: string;
  /** Classes to add to the select, for example `govuk-!-width-full`. */
  classes?: string;
  /** HTML attributes to add to the select (`multiple` makes every selected option's value the default). */
  attributes?: Attributes;
}

function formGroupContent(item: SelectFormGroupContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

export function Select(props: SelectProps) {
  const { name, items, value, label, hint, errorMessage, formGroup, disabled, classes, attributes } = props;
  const id = props.id || name;
  let describedBy = props.describedBy || "";

  const parts = hintAndError(id, hint, errorMessage, describedBy);
  const { hintElement, errorElement } = parts;
  describedBy = parts.describedBy;

  // The values (as React compares them: the `value` attribute, else the text) of the selected options.
  const selectedValues: string[] = [];
  const options = (items ?? []).map((item, index) => {
    if (!item) return null;
    // The template's own attributes come before `attributes`, so they win over them (first duplicate wins).
    const optionProps: Record<string, unknown> = attributesToProps(item.attributes);
    // React renders `selected` only from the select's `defaultValue` (see above).
    const selectedByAttributes = optionProps.selected === true;
    delete optionProps.selected;
    if (item.value !== undefined) optionProps.value = item.value === null ? "" : String(item.value);
    if (item.disabled) optionProps.disabled = true;
    const text = item.text ?? "";

    // `item.selected | default(…, true)`: a truthy `selected` wins, else the top-level `value` decides unless
    // `selected` is exactly `false`. Without a `value` the option is selected by its text; the comparison is
    // Nunjucks' `==`, loose as in JavaScript (2 == "2").
    const effectiveValue = item.value === undefined ? item.text : item.value;
    const isSelected = item.selected || (value ? effectiveValue == value && item.selected !== false : false);
    if (isSelected || selectedByAttributes) {
      selectedValues.push(typeof optionProps.value === "string" ? optionProps.value : text);
    }
    return (
      <option key={index} {...optionProps}>
        {text}
      </option>
    );
  });

  // `class`, `id`, `name`, `disabled` and `aria-describedby` come before `attributes` in the template, so they
  // win over them.
  const selectProps: Record<string, unknown> = attributesToProps(attributes);
  // A `value` attribute means nothing on a select (and would make React's select controlled).
  delete selectProps.value;
  Object.assign(selectProps, {
    className: cx("govuk-select", classes, errorMessage && "govuk-select--error"),
    id,
    name,
  });
  if (disabled) selectProps.disabled = true;
  if (describedBy) selectProps["aria-describedby"] = describedBy;
  if (selectedValues.length) selectProps.defaultValue = selectProps.multiple === true ? selectedValues : selectedValues.at(-1);

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
      <select {...selectProps}>{options}</select>
      {formGroup?.afterInput ? formGroupContent(formGroup.afterInput) : null}
    </div>
  );
}
