/**
 * GOV.UK Frontend Radios (`govukRadios` macro, govuk-frontend 6.6.0 `components/radios/template.njk`), with
 * its fieldset, hint, error message, item hints, dividers and conditionally revealed content.
 *
 * The radios are uncontrolled: an item is checked (React's `defaultChecked`) if its `checked` is true, or –
 * when `checked` is not given – if its `value` equals the top-level `value`. The server-rendered HTML has
 * `checked`, and conditional content of an unchecked item has `govuk-radios__conditional--hidden` (which
 * govuk-frontend's `Radios` module, started by `data-module="govuk-radios"`, toggles), so the form works
 * without JavaScript.
 *
 * As in the template, only `fieldset.describedBy` and the hint's and error message's ids go on the fieldset's
 * `aria-describedby`; without a fieldset they are not referenced (there is no top-level `describedBy`).
 */
import type { ReactNode } from "react";

import { hintAndError } from "./field-parts";
import { attributesToProps, cx, type Attributes } from "./attributes";
import type { ErrorMessageProps } from "./error-message";
import { Fieldset, type FieldsetProps } from "./fieldset";
import { Hint, type HintProps } from "./hint";
import { content, renderHtml, type HtmlOption } from "./html";
import { Label } from "./label";

/** The `fieldset` option: the Fieldset component's options the template passes on. */
export type RadiosFieldset = Pick<FieldsetProps, "legend" | "describedBy" | "classes" | "attributes">;

/** The `hint` option (and an item's `hint`): the Hint component's options except `id`. */
export type RadiosHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<idPrefix>-error`). */
export type RadiosErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** Content put inside the `govuk-radios` container, before or after the items. */
export interface RadiosFormGroupContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface RadiosFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content before the first item, inside the `govuk-radios` container. */
  beforeInputs?: RadiosFormGroupContent;
  /** Content after the last item, inside the `govuk-radios` container. */
  afterInputs?: RadiosFormGroupContent;
}

export interface RadiosItem {
  /** `value` of the radio, sent with the form. */
  value?: string | number | boolean;
  /** Text of the item's label. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the item's label. */
  html?: HtmlOption;
  /** `id` of the radio. Defaults to `idPrefix` for the first item and `<idPrefix>-<n>` for the n-th one (counting falsy items). */
  id?: string;
  /** Options for the item's label. */
  label?: { classes?: string; attributes?: Attributes };
  /** A hint under the item's label (`<id>-item-hint`, referenced by the radio's `aria-describedby`). */
  hint?: RadiosHint;
  /** Text of a divider (such as "or") shown instead of a radio; the item's other options are then ignored. */
  divider?: string;
  /** Whether the radio starts checked. Overrides the top-level `value` (`false` leaves it unchecked). */
  checked?: boolean;
  /** Content revealed when the radio is checked; left out without `html`. */
  conditional?: { html?: HtmlOption };
  /** Disable the radio. */
  disabled?: boolean;
  /** HTML attributes to add to the radio. */
  attributes?: Attributes;
}

export interface RadiosProps {
  /** `name` of the radios, sent with the form. */
  name: string;
  /** Prefix of the items' ids and of the hint's and error message's. Defaults to `name`. */
  idPrefix?: string;
  /** The radios. Falsy entries are skipped (but still counted in the default ids). */
  items: ReadonlyArray<RadiosItem | null | undefined | false | "">;
  /** Checks the item (without its own `checked`) whose `value` equals this (loosely, as Nunjucks' `==`). */
  value?: string | number | boolean | null;
  /** Wrap the radios in a fieldset with this legend. */
  fieldset?: RadiosFieldset | null | false;
  /** A hint, above the radios. */
  hint?: RadiosHint | null | false;
  /** An error message, above the radios. Falsy for none. */
  errorMessage?: RadiosErrorMessage | null | false;
  /** Options for the form group. */
  formGroup?: RadiosFormGroup;
  /** Classes to add to the `govuk-radios` container, for example `govuk-radios--inline` or `govuk-radios--small`. */
  classes?: string;
  /** HTML attributes to add to the `govuk-radios` container. */
  attributes?: Attributes;
}

/** `{{ value }}` in an attribute: `undefined` and `null` render as an empty string. */
function attributeText(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function formGroupContent(item: RadiosFormGroupContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

function RadioItem({ item, name, itemId, isChecked }: { item: RadiosItem; name: string; itemId: string; isChecked: boolean }) {
  const conditionalId = `conditional-${itemId}`;
  const conditionalHtml = item.conditional?.html;
  const hasHint = Boolean(item.hint && (item.hint.text || item.hint.html));
  const itemHintId = `${itemId}-item-hint`;

  // The template's own attributes come before `attributes`, so they win over them (first duplicate wins).
  const inputProps: Record<string, unknown> = attributesToProps(item.attributes);
  // `checked` from attributes: an uncontrolled radio (React renders `defaultChecked` as `checked`).
  const checkedByAttributes = inputProps.checked === true;
  delete inputProps.checked;
  Object.assign(inputProps, {
    className: "govuk-radios__input",
    id: itemId,
    name,
    type: "radio",
    value: attributeText(item.value),
  });
  if (isChecked || checkedByAttributes) inputProps.defaultChecked = true;
  if (item.disabled) inputProps.disabled = true;
  if (conditionalHtml) inputProps["data-aria-controls"] = conditionalId;
  if (hasHint) inputProps["aria-describedby"] = itemHintId;

  return (
    <>
      <div className="govuk-radios__item">
        <input {...inputProps} />
        <Label
          html={item.html}
          text={item.text}
          classes={cx("govuk-radios__label", item.label?.classes)}
          attributes={item.label?.attributes}
          for={itemId}
        />
        {hasHint ? (
          <Hint
            id={itemHintId}
            classes={cx("govuk-radios__hint", item.hint!.classes)}
            attributes={item.hint!.attributes}
            html={item.hint!.html}
            text={item.hint!.text}
          />
        ) : null}
      </div>
      {conditionalHtml ? (
        <div
          className={cx("govuk-radios__conditional", !isChecked && "govuk-radios__conditional--hidden")}
          id={conditionalId}
          {...content(undefined, typeof conditionalHtml === "string" ? conditionalHtml.trim() : conditionalHtml)}
        />
      ) : null}
    </>
  );
}

export function Radios(props: RadiosProps) {
  const { name, items, value, fieldset, hint, errorMessage, formGroup, classes, attributes } = props;
  const idPrefix = props.idPrefix || name;
  let describedBy = (fieldset && fieldset.describedBy) || "";

  const parts = hintAndError(idPrefix, hint, errorMessage, describedBy);
  const { hintElement, errorElement } = parts;
  describedBy = parts.describedBy;

  const itemElements = (items ?? []).map((item, index) => {
    if (!item) return null;
    // The first id has no number suffix, so the error summary can link to it.
    const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
    if (item.divider) {
      return (
        <div key={index} className="govuk-radios__divider">
          {item.divider}
        </div>
      );
    }
    // `item.checked | default(…, true)`: a truthy `checked` wins, else the top-level `value` decides unless
    // `checked` is exactly `false`. The comparison is Nunjucks' `==`, loose as in JavaScript (2 == "2").
    const isChecked = item.checked || (value ? item.value == value && item.checked !== false : false);
    return <RadioItem key={index} item={item} name={name} itemId={itemId} isChecked={Boolean(isChecked)} />;
  });

  const inner = (
    <>
      {hintElement}
      {errorElement}
      {/* `class` comes before `attributes` in the template (so it wins), `data-module` after them. */}
      <div data-module="govuk-radios" {...attributesToProps(attributes)} className={cx("govuk-radios", classes)}>
        {formGroup?.beforeInputs ? formGroupContent(formGroup.beforeInputs) : null}
        {itemElements}
        {formGroup?.afterInputs ? formGroupContent(formGroup.afterInputs) : null}
      </div>
    </>
  );

  return (
    <div
      {...attributesToProps(formGroup?.attributes)}
      className={cx("govuk-form-group", errorMessage && "govuk-form-group--error", formGroup?.classes)}
    >
      {fieldset ? (
        <Fieldset describedBy={describedBy || undefined} classes={fieldset.classes} attributes={fieldset.attributes} legend={fieldset.legend}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
