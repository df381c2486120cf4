/**
 * GOV.UK Frontend Checkboxes (`govukCheckboxes` macro, govuk-frontend 6.6.0
 * `components/checkboxes/template.njk`), with its fieldset, hint, error message, item hints, dividers,
 * conditionally revealed content and exclusive ("None of these") items.
 *
 * The checkboxes are uncontrolled: an item is checked (React's `defaultChecked`) if its `checked` is true, or –
 * when `checked` is not given – if its `value` is in the top-level `values`. The server-rendered HTML has
 * `checked`, and conditional content of an unchecked item has `govuk-checkboxes__conditional--hidden` (which
 * govuk-frontend's `Checkboxes` module, started by `data-module="govuk-checkboxes"`, toggles), so the form
 * works without JavaScript.
 *
 * `aria-describedby` (`describedBy`, or `fieldset.describedBy` which replaces it, then the hint's and error
 * message's ids) goes on the fieldset when there is one, else on every checkbox (before the item's own hint).
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
export type CheckboxesFieldset = Pick<FieldsetProps, "legend" | "describedBy" | "classes" | "attributes">;

/** The `hint` option (and an item's `hint`): the Hint component's options except `id`. */
export type CheckboxesHint = Omit<HintProps, "id" | "children">;

/** The `errorMessage` option: the ErrorMessage component's options except `id` (`<idPrefix>-error`). */
export type CheckboxesErrorMessage = Omit<ErrorMessageProps, "id" | "children">;

/** Content put inside the `govuk-checkboxes` container, before or after the items. */
export interface CheckboxesFormGroupContent {
  /** Text. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
}

export interface CheckboxesFormGroup {
  /** Classes to add to the form group. */
  classes?: string;
  /** HTML attributes to add to the form group. */
  attributes?: Attributes;
  /** Content before the first item, inside the `govuk-checkboxes` container. */
  beforeInputs?: CheckboxesFormGroupContent;
  /** Content after the last item, inside the `govuk-checkboxes` container. */
  afterInputs?: CheckboxesFormGroupContent;
}

export interface CheckboxesItem {
  /** `value` of the checkbox, sent with the form. */
  value?: string | number | boolean;
  /** Text of the item's label. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the item's label. */
  html?: HtmlOption;
  /** `id` of the checkbox. Defaults to `idPrefix` for the first item and `<idPrefix>-<n>` for the n-th one (counting falsy items). */
  id?: string;
  /** Options for the item's label. */
  label?: { classes?: string; attributes?: Attributes };
  /** `name` of the checkbox. Defaults to the top-level `name`. */
  name?: string;
  /** A hint under the item's label (`<id>-item-hint`, referenced by the checkbox's `aria-describedby`). */
  hint?: CheckboxesHint;
  /** Text of a divider (such as "or") shown instead of a checkbox; the item's other options are then ignored. */
  divider?: string;
  /** Whether the checkbox starts checked. Overrides the top-level `values` (`false` leaves it unchecked). */
  checked?: boolean;
  /** Content revealed when the checkbox is checked; left out without `html`. */
  conditional?: { html?: HtmlOption };
  /**
   * `"exclusive"` for an item that unchecks all the others when checked, and is unchecked by them (such as
   * "None of these"; govuk-frontend's JavaScript does it). Rendered as `data-behaviour`.
   */
  behaviour?: "exclusive" | (string & {});
  /** Disable the checkbox. */
  disabled?: boolean;
  /** HTML attributes to add to the checkbox. */
  attributes?: Attributes;
}

export interface CheckboxesProps {
  /** `name` of the checkboxes (unless an item has its own), sent with the form. */
  name: string;
  /** Prefix of the items' ids and of the hint's and error message's. Defaults to `name`. */
  idPrefix?: string;
  /** The checkboxes. Falsy entries are skipped (but still counted in the default ids). */
  items: ReadonlyArray<CheckboxesItem | null | undefined | false | "">;
  /**
   * Checks the items (without their own `checked`) whose `value` is in this list. As the template's `in`, the
   * comparison is strict: `2` is not in `["2"]`.
   */
  values?: ReadonlyArray<string | number | boolean> | null;
  /** Wrap the checkboxes in a fieldset with this legend. */
  fieldset?: CheckboxesFieldset | null | false;
  /** A hint, above the checkboxes. */
  hint?: CheckboxesHint | null | false;
  /** An error message, above the checkboxes. Falsy for none. */
  errorMessage?: CheckboxesErrorMessage | null | false;
  /** Options for the form group. */
  formGroup?: CheckboxesFormGroup;
  /** One or more element ids for `aria-describedby`, before the hint's and error message's (see above). */
  describedBy?: string;
  /** Classes to add to the `govuk-checkboxes` container, for example `govuk-checkboxes--small`. */
  classes?: string;
  /** HTML attributes to add to the `govuk-checkboxes` container. */
  attributes?: Attributes;
}

/** `{{ value }}` in an attribute: `undefined` and `null` render as an empty string. */
function attributeText(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function formGroupContent(item: CheckboxesFormGroupContent): ReactNode {
  if (item.html) return renderHtml(typeof item.html === "string" ? item.html.trim() : item.html);
  return item.text;
}

interface CheckboxItemProps {
  item: CheckboxesItem;
  name: string;
  itemId: string;
  isChecked: boolean;
  /** The ids for `aria-describedby` when there is no fieldset (empty with one). */
  describedBy: string;
}

function CheckboxItem({ item, name, itemId, isChecked, describedBy }: CheckboxItemProps) {
  const conditionalId = `conditional-${itemId}`;
  const conditionalHtml = item.conditional?.html;
  const hasHint = Boolean(item.hint && (item.hint.text || item.hint.html));
  const itemHintId = hasHint ? `${itemId}-item-hint` : "";
  const itemDescribedBy = `${describedBy} ${itemHintId}`.trim();

  // The template's own attributes come before `attributes`, so they win over them (first duplicate wins).
  const inputProps: Record<string, unknown> = attributesToProps(item.attributes);
  // `checked` from attributes: an uncontrolled checkbox (React renders `defaultChecked` as `checked`).
  const checkedByAttributes = inputProps.checked === true;
  delete inputProps.checked;
  Object.assign(inputProps, {
    className: "govuk-checkboxes__input",
    id: itemId,
    name: item.name || name,
    type: "checkbox",
    value: attributeText(item.value),
  });
  if (isChecked || checkedByAttributes) inputProps.defaultChecked = true;
  if (item.disabled) inputProps.disabled = true;
  if (conditionalHtml) inputProps["data-aria-controls"] = conditionalId;
  if (item.behaviour) inputProps["data-behaviour"] = item.behaviour;
  if (itemDescribedBy) inputProps["aria-describedby"] = itemDescribedBy;

  return (
    <>
      <div className="govuk-checkboxes__item">
        <input {...inputProps} />
        <Label
          html={item.html}
          text={item.text}
          classes={cx("govuk-checkboxes__label", item.label?.classes)}
          attributes={item.label?.attributes}
          for={itemId}
        />
        {hasHint ? (
          <Hint
            id={itemHintId}
            classes={cx("govuk-checkboxes__hint", item.hint!.classes)}
            attributes={item.hint!.attributes}
            html={item.hint!.html}
            text={item.hint!.text}
          />
        ) : null}
      </div>
      {conditionalHtml ? (
        <div
          className={cx("govuk-checkboxes__conditional", !isChecked && "govuk-checkboxes__conditional--hidden")}
          id={conditionalId}
          {...content(undefined, typeof conditionalHtml === "string" ? conditionalHtml.trim() : conditionalHtml)}
        />
      ) : null}
    </>
  );
}

export function Checkboxes(props: CheckboxesProps) {
  const { name, items, values, fieldset, hint, errorMessage, formGroup, classes, attributes } = props;
  const idPrefix = props.idPrefix || name;
  let describedBy = (fieldset && fieldset.describedBy) || props.describedBy || "";

  const parts = hintAndError(idPrefix, hint, errorMessage, describedBy);
  const { hintElement, errorElement } = parts;
  describedBy = parts.describedBy;

  const itemElements = (items ?? []).map((item, index) => {
    if (!item) return null;
    // The first id has no number suffix, so the error summary can link to it.
    const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix);
    if (item.divider) {
      return (
        <div key={index} className="govuk-checkboxes__divider">
          {item.divider}
        </div>
      );
    }
    // `item.checked | default(…, true)`: a truthy `checked` wins, else the top-level `values` decide unless
    // `checked` is exactly `false`.
    const isChecked = item.checked || (values ? item.value !== undefined && values.includes(item.value) && item.checked !== false : false);
    return (
      <CheckboxItem
        key={index}
        item={item}
        name={name}
        itemId={itemId}
        isChecked={Boolean(isChecked)}
        describedBy={fieldset ? "" : describedBy}
      />
    );
  });

  const inner = (
    <>
      {hintElement}
      {errorElement}
      {/* `class` comes before `attributes` in the template (so it wins), `data-module` after them. */}
      <div data-module="govuk-checkboxes" {...attributesToProps(attributes)} className={cx("govuk-checkboxes", classes)}>
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
